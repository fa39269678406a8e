import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../slack/home-tab.js';
import { citeInsightSubmitted } from './cite-insight-submitted.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/**
 * The cite modal opened from the App Home: validated and recorded exactly as from the channel's card, then the Home is
 * rebuilt so the decision leaves its waiting list. After a refused submission the rebuild simply shows the same Home.
 */
export function homeCiteInsightSubmitted(deps: AppDeps) {
  const recordCitation = citeInsightSubmitted(deps);
  return async (args: Args): Promise<void> => {
    await recordCitation(args);
    const teamId = args.body.team?.id ?? args.body.user.team_id;
    if (teamId !== undefined) await publishHome(args.client, deps, { teamId, userId: args.body.user.id });
  };
}
