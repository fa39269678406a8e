import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DECISION_CATEGORIES } from '../../src/detect/types.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from '../../src/prompts/load.js';
import type { PromptFit } from '../../src/prompts/schema.js';

const WORKING_BACKWARDS_IDS = [
  'who-is-the-customer',
  'customer-problem',
  'most-important-benefit',
  'how-do-we-know',
  'customer-experience',
];

const tempDirs: string[] = [];

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempPromptsDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prompts-'));
  tempDirs.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** One YAML line per argument, so a test reads its expected line number off the argument list. */
function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function loadError(dirs: readonly string[]): PromptFileError {
  try {
    loadPromptLibrary(dirs);
  } catch (error) {
    if (error instanceof PromptFileError) return error;
    throw error;
  }
  throw new Error('expected loadPromptLibrary to throw');
}

/** Loads a single file and returns the error it gives, with the file's full path. */
function fileError(content: string): { error: PromptFileError; file: string } {
  const dir = tempPromptsDir({ 'core.yml': content });
  return { error: loadError([dir]), file: path.join(dir, 'core.yml') };
}

describe('the built-in question library', () => {
  const library = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]);
  const fitting = (fit: PromptFit) => library.prompts.filter((prompt) => prompt.fits.includes(fit));

  it('loads at least 24 questions from several files', () => {
    expect(library.prompts.length).toBeGreaterThanOrEqual(24);
    const files = new Set(library.prompts.map((prompt) => path.basename(prompt.file)));
    expect([...files].sort()).toEqual(['customer-value.yml', 'empty-chair.yml', 'working-backwards.yml']);
  });

  it('includes the bread-line and empty-chair questions for any decision', () => {
    expect(library.byId('bread-line')?.fits).toEqual(['any']);
    expect(library.byId('bread-line')?.text).toMatch(/^Draw a straight line from the customers who pay/);
    expect(library.byId('empty-chair')).toMatchObject({
      text: 'If the customer sat in this chair, what would they ask?',
      fits: ['any'],
    });
  });

  it("includes Working Backwards' five questions, each for one-way doors", () => {
    for (const id of WORKING_BACKWARDS_IDS) {
      const prompt = library.byId(id);
      expect(prompt, id).toBeDefined();
      expect(prompt?.source).toMatch(/^Working Backwards/);
      expect(prompt?.fits).toContain('one-way-door');
    }
  });

  it('gives every decision category at least 3 questions and one-way doors at least 5', () => {
    const general = fitting('any');
    for (const category of DECISION_CATEGORIES) {
      expect(fitting(category).length + general.length, category).toBeGreaterThanOrEqual(3);
    }
    expect(fitting('one-way-door').length).toBeGreaterThanOrEqual(5);
  });

  it('keeps texts short and plain: at most 200 characters, no emoji, no mentions', () => {
    for (const { id, text } of library.prompts) {
      expect(text.length, id).toBeLessThanOrEqual(200);
      expect(text, id).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(text, id).not.toMatch(/<[@#!]|@(here|channel|everyone)\b/);
    }
  });

  it('finds questions by id and returns undefined for unknown ids', () => {
    const [first] = library.prompts;
    expect(first && library.byId(first.id)).toBe(first);
    expect(library.byId('no-such-question')).toBeUndefined();
  });
});

