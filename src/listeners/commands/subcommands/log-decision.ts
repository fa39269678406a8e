import { logDecisionModal } from '../../../blocks/log-decision-modal.js';
import { slackErrorCode } from '../../../slack/errors.js';
import type { Subcommand } from '../subcommand.js';

/** `/customer-check` alone: the form to log a decision by hand; nothing is stored until it is submitted. */
export const logDecision: Subcommand = async ({ deps, command, channel, client, respond }) => {
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: logDecisionModal({ channelId: channel.id }, channel.name),
    });
  } catch (error) {
    deps.logger.warn({ error: slackErrorCode(error) }, 'could not open the log-decision form');
    await respond({
      response_type: 'ephemeral',
      text: 'Slack did not open the form in time. Please run the command again.',
    });
  }
};
