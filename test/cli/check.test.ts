import { describe, expect, it } from 'vitest';
import { runNpm } from '../support/processes.js';

async function check(input: string): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const { finished } = runNpm(['run', '--silent', 'empty-chair', '--', 'check'], { input });
  const { code, stdout, stderr } = await finished;
  expect(stderr).toBe('');
  return {
    code,
    lines: stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('empty-chair check', () => {
  it('writes one verdict per input line, in order, with the documented fields', async () => {
    const input = [
      { id: 'a', text: 'Decision: we drop the annual-only plan.' },
      { id: 2, text: 'Have we decided on pricing yet?' },
      { id: 'c', text: 'Decision: we ship bulk export. 9 of 12 customer interviews asked for it.' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const { code, lines } = await check(`${input}\n`);
    expect(code).toBe(0);
    expect(lines.map((line) => line.id)).toEqual(['a', 2, 'c']);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['id', 'decision', 'customer', 'kind', 'evidence', 'confidence']);
    }
    expect(lines[0]).toMatchObject({
      decision: true,
      customer: false,
      kind: { category: 'pricing', oneWayDoor: true },
    });
    expect(lines[1]).toMatchObject({ decision: false, kind: null, evidence: [] });
    expect(lines[2]).toMatchObject({ decision: true, customer: true });
    expect(lines[2]?.evidence).toContain('interview');
  });

  it('gives a line that is not valid JSON an error line for its id and goes on', async () => {
    const input = [
      '{"id":"x1","text":"Decision: we ship it."',
      '{"id":"x2","text":"We decided to ship the importer first."}',
      'oops',
      '{"id":"x4"}',
    ].join('\n');
    const { code, lines } = await check(input);
    expect(code).toBe(0);
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: 'x1', error: expect.stringContaining('line 1: not valid JSON') });
    expect(lines[1]).toMatchObject({ id: 'x2', decision: true });
    expect(lines[2]).toMatchObject({ id: null, error: expect.stringContaining('line 3') });
    expect(lines[3]).toMatchObject({ id: 'x4', error: expect.stringContaining('text must be a string') });
  });
});
