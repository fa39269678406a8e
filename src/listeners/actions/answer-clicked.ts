import { ActionId } from '../../blocks/ids.js';
import type { AppDeps } from '../../deps.js';
import { showAnswer } from '../../slack/meeting-cards.js';
import type { AnswerStatus } from '../../store/decisions.js';
import { ackButtonDecision, type ButtonArgs, STALE_BUTTON_TEXT, tellClicker } from './button-decision.js';

const ONE_CLICK_ANSWERS: Readonly<Record<string, AnswerStatus>> = {
  [ActionId.noInsightYet]: 'none',
  [ActionId.notCustomerFacing]: 'not-customer-facing',
};

/** *No insight yet* and *Not customer-facing*: anyone in the channel may answer; a later answer replaces the earlier. */
export function answerClicked({ store, clock, logger, prompts }: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const decision = await ackButtonDecision(store, logger, args);
    const status = ONE_CLICK_ANSWERS[args.action.action_id];
    if (decision === undefined || status === undefined) return;
    const { body, client } = args;
    const answered = store.decisions.answer(decision.id, { status, answeredBy: body.user.id }, clock.now());
    if (answered === undefined) {
      await tellClicker(client, body, STALE_BUTTON_TEXT, logger);
      return;
    }
    const log = logger.child({ decisionId: answered.id, channel: answered.channelId });
    log.info({ status }, 'answer recorded');
    await showAnswer(client, { store, prompts, logger: log }, answered);
  };
}
