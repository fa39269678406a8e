/**
 * `npm run bench:analyze [-- --mb 100]`: `empty-chair analyze`'s pipeline against a plain pass that reads the same day
 * files and JSON.parses them, in messages a second, on a generated export (test/support/slack-export-generator.ts,
 * written once to the temp dir and reused). The goal is the issue's: analyze within 2x of the plain pass; missed, it
 * exits 1. A third run, the pipeline with a detector that finds nothing, shows how much of the time detection takes.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeExport, prepareExport } from '../src/analyze/analyze-export.js';
import { type DayAnalyzer, inlineDayAnalyzer, parallelDayAnalyzer } from '../src/analyze/day-analyzer.js';
import type { Detection } from '../src/detect/types.js';
import { type GeneratedExport, generateSlackExport } from '../test/support/slack-export-generator.js';

/** Bumped when the generator changes, so an export written by an older one is not reused. */
const GENERATOR_VERSION = 1;
const GOAL = 2;

const NOTHING: Detection = { decision: false, customer: false, kind: null, evidence: [], confidence: 1 };

const count = (value: number) => Math.round(value).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The export for `mb` megabytes, generated unless an earlier run left it complete. */
function benchExport(mb: number): { dir: string; generated: GeneratedExport; note: string } {
  const dir = join(tmpdir(), `empty-chair-bench-export-${mb}mb-v${GENERATOR_VERSION}`);
  const marker = join(dir, '.generated.json');
  if (existsSync(marker)) {
    return { dir, generated: JSON.parse(readFileSync(marker, 'utf8')) as GeneratedExport, note: 'reused' };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const generated = generateSlackExport(dir, { targetBytes: mb * 1024 * 1024 });
  writeFileSync(marker, JSON.stringify(generated));
  return { dir, generated, note: `generated in ${seconds(performance.now() - started)}` };
}

/** What the goal is measured against: every day file read and parsed, one after another, nothing else. */
async function plainPass(dir: string): Promise<{ ms: number; messages: number }> {
  const started = performance.now();
  let messages = 0;
  for (const folder of readdirSync(dir, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    for (const file of readdirSync(join(dir, folder.name)).sort()) {
      const parsed = JSON.parse(await readFile(join(dir, folder.name, file), 'utf8')) as unknown[];
      messages += parsed.length;
    }
  }
  return { ms: performance.now() - started, messages };
}

interface Run {
  ms: number;
  /** CPU time of every thread of the process, worker threads included. */
  cpuMs: number;
  messages: number;
}

async function pipeline(dir: string, analyzer: () => DayAnalyzer): Promise<Run> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const prepared = await prepareExport(dir);
  const running = analyzer();
  try {
    const analysis = await analyzeExport(prepared, running);
    const { user, system } = process.cpuUsage(cpu);
    return {
      ms: performance.now() - started,
      cpuMs: (user + system) / 1000,
      messages: analysis.messages.analysed + analysis.messages.ignored,
    };
  } finally {
    await running.close();
    await prepared.source.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '100' } } });
  const mb = Number(values.mb);
  if (!Number.isInteger(mb) || mb < 1) {
    process.stderr.write('--mb must be a whole number of megabytes, e.g. --mb 100\n');
    return 2;
  }
  const { dir, generated, note } = benchExport(mb);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(
    `Export: ${dir}, ${count(generated.files)} day files, ${count(generated.messages)} messages, ${(generated.bytes / 1024 / 1024).toFixed(1)} MB (${note})`,
  );

  // The first pass only warms the page cache, so both sides read from memory.
  await plainPass(dir);
  const plain = await plainPass(dir);
  // As the CLI runs it: this thread and a worker a core more, up to 4 threads.
  const threads = Math.min(availableParallelism(), 4);
  const analyze = await pipeline(dir, () => (threads > 1 ? parallelDayAnalyzer(threads - 1) : inlineDayAnalyzer()));
  const undetected = await pipeline(dir, () => inlineDayAnalyzer(() => NOTHING));
  if (analyze.messages !== plain.messages || undetected.messages !== plain.messages) {
    throw new Error(
      `the passes read different messages: ${plain.messages}, ${analyze.messages}, ${undetected.messages}`,
    );
  }

  const rate = (run: { ms: number; messages: number }) => (run.messages / run.ms) * 1000;
  const ratio = analyze.ms / plain.ms;
  out(
    `Plain JSON.parse pass:       ${count(rate(plain)).padStart(9)} messages a second (${seconds(plain.ms)}, one thread)`,
  );
  out(
    `empty-chair analyze:         ${count(rate(analyze)).padStart(9)} messages a second (${seconds(analyze.ms)}, ${threads} thread${threads === 1 ? '' : 's'})`,
  );
  out(
    `  detecting nothing:         ${count(rate(undetected)).padStart(9)} messages a second (${seconds(undetected.ms)}, one thread)`,
  );
  out(
    `Detection is ${Math.round((1 - undetected.cpuMs / analyze.cpuMs) * 100)}% of analyze's CPU time (${seconds(analyze.cpuMs)} on all threads, ${seconds(undetected.cpuMs)} without it)`,
  );
  out(`Ratio: analyze takes ${ratio.toFixed(2)}x as long as the plain pass`);
  const met = ratio <= GOAL;
  out();
  out('Goal (issue 7):');
  out(`  ${met ? 'PASS' : 'FAIL'}  analyze within ${GOAL}x of a plain JSON.parse pass   ${ratio.toFixed(2)}x`);
  return met ? 0 : 1;
}

process.exitCode = await main();
