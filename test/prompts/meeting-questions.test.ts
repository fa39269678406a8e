import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROMPTS_DIR, createPromptLibrary, loadPromptLibrary } from '../../src/prompts/load.js';
import { meetingQuestions } from '../../src/prompts/meeting-questions.js';

describe('meetingQuestions', () => {
  it('takes the bread-line question and Working Backwards’ five customer questions from the built-in library', () => {
    const { breadLine, workingBackwards } = meetingQuestions(loadPromptLibrary([BUILT_IN_PROMPTS_DIR]));

    expect(breadLine?.text).toMatch(/^Draw a straight line from the customers who pay/);
    expect(workingBackwards.map((prompt) => prompt.id)).toEqual([
      'who-is-the-customer',
      'customer-problem',
      'most-important-benefit',
      'how-do-we-know',
      'customer-experience',
    ]);
    for (const prompt of workingBackwards) {
      expect(prompt.file).toMatch(/working-backwards\.yml$/);
      expect(prompt.fits).toContain('one-way-door');
    }
  });

  it('returns what a library has of them, and nothing it does not', () => {
    const library = createPromptLibrary([
      { id: 'customer-problem', text: 'What is their problem?', source: 'Ours', fits: ['any'], file: 'ours.yml' },
    ]);
    expect(meetingQuestions(library)).toEqual({
      breadLine: undefined,
      workingBackwards: [expect.objectContaining({ id: 'customer-problem' })],
    });
  });
});
