import type { webApi } from '@slack/bolt';

/**
 * The channels a person is in, as Slack says now; what they may see and answer on the App Home.
 * Slack lists a private channel only to its members (and only when the bot is in it too), so a private
 * channel's decisions never reach anyone outside it. A failed call throws: guessing would show too much or too little.
 */
export async function viewerChannelIds(client: webApi.WebClient, userId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for await (const page of client.paginate('users.conversations', {
    user: userId,
    types: 'public_channel,private_channel',
    exclude_archived: true,
    limit: 200,
  })) {
    for (const channel of (page as webApi.UsersConversationsResponse).channels ?? []) {
      if (channel.id !== undefined) ids.add(channel.id);
    }
  }
  return ids;
}
