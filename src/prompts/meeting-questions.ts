import type { PromptLibrary } from './load.js';
import type { Prompt } from './schema.js';

/** The chair's own question (prompts/empty-chair.yml), the one every meeting starts from. */
export const BREAD_LINE_PROMPT_ID = 'bread-line';

/**
 * Working Backwards' five customer questions (prompts/working-backwards.yml), in the order the method asks them:
 * who is the customer, their problem, the most important benefit, how we know, what they will experience.
 * Named by id because that file also holds the press-release and FAQ questions, which a meeting card leaves out.
 */
export const WORKING_BACKWARDS_PROMPT_IDS = [
  'who-is-the-customer',
  'customer-problem',
  'most-important-benefit',
  'how-do-we-know',
  'customer-experience',
] as const;

export interface MeetingQuestions {
  breadLine: Prompt | undefined;
  workingBackwards: Prompt[];
}

/** The questions a meeting card shows; a library without some of them (a test's, a fork's) shows the rest. */
export function meetingQuestions(library: PromptLibrary): MeetingQuestions {
  return {
    breadLine: library.byId(BREAD_LINE_PROMPT_ID),
    workingBackwards: WORKING_BACKWARDS_PROMPT_IDS.flatMap((id) => library.byId(id) ?? []),
  };
}
