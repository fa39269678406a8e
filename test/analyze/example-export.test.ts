import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/analyze/analysis.js';
import { EXPORT_DECISION_COLUMNS } from '../../src/analyze/decisions-csv.js';
import { analyse, EXAMPLE_EXPORT, runAnalyzeCommand } from '../support/analyze-run.js';
import { csvObjects, parseCsv } from '../support/parse-csv.js';
import { PROJECT_ROOT, runNpm } from '../support/processes.js';
import { zipFolder } from '../support/zip-folder.js';

let dir: string;
let zipped: string;
let zippedInAFolder: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'empty-chair-analyze-example-'));
  zipped = join(dir, 'slack-export.zip');
  zippedInAFolder = join(dir, 'nested.zip');
  await zipFolder(EXAMPLE_EXPORT, zipped);
  // Zipping the unzipped folder again puts everything one folder down, a common way exports get passed around.
  await zipFolder(EXAMPLE_EXPORT, zippedInAFolder, 'slack-export/');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** What does not depend on how the export was packed. */
const content = ({ export: _source, ...rest }: Analysis) => rest;

describe('analyze on examples/slack-export', () => {
  it('counts people’s messages and decisions per channel and month, and the share citing customer insight', async () => {
    const { analysis, skipped } = await analyse(EXAMPLE_EXPORT, 'examples/slack-export');
    expect(skipped).toEqual([]);
    expect(analysis.export).toEqual({ name: 'examples/slack-export', kind: 'folder' });
    expect(analysis.days).toEqual({ first: '2026-10-01', last: '2026-10-30', files: 47 });
    // 4 joins, 1 topic change and 4 GitHub notifications (one of them reading like a decision) are left out.
    expect(analysis.messages).toEqual({ analysed: 72, ignored: 9 });
    expect(analysis.decisions).toMatchObject({ decisions: 25, cited: 9, uncited: 16, citedShare: 9 / 25 });
    expect(
      analysis.channels.map(({ id, name, messages, decisions, cited }) => ({ id, name, messages, decisions, cited })),
    ).toEqual([
      { id: 'C04PRODUCT', name: 'product', messages: 34, decisions: 10, cited: 5 },
      { id: 'C04ENGINEE', name: 'engineering', messages: 23, decisions: 8, cited: 0 },
      { id: 'C04GROWTH1', name: 'growth', messages: 15, decisions: 7, cited: 4 },
    ]);
    expect(analysis.months).toEqual([
      { month: '2026-10', messages: 72, decisions: 25, cited: 9, uncited: 16, citedShare: 9 / 25 },
    ]);
    expect(analysis.neverCited).toEqual({ channels: ['engineering'], months: [] });
    const evidence = Object.fromEntries(analysis.evidence.map(({ kind, decisions }) => [kind, decisions]));
    expect(evidence).toMatchObject({
      support: 1,
      'sales-call': 1,
      'usability-test': 1,
      interview: 2,
      survey: 1,
      experiment: 2,
      'usage-data': 1,
    });
    expect(analysis.examples.cited).toHaveLength(5);
    expect(analysis.examples.uncited).toHaveLength(5);
    expect(analysis.examples.cited).toContainEqual({
      channel: 'product',
      decidedAt: '2026-10-09T10:30:00.983Z',
      author: 'maya',
      summary:
        'Decision: SSO for contractors goes on the Q4 roadmap. 9 of 12 enterprise customer interviews this quarter asked for it, Northwind and Globex among them.',
      category: 'roadmap',
      evidence: ['interview'],
    });
    expect(analysis.notAnalysed).toEqual([]);
  });

  it('finds decisions in thread replies and names their thread', async () => {
    const { decisions } = await analyse(EXAMPLE_EXPORT);
    const reply = decisions.find((decision) => decision.summary.includes('checkout tests in UTC'));
    expect(reply).toMatchObject({
      channel: { id: 'C04ENGINEE', name: 'engineering' },
      threadTs: '1790845320.948843',
      authorId: 'U04TOMB02',
      authorName: 'tom',
      cited: false,
    });
    expect(decisions.every((decision) => decision.threadTs !== decision.ts)).toBe(true);
  });

  it('reads the zip exactly as the folder, also when the zip holds the export one folder down', async () => {
    const folder = await analyse(EXAMPLE_EXPORT);
    for (const zip of [zipped, zippedInAFolder]) {
      const fromZip = await analyse(zip);
      expect(fromZip.analysis.export.kind).toBe('zip');
      expect(content(fromZip.analysis)).toEqual(content(folder.analysis));
      expect(fromZip.decisions).toEqual(folder.decisions);
    }
  });

  it('prints the report, writes report.html, decisions.csv and summary.json, and exits 0', async () => {
    const out = join(dir, 'report');
    const run = await runAnalyzeCommand(['examples/slack-export', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Slack export examples/slack-export: 3 channels, 47 day files, 2026-10-01 to 2026-10-30\n',
    );
    expect(run.stdout).toContain(
      '72 messages by people analysed; 9 left out (joins, bots and other system messages).\n',
    );
    expect(run.stdout).toContain('25 decisions: 9 cited customer insight (36%), 16 without;');
    expect(run.stdout).toMatch(/^ {2}#engineering +23 +8 +0 +0%$/m);
    expect(run.stdout).toMatch(/^ {2}2026-10 +72 +25 +9 +36%$/m);
    expect(run.stdout).toContain('Channels that never cite customers: #engineering\n');
    expect(run.stdout).toContain(`Wrote ${out}/report.html, ${out}/decisions.csv and ${out}/summary.json.\n`);

    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Analysis;
    expect(summary).toEqual((await analyse(EXAMPLE_EXPORT, 'examples/slack-export')).analysis);

    const csv = readFileSync(join(out, 'decisions.csv'), 'utf8');
    expect(parseCsv(csv)[0]).toEqual([...EXPORT_DECISION_COLUMNS]);
    const rows = csvObjects(csv);
    expect(rows).toHaveLength(25);
    expect(rows.filter((row) => row.cited === 'true')).toHaveLength(9);
    expect(rows.filter((row) => row.one_way_door === 'true')).toHaveLength(summary.decisions.oneWayDoors);
    expect(rows[0]).toEqual({
      decided_at: '2026-10-01T09:20:00.038Z',
      channel_id: 'C04ENGINEE',
      channel_name: 'engineering',
      message_ts: '1790846400.038363',
      thread_ts: '1790845320.948843',
      author_id: 'U04TOMB02',
      author_name: 'tom',
      summary: 'Yes, it is the timezone fixture again. Decision: we run the checkout tests in UTC from now on.',
      category: rows[0]?.category,
      one_way_door: 'false',
      cited: 'false',
      detected_evidence: '',
      confidence: rows[0]?.confidence,
    });
    expect(rows.find((row) => row.summary?.startsWith('Decision: we ship the invoice CSV'))).toMatchObject({
      channel_name: 'product',
      cited: 'true',
      detected_evidence: 'support;sales-call',
    });

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<title>Decisions in examples/slack-export: empty-chair</title>');
    expect(html.match(/<svg /g)).toHaveLength(3);
    // Self-contained: nothing is fetched, nothing runs.
    expect(html).not.toMatch(/<script|<link rel="stylesheet"|<img |src="http|url\(/);
  });

  it('prints exactly what the README shows', async () => {
    const prompt = '$ npm run --silent empty-chair -- analyze examples/slack-export --out analyze-report\n';
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(prompt);
    const start = readme.indexOf(prompt) + prompt.length;
    const shown = readme.slice(start, readme.indexOf('```', start));
    const out = join(dir, 'readme-report');
    const run = await runAnalyzeCommand(['examples/slack-export', '--out', out]);
    expect(run.stdout.replaceAll(`${out}/`, 'analyze-report/')).toBe(shown);
  });

  it('npm run empty-chair -- analyze reads a path relative to where it is run', async () => {
    const { finished } = runNpm(['run', '--silent', 'empty-chair', '--', 'analyze', 'examples/slack-export']);
    const run = await finished;
    expect(run.stderr).not.toContain('empty-chair:');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('25 decisions: 9 cited customer insight (36%), 16 without;');
  });
});
