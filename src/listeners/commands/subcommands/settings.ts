import { channelSettingsModal } from '../../../blocks/channel-settings-modal.js';
import { slackErrorCode } from '../../../slack/errors.js';
import type { Subcommand } from '../subcommand.js';

/** `/customer-check settings`: the channel's settings in a modal; saved only on submit. */
export const settingsSubcommand: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  if (text !== '') {
    await respond({
      response_type: 'ephemeral',
      text: `\`${command.command} settings\` takes no arguments. Nothing was changed.`,
    });
    return;
  }
  const settings = deps.store.channels.get(command.team_id, channel.id, deps.clock.now());
  try {
    await client.views.open({
      trigger_id: command.trigger_id,
      view: channelSettingsModal({ channelId: channel.id }, channel.name, settings, deps.config.promptCooldownMinutes),
    });
  } catch (error) {
    deps.logger.warn({ error: slackErrorCode(error) }, 'could not open the settings form');
    await respond({
      response_type: 'ephemeral',
      text: 'Slack did not open the settings in time. Please run the command again.',
    });
  }
};
