import { summarize } from '../text/summary.js';
import type { ExportDecision } from './analysis.js';
import type { FoundDecision } from './day-file.js';
import type { ExportChannel } from './export-meta.js';

/** `<@U123>` without a label; Slack writes mentions so, and the export's users.json knows the names. */
const BARE_MENTION = /<@([UW][A-Z0-9]+)>/g;

/** Mentions labelled with the person's name, so the summary reads "@maya" instead of a user id, and still pings nobody. */
function withNames(text: string, users: ReadonlyMap<string, string>): string {
  return text.replace(BARE_MENTION, (mention, id: string) => {
    const name = users.get(id);
    return name === undefined ? mention : `<@${id}|${name}>`;
  });
}

/** A decision as the day file held it, with its channel and names: what the reports and the database take. */
export function toExportDecision(
  found: FoundDecision,
  channel: ExportChannel,
  users: ReadonlyMap<string, string>,
): ExportDecision {
  const { detection } = found;
  return {
    channel,
    ts: found.ts,
    threadTs: found.threadTs,
    decidedAt: Math.round(Number(found.ts) * 1000),
    authorId: found.user,
    authorName: users.get(found.user) ?? found.user,
    summary: summarize(withNames(found.text, users)),
    category: detection.kind?.category ?? 'other',
    oneWayDoor: detection.kind?.oneWayDoor ?? false,
    cited: detection.customer,
    evidence: detection.evidence,
    confidence: detection.confidence,
  };
}
