import { messageLines, mrkdwnToPlain, type NameOf, viewLines } from '../emulator/block-text.js';
import { weekdayTime } from '../emulator/channel-view.js';
import { RESPONSE_URL_METHOD, type RecordedCall } from '../emulator/slack-web-api.js';
import type { Act, Happening, ThreadOf } from './replay.js';
import type { Style } from './style.js';
import type { Person } from './week-script.js';

/** What the transcript needs to know about the workspace to name things; built from the script and the emulator. */
export interface World {
  timeZone: string;
  nameOf: NameOf;
  channelName(channelId: string): string;
  /** A message as the emulator holds it now; undefined once deleted. */
  message(channelId: string, ts: string): { user: string; threadTs: string | undefined } | undefined;
  /** The huddle title of a thread, when the thread is a huddle's. */
  huddleTitle(channelId: string, threadTs: string): string | undefined;
}

const BOT = 'empty-chair';
/** The width of "Mon 09:40  ": everything under a happening lines up after it. */
const INDENT = ' '.repeat(11);
const BODY = `${INDENT}  `;
const QUOTE_LENGTH = 60;

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length <= QUOTE_LENGTH ? oneLine : `${oneLine.slice(0, QUOTE_LENGTH - 1).trimEnd()}…`}”`;
}

function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function threadPhrase(thread: ThreadOf): string {
  return thread.kind === 'huddle'
    ? `in the thread of the huddle ${quote(thread.title)}`
    : `in the thread of ${possessive(thread.author)} ${quote(thread.text)}`;
}

/** The line saying what the person did, and what they wrote, if anything. */
function actLines(act: Act, channel: string, style: Style): { head: string; body: string[] } {
  const who = style.person(act.who.name);
  const where = style.channel(`#${channel}`);
  switch (act.kind) {
    case 'say':
      return {
        head: `${who} in ${where}${act.thread === undefined ? '' : `, ${threadPhrase(act.thread)}`}:`,
        body: act.text.split('\n'),
      };
    case 'huddle':
      return { head: `${who} starts a huddle in ${where}: ${quote(act.title)}`, body: [] };
    case 'command':
      return { head: `${who} runs in ${where}:`, body: [`${act.command} ${act.text}`.trim()] };
    case 'click': {
      const on =
        act.on.kind === 'card'
          ? `the card under ${possessive(act.on.author)} ${quote(act.on.text)}`
          : `the answer to ${act.on.command}`;
      return { head: `${who} clicks [${act.button}] on ${on}`, body: [] };
    }
    case 'submit':
      return { head: `${who} fills in ${quote(act.form)} and saves:`, body: [act.fields.join(' · ')] };
  }
}

/** What the bot did in one call, or undefined for calls that only read (auth.test, permalinks, lookups). */
function callLines(
  call: RecordedCall,
  actor: Person | undefined,
  world: World,
  style: Style,
): { does: string; shows: string[] } | undefined {
  const { args } = call;
  const channel = typeof args.channel === 'string' ? args.channel : '';
  const where = style.channel(`#${world.channelName(channel)}`);
  const actorName = actor === undefined ? 'the person who asked' : actor.name;
  switch (call.method) {
    case 'chat.postMessage': {
      const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
      const huddle = threadTs === undefined ? undefined : world.huddleTitle(channel, threadTs);
      const does = channel.startsWith('D')
        ? 'sends a direct message:'
        : threadTs === undefined
          ? `posts in ${where}:`
          : huddle === undefined
            ? 'replies in the thread:'
            : `replies in the huddle's thread:`;
      return { does, shows: messageLines(args, world.nameOf) };
    }
    case 'chat.update': {
      const ts = typeof args.ts === 'string' ? args.ts : '';
      const updated = world.message(channel, ts);
      const inThread = updated?.threadTs !== undefined && updated.threadTs !== ts;
      return {
        does: inThread ? 'turns its card in the thread into:' : `updates its message in ${where}:`,
        shows: messageLines(args, world.nameOf),
      };
    }
    case 'chat.delete':
      return { does: `deletes its message in ${where}.`, shows: [] };
    case 'reactions.add': {
      const ts = typeof args.timestamp === 'string' ? args.timestamp : '';
      const author = world.message(channel, ts)?.user;
      const whose = author === undefined ? 'the message' : `${possessive(world.nameOf(author) ?? author)} message`;
      return { does: `reacts ${mrkdwnToPlain(`:${String(args.name)}:`)} to ${whose}.`, shows: [] };
    }
    case 'chat.postEphemeral': {
      const user = typeof args.user === 'string' ? args.user : '';
      return { does: `tells only ${world.nameOf(user) ?? user}:`, shows: messageLines(args, world.nameOf) };
    }
    case RESPONSE_URL_METHOD: {
      const does =
        args.response_type === 'in_channel'
          ? 'answers in the channel:'
          : args.replace_original === true || args.replace_original === 'true'
            ? `replaces its answer to ${actorName} (only they see it):`
            : `answers only ${actorName}:`;
      return { does, shows: messageLines(args, world.nameOf) };
    }
    case 'views.open':
    case 'views.push':
      return { does: `opens a form for ${actorName}:`, shows: viewLines(args.view, world.nameOf) };
    case 'views.update':
      return { does: 'updates the form:', shows: viewLines(args.view, world.nameOf) };
    case 'views.publish': {
      const user = typeof args.user_id === 'string' ? args.user_id : '';
      return { does: `refreshes ${possessive(world.nameOf(user) ?? user)} App Home.`, shows: [] };
    }
    case 'files.getUploadURLExternal':
      return { does: `uploads ${String(args.filename)}.`, shows: [] };
    default:
      return undefined;
  }
}

