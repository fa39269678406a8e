import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { Analysis, ExportDecision, SkippedFile } from '../../src/analyze/analysis.js';
import { analyzeExport, prepareExport } from '../../src/analyze/analyze-export.js';
import { inlineDayAnalyzer } from '../../src/analyze/day-analyzer.js';
import { runAnalyze } from '../../src/cli/analyze.js';
import { PROJECT_ROOT } from './processes.js';

/** The example export the README and these tests use: 3 channels, October 2026. */
export const EXAMPLE_EXPORT = join(PROJECT_ROOT, 'examples', 'slack-export');

export interface Analysed {
  analysis: Analysis;
  decisions: ExportDecision[];
  skipped: SkippedFile[];
}

/** The pipeline on the calling thread, collecting what its hooks report. */
export async function analyse(path: string, name = 'export'): Promise<Analysed> {
  const prepared = await prepareExport(path, name);
  const decisions: ExportDecision[] = [];
  const skipped: SkippedFile[] = [];
  try {
    const analysis = await analyzeExport(prepared, inlineDayAnalyzer(), {
      onDecision: (decision) => {
        decisions.push(decision);
      },
      onSkip: (file) => skipped.push(file),
    });
    return { analysis, decisions, skipped };
  } finally {
    await prepared.source.close();
  }
}

function captured(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `empty-chair analyze …` in this process, as a person at a shell in `cwd` would run it (not at a terminal). */
export async function runAnalyzeCommand(
  argv: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; now?: number; cores?: number } = {},
): Promise<CommandRun> {
  const stdout = captured();
  const stderr = captured();
  const code = await runAnalyze(argv, {
    env: options.env ?? {},
    stdout: stdout.stream,
    stderr: stderr.stream,
    progress: undefined,
    cwd: options.cwd ?? PROJECT_ROOT,
    now: options.now ?? Date.parse('2026-11-23T10:00:00Z'),
    cores: options.cores ?? 1,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
