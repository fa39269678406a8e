import type { types } from '@slack/bolt';
import type { Digest } from '../digest/build-digest.js';
import {
  allCitedSentence,
  countsSentence,
  digestTitle,
  improvedSentence,
  moreSentence,
} from '../digest/digest-lines.js';
import type { SlackMessage } from './decision-card.js';
import { ActionId } from './ids.js';
import { EVIDENCE_LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack allows 50 blocks in a message; the list of uncited decisions stops well before. */
export const MAX_LISTED_DECISIONS = 20;

/** The chart, uploaded before the post; the image block shows it inside the digest itself. */
export interface DigestChart {
  fileId: string;
  altText: string;
}

/** `verbatim` keeps Slack from turning a stored "@here" or "#channel" back into a live mention or link. */
const text = (value: string): types.MrkdwnElement => ({ type: 'mrkdwn', text: value, verbatim: true });
const context = (value: string): types.ContextBlock => ({ type: 'context', elements: [text(value)] });

function uncitedLine(digest: Digest, decision: Digest['uncitedDecisions'][number]): string {
  const summary = escapeMrkdwn(decision.summary);
  const where = digest.audience.kind === 'person' ? `#${escapeMrkdwn(decision.channelName)}: ` : '';
  return decision.permalink === null ? `• ${where}${summary}` : `• ${where}<${decision.permalink}|${summary}>`;
}

function quoteLine(quote: Digest['quotes'][number]): string {
  const who = quote.customerWho === null ? '' : ` For: ${escapeMrkdwn(quote.customerWho)}.`;
  const benefit = quote.benefit === null ? '' : ` They gain: ${escapeMrkdwn(quote.benefit)}`;
  const kind = quote.evidenceKind === null ? '' : ` (${EVIDENCE_LABELS[quote.evidenceKind]})`;
  return `:speech_balloon: _${escapeMrkdwn(quote.text)}_${kind}${who}${benefit}`;
}

/**
 * The digest as a Slack message; `questionText` names the question asked most, when there is one. At most
 * 7 + MAX_LISTED_DECISIONS + 2 blocks, whatever the week held, so even a week of 500 decisions fits Slack's 50.
 */
export function digestMessage(digest: Digest, questionText: string | null, chart?: DigestChart): SlackMessage {
  const title = digestTitle(digest);
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
    { type: 'section', text: text(escapeMrkdwn(countsSentence(digest))) },
  ];
  const allCited = allCitedSentence(digest);
  if (allCited !== null) blocks.push({ type: 'section', text: text(`:tada: ${allCited}`) });
  if (digest.evidenceKinds.length > 0) {
    const kinds = digest.evidenceKinds.map(({ kind, count }) => `${EVIDENCE_LABELS[kind]} (${count})`).join(', ');
    blocks.push(context(`Evidence used: ${kinds}`));
  }
  for (const quote of digest.quotes) blocks.push(context(quoteLine(quote)));
  if (digest.uncitedDecisions.length > 0) {
    blocks.push({ type: 'section', text: text('*Decided without customer insight:*') });
    // A DM has no channel to check the clicker against, so its buttons are answered as on the App Home.
    const actionId = digest.audience.kind === 'person' ? ActionId.homeCiteInsight : ActionId.citeInsight;
    for (const decision of digest.uncitedDecisions.slice(0, MAX_LISTED_DECISIONS)) {
      blocks.push({
        type: 'section',
        text: text(uncitedLine(digest, decision)),
        accessory: {
          type: 'button',
          action_id: actionId,
          text: { type: 'plain_text', text: 'Cite insight' },
          value: String(decision.id),
        },
      });
    }
    const more = moreSentence(MAX_LISTED_DECISIONS, digest.uncitedDecisions.length);
    if (more !== null) blocks.push(context(more));
  }
  const improved = improvedSentence(digest);
  const lines = [
    questionText === null ? null : `Question asked most: _${escapeMrkdwn(questionText)}_`,
    improved === null ? null : escapeMrkdwn(improved),
  ].filter((line): line is string => line !== null);
  if (lines.length > 0) blocks.push(context(lines.join('\n')));
  if (chart !== undefined) {
    blocks.push({
      type: 'image',
      slack_file: { id: chart.fileId },
      alt_text: chart.altText.slice(0, 2000),
      title: { type: 'plain_text', text: 'Cited vs uncited, last 12 weeks' },
    });
  }
  return { text: `${title}: ${digest.cited} of ${digest.total} decisions cited customer insight.`, blocks };
}
