import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { welcomeMessage } from '../../blocks/welcome-message.js';
import type { AppDeps } from '../../deps.js';
import { slackErrorCode } from '../../slack/errors.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'member_joined_channel'>;

/** One welcome per channel, ever: leaving and rejoining does not repeat it. */
export function botJoinedChannel({ store, clock, logger }: AppDeps) {
  return async ({ event, context, client }: Args): Promise<void> => {
    if (context.botUserId === undefined || event.user !== context.botUserId) return;
    const teamId = context.teamId ?? event.team;
    const log = logger.child({ channel: event.channel });
    if (!store.channels.claimWelcome(teamId, event.channel, clock.now())) {
      log.info('joined a channel already welcomed: staying quiet');
      return;
    }
    try {
      await client.chat.postMessage({ channel: event.channel, ...welcomeMessage(), unfurl_links: false });
      log.info('joined a channel and posted the welcome');
    } catch (error) {
      store.channels.releaseWelcome(teamId, event.channel);
      log.warn({ error: slackErrorCode(error) }, 'could not post the welcome; will try on the next join');
    }
  };
}
