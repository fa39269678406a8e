import { describe, expect, it } from 'vitest';
import { weekRanges } from '../../src/stats/week-ranges.js';

const iso = (ms: number) => new Date(ms).toISOString();

describe('weekRanges', () => {
  it('starts weeks on Monday 00:00 local time, oldest first, ending with the current week', () => {
    const weeks = weekRanges(Date.parse('2026-11-25T12:00:00Z'), 'Europe/Berlin', 2);
    expect(weeks.map((week) => [iso(week.start), iso(week.end)])).toEqual([
      ['2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z'],
      ['2026-11-22T23:00:00.000Z', '2026-11-29T23:00:00.000Z'],
    ]);
  });

  it('counts a week east of UTC by its own Monday, even when UTC is still on Sunday', () => {
    const [week] = weekRanges(Date.parse('2026-11-22T16:00:00Z'), 'Asia/Tokyo', 1);
    expect(iso(week?.start ?? 0)).toBe('2026-11-22T15:00:00.000Z');
  });

  it('gives DST weeks their wall-clock length', () => {
    const spring = weekRanges(Date.parse('2026-03-25T12:00:00Z'), 'Europe/Berlin', 1)[0];
    expect(((spring?.end ?? 0) - (spring?.start ?? 0)) / 3_600_000).toBe(167);
    const autumn = weekRanges(Date.parse('2026-10-21T12:00:00Z'), 'Europe/Berlin', 1)[0];
    expect(((autumn?.end ?? 0) - (autumn?.start ?? 0)) / 3_600_000).toBe(169);
  });

  it('crosses a year boundary', () => {
    const weeks = weekRanges(Date.parse('2027-01-02T12:00:00Z'), 'UTC', 2);
    expect(weeks.map((week) => iso(week.start))).toEqual(['2026-12-21T00:00:00.000Z', '2026-12-28T00:00:00.000Z']);
  });
});
