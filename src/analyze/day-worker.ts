/**
 * A worker thread analysing day files for the main thread: parsing and detection are most of analyze's time, and
 * they run side by side here, one day file a message. See day-analyzer.ts for the other end.
 */
import { parentPort } from 'node:worker_threads';
import { detect } from '../detect/detect.js';
import type { DayRequest, DayResponse } from './day-analyzer.js';
import { analyzeDay, DayFileError } from './day-file.js';

const port = parentPort;
if (port === null) throw new Error('day-worker.ts runs as a worker thread: use workerDayAnalyzer() to start it');

port.on('message', ({ id, bytes }: DayRequest) => {
  let response: DayResponse;
  try {
    response = { id, result: analyzeDay(bytes, detect) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response = { id, error: message, dayFile: error instanceof DayFileError };
  }
  port.postMessage(response);
});
