import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { deleteDecisionCard } from '../../slack/decision-cards.js';
import { refreshMeetingCard } from '../../slack/meeting-cards.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/** A deleted announcement takes its record, its answers and the chair's card with it. */
export function messageDeleted({ store, logger, prompts }: AppDeps) {
  return async ({ event, context, client }: Args): Promise<void> => {
    const deleted = event as unknown as Record<string, unknown>;
    if (typeof deleted.channel !== 'string' || typeof deleted.deleted_ts !== 'string') return;
    const decision = store.decisions.findByMessage(context.teamId ?? '', deleted.channel, deleted.deleted_ts);
    if (decision === undefined) return;
    store.decisions.delete(decision.id);
    const log = logger.child({ decisionId: decision.id, channel: decision.channelId });
    await deleteDecisionCard(client, decision, log);
    await refreshMeetingCard(client, { store, prompts, logger: log }, decision.meetingId);
    log.info('decision message deleted: record removed');
  };
}
