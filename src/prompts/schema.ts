import { z } from 'zod';
import { DECISION_CATEGORIES, type DecisionCategory } from '../detect/types.js';

/** Where a question may be asked: a decision category, every decision, or decisions that are hard to reverse. */
export type PromptFit = DecisionCategory | 'any' | 'one-way-door';

export const PROMPT_FITS = ['any', 'one-way-door', ...DECISION_CATEGORIES] as const satisfies readonly PromptFit[];

export interface Prompt {
  id: string;
  text: string;
  source: string;
  fits: PromptFit[];
  /** The file the question was read from, so a reviewer can find it. */
  file: string;
}

export const PROMPT_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PROMPT_TEXT_MIN_LENGTH = 10;
export const PROMPT_TEXT_MAX_LENGTH = 300;

// Every message below is read by someone editing YAML, not by a TypeScript developer, so each one says what to write.
// Checks carry their own message because zod would otherwise reuse the schema-level one for them.
const requiredString = () => z.string({ error: (issue) => (issue.input == null ? 'is required' : 'must be text') });

const fitList = PROMPT_FITS.join(', ');

const questionShape = {
  id: requiredString().regex(
    PROMPT_ID_PATTERN,
    'must be kebab-case: lowercase letters and digits joined by single hyphens, e.g. bread-line',
  ),
  text: requiredString()
    .trim()
    .min(PROMPT_TEXT_MIN_LENGTH, `must be at least ${PROMPT_TEXT_MIN_LENGTH} characters`)
    .max(PROMPT_TEXT_MAX_LENGTH, `must be at most ${PROMPT_TEXT_MAX_LENGTH} characters; keep questions short`),
  source: requiredString().trim().min(1, 'must name where the question comes from'),
  fits: z
    .array(
      z.enum(PROMPT_FITS, { error: (issue) => `expected one of ${fitList}; got ${JSON.stringify(issue.input)}` }),
      { error: (issue) => (issue.input == null ? 'is required' : 'must be a list, e.g. [any]') },
    )
    .min(1, `must list at least one of ${fitList}`),
};

const questionKeys = Object.keys(questionShape).join(', ');

const questionSchema = z.strictObject(questionShape, {
  error: (issue) =>
    issue.code === 'unrecognized_keys'
      ? `unknown key; allowed keys are ${questionKeys}`
      : `must be a question with ${questionKeys}`,
});

export const promptFileSchema = z.strictObject(
  {
    questions: z
      .array(questionSchema, {
        error: (issue) => (issue.input == null ? 'is required' : 'must be a list of questions'),
      })
      .min(1, 'must list at least one question'),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return 'unknown key; a prompt file holds only a "questions:" list';
      return issue.input == null
        ? 'the file is empty; expected a "questions:" list'
        : 'expected a mapping with a "questions:" list';
    },
  },
);
