import type { Detection } from '../detect/types.js';
import { readHumanMessage } from '../slack/messages.js';

/** `detect`, or something that gives the same verdicts: run inline, or in a worker thread. */
export type Detector = (text: string) => Detection;

/** A message the detector read as a decision, as it stands in the day file. */
export interface FoundDecision {
  ts: string;
  /** The thread it was posted in; null for a message in the channel itself (a thread's parent included). */
  threadTs: string | null;
  user: string;
  text: string;
  detection: Detection;
}

/** What one day file holds, counted; small enough to pass between threads. */
export interface DayResult {
  /** Messages people wrote: the ones the detector read. */
  messages: number;
  /** Joins, bots, edits and other system messages: left out, as the bot leaves them out live. */
  ignored: number;
  /** People's messages by the UTC month they were posted in, `2026-10`. */
  months: Record<string, number>;
  decisions: FoundDecision[];
}

/** The day file is not what Slack writes: it is skipped, and the rest of the export still analysed. */
export class DayFileError extends Error {
  override readonly name = 'DayFileError';
}

const decoder = new TextDecoder();

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const DAY_SECONDS = 86_400;

/**
 * `2026-10` for a Slack ts (seconds since 1970, as a string); undefined when it is not one. A day file's messages
 * are nearly all of one day, so the month is worked out once a day rather than once a message.
 */
function monthReader(): (ts: string) => string | undefined {
  let day = Number.NaN;
  let month = '';
  return (ts) => {
    const seconds = Number(ts);
    if (!Number.isFinite(seconds)) return undefined;
    const today = Math.floor(seconds / DAY_SECONDS);
    if (today !== day) {
      day = today;
      month = new Date(today * DAY_SECONDS * 1000).toISOString().slice(0, 7);
    }
    return month;
  };
}

/**
 * Reads one day file (a JSON array of messages) and runs the detector on every message a person wrote, exactly the
 * messages the bot would read live. Throws DayFileError when the file is not valid JSON or not an array of messages.
 */
export function analyzeDay(bytes: Uint8Array, detector: Detector): DayResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    throw new DayFileError(`not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(parsed)) throw new DayFileError(`not an array of messages (it is ${describe(parsed)})`);
  const result: DayResult = { messages: 0, ignored: 0, months: {}, decisions: [] };
  const utcMonth = monthReader();
  for (const [index, item] of parsed.entries()) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new DayFileError(`not an array of messages (item ${index} is ${describe(item)})`);
    }
    // Export messages leave out the channel a live event carries: the folder is it, and the detector never reads it.
    // Set on the parsed message itself, which nothing else holds, rather than on a copy of every message.
    item.channel = 'export';
    const message = readHumanMessage(item, undefined);
    const month = message === undefined ? undefined : utcMonth(message.ts);
    if (message === undefined || month === undefined) {
      result.ignored += 1;
      continue;
    }
    result.messages += 1;
    result.months[month] = (result.months[month] ?? 0) + 1;
    const detection = detector(message.text);
    if (!detection.decision || detection.kind === null) continue;
    result.decisions.push({
      ts: message.ts,
      threadTs: message.threadTs !== undefined && message.threadTs !== message.ts ? message.threadTs : null,
      user: message.user,
      text: message.text,
      detection,
    });
  }
  return result;
}
