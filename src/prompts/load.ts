import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Document, isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Prompt, promptFileSchema } from './schema.js';

/** The `prompts/` folder shipped with the bot. */
export const BUILT_IN_PROMPTS_DIR = fileURLToPath(new URL('../../prompts/', import.meta.url));

export interface PromptLibrary {
  /** Every question, in load order: folders in the order given, files by name, questions as written. */
  readonly prompts: readonly Prompt[];
  byId(id: string): Prompt | undefined;
}

interface PromptFileLocation {
  file: string;
  /** 1-based; undefined when the problem is not on one line (a missing folder, an empty file). */
  line?: number | undefined;
  /** Path of the broken field, e.g. `questions[3].fits[0]`. */
  field?: string | undefined;
}

/** A problem in the question library, located precisely enough to fix the file without reading code. */
export class PromptFileError extends Error {
  override readonly name = 'PromptFileError';
  readonly file: string;
  readonly line: number | undefined;
  readonly field: string | undefined;

  constructor({ file, line, field }: PromptFileLocation, problem: string) {
    const where = line === undefined ? file : `${file}:${line}`;
    super(field === undefined ? `${where}: ${problem}` : `${where}: ${field}: ${problem}`);
    this.file = file;
    this.line = line;
    this.field = field;
  }
}

/** Builds a library from questions already validated; ids must be unique. */
export function createPromptLibrary(prompts: readonly Prompt[]): PromptLibrary {
  const index = new Map(prompts.map((prompt) => [prompt.id, prompt]));
  if (index.size !== prompts.length) throw new Error('prompt ids must be unique');
  return { prompts: Object.freeze([...prompts]), byId: (id) => index.get(id) };
}

/**
 * Reads every `*.yml` / `*.yaml` file in each folder. A later folder (a team's own questions) may add questions but
 * may not reuse an id, so nobody silently replaces a reviewed question.
 */
export function loadPromptLibrary(dirs: readonly string[]): PromptLibrary {
  const prompts: Prompt[] = [];
  const idLocations = new Map<string, { file: string; line: number | undefined }>();
  for (const dir of dirs) {
    for (const file of listPromptFiles(dir)) {
      for (const { prompt, field, idLine } of readPromptFile(file)) {
        const earlier = idLocations.get(prompt.id);
        if (earlier) {
          const earlierWhere = earlier.line === undefined ? earlier.file : `${earlier.file}:${earlier.line}`;
          throw new PromptFileError(
            { file, line: idLine, field: `${field}.id` },
            `id "${prompt.id}" is already used in ${earlierWhere}; ids must be unique across all prompt files`,
          );
        }
        idLocations.set(prompt.id, { file, line: idLine });
        prompts.push(prompt);
      }
    }
  }
  if (prompts.length === 0) {
    throw new PromptFileError(
      { file: dirs.join(', ') },
      'no questions found; PROMPTS_DIR must point to a folder of .yml files with a "questions:" list',
    );
  }
  return createPromptLibrary(prompts);
}

function listPromptFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (error) {
    if (isErrnoException(error) && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) {
      throw new PromptFileError({ file: dir }, 'folder not found; PROMPTS_DIR must point to a folder of .yml files');
    }
    throw error;
  }
  // statSync follows symlinks, so files mounted from a Kubernetes ConfigMap (which are symlinks) still count.
  return names
    .filter((name) => /\.ya?ml$/i.test(name))
    .toSorted()
    .map((name) => path.join(dir, name))
    .filter((file) => fs.statSync(file).isFile());
}

interface ParsedQuestion {
  prompt: Prompt;
  /** e.g. `questions[2]` */
  field: string;
  idLine: number | undefined;
}

function readPromptFile(file: string): ParsedQuestion[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter, prettyErrors: false });
  const syntaxError = document.errors[0];
  if (syntaxError) {
    throw new PromptFileError(
      { file, line: lineCounter.linePos(syntaxError.pos[0]).line },
      `YAML syntax error: ${syntaxError.message}`,
    );
  }

  const lineAt = (fieldPath: readonly PropertyKey[]): number | undefined => {
    const offset = locate(document, fieldPath);
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };

  const result = promptFileSchema.safeParse(document.toJS());
  if (!result.success) {
    const { fieldPath, message } = firstIssueInFile(result.error.issues, document);
    throw new PromptFileError({ file, line: lineAt(fieldPath), field: formatFieldPath(fieldPath) }, message);
  }
  return result.data.questions.map((question, index) => ({
    prompt: { ...question, file },
    field: `questions[${index}]`,
    idLine: lineAt(['questions', index, 'id']),
  }));
}

/** Reports the issue nearest the top of the file, so fixing errors one at a time walks down the file. */
function firstIssueInFile(
  issues: readonly z.core.$ZodIssue[],
  document: Document,
): { fieldPath: PropertyKey[]; message: string } {
  const located = issues.map((issue) => {
    // zod reports an unknown key on its parent object; point at the key itself instead.
    const fieldPath =
      issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
        ? [...issue.path, issue.keys[0]]
        : [...issue.path];
    return { fieldPath, message: issue.message, offset: locate(document, fieldPath) ?? 0 };
  });
  const [first] = located.toSorted((a, b) => a.offset - b.offset);
  if (!first) throw new Error('zod reported a failure without issues');
  return first;
}

/**
 * Offset of the YAML node a field path points at: the key for a mapping entry (its line is where a person looks), the
 * item for a list entry. A missing field resolves to its nearest existing parent.
 */
function locate(document: Document, fieldPath: readonly PropertyKey[]): number | undefined {
  let node: unknown = document.contents;
  let offset = isMap(node) || isSeq(node) || isScalar(node) ? node.range?.[0] : undefined;
  for (const segment of fieldPath) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (!pair || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!(isMap(item) || isSeq(item) || isScalar(item))) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

/** `['questions', 3, 'fits', 0]` → `questions[3].fits[0]`; undefined for the file itself. */
function formatFieldPath(fieldPath: readonly PropertyKey[]): string | undefined {
  if (fieldPath.length === 0) return undefined;
  return fieldPath
    .map((segment, index) => {
      if (typeof segment === 'number') return `[${segment}]`;
      const name = String(segment);
      return index === 0 ? name : `.${name}`;
    })
    .join('');
}

function isErrnoException(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && 'code' in error;
}
