import { defaultDigestSchedule, subscriptionModal } from '../../blocks/subscription-modal.js';
import type { AppDeps } from '../../deps.js';
import { slackErrorCode } from '../../slack/errors.js';
import { userTimeZone } from '../../slack/user-time-zone.js';
import type { ButtonArgs } from './button-decision.js';

/** The App Home's *Digest settings*: the saved subscription, or the defaults in the person's Slack time zone. */
export function digestSettingsClicked({ store, logger }: AppDeps) {
  return async ({ ack, body, client }: ButtonArgs): Promise<void> => {
    await ack();
    const teamId = body.team?.id ?? body.user.team_id;
    const timeZone = await userTimeZone(client, body.user.id, logger);
    const saved = teamId === undefined ? undefined : store.subscriptions.get(teamId, body.user.id);
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: subscriptionModal(saved ?? defaultDigestSchedule(timeZone), timeZone),
      });
    } catch (error) {
      logger.warn({ user: body.user.id, error: slackErrorCode(error) }, 'could not open the digest settings');
    }
  };
}
