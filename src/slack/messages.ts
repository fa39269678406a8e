/** A message a person wrote in a channel, the only kind the chair listens to. */
export interface HumanMessage {
  channel: string;
  user: string;
  text: string;
  ts: string;
  threadTs: string | undefined;
}

/** Subtypes that still carry a person's own words: a plain post, a reply also sent to the channel, a file with a caption. */
const SPOKEN_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * The person-written message in a `message` event, or undefined for everything the chair ignores:
 * bots (itself included), edits and deletions, joins and other system subtypes, empty or file-only messages.
 */
export function readHumanMessage(
  event: Record<string, unknown>,
  botUserId: string | undefined,
): HumanMessage | undefined {
  const subtype = stringField(event, 'subtype');
  if (!SPOKEN_SUBTYPES.has(subtype)) return undefined;
  if (event.bot_id !== undefined || event.bot_profile !== undefined) return undefined;
  const user = stringField(event, 'user');
  const channel = stringField(event, 'channel');
  const ts = stringField(event, 'ts');
  const text = stringField(event, 'text')?.trim();
  if (user === undefined || channel === undefined || ts === undefined || !text || user === botUserId) return undefined;
  return { channel, user, text, ts, threadTs: stringField(event, 'thread_ts') };
}
