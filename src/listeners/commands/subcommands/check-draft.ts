import { draftCheck } from '../../../blocks/draft-check.js';
import { choosePrompt } from '../../../prompts/choose.js';
import type { Subcommand } from '../subcommand.js';

/** `/customer-check <draft>`: the verdict and the question before the decision is posted; stores nothing. */
export const checkDraft: Subcommand = async ({ deps, command, text, channel, respond }) => {
  const detection = await deps.detector(text);
  const kind = detection.kind ?? { category: 'other' as const, oneWayDoor: false };
  const prompt = choosePrompt(deps.prompts, { kind, seed: `${command.user_id}:${text}` });
  await respond({ response_type: 'ephemeral', ...draftCheck(text, detection, prompt, channel.name) });
};
