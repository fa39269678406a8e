import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { noticeModal, parseCiteInsightMetadata, parseCiteSubmission } from '../../blocks/cite-insight-modal.js';
import type { AppDeps } from '../../deps.js';
import { showAnswer } from '../../slack/meeting-cards.js';

type Args = AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>;

export const STALE_VIEW_TEXT =
  'This decision is no longer recorded: its message was deleted or edited away. Nothing was saved.';

/** Validates before storing: a bad field is shown under that field and nothing changes. */
export function citeInsightSubmitted({ store, clock, logger, prompts }: AppDeps) {
  return async ({ ack, view, body, client }: Args): Promise<void> => {
    const metadata = parseCiteInsightMetadata(view.private_metadata);
    const decision = metadata === undefined ? undefined : store.decisions.get(metadata.decisionId);
    if (decision === undefined || decision.teamId !== (body.team?.id ?? body.user.team_id)) {
      await ack({ response_action: 'update', view: noticeModal('Decision not found', STALE_VIEW_TEXT) });
      return;
    }
    const submission = parseCiteSubmission(view.state.values);
    if (!submission.ok) {
      await ack({ response_action: 'errors', errors: submission.errors });
      return;
    }
    await ack();
    const answered = store.decisions.answer(
      decision.id,
      { status: 'cited', ...submission.insight, answeredBy: body.user.id },
      clock.now(),
    );
    if (answered === undefined) return;
    const log = logger.child({ decisionId: answered.id, channel: answered.channelId });
    log.info({ evidenceKind: answered.evidenceKind }, 'customer insight cited');
    await showAnswer(client, { store, prompts, logger: log }, answered);
  };
}
