import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import type { ExportDecision } from '../analyze/analysis.js';
import { analyzeExport, type PreparedExport, prepareExport } from '../analyze/analyze-export.js';
import { type DayAnalyzer, inlineDayAnalyzer, parallelDayAnalyzer } from '../analyze/day-analyzer.js';
import { decisionsCsvHeader, decisionsCsvRow } from '../analyze/decisions-csv.js';
import { HistoryImport } from '../analyze/history-import.js';
import { ProgressBar, type Terminal } from '../analyze/progress-bar.js';
import { htmlReport } from '../analyze/report-html.js';
import { summaryJson } from '../analyze/report-json.js';
import { plural, textReport } from '../analyze/report-text.js';
import { loadCliConfig } from '../config.js';
import { openStore, type Store } from '../store/store.js';
import { type AnalyzeArgs, parseAnalyzeArgs } from './analyze-args.js';
import { CliError } from './cli-error.js';

export interface AnalyzeCommandIo {
  env: NodeJS.ProcessEnv;
  /** The report. */
  stdout: NodeJS.WritableStream;
  /** Skipped files, one line each. */
  stderr: NodeJS.WritableStream;
  /** Where to draw the progress bar: stderr when it is a terminal, else nothing (a pipe, a log file, CI). */
  progress: Terminal | undefined;
  /** Where the person ran the command; the export and --out are read from here. */
  cwd: string;
  now: number;
  /** Cores to analyse on: with 2 or more, day files are analysed on this thread and on a worker thread a core more. */
  cores: number;
}

/** Below this many bytes of day files, starting workers (each loads the detector) costs more than they save. */
export const PARALLEL_FROM_BYTES = 16 * 1024 * 1024;
/** Threads analysing at once, this one included: past this, reading the export is what everything waits for. */
const MAX_THREADS = 4;

const REPORT_FILES = ['report.html', 'decisions.csv', 'summary.json'] as const;

function outDirectory(out: string, cwd: string): string {
  const dir = resolve(cwd, out);
  const found = statSync(dir, { throwIfNoEntry: false });
  if (found !== undefined && !found.isDirectory()) {
    throw new CliError(`--out ${out} is a file: give a directory for the report files (it is created if missing)`);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

function importTeam(args: AnalyzeArgs, prepared: PreparedExport, store: Store): string {
  if (args.team !== undefined) return args.team;
  if (prepared.meta.teamId !== undefined) return prepared.meta.teamId;
  const teams = store.decisions.teams();
  if (teams.length === 1 && teams[0] !== undefined) return teams[0];
  throw new CliError(
    `--import needs the workspace the export came from, and its users.json names none: pass it with --team, e.g. --team ${teams[0] ?? 'T0123ABCD'}`,
  );
}

/** Decisions written to decisions.csv as they are found, waiting whenever the disk is behind. */
function csvFile(path: string) {
  const stream = createWriteStream(path);
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure = error;
  });
  const write = async (text: string) => {
    if (failure !== undefined) throw failure;
    if (!stream.write(text)) await once(stream, 'drain');
  };
  return {
    write,
    async close() {
      stream.end();
      await finished(stream);
    },
  };
}

/**
 * `empty-chair analyze`: reads a Slack export one day file at a time, prints what it found, writes the report files
 * with --out and records the decisions as history with --import. Exit 1 when any file was skipped.
 */
export async function runAnalyze(argv: readonly string[], io: AnalyzeCommandIo): Promise<number> {
  const args = parseAnalyzeArgs(argv);
  const path = resolve(io.cwd, args.export);
  if (statSync(path, { throwIfNoEntry: false }) === undefined) {
    throw new CliError(`${args.export} does not exist: give the Slack export's .zip, or the folder it unzips to`);
  }
  const config = args.import ? loadCliConfig(io.env) : undefined;
  const out = args.out === undefined ? undefined : { given: args.out, dir: outDirectory(args.out, io.cwd) };

  const prepared = await prepareExport(path, args.export);
  let store: Store | undefined;
  let analyzer: DayAnalyzer | undefined;
  try {
    let history: { into: HistoryImport; teamId: string; databasePath: string } | undefined;
    if (config !== undefined) {
      if (prepared.meta.channels === null) {
        throw new Error(
          `${args.export} has no usable channels.json, so its channels' ids are unknown and --import cannot record their decisions; analyse it without --import`,
        );
      }
      store = openStore(config.databasePath);
      const teamId = importTeam(args, prepared, store);
      history = { into: new HistoryImport(store, teamId, io.now), teamId, databasePath: config.databasePath };
    }
    const csv = out === undefined ? undefined : csvFile(join(out.dir, 'decisions.csv'));
    await csv?.write(decisionsCsvHeader());

    // One core is this thread's, which analyses too; the others get a worker each.
    const workers = Math.min(io.cores, MAX_THREADS) - 1;
    analyzer =
      workers > 0 && prepared.totalBytes >= PARALLEL_FROM_BYTES ? parallelDayAnalyzer(workers) : inlineDayAnalyzer();
    const bar = io.progress === undefined ? undefined : new ProgressBar(io.progress, prepared.totalBytes);
    const analysis = await analyzeExport(prepared, analyzer, {
      onDecision: async (decision: ExportDecision) => {
        history?.into.add(decision);
        await csv?.write(decisionsCsvRow(decision));
      },
      onSkip: ({ file, reason }) => {
        const line = `empty-chair: skipped ${file}: ${reason}\n`;
        if (bar === undefined) io.stderr.write(line);
        else bar.interrupt(line);
      },
      onProgress: (bytes) => bar?.update(bytes),
    });
    bar?.finish();
    await csv?.close();
    const imported = history?.into.finish();

    io.stdout.write(textReport(analysis));
    if (out !== undefined) {
      writeFileSync(join(out.dir, 'summary.json'), summaryJson(analysis));
      writeFileSync(join(out.dir, 'report.html'), htmlReport(analysis));
      const written = REPORT_FILES.map((file) => join(out.given, file));
      io.stdout.write(`\nWrote ${written.slice(0, -1).join(', ')} and ${written.at(-1)}.\n`);
    }
    if (history !== undefined && imported !== undefined) {
      io.stdout.write(
        `\nImported ${plural(imported.added, 'decision')} into ${history.databasePath} as the history of workspace` +
          ` ${history.teamId}; ${imported.already} ${imported.already === 1 ? 'was' : 'were'} there already.\n`,
      );
    }
    return analysis.skipped.count > 0 ? 1 : 0;
  } finally {
    await analyzer?.close();
    await prepared.source.close();
    store?.close();
  }
}
