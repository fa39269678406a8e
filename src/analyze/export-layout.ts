/**
 * Where things are in a Slack workspace export: a few JSON files at the top describe the workspace, and every
 * conversation is a folder named after it holding one `YYYY-MM-DD.json` file a day, an array of that day's messages.
 */

export const CHANNELS_FILE = 'channels.json';
export const USERS_FILE = 'users.json';

/** Conversations that are not public channels, by the file that lists them: their folders are recognised and left out. */
export const PRIVATE_CONVERSATION_FILES = {
  'groups.json': 'a private channel',
  'mpims.json': 'a group DM',
  'dms.json': 'a DM',
} as const;
export type PrivateConversationFile = keyof typeof PRIVATE_CONVERSATION_FILES;

export const META_FILES: ReadonlySet<string> = new Set([
  CHANNELS_FILE,
  USERS_FILE,
  ...Object.keys(PRIVATE_CONVERSATION_FILES),
]);

/**
 * A day file is read whole, so one this big would take the memory the streaming is there to save. A busy channel's
 * day is a few megabytes; anything near this is not a day of messages.
 */
const MAX_DAY_FILE_BYTES = 64 * 1024 * 1024;

const wholeMegabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Why a day file of this size is not read; undefined when it may be. */
export function tooBigForADay(bytes: number): string | undefined {
  if (bytes <= MAX_DAY_FILE_BYTES) return undefined;
  return `it holds ${wholeMegabytes(bytes)}, more than a day of messages can (${wholeMegabytes(MAX_DAY_FILE_BYTES)})`;
}

const DAY_FILE = /^([^/]+)\/(\d{4}-\d{2}-\d{2})\.json$/;

export interface DayFilePath {
  /** The conversation's folder: a channel's name. */
  folder: string;
  /** `YYYY-MM-DD`. */
  day: string;
}

/** The folder and day of `folder/YYYY-MM-DD.json` (relative to the export's top); undefined for any other path. */
export function dayFilePath(relative: string): DayFilePath | undefined {
  const match = DAY_FILE.exec(relative);
  return match === null ? undefined : { folder: match[1] as string, day: match[2] as string };
}

/** A conversation folder's day files, as the export's inventory lists them before anything is read. */
export interface FolderInventory {
  folder: string;
  files: number;
  bytes: number;
}

/** One meta file's text, or why it could not be read. */
export type MetaFileRead = { text: string } | { error: string };
