import { describe, expect, it } from 'vitest';
import { weekRanges } from '../../src/stats/week-ranges.js';

const iso = (ms: number | undefined) => new Date(ms ?? Number.NaN).toISOString();
const thisWeek = (now: string, timeZone: string) => weekRanges(Date.parse(now), timeZone, 1)[0];

/** The App Home's weeks: Monday 00:00 to Monday 00:00 on the viewer's wall clock, on the days the clock changes. */
describe('weekRanges on DST days (App Home)', () => {
  it('Europe/Berlin, spring forward on Sunday 2026-03-29: that Sunday is in the week from Monday 23 March', () => {
    const sundayAfterSwitch = thisWeek('2026-03-29T10:00:00Z', 'Europe/Berlin'); // 12:00 CEST
    expect([iso(sundayAfterSwitch?.start), iso(sundayAfterSwitch?.end)]).toEqual([
      '2026-03-22T23:00:00.000Z', // Monday 00:00 CET
      '2026-03-29T22:00:00.000Z', // Monday 00:00 CEST
    ]);
    expect(iso(thisWeek('2026-03-29T22:00:00Z', 'Europe/Berlin')?.start)).toBe('2026-03-29T22:00:00.000Z');
    expect(iso(thisWeek('2026-03-29T21:59:59.999Z', 'Europe/Berlin')?.start)).toBe('2026-03-22T23:00:00.000Z');
  });

  it('Europe/Berlin, fall back on Sunday 2026-10-25: the week ends at Monday 00:00 CET, an hour later in UTC', () => {
    const sundayAfterSwitch = thisWeek('2026-10-25T12:00:00Z', 'Europe/Berlin'); // 13:00 CET
    expect([iso(sundayAfterSwitch?.start), iso(sundayAfterSwitch?.end)]).toEqual([
      '2026-10-18T22:00:00.000Z', // Monday 00:00 CEST
      '2026-10-25T23:00:00.000Z', // Monday 00:00 CET
    ]);
    expect(iso(thisWeek('2026-10-25T22:30:00Z', 'Europe/Berlin')?.start)).toBe('2026-10-18T22:00:00.000Z');
    expect(iso(thisWeek('2026-10-25T23:00:00Z', 'Europe/Berlin')?.start)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('Europe/Berlin, twelve weeks across the autumn change: adjacent, each from a Monday at local midnight', () => {
    const weeks = weekRanges(Date.parse('2026-11-23T10:00:00Z'), 'Europe/Berlin', 12);
    expect(weeks).toHaveLength(12);
    expect(iso(weeks[0]?.start)).toBe('2026-09-06T22:00:00.000Z'); // Monday 7 September, 00:00 CEST
    expect(iso(weeks.at(-1)?.start)).toBe('2026-11-22T23:00:00.000Z'); // Monday 23 November, 00:00 CET
    for (const [index, week] of weeks.entries()) {
      if (index > 0) expect(week.start).toBe(weeks[index - 1]?.end);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Berlin',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(week.start);
      expect(local).toBe('Mon 00:00');
    }
    expect(weeks.map((week) => (week.end - week.start) / 3_600_000).filter((hours) => hours !== 168)).toEqual([169]);
  });

  it('Asia/Tokyo (no DST, UTC+9): Monday 00:00 is Sunday 15:00 UTC, and weeks are always 168 hours', () => {
    const monday = thisWeek('2026-03-29T15:00:00Z', 'Asia/Tokyo');
    expect([iso(monday?.start), iso(monday?.end)]).toEqual(['2026-03-29T15:00:00.000Z', '2026-04-05T15:00:00.000Z']);
    expect(iso(thisWeek('2026-03-29T14:59:59.999Z', 'Asia/Tokyo')?.start)).toBe('2026-03-22T15:00:00.000Z');
    const weeks = weekRanges(Date.parse('2026-10-25T12:00:00Z'), 'Asia/Tokyo', 12);
    expect(weeks.every((week) => week.end - week.start === 168 * 3_600_000)).toBe(true);
  });
});
