import type { Analysis, ExportDecision, SkippedFile } from './analysis.js';
import type { DayAnalyzer } from './day-analyzer.js';
import { DayFileError, type DayResult } from './day-file.js';
import { toExportDecision } from './export-decision.js';
import { type ExportChannel, type ExportMeta, readExportMeta } from './export-meta.js';
import { type DayFile, type DayRead, type ExportSource, errorReason, openExportSource } from './export-source.js';
import { ExportTally } from './tally.js';

/** An export opened and its meta files read: what will be analysed is known, nothing has been yet. */
export interface PreparedExport {
  /** The export as the person named it. */
  name: string;
  source: ExportSource;
  meta: ExportMeta;
  /** The public channels to analyse, by folder. */
  channels: ReadonlyMap<string, ExportChannel>;
  notAnalysed: Analysis['notAnalysed'];
  /** Meta files that were there but could not be used. */
  problems: SkippedFile[];
  /** The day files' bytes to read, as the progress bar counts them. */
  totalBytes: number;
}

export interface AnalyzeHooks {
  /** Each decision as it is found, in the export's order; awaited, so a slow consumer slows the reading. */
  onDecision?: (decision: ExportDecision) => void | Promise<void>;
  /** Each file that could not be analysed, as it is skipped. */
  onSkip?: (skipped: SkippedFile) => void;
  /** Bytes of day files read so far. */
  onProgress?: (bytes: number) => void;
}

/** Opens the export and decides which folders to analyse: public channels only. */
export async function prepareExport(path: string, name = path): Promise<PreparedExport> {
  const source = await openExportSource(path);
  const { meta, problems } = readExportMeta(source.meta);
  const channels = new Map<string, ExportChannel>();
  const notAnalysed: Analysis['notAnalysed'] = [];
  let totalBytes = 0;
  for (const { folder, bytes } of source.folders) {
    const privately = meta.privateFolders.get(folder);
    // Without channels.json every folder that is not a private conversation is taken for a channel, known by name.
    const channel = meta.channels === null ? { id: null, name: folder } : meta.channels.get(folder);
    if (privately !== undefined) {
      notAnalysed.push({ folder, reason: `${privately}: only public channels are analysed` });
    } else if (channel === undefined) {
      notAnalysed.push({ folder, reason: 'not a channel in channels.json' });
    } else {
      channels.set(folder, channel);
      totalBytes += bytes;
    }
  }
  return { name, source, meta, channels, notAnalysed, problems, totalBytes };
}

type Outcome = { ok: true; result: DayResult } | { ok: false; reason: string };

interface Queued {
  day: DayFile;
  outcome: Promise<Outcome>;
}

/**
 * Day files read but not yet tallied. Tallying waits for the oldest, so a worker still on it must not stop this thread
 * analysing the files after it: the window is wide. It costs little: a worker takes a file or two at a time (the only
 * bytes held), and a file analysed here is a few counters and its decisions by the time it waits.
 */
const IN_FLIGHT = 32;

/**
 * Reads the export one day file at a time, at most IN_FLIGHT files between read and tallied, and adds up what the
 * detector finds. Results are taken in the export's order whichever worker finishes first, so decisions
 * reach `onDecision` (the CSV, the database) in the same order on every run. A file that cannot be analysed is
 * skipped and reported; only a failing analyzer stops the run.
 */
export async function analyzeExport(
  prepared: PreparedExport,
  analyzer: DayAnalyzer,
  hooks: AnalyzeHooks = {},
): Promise<Analysis> {
  const { source, meta, channels } = prepared;
  const tally = new ExportTally({ name: prepared.name, kind: source.kind }, channels, prepared.notAnalysed);
  const skip = (skipped: SkippedFile) => {
    tally.skip(skipped);
    hooks.onSkip?.(skipped);
  };
  for (const problem of prepared.problems) skip(problem);

  const queue: Queued[] = [];
  const settle = async ({ day, outcome }: Queued) => {
    const done = await outcome;
    if (!done.ok) {
      skip({ file: day.path, reason: done.reason });
      return;
    }
    tally.addDay(day.folder, day.day, done.result);
    const channel = channels.get(day.folder) ?? { id: null, name: day.folder };
    for (const found of done.result.decisions) {
      const decision = toExportDecision(found, channel, meta.users);
      tally.addDecision(day.folder, decision);
      await hooks.onDecision?.(decision);
    }
  };

  const days = source.days(new Set(channels.keys()));
  let bytesRead = 0;
  try {
    for (;;) {
      let next: IteratorResult<DayRead>;
      try {
        next = await days.next();
      } catch (error) {
        skip({ file: prepared.name, reason: `the rest of the export could not be read (${errorReason(error)})` });
        break;
      }
      if (next.done === true) break;
      const read = next.value;
      bytesRead += read.size;
      hooks.onProgress?.(bytesRead);
      const outcome: Promise<Outcome> =
        'error' in read
          ? Promise.resolve({ ok: false, reason: read.error })
          : analyzer.analyze(read.bytes).then(
              (result) => ({ ok: true, result }),
              (error: unknown) => {
                // Only the file's own fault skips it; a broken analyzer would skip every file after it.
                if (error instanceof DayFileError) return { ok: false, reason: error.message };
                throw error;
              },
            );
      // Handled when settled, in order; marked here so a failure waiting in the queue is not reported as unhandled.
      outcome.catch(() => {});
      queue.push({ day: read, outcome });
      if (queue.length >= IN_FLIGHT) await settle(queue.shift() as Queued);
    }
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await settle(next);
  } finally {
    await days.return(undefined);
  }
  return tally.result();
}
