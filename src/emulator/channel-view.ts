import { imageFileIds, messageLines, mrkdwnToPlain, type NameOf } from './block-text.js';

/** A message in the emulator's store, as posted by a person or the bot. */
export interface StoredMessage {
  ts: string;
  channel: string;
  user: string;
  text: string;
  blocks?: unknown;
  thread_ts?: string;
  bot_id?: string;
  subtype?: string;
}

/** A message only one person sees: chat.postEphemeral, or an ephemeral answer through a response_url. */
export interface StoredEphemeral extends StoredMessage {
  /** Who alone sees it. */
  visibleTo: string;
}

export interface StoredReaction {
  channel: string;
  ts: string;
  name: string;
}

export interface ViewMessage {
  ts: string;
  /** "Mon 09:40", in the view's time zone. */
  time: string;
  author: string;
  bot: boolean;
  lines: string[];
  /** Where the page loads the uploaded images the message shows. */
  images: string[];
  /** Emoji, in the order they were added. */
  reactions: string[];
  /** The name of the one person who sees it; absent on ordinary messages. */
  onlyVisibleTo?: string;
  replies: ViewMessage[];
}

export interface ViewChannel {
  id: string;
  name: string;
  messages: ViewMessage[];
}

/** What the page shows: every channel with messages, threads nested under their parents. */
export interface ChannelView {
  channels: ViewChannel[];
}

export interface ChannelViewInput {
  channels: readonly { id: string; name: string }[];
  messages: readonly StoredMessage[];
  ephemerals: readonly StoredEphemeral[];
  reactions: readonly StoredReaction[];
  nameOf: NameOf;
  /** Where an uploaded file can be loaded from; undefined for a file the emulator does not have. */
  fileUrl: (fileId: string) => string | undefined;
  botName: string;
  timeZone: string;
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** "Mon 09:40": the weekday and time in `timeZone`, as a week's messages are told apart. Formats are kept per zone. */
export function weekdayTime(instant: number, timeZone: string): string {
  let format = weekdayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone,
    });
    weekdayFormats.set(timeZone, format);
  }
  return format.format(instant).replace(',', '');
}

function tsOrder(a: { ts: string }, b: { ts: string }): number {
  return Number(a.ts) - Number(b.ts);
}

/** Builds the page's model: pure, so the page and its tests read the same thing. */
export function buildChannelView(input: ChannelViewInput): ChannelView {
  const names = new Map(input.channels.map((channel) => [channel.id, channel.name]));
  const toView = (message: StoredMessage | StoredEphemeral): ViewMessage => {
    const bot = message.bot_id !== undefined;
    const visibleTo = 'visibleTo' in message ? message.visibleTo : undefined;
    return {
      ts: message.ts,
      time: weekdayTime(Number(message.ts) * 1000, input.timeZone),
      author: bot ? input.botName : (input.nameOf(message.user) ?? message.user),
      bot,
      lines: messageLines(message, input.nameOf),
      images: imageFileIds(message.blocks).flatMap((id) => input.fileUrl(id) ?? []),
      reactions: input.reactions
        .filter((reaction) => reaction.channel === message.channel && reaction.ts === message.ts)
        .map((reaction) => mrkdwnToPlain(`:${reaction.name}:`)),
      ...(visibleTo === undefined ? {} : { onlyVisibleTo: input.nameOf(visibleTo) ?? visibleTo }),
      replies: [],
    };
  };

  const channelIds = [...new Set([...input.messages, ...input.ephemerals].map((message) => message.channel))];
  return {
    channels: channelIds.map((id) => {
      const all = [...input.messages, ...input.ephemerals].filter((message) => message.channel === id).sort(tsOrder);
      const parents = new Map<string, ViewMessage>();
      const top: ViewMessage[] = [];
      for (const message of all) {
        const view = toView(message);
        const parent = message.thread_ts === undefined ? undefined : parents.get(message.thread_ts);
        if (parent !== undefined && message.thread_ts !== message.ts) {
          parent.replies.push(view);
        } else {
          top.push(view);
          parents.set(message.ts, view);
        }
      }
      return { id, name: names.get(id) ?? id, messages: top };
    }),
  };
}
