import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { noticeModal } from '../../blocks/cite-insight-modal.js';
import { parseSubscriptionSubmission } from '../../blocks/subscription-modal.js';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../slack/home-tab.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

const NO_WORKSPACE_TEXT = 'Slack did not say which workspace this form is from. Nothing was saved; please try again.';

/** Saves the person's digest subscription; a bad value is shown under its field and nothing changes. */
export function digestSubscriptionSaved(deps: AppDeps) {
  const { store, clock, logger } = deps;
  return async ({ ack, view, body, client }: Args): Promise<void> => {
    const teamId = body.team?.id ?? body.user.team_id;
    const submission = parseSubscriptionSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    if (teamId === undefined) {
      await ack({ response_action: 'update', view: noticeModal('Not saved', NO_WORKSPACE_TEXT) });
      return;
    }
    await ack();
    store.subscriptions.upsert(teamId, body.user.id, submission.schedule, clock.now());
    logger.info({ user: body.user.id, ...submission.schedule }, 'digest subscription saved');
    await publishHome(client, deps, { teamId, userId: body.user.id });
  };
}
