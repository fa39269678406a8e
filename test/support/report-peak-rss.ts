/**
 * Preloaded into a child process (`node --import tsx --import ./test/support/report-peak-rss.ts …`) by tests that
 * check its memory: at exit it writes the process's peak resident set, worker threads included, in bytes, to
 * PEAK_RSS_FILE. The process under test needs no hook of its own.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS * 1024));
  });
}
