import type { DecisionRecord } from '../store/decisions.js';

/** The export's columns, in order; the README's "CSV export" section documents each one. */
export const DECISION_CSV_COLUMNS = [
  'decided_at',
  'channel_id',
  'channel_name',
  'permalink',
  'author_id',
  'summary',
  'source',
  'category',
  'one_way_door',
  'status',
  'evidence_kind',
  'evidence_link',
  'customer',
  'benefit',
  'answered_by',
  'answered_at',
  'detected_evidence',
] as const;

type DecisionCsvColumn = (typeof DECISION_CSV_COLUMNS)[number];

/** RFC 4180 ends every record with CRLF, whatever the platform. */
const RECORD_END = '\r\n';
/** A spreadsheet reads a cell starting with one of these as a formula (or, for tab and CR, strips them and then may). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function isoUtc(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString();
}

/**
 * One field as a spreadsheet can open it safely: a leading `'` keeps free text (a summary, who the customer is)
 * from running as a formula, then RFC 4180 quoting keeps commas, quotes and line breaks inside the field.
 */
export function csvField(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(inert) ? `"${inert.replaceAll('"', '""')}"` : inert;
}

/** Typed as a record over the columns, so a column added to the list cannot be left without a value. */
function decisionRow(decision: DecisionRecord, channelName: string): Record<DecisionCsvColumn, string> {
  return {
    decided_at: isoUtc(decision.createdAt),
    channel_id: decision.channelId,
    channel_name: channelName,
    permalink: decision.permalink ?? '',
    author_id: decision.authorId,
    summary: decision.summary,
    source: decision.source,
    category: decision.category,
    one_way_door: String(decision.oneWayDoor),
    status: decision.status,
    evidence_kind: decision.evidenceKind ?? '',
    evidence_link: decision.evidenceLink ?? '',
    customer: decision.customerWho ?? '',
    benefit: decision.benefit ?? '',
    answered_by: decision.answeredBy ?? '',
    answered_at: isoUtc(decision.answeredAt),
    detected_evidence: decision.detectedEvidence.join(';'),
  };
}

/** One CSV record: each field made safe and quoted as needed, ended with CRLF. */
export function csvRecord(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}${RECORD_END}`;
}

/** A channel's decisions as CSV: a header row, then one row per decision in the order given. */
export function decisionsCsv(decisions: readonly DecisionRecord[], channelName: string): string {
  const rows = decisions.map((decision) => {
    const row = decisionRow(decision, channelName);
    return csvRecord(DECISION_CSV_COLUMNS.map((column) => row[column]));
  });
  return csvRecord(DECISION_CSV_COLUMNS) + rows.join('');
}

/** The UTC calendar day of an instant, `yyyy-mm-dd`: the same clock as the timestamps inside the file. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `empty-chair-<channel>-<yyyy-mm-dd>.csv`, with anything a file system might object to in the name made a `-`. */
export function exportFileName(channelName: string, now: number): string {
  const safeName = channelName.replace(/[^\p{L}\p{N}_-]+/gu, '-');
  return `empty-chair-${safeName}-${utcDay(now)}.csv`;
}
