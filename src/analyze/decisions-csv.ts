import { csvRecord } from '../export/decisions-csv.js';
import type { ExportDecision } from './analysis.js';

/** decisions.csv's columns, in order; the README's "Analyze a Slack export" section documents each one. */
export const EXPORT_DECISION_COLUMNS = [
  'decided_at',
  'channel_id',
  'channel_name',
  'message_ts',
  'thread_ts',
  'author_id',
  'author_name',
  'summary',
  'category',
  'one_way_door',
  'cited',
  'detected_evidence',
  'confidence',
] as const;

type Column = (typeof EXPORT_DECISION_COLUMNS)[number];

export const decisionsCsvHeader = (): string => csvRecord(EXPORT_DECISION_COLUMNS);

/** One decision as a CSV record, quoted and made formula-safe like /customer-check export's. */
export function decisionsCsvRow(decision: ExportDecision): string {
  const row: Record<Column, string> = {
    decided_at: new Date(decision.decidedAt).toISOString(),
    channel_id: decision.channel.id ?? '',
    channel_name: decision.channel.name,
    message_ts: decision.ts,
    thread_ts: decision.threadTs ?? '',
    author_id: decision.authorId,
    author_name: decision.authorName,
    summary: decision.summary,
    category: decision.category,
    one_way_door: String(decision.oneWayDoor),
    cited: String(decision.cited),
    detected_evidence: decision.evidence.join(';'),
    confidence: decision.confidence.toFixed(2),
  };
  return csvRecord(EXPORT_DECISION_COLUMNS.map((column) => row[column]));
}
