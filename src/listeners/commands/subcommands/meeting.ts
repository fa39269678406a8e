import type { Subcommand } from '../subcommand.js';

export const meetingSubcommand: Subcommand = async ({ respond }) => {
  await respond({ response_type: 'ephemeral', text: 'Not built yet.' });
};
