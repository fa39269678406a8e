import { parseArgs } from 'node:util';
import { IsoWeekError, parseIsoWeek } from '../stats/week-ranges.js';
import { CliError } from './cli-error.js';

export type ChannelArg = { kind: 'id'; id: string } | { kind: 'name'; name: string };

export interface DigestArgs {
  /** An ISO week such as 2026-W47, valid in any time zone; which instants it spans depends on DIGEST_TZ. */
  week: string;
  channel: ChannelArg | undefined;
  team: string | undefined;
  out: string;
  post: boolean;
}

// Slack ids are upper case and names lower case, so `C0123` is an id and `c0123` a name.
const CHANNEL_ID = /^[CG][A-Z0-9]+$/;

function channelArg(value: string): ChannelArg {
  if (CHANNEL_ID.test(value)) return { kind: 'id', id: value };
  const name = value.replace(/^#/, '').toLowerCase();
  if (name === '' || /\s/.test(name)) {
    throw new CliError(`--channel '${value}' is not a channel: give its id (C…) or its name (#product)`, true);
  }
  return { kind: 'name', name };
}

/** The digest command's options, checked before anything is read: a mistake here touches nothing. */
export function parseDigestArgs(argv: readonly string[]): DigestArgs {
  let values: { week?: string[]; channel?: string[]; team?: string[]; out?: string[]; post?: boolean[] };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      // Every option may be repeated, so a repeat is refused here rather than silently won by the last one.
      options: {
        week: { type: 'string', multiple: true },
        channel: { type: 'string', multiple: true },
        team: { type: 'string', multiple: true },
        out: { type: 'string', multiple: true },
        post: { type: 'boolean', multiple: true },
      },
    }));
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), true);
  }
  const once = <T>(name: string, given: T[] | undefined): T | undefined => {
    if (given !== undefined && given.length > 1) throw new CliError(`--${name} is given ${given.length} times`, true);
    return given?.[0];
  };

  const week = once('week', values.week);
  if (week === undefined) throw new CliError('--week is missing: say which week, e.g. --week 2026-W47', true);
  try {
    // Whether a key names a week does not depend on the time zone; the instants it spans do, and are read later.
    parseIsoWeek(week, 'UTC');
  } catch (error) {
    if (error instanceof IsoWeekError) throw new CliError(error.message, true);
    throw error;
  }
  const channel = once('channel', values.channel);
  const team = once('team', values.team);
  const out = once('out', values.out) ?? '.';
  if (out === '') throw new CliError('--out is empty: give a directory, or leave it off for the current one', true);
  return {
    week,
    channel: channel === undefined ? undefined : channelArg(channel),
    team,
    out,
    post: once('post', values.post) ?? false,
  };
}
