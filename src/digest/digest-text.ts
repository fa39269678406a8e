import { EVIDENCE_LABELS } from '../blocks/labels.js';
import type { Digest } from './build-digest.js';
import { allCitedSentence, countsSentence, digestTitle, improvedSentence } from './digest-lines.js';

/** The digest as plain text for a terminal: the same sentences as the Slack message, every uncited decision listed. */
export function digestText(digest: Digest, questionText: string | null): string {
  const lines = [digestTitle(digest), countsSentence(digest)];
  const allCited = allCitedSentence(digest);
  if (allCited !== null) lines.push(allCited);
  if (digest.evidenceKinds.length > 0) {
    lines.push(
      `Evidence used: ${digest.evidenceKinds.map(({ kind, count }) => `${EVIDENCE_LABELS[kind]} (${count})`).join(', ')}`,
    );
  }
  for (const quote of digest.quotes) {
    const kind = quote.evidenceKind === null ? '' : ` (${EVIDENCE_LABELS[quote.evidenceKind]})`;
    const who = quote.customerWho === null ? '' : ` For: ${quote.customerWho}.`;
    const benefit = quote.benefit === null ? '' : ` They gain: ${quote.benefit}`;
    lines.push(`“${quote.text}”${kind} in #${quote.channelName}.${who}${benefit}`);
  }
  if (digest.uncitedDecisions.length > 0) {
    lines.push('Decided without customer insight:');
    for (const decision of digest.uncitedDecisions) {
      const link = decision.permalink === null ? '' : ` ${decision.permalink}`;
      lines.push(`  • #${decision.channelName}: ${decision.summary}${link}`);
    }
  }
  if (questionText !== null) lines.push(`Question asked most: ${questionText}`);
  const improved = improvedSentence(digest);
  if (improved !== null) lines.push(improved);
  return `${lines.join('\n')}\n`;
}
