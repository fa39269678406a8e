import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { keepPermalink, postQuestionCard, reactWithInsight } from '../../slack/decision-cards.js';
import { refreshMeetingCard } from '../../slack/meeting-cards.js';
import { readHumanMessage } from '../../slack/messages.js';
import type { DecisionRecord } from '../../store/decisions.js';
import { summarize } from '../../text/summary.js';

type Args = AllMiddlewareArgs & SlackEventMiddlewareArgs<'message'>;

/**
 * A decision announced in a channel or a thread (huddle threads included): record it first, so nothing is lost
 * when Slack is slow or rate-limited, then react (insight already cited) or ask one question in the thread.
 */
export function decisionAnnounced(deps: AppDeps) {
  const { store, clock, logger, config, detector } = deps;

  async function askInThread(client: Args['client'], decision: DecisionRecord, now: number): Promise<void> {
    const settings = store.channels.get(decision.teamId, decision.channelId, now);
    const log = logger.child({ decisionId: decision.id, channel: decision.channelId });
    if (settings.muted) {
      log.info('channel muted: decision recorded, no question asked');
      return;
    }
    const inHuddle =
      decision.threadTs !== null &&
      store.huddles.isHuddleThread(decision.teamId, decision.channelId, decision.threadTs);
    if (inHuddle && !settings.huddleCardsEnabled) {
      log.info('huddle cards off in this channel: decision recorded, no question asked');
      return;
    }
    const cooldownMs = (settings.cooldownMinutes ?? config.promptCooldownMinutes) * 60_000;
    if (settings.lastPromptedAt !== null && now - settings.lastPromptedAt < cooldownMs) {
      log.info('channel cooling down: decision recorded, no question asked');
      return;
    }
    await postQuestionCard(client, deps, decision, settings.lastPromptId, now, log);
  }

  return async ({ event, context, client }: Args): Promise<void> => {
    const message = readHumanMessage(event as unknown as Record<string, unknown>, context.botUserId);
    if (message === undefined) return;
    const detection = await detector(message.text);
    if (!detection.decision || detection.kind === null) {
      logger.debug({ channel: message.channel, confidence: detection.confidence }, 'not a decision');
      return;
    }
    const now = clock.now();
    // A reply under a meeting card is a decision of that meeting.
    const meeting =
      message.threadTs === undefined
        ? undefined
        : store.meetings.findByCard(context.teamId ?? '', message.channel, message.threadTs);
    const decision = store.decisions.record(
      {
        teamId: context.teamId ?? '',
        channelId: message.channel,
        messageTs: message.ts,
        threadTs: message.threadTs ?? null,
        authorId: message.user,
        summary: summarize(message.text),
        category: detection.kind.category,
        oneWayDoor: detection.kind.oneWayDoor,
        confidence: detection.confidence,
        detectedEvidence: detection.evidence,
        cited: detection.customer,
        meetingId: meeting?.id ?? null,
      },
      now,
    );
    if (decision === undefined) {
      logger.info({ channel: message.channel }, 'decision already recorded for this message');
      return;
    }
    logger.info(
      { decisionId: decision.id, channel: decision.channelId, category: decision.category, cited: detection.customer },
      'decision recorded',
    );
    if (detection.customer) await reactWithInsight(client, decision, logger);
    else await askInThread(client, decision, now);
    await keepPermalink(client, deps, decision, logger);
    // Last, so the card can link the decision by its permalink.
    await refreshMeetingCard(client, deps, decision.meetingId);
  };
}
