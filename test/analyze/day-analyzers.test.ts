import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportDecision } from '../../src/analyze/analysis.js';
import { analyzeExport, prepareExport } from '../../src/analyze/analyze-export.js';
import { type DayAnalyzer, inlineDayAnalyzer, parallelDayAnalyzer } from '../../src/analyze/day-analyzer.js';
import { generateSlackExport } from '../support/slack-export-generator.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'empty-chair-analyzers-'));
  generateSlackExport(dir, { targetBytes: 4 * 1024 * 1024, channels: 4 });
  // A broken day file is reported the same from a worker thread as from this one.
  writeFileSync(join(dir, 'product', '2025-01-08.json'), '[{"type": "message",');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(analyzer: DayAnalyzer) {
  const prepared = await prepareExport(dir, 'generated');
  const decisions: ExportDecision[] = [];
  try {
    const analysis = await analyzeExport(prepared, analyzer, {
      onDecision: (decision) => void decisions.push(decision),
    });
    return { analysis, decisions };
  } finally {
    await analyzer.close();
  }
}

describe('day analyzers', () => {
  it('worker threads and this thread together find what this thread alone finds, in the same order', async () => {
    const inline = await run(inlineDayAnalyzer());
    const parallel = await run(parallelDayAnalyzer(2));
    expect(inline.decisions.length).toBeGreaterThan(50);
    expect(inline.analysis.skipped.files).toEqual([
      { file: 'product/2025-01-08.json', reason: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(parallel.analysis).toEqual(inline.analysis);
    expect(parallel.decisions).toEqual(inline.decisions);
  }, 60_000);
});
