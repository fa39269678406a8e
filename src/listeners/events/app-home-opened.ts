import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../slack/home-tab.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'app_home_opened'>;

/** Every opening of the Home tab rebuilds the dashboard, so it is never older than the last visit. */
export function appHomeOpened(deps: AppDeps) {
  return async ({ event, context, client }: Args): Promise<void> => {
    if (event.tab !== 'home' || context.teamId === undefined) return;
    await publishHome(client, deps, { teamId: context.teamId, userId: event.user });
  };
}
