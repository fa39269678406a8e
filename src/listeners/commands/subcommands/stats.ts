import type { Subcommand } from '../subcommand.js';

export const statsSubcommand: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
