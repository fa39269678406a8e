import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/analysis.js';
import { PROJECT_ROOT } from '../support/processes.js';
import { generateSlackExport } from '../support/slack-export-generator.js';

const MB = 1024 * 1024;
const EXPORT_BYTES = 200 * MB;
/** The bound for a 2 GB export; streaming makes it the same bound for any size. */
const PEAK_RSS_LIMIT = 300 * MB;

const dir = mkdtempSync(join(tmpdir(), 'empty-chair-analyze-200mb-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('analyze on a large export', () => {
  it('reads a generated 200 MB export one day file at a time, its peak memory under 300 MB', async () => {
    const exportDir = join(dir, 'export');
    mkdirSync(exportDir);
    const generated = generateSlackExport(exportDir, { targetBytes: EXPORT_BYTES });
    expect(generated.bytes).toBeGreaterThanOrEqual(EXPORT_BYTES);

    const peakFile = join(dir, 'peak-rss');
    const out = join(dir, 'out');
    // As `npm run empty-chair` runs it (tsx, all cores), with the peak resident set written at exit.
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './test/support/report-peak-rss.ts',
        'src/cli/main.ts',
        'analyze',
        exportDir,
        '--out',
        out,
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, PEAK_RSS_FILE: peakFile }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.stdout.resume();
    const [code] = await once(child, 'close');
    expect(stderr).toBe('');
    expect(code).toBe(0);

    const peak = Number(readFileSync(peakFile, 'utf8'));
    expect(peak, `peak RSS ${(peak / MB).toFixed(0)} MB`).toBeLessThan(PEAK_RSS_LIMIT);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Analysis;
    expect(summary.days.files).toBe(generated.files);
    expect(summary.messages.analysed + summary.messages.ignored).toBe(generated.messages);
    const rows = readFileSync(join(out, 'decisions.csv'), 'utf8').split('\r\n').length - 2;
    expect(rows).toBe(summary.decisions.decisions);
  }, 600_000);
});
