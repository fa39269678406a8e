import { ActionId } from '../../blocks/ids.js';
import type { AppDeps } from '../../deps.js';
import { publishHome } from '../../slack/home-tab.js';
import { showAnswer } from '../../slack/meeting-cards.js';
import type { AnswerStatus } from '../../store/decisions.js';
import type { ButtonArgs } from './button-decision.js';
import { ackHomeDecision } from './home-decision.js';

const HOME_ONE_CLICK_ANSWERS: Readonly<Record<string, AnswerStatus>> = {
  [ActionId.homeNoInsightYet]: 'none',
  [ActionId.homeNotCustomerFacing]: 'not-customer-facing',
};

/** *No insight yet* and *Not customer-facing* on the App Home: recorded as if clicked on the channel's card. */
export function homeAnswerClicked(deps: AppDeps) {
  const { store, clock, logger, prompts } = deps;
  return async (args: ButtonArgs): Promise<void> => {
    const found = await ackHomeDecision(deps, args);
    const status = HOME_ONE_CLICK_ANSWERS[args.action.action_id];
    if (found === undefined || status === undefined) return;
    const { client } = args;
    const answered = store.decisions.answer(
      found.decision.id,
      { status, answeredBy: found.viewer.userId },
      clock.now(),
    );
    // Undefined only when the decision was deleted since the check; the refreshed Home no longer lists it.
    if (answered !== undefined) {
      const log = logger.child({ decisionId: answered.id, channel: answered.channelId });
      log.info({ status }, 'answer recorded from the App Home');
      await showAnswer(client, { store, prompts, logger: log }, answered);
    }
    await publishHome(client, deps, found.viewer);
  };
}
