import { mutedCard } from '../../blocks/answered-card.js';
import type { AppDeps } from '../../deps.js';
import { updateDecisionCard } from '../../slack/decision-cards.js';
import { ackButtonDecision, type ButtonArgs } from './button-decision.js';

/** Honoured at once: the next decision in this channel is recorded but gets no question. */
export function muteClicked({ store, clock, logger }: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const decision = await ackButtonDecision(store, logger, args);
    if (decision === undefined) return;
    const mutedBy = args.body.user.id;
    store.channels.setMuted(
      decision.teamId,
      decision.channelId,
      { muted: true, by: mutedBy, until: null },
      clock.now(),
    );
    const log = logger.child({ channel: decision.channelId });
    log.info('channel muted from a card');
    await updateDecisionCard(args.client, decision, mutedCard(mutedBy), log);
  };
}
