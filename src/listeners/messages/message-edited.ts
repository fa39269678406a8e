import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { deleteDecisionCard, reactWithInsight } from '../../slack/decision-cards.js';
import { refreshMeetingCard, showAnswer } from '../../slack/meeting-cards.js';
import { summarize } from '../../text/summary.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

interface EditedMessage {
  channel: string;
  ts: string;
  user: string | undefined;
  text: string;
  /** Slack turns a deleted thread parent into a tombstone edit instead of a deletion. */
  tombstone: boolean;
}

function readEdit(event: Record<string, unknown>): EditedMessage | undefined {
  const message = event.message;
  if (typeof event.channel !== 'string' || typeof message !== 'object' || message === null) return undefined;
  const edited = message as Record<string, unknown>;
  if (typeof edited.ts !== 'string') return undefined;
  return {
    channel: event.channel,
    ts: edited.ts,
    user: typeof edited.user === 'string' && edited.bot_id === undefined ? edited.user : undefined,
    text: typeof edited.text === 'string' ? edited.text : '',
    tombstone: edited.subtype === 'tombstone',
  };
}

/**
 * An edit updates the decision it announced. Edits never start a prompt (that would nag about old messages);
 * an unanswered decision edited into a non-decision is forgotten, and one edited to cite insight counts as cited.
 */
export function messageEdited({ store, clock, logger, prompts, detector }: AppDeps) {
  return async ({ event, context, client }: Args): Promise<void> => {
    const edit = readEdit(event as unknown as Record<string, unknown>);
    if (edit === undefined) return;
    const decision = store.decisions.findByMessage(context.teamId ?? '', edit.channel, edit.ts);
    if (decision === undefined) return;
    const log = logger.child({ decisionId: decision.id, channel: decision.channelId });

    if (edit.tombstone) {
      store.decisions.delete(decision.id);
      await deleteDecisionCard(client, decision, log);
      log.info('decision message deleted: record removed');
      return;
    }
    if (edit.user === undefined || edit.text.trim() === '') return;

    const detection = await detector(edit.text);
    const now = clock.now();
    if (!detection.decision || detection.kind === null) {
      if (decision.status !== 'pending') return;
      store.decisions.delete(decision.id);
      await deleteDecisionCard(client, decision, log);
      await refreshMeetingCard(client, { store, prompts, logger: log }, decision.meetingId);
      log.info('edited into a non-decision: unanswered record removed');
      return;
    }
    store.decisions.revise(
      decision.id,
      {
        summary: summarize(edit.text),
        category: detection.kind.category,
        oneWayDoor: detection.kind.oneWayDoor,
        confidence: detection.confidence,
        detectedEvidence: detection.evidence,
      },
      now,
    );
    if (decision.status === 'pending' && detection.customer) {
      const answered = store.decisions.answer(
        decision.id,
        { status: 'cited', evidenceKind: detection.evidence[0] ?? 'other', answeredBy: edit.user },
        now,
      );
      if (answered === undefined) return;
      // An imported decision is history: the bot never took part in its thread, so it does not start now.
      if (answered.importedAt === null) await reactWithInsight(client, answered, log);
      await showAnswer(client, { store, prompts, logger: log }, answered);
      log.info('edited to cite customer insight: recorded as cited');
      return;
    }
    await refreshMeetingCard(client, { store, prompts, logger: log }, decision.meetingId);
    log.info('decision revised after an edit');
  };
}