describe('loadPromptLibrary', () => {
  it('reads .yml and .yaml files by name, folders in order, so a team folder adds its questions last', () => {
    const builtIn = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]);
    const teamDir = tempPromptsDir({
      'b-team.yaml': yaml(
        'questions:',
        '  - id: ask-support',
        '    text: What has support heard from customers about this?',
        '    source: Our team',
        '    fits: [any]',
      ),
      'a-team.yml': yaml(
        'questions:',
        '  - id: ask-sales',
        '    text: What did the last three sales calls say about this?',
        '    source: Our team',
        '    fits: [pricing, roadmap]',
      ),
      'notes.md': 'not a prompt file',
    });

    const library = loadPromptLibrary([BUILT_IN_PROMPTS_DIR, teamDir]);

    expect(library.prompts.length).toBe(builtIn.prompts.length + 2);
    expect(library.prompts.slice(-2).map((prompt) => prompt.id)).toEqual(['ask-sales', 'ask-support']);
    expect(library.byId('ask-support')).toEqual({
      id: 'ask-support',
      text: 'What has support heard from customers about this?',
      source: 'Our team',
      fits: ['any'],
      file: path.join(teamDir, 'b-team.yaml'),
    });
  });

  it('rejects an unknown fits value at the line of that value', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: first',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    fits: [any]',
        '  - id: second',
        '    text: Who waits longer because of this?',
        '    source: Test',
        '    fits:',
        '      - pricing',
        '      - pricey',
      ),
    );
    expect(error).toMatchObject({ file, line: 11, field: 'questions[1].fits[1]' });
    expect(error.message).toBe(
      `${file}:11: questions[1].fits[1]: expected one of any, one-way-door, pricing, roadmap, scope, process, ` +
        'technical, people, sunset, other; got "pricey"',
    );
  });

  it('rejects a question without text at the line where the question starts', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: first',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    fits: [any]',
        '  - id: second',
        '    source: Test',
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 6, field: 'questions[1].text' });
    expect(error.message).toBe(`${file}:6: questions[1].text: is required`);
  });

  it('rejects an unknown key at the line of that key', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: first',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    tags: [billing]',
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 5, field: 'questions[0].tags' });
    expect(error.message).toBe(`${file}:5: questions[0].tags: unknown key; allowed keys are id, text, source, fits`);
  });

  it('rejects an id that is not kebab-case', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: Bread_Line',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 2, field: 'questions[0].id' });
    expect(error.message).toContain('must be kebab-case');
  });

  it('rejects text longer than 300 characters at the line of the text', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: rambling',
        '    source: Test',
        `    text: ${'Who pays? '.repeat(31)}`,
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 4, field: 'questions[0].text' });
    expect(error.message).toContain('at most 300 characters');
  });

  it('reports the problem nearest the top of the file first', () => {
    const { error } = fileError(
      yaml(
        'questions:',
        '  - tags: [billing]',
        '    id: first',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    fits: [nobody]',
      ),
    );
    expect(error).toMatchObject({ line: 2, field: 'questions[0].tags' });
  });

  it('rejects an id repeated in a later folder, naming both files', () => {
    const question = (id: string) => [
      `  - id: ${id}`,
      '    text: Who pays for this decision?',
      '    source: Test',
      '    fits: [any]',
    ];
    const coreDir = tempPromptsDir({ 'core.yml': yaml('questions:', ...question('shared')) });
    const teamDir = tempPromptsDir({ 'team.yml': yaml('questions:', ...question('ours'), ...question('shared')) });
    const firstFile = path.join(coreDir, 'core.yml');
    const secondFile = path.join(teamDir, 'team.yml');

    const error = loadError([coreDir, teamDir]);

    expect(error).toMatchObject({ file: secondFile, line: 6, field: 'questions[1].id' });
    expect(error.message).toBe(
      `${secondFile}:6: questions[1].id: id "shared" is already used in ${firstFile}:2; ` +
        'ids must be unique across all prompt files',
    );
  });

  it('rejects an id repeated within one file', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: twice',
        '    text: Who pays for this decision?',
        '    source: Test',
        '    fits: [any]',
        '  - id: twice',
        '    text: Who uses what we decided?',
        '    source: Test',
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 6, field: 'questions[1].id' });
    expect(error.message).toContain(`already used in ${file}:2`);
  });

  it('reports a YAML syntax error with its line', () => {
    const { error, file } = fileError(
      yaml(
        'questions:',
        '  - id: first',
        '    text: Who pays for this decision?',
        '   source: Test',
        '    fits: [any]',
      ),
    );
    expect(error).toMatchObject({ file, line: 4, field: undefined });
    expect(error.message).toContain(`${file}:4: YAML syntax error: `);
  });

  it('rejects an empty file', () => {
    const { error, file } = fileError('# nothing here yet\n');
    expect(error).toMatchObject({ file, line: undefined, field: undefined });
    expect(error.message).toBe(`${file}: the file is empty; expected a "questions:" list`);
  });

  it('rejects a folder that does not exist, saying what PROMPTS_DIR must be', () => {
    const missing = path.join(tempPromptsDir(), 'no-such-folder');
    const error = loadError([missing]);
    expect(error).toMatchObject({ file: missing, line: undefined, field: undefined });
    expect(error.message).toBe(`${missing}: folder not found; PROMPTS_DIR must point to a folder of .yml files`);
  });

  it('rejects a folder with no prompt files as an empty library', () => {
    const dir = tempPromptsDir({ 'README.md': '# our prompts\n' });
    const error = loadError([dir]);
    expect(error).toMatchObject({ file: dir, line: undefined, field: undefined });
    expect(error.message).toContain('no questions found; PROMPTS_DIR must point to a folder of .yml files');
  });
});
