import { Worker } from 'node:worker_threads';
import { detect } from '../detect/detect.js';
import { analyzeDay, DayFileError, type DayResult, type Detector } from './day-file.js';

/**
 * Analyses day files, one promise a file; a bad file rejects with DayFileError, anything else is fatal. It holds few
 * files' bytes at a time, whatever the caller asks of it: the caller reads ahead, and memory stays flat.
 */
export interface DayAnalyzer {
  analyze(bytes: Uint8Array): Promise<DayResult>;
  close(): Promise<void>;
}

export interface DayRequest {
  id: number;
  bytes: Uint8Array;
}

export type DayResponse = { id: number; result: DayResult } | { id: number; error: string; dayFile: boolean };

/** On the calling thread: no start-up cost, so the right choice for a small export. */
export function inlineDayAnalyzer(detector: Detector = detect): DayAnalyzer {
  return {
    analyze: async (bytes) => analyzeDay(bytes, detector),
    close: async () => {},
  };
}

const WORKER_MODULE = new URL('./day-worker.ts', import.meta.url).href;
// Node 20 does not pass the tsx loader the CLI runs under on to worker threads: each registers it, then loads the
// worker's TypeScript. The project runs from source (no build step), so this is how every worker starts.
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_MODULE)}); });`;

interface Pending {
  resolve: (result: DayResult) => void;
  reject: (error: Error) => void;
}

/** Day files waiting at a worker: one being analysed and one ready, so it never idles between files. */
const QUEUED_PER_WORKER = 2;

/**
 * Day files analysed on `workers` worker threads and on the calling thread, side by side: a file goes to a worker
 * that has room in its queue, else it is analysed here and now. The calling thread is one of the analysers rather
 * than a dispatcher only, because each worker costs about 40 MB before it reads anything (an isolate with the
 * detector and the TypeScript loader) and the bound is 300 MB. Each worker takes about half a second to
 * start, so this pays off from a few megabytes of export up. The workers load `detect` itself, so it is the
 * detector here too.
 */
export function parallelDayAnalyzer(workers: number): DayAnalyzer {
  let nextId = 0;
  let failure: Error | undefined;
  const pools = Array.from({ length: workers }, () => {
    const worker = new Worker(BOOTSTRAP, { eval: true });
    const pending = new Map<number, Pending>();
    const fail = (error: Error) => {
      failure ??= error;
      for (const each of pending.values()) each.reject(error);
      pending.clear();
    };
    worker.on('message', (response: DayResponse) => {
      const waiting = pending.get(response.id);
      pending.delete(response.id);
      if (waiting === undefined) return;
      if ('result' in response) waiting.resolve(response.result);
      else waiting.reject(response.dayFile ? new DayFileError(response.error) : new Error(response.error));
    });
    worker.on('error', (error) => fail(new Error(`an analyze worker failed: ${error.message}`)));
    worker.on('exit', (code) => fail(new Error(`an analyze worker stopped (exit code ${code})`)));
    return { worker, pending };
  });

  return {
    async analyze(bytes) {
      if (failure !== undefined) throw failure;
      const pool = pools.find((each) => each.pending.size < QUEUED_PER_WORKER);
      if (pool === undefined) return analyzeDay(bytes, detect);
      const id = nextId++;
      return new Promise<DayResult>((resolve, reject) => {
        pool.pending.set(id, { resolve, reject });
        pool.worker.postMessage({ id, bytes } satisfies DayRequest);
      });
    },
    async close() {
      failure ??= new Error('the analyzer is closed');
      await Promise.all(pools.map(({ worker }) => worker.terminate()));
    },
  };
}
