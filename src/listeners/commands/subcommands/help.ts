import { helpText } from '../../../blocks/help-message.js';
import type { Subcommand } from '../subcommand.js';

export const helpSubcommand: Subcommand = async ({ command, respond }) => {
  await respond({ response_type: 'ephemeral', text: helpText(command.command) });
};
