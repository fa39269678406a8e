import type { webApi } from '@slack/bolt';
import { slackErrorCode } from '../../slack/errors.js';
import type { CommandChannel } from './subcommand.js';

export type ChannelAccess = { ok: true; channel: CommandChannel } | { ok: false; reason: string };

/**
 * Whether the bot can act on the channel a command was run in. Slack runs a slash command anywhere,
 * but the chair only keeps decisions of channels it is in, and cannot see private channels it is not in.
 */
export async function checkChannelAccess(
  client: webApi.WebClient,
  channelId: string,
  command: string,
): Promise<ChannelAccess> {
  if (channelId.startsWith('D')) {
    return { ok: false, reason: `Run \`${command}\` in a channel: it works on that channel's decisions.` };
  }
  try {
    const { channel } = await client.conversations.info({ channel: channelId });
    const name = channel?.name ?? channelId;
    if (channel?.is_member !== true) {
      return {
        ok: false,
        reason: `I am not in #${name}, so I keep no decisions here. Invite me with \`/invite @empty-chair\` and try again.`,
      };
    }
    return { ok: true, channel: { id: channelId, name, isPrivate: channel.is_private === true } };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'channel_not_found') {
      return {
        ok: false,
        reason: `I cannot see this channel: it is private and I am not in it. Invite me with \`/invite @empty-chair\` first.`,
      };
    }
    return { ok: false, reason: `Slack did not tell me about this channel (${code}). Please try again in a moment.` };
  }
}
