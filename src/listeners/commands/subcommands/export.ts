import type { Subcommand } from '../subcommand.js';

export const exportDecisions: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
