import type { webApi } from '@slack/bolt';

export interface SlackChannel {
  id: string;
  name: string;
  isPrivate: boolean;
  /** Whether the bot is in it; only conversations.list says so. */
  isMember: boolean;
}

type ChannelPage = { channels?: { id?: string; name?: string; is_private?: boolean; is_member?: boolean }[] };

async function collect(pages: AsyncIterable<webApi.WebAPICallResult>): Promise<SlackChannel[]> {
  const channels: SlackChannel[] = [];
  for await (const page of pages) {
    for (const channel of (page as ChannelPage).channels ?? []) {
      if (channel.id === undefined) continue;
      channels.push({
        id: channel.id,
        name: channel.name ?? channel.id,
        isPrivate: channel.is_private === true,
        isMember: channel.is_member === true,
      });
    }
  }
  return channels;
}

/**
 * The channels a person is in, as Slack says now; what they may see and answer on the App Home and in their digest.
 * Slack lists a private channel only to its members (and only when the bot is in it too), so a private
 * channel's decisions never reach anyone outside it. A failed call throws: guessing would show too much or too little.
 */
export function viewerChannels(client: webApi.WebClient, userId: string): Promise<SlackChannel[]> {
  return collect(
    client.paginate('users.conversations', {
      user: userId,
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 200,
    }),
  );
}

export async function viewerChannelIds(client: webApi.WebClient, userId: string): Promise<Set<string>> {
  return new Set((await viewerChannels(client, userId)).map((channel) => channel.id));
}

/** Every channel the bot can see, public and (where it is a member) private, with names and privacy. */
export function workspaceChannels(client: webApi.WebClient): Promise<SlackChannel[]> {
  return collect(
    client.paginate('conversations.list', {
      types: 'public_channel,private_channel',
      exclude_archived: true,
      limit: 200,
    }),
  );
}
