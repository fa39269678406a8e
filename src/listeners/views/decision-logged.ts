import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { formExpired, parseChannelMetadata } from '../../blocks/channel-metadata.js';
import { parseLogDecisionSubmission } from '../../blocks/log-decision-modal.js';
import type { AppDeps } from '../../deps.js';
import { postLoggedDecision } from '../../slack/logged-decisions.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

/** Validates the hand-logged decision, then posts it to its channel and records it with its answer. */
export function decisionLogged(deps: AppDeps) {
  return async ({ ack, view, body, client }: Args): Promise<void> => {
    const metadata = parseChannelMetadata(view.private_metadata);
    const teamId = body.team?.id ?? body.user.team_id;
    if (metadata === undefined || teamId === undefined) {
      await ack(formExpired('/customer-check'));
      return;
    }
    const submission = parseLogDecisionSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await ack();
    const answer =
      submission.status === 'cited'
        ? { status: submission.status, ...submission.insight }
        : { status: submission.status };
    const result = await postLoggedDecision(deps, client, {
      teamId,
      channelId: metadata.channelId,
      userId: body.user.id,
      text: submission.text,
      answer,
    });
    if (!result.ok) {
      await client.chat
        .postEphemeral({
          channel: metadata.channelId,
          user: body.user.id,
          text: `Your decision was not logged: ${result.reason}`,
        })
        .catch((error: unknown) =>
          deps.logger.warn({ error: String(error) }, 'could not tell the user the log failed'),
        );
    }
  };
}
