import type { Subcommand } from '../subcommand.js';

export const checkDraft: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
