import type { Subcommand } from '../subcommand.js';

export const settingsSubcommand: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
