import type { webApi } from '@slack/bolt';
import type { Logger } from '../logger.js';
import { slackErrorCode } from './errors.js';

const CHANNEL_ID = /^[CG][A-Z0-9]{6,}$/;

export interface JoinResult {
  joined: string[];
  failed: { channel: string; reason: string }[];
}

async function publicChannelIdsByName(client: webApi.WebClient): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  for await (const page of client.paginate('conversations.list', {
    types: 'public_channel',
    exclude_archived: true,
    limit: 200,
  })) {
    for (const channel of (page as webApi.ConversationsListResponse).channels ?? []) {
      if (channel.id !== undefined && channel.name !== undefined) byName.set(channel.name, channel.id);
    }
  }
  return byName;
}

/**
 * Joins the public channels named in CHANNELS (ids or names). Joining fires `member_joined_channel`,
 * which posts the welcome; a channel that cannot be joined is named in the log and the rest still are.
 */
export async function joinConfiguredChannels(
  client: webApi.WebClient,
  channels: readonly string[],
  logger: Logger,
): Promise<JoinResult> {
  const result: JoinResult = { joined: [], failed: [] };
  if (channels.length === 0) return result;
  const needsLookup = channels.some((channel) => !CHANNEL_ID.test(channel));
  let byName = new Map<string, string>();
  if (needsLookup) {
    try {
      byName = await publicChannelIdsByName(client);
    } catch (error) {
      logger.warn({ error: slackErrorCode(error) }, 'could not list channels to resolve CHANNELS names');
    }
  }
  for (const channel of channels) {
    const id = CHANNEL_ID.test(channel) ? channel : byName.get(channel);
    if (id === undefined) {
      result.failed.push({ channel, reason: 'no public channel with that name' });
      continue;
    }
    try {
      await client.conversations.join({ channel: id });
      result.joined.push(id);
    } catch (error) {
      result.failed.push({ channel, reason: slackErrorCode(error) });
    }
  }
  for (const { channel, reason } of result.failed) {
    logger.warn({ channel, reason }, 'could not join a channel from CHANNELS (only public channels can be joined)');
  }
  if (result.joined.length > 0) logger.info({ channels: result.joined }, 'joined the channels in CHANNELS');
  return result;
}