/** Everything the bot did in answer, each call with what it posted under it; "stays silent" when it did nothing. */
export function botLines(
  calls: readonly RecordedCall[],
  actor: Person | undefined,
  world: World,
  style: Style,
  maxShown = Number.POSITIVE_INFINITY,
): string[] {
  const lines: string[] = [];
  for (const call of calls) {
    const shown = callLines(call, actor, world, style);
    if (shown === undefined) continue;
    lines.push(`${INDENT}${style.bot(`→ ${BOT}`)} ${shown.does}`);
    const visible = shown.shows.slice(0, maxShown);
    for (const line of visible) lines.push(`${BODY}${style.posted(`│ ${line}`)}`);
    const hidden = shown.shows.length - visible.length;
    if (hidden > 0) lines.push(`${BODY}${style.quiet(`│ … ${hidden} more line${hidden === 1 ? '' : 's'}`)}`);
  }
  return lines.length > 0 ? lines : [`${INDENT}${style.quiet(`→ ${BOT} stays silent.`)}`];
}

/** One happening: when, who did what, and what the bot did in answer. */
export function renderHappening(happening: Happening, world: World, style: Style): string[] {
  const { head, body } = actLines(happening.act, world.channelName(happening.channel), style);
  return [
    `${style.time(weekdayTime(happening.at, world.timeZone))}  ${head}`,
    ...body.map((line) => `${BODY}${line}`),
    ...botLines(happening.calls, happening.act.who, world, style),
    '',
  ];
}

export interface TranscriptHeader {
  channel: string;
  period: string;
  /** The week's Monday 00:00 and the next Monday 00:00. */
  week: { start: number; end: number };
  timeZone: string;
  people: readonly Person[];
}

export function renderHeader(header: TranscriptHeader, style: Style): string[] {
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: header.timeZone });
  const friday = header.week.start + 4 * 86_400_000 + 12 * 3_600_000;
  const people = header.people.map((person) =>
    person.role === undefined ? person.name : `${person.name} (${person.role})`,
  );
  return [
    style.heading(
      `empty-chair demo: a week in #${header.channel}, ${day.format(header.week.start)} to ${day.format(friday)} (${header.period}), times in ${header.timeZone}`,
    ),
    style.quiet(`The bot is the real one (src/main.ts); Slack is a local emulator. With ${people.join(', ')}.`),
    '',
  ];
}

export interface DigestRun {
  /** The command that produced it, as a person would type it. */
  command: string;
  /** What it printed. */
  output: string;
  calls: readonly RecordedCall[];
}

/** The digest as the CLI printed it, then what was posted to Slack, the post shortened to its title. */
export function renderDigest(run: DigestRun, world: World, style: Style): string[] {
  return [
    style.heading('The weekly digest'),
    style.quiet(`Monday, as the bot's schedule posts it; here by ${run.command}`),
    ...run.output
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
    ...botLines(run.calls, undefined, world, style, 1),
    '',
  ];
}
