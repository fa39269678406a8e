import type { Subcommand } from '../subcommand.js';

export const logDecision: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
