import { describe, expect, it } from 'vitest';
import type { ExportDecision } from '../../src/analyze/analysis.js';
import { toExportDecision } from '../../src/analyze/export-decision.js';
import { ProgressBar } from '../../src/analyze/progress-bar.js';
import { textReport } from '../../src/analyze/report-text.js';
import { EXAMPLES, ExportTally } from '../../src/analyze/tally.js';
import { parseAnalyzeArgs } from '../../src/cli/analyze-args.js';

const CHANNEL = { id: 'C1', name: 'product' };

const decision = (index: number, fields: Partial<ExportDecision> = {}): ExportDecision => ({
  channel: CHANNEL,
  ts: `${1_790_000_000 + index}.000100`,
  threadTs: null,
  decidedAt: (1_790_000_000 + index) * 1000,
  authorId: 'U1',
  authorName: 'maya',
  summary: `Decision ${index}`,
  category: 'roadmap',
  oneWayDoor: false,
  cited: false,
  evidence: [],
  confidence: 0.9,
  ...fields,
});

function tally(decisions: readonly ExportDecision[]) {
  const counted = new ExportTally({ name: 'x', kind: 'folder' }, new Map([['product', CHANNEL]]), []);
  counted.addDay('product', '2026-09-20', { messages: decisions.length, ignored: 0, months: {}, decisions: [] });
  for (const each of decisions) counted.addDecision('product', each);
  return counted.result();
}

describe('the tally', () => {
  it('keeps a fixed number of examples, the surest then the earliest, whatever order they come in', () => {
    const decisions = Array.from({ length: 40 }, (_, index) =>
      decision(index, { confidence: index % 7 === 0 ? 0.99 : 0.8, cited: index % 2 === 0 }),
    );
    const forwards = tally(decisions);
    const backwards = tally([...decisions].reverse());
    expect(forwards.examples).toEqual(backwards.examples);
    expect(forwards.examples.cited.map((each) => each.summary)).toEqual([
      'Decision 0',
      'Decision 14',
      'Decision 28',
      'Decision 2',
      'Decision 4',
    ]);
    expect(forwards.examples.uncited).toHaveLength(EXAMPLES);
  });

  it('names the months with decisions and none cited; months come from when the decision was posted, in UTC', () => {
    const result = tally([
      decision(0, { decidedAt: Date.parse('2026-09-30T23:30:00Z'), cited: true }),
      decision(1, { decidedAt: Date.parse('2026-10-01T00:30:00Z') }),
    ]);
    expect(result.months.map(({ month, decisions, cited }) => [month, decisions, cited])).toEqual([
      ['2026-09', 1, 1],
      ['2026-10', 1, 0],
    ]);
    expect(result.neverCited).toEqual({ channels: [], months: ['2026-10'] });
  });
});

describe('a decision from the export', () => {
  it('names its author and mentions from users.json, and pings nobody', () => {
    const users = new Map([
      ['U1', 'maya'],
      ['U2', 'tom'],
    ]);
    const found = toExportDecision(
      {
        ts: '1790938800.000100',
        threadTs: null,
        user: 'U1',
        text: 'Decision: <@U2> owns the <!channel> rollout, <@U9> reviews.',
        detection: {
          decision: true,
          customer: false,
          kind: { category: 'process', oneWayDoor: false },
          evidence: [],
          confidence: 0.95,
        },
      },
      CHANNEL,
      users,
    );
    expect(found).toMatchObject({
      authorName: 'maya',
      summary: 'Decision: @tom owns the @channel rollout, @U9 reviews.',
      decidedAt: Date.parse('2026-10-02T11:00:00.000Z'),
      category: 'process',
    });
  });
});

describe('the text report', () => {
  it('says so when an export holds no decisions', () => {
    const text = textReport(tally([]));
    expect(text).toContain('No decisions found.');
    expect(text).not.toContain('By channel');
  });
});

describe('the progress bar', () => {
  it('redraws at most ten times a second, writes others’ lines on their own line, and clears itself', () => {
    let now = 0;
    const written: string[] = [];
    const bar = new ProgressBar({ write: (text) => written.push(text) > 0, columns: 60 }, 2 * 1024 * 1024, () => now);
    bar.update(0);
    for (let done = 1; done <= 9; done += 1) {
      now += 10;
      bar.update(done * 100_000);
    }
    expect(written).toHaveLength(1);
    now += 10;
    bar.update(1024 * 1024);
    expect(written).toHaveLength(2);
    expect(written[1]).toBe('\r\u001b[2KAnalysing [############-----------]  50%  1.0 MB of 2.0 MB');
    bar.interrupt('empty-chair: skipped a/2026-10-01.json: not valid JSON\n');
    expect(written[2]).toBe('\r\u001b[2Kempty-chair: skipped a/2026-10-01.json: not valid JSON\n');
    expect(written[3]).toContain('Analysing [');
    bar.finish();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('analyze’s arguments', () => {
  it('takes one export and the options, and refuses what it cannot use with the usage', () => {
    expect(parseAnalyzeArgs(['export.zip', '--out', 'report', '--import', '--team', 'T0123ABCD'])).toEqual({
      export: 'export.zip',
      out: 'report',
      import: true,
      team: 'T0123ABCD',
    });
    for (const [argv, message] of [
      [[], 'say which export to analyse'],
      [['a.zip', 'b.zip'], 'one export at a time'],
      [['a.zip', '--out', ''], '--out is empty'],
      [['a.zip', '--out', 'x', '--out', 'y'], '--out is given 2 times'],
      [['a.zip', '--team', 'T0123ABCD'], '--team says which workspace to import into: it goes with --import'],
      [['a.zip', '--import', '--team', 'acme'], '--team acme is not a workspace id'],
      [['a.zip', '--since', '2026'], "Unknown option '--since'"],
    ] as const) {
      expect(() => parseAnalyzeArgs(argv), message).toThrow(
        expect.objectContaining({ usage: true, message: expect.stringContaining(message) }),
      );
    }
  });
});
