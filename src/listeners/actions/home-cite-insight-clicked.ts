import { citeInsightModal } from '../../blocks/cite-insight-modal.js';
import { ViewId } from '../../blocks/ids.js';
import type { AppDeps } from '../../deps.js';
import { slackErrorCode } from '../../slack/errors.js';
import type { ButtonArgs } from './button-decision.js';
import { ackHomeDecision } from './home-decision.js';

/**
 * Opens the channel card's cite modal under the Home's own callback id, so that its submission is recorded as the
 * card's is and then refreshes the Home. Nothing is recorded until it is submitted.
 */
export function homeCiteInsightClicked(deps: AppDeps) {
  return async (args: ButtonArgs): Promise<void> => {
    const found = await ackHomeDecision(deps, args);
    if (found === undefined) return;
    const { decision } = found;
    try {
      await args.client.views.open({
        trigger_id: args.body.trigger_id,
        view: {
          ...citeInsightModal({ decisionId: decision.id }, decision.summary, decision.detectedEvidence),
          callback_id: ViewId.homeCiteInsight,
        },
      });
    } catch (error) {
      deps.logger.warn({ decisionId: decision.id, error: slackErrorCode(error) }, 'could not open the cite modal');
    }
  };
}
