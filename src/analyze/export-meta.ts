import { z } from 'zod';
import {
  CHANNELS_FILE,
  type MetaFileRead,
  PRIVATE_CONVERSATION_FILES,
  type PrivateConversationFile,
  USERS_FILE,
} from './export-layout.js';

export interface ExportChannel {
  /** Null when the export has no usable channels.json: the channel is known by its folder only. */
  id: string | null;
  name: string;
}

export interface ExportMeta {
  /** Public channels by folder (their name); null when channels.json is missing or unreadable. */
  channels: ReadonlyMap<string, ExportChannel> | null;
  /** Folders of conversations that are not public channels, with what they are. */
  privateFolders: ReadonlyMap<string, string>;
  /** What people are called, by user id. */
  users: ReadonlyMap<string, string>;
  /** The workspace the export came from, as users.json names it. */
  teamId: string | undefined;
}

/** A meta file that was there but could not be used; the analysis goes on without it. */
export interface MetaProblem {
  file: string;
  reason: string;
}

const conversation = z.looseObject({ id: z.string().min(1), name: z.string().min(1).optional() });
const conversations = z.array(conversation);
const channels = z.array(z.looseObject({ id: z.string().min(1), name: z.string().min(1) }));
const users = z.array(
  z.looseObject({
    id: z.string().min(1),
    team_id: z.string().optional(),
    name: z.string().optional(),
    real_name: z.string().optional(),
    profile: z.looseObject({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
);

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function parse<T>(read: MetaFileRead, schema: z.ZodType<T>): Parsed<T> {
  if ('error' in read) return { ok: false, reason: read.error };
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return { ok: false, reason: `not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  return { ok: false, reason: `not what Slack writes there (${where}${issue?.message ?? 'unexpected content'})` };
}

/** The name people see: the display name they chose, else their full name, else their handle. */
function userName(user: z.infer<typeof users>[number]): string {
  const chosen = [user.profile?.display_name, user.profile?.real_name, user.real_name, user.name].find(
    (name) => name !== undefined && name.trim() !== '',
  );
  return chosen?.trim() ?? user.id;
}

/** Reads the export's meta files (those present, by name); a broken one is reported and the rest still used. */
export function readExportMeta(files: ReadonlyMap<string, MetaFileRead>): {
  meta: ExportMeta;
  problems: MetaProblem[];
} {
  const problems: MetaProblem[] = [];
  const read = <T>(file: string, schema: z.ZodType<T>): T | undefined => {
    const found = files.get(file);
    if (found === undefined) return undefined;
    const parsed = parse(found, schema);
    if (parsed.ok) return parsed.value;
    problems.push({ file, reason: parsed.reason });
    return undefined;
  };

  const channelList = read(CHANNELS_FILE, channels);
  const userList = read(USERS_FILE, users) ?? [];
  const privateFolders = new Map<string, string>();
  for (const [file, what] of Object.entries(PRIVATE_CONVERSATION_FILES)) {
    // DMs have no name: their folder is their id.
    for (const each of read(file as PrivateConversationFile, conversations) ?? []) {
      privateFolders.set(each.name ?? each.id, what);
    }
  }
  const teams = new Map<string, number>();
  for (const user of userList) {
    if (user.team_id !== undefined) teams.set(user.team_id, (teams.get(user.team_id) ?? 0) + 1);
  }
  // Guests from other workspaces carry their own team: the export's is the one most people belong to.
  const teamId = [...teams.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    meta: {
      channels:
        channelList === undefined
          ? null
          : new Map(channelList.map((channel) => [channel.name, { id: channel.id, name: channel.name }])),
      privateFolders,
      users: new Map(userList.map((user) => [user.id, userName(user)])),
      teamId,
    },
    problems,
  };
}
