import { citeInsightModal } from '../../blocks/cite-insight-modal.js';
import type { AppDeps } from '../../deps.js';
import { slackErrorCode } from '../../slack/errors.js';
import { ackButtonDecision, type ButtonArgs, tellClicker } from './button-decision.js';

/** Opens the modal; nothing is recorded until it is submitted. */
export function citeInsightClicked({ store, logger }: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const decision = await ackButtonDecision(store, logger, args);
    if (decision === undefined) return;
    const { body, client } = args;
    try {
      await client.views.open({
        trigger_id: body.trigger_id,
        view: citeInsightModal({ decisionId: decision.id }, decision.summary, decision.detectedEvidence),
      });
    } catch (error) {
      logger.warn({ decisionId: decision.id, error: slackErrorCode(error) }, 'could not open the cite modal');
      await tellClicker(client, body, 'Slack did not open the form in time. Please click the button again.', logger);
    }
  };
}
