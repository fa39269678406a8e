import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { cronError, cronSchedule, subscriberDueAt } from '../../src/digest/due.js';
import { parseIsoWeek } from '../../src/stats/week-ranges.js';
import type { WeekRange } from '../../src/stats/weekly-counts.js';
import { toZoned } from '../../src/time/zoned-time.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const fire = (expression: string, timeZone: string, from: string) =>
  iso(cronSchedule(expression, timeZone).firstFireAtOrAfter(Date.parse(from)));

describe('cronSchedule', () => {
  it('fires the default, 0 9 * * 1, on the Monday a Berlin week ends, at 09:00 local', () => {
    // The week ends on Monday 23 November 00:00 CET.
    expect(fire('0 9 * * 1', 'Europe/Berlin', '2026-11-22T23:00:00Z')).toBe('2026-11-23T08:00:00.000Z');
  });

  it('counts a fire instant itself as at or after it, and the next one from a millisecond later', () => {
    expect(fire('0 9 * * 1', 'Europe/Berlin', '2026-11-23T08:00:00Z')).toBe('2026-11-23T08:00:00.000Z');
    expect(fire('0 9 * * 1', 'Europe/Berlin', '2026-11-23T08:00:00.001Z')).toBe('2026-11-30T08:00:00.000Z');
  });

  it('keeps 09:00 on the wall clock across a DST change', () => {
    // 09:00 CET, then 09:00 CEST a week later.
    expect(fire('0 9 * * 1', 'Europe/Berlin', '2026-03-23T08:00:00.001Z')).toBe('2026-03-30T07:00:00.000Z');
    // 09:00 CEST, then 09:00 CET.
    expect(fire('0 9 * * 1', 'Europe/Berlin', '2026-10-19T07:00:00.001Z')).toBe('2026-10-26T08:00:00.000Z');
  });

  it('never fires at a time the clock skips: 30 2 * * 0 misses the spring-forward Sunday in Berlin', () => {
    // Sunday 29 March 00:00 CET; 02:30 does not happen that day, so the next is 02:30 CEST on 5 April.
    expect(fire('30 2 * * 0', 'Europe/Berlin', '2026-03-28T23:00:00Z')).toBe('2026-04-05T00:30:00.000Z');
  });

  it('still fires later that day when an earlier time in the pattern is skipped', () => {
    // 02:00 does not happen on Sunday 29 March in Berlin; 05:00 CEST does.
    expect(fire('0 2,5 * * *', 'Europe/Berlin', '2026-03-28T23:00:00Z')).toBe('2026-03-29T03:00:00.000Z');
  });

  it('fires a time the clock reads twice once, the first time', () => {
    // Sunday 25 October: 02:30 CEST (00:30Z), and not again at 02:30 CET (01:30Z).
    expect(fire('30 2 * * 0', 'Europe/Berlin', '2026-10-24T22:00:00Z')).toBe('2026-10-25T00:30:00.000Z');
    expect(fire('30 2 * * 0', 'Europe/Berlin', '2026-10-25T00:30:00.001Z')).toBe('2026-11-01T01:30:00.000Z');
    // From 02:50 CEST, the repeated 02:00-02:45 CET are not fired again: the next quarter is 03:00 CET.
    expect(fire('*/15 * * * *', 'Europe/Berlin', '2026-10-25T00:50:00Z')).toBe('2026-10-25T02:00:00.000Z');
  });

  it.each([
    ['*/15 * * * *', 'Europe/Berlin', '2026-11-23T08:07:00Z', '2026-11-23T08:15:00.000Z'],
    ['*/15 * * * *', 'Europe/Berlin', '2026-11-23T08:15:00Z', '2026-11-23T08:15:00.000Z'],
    ['*/15 * * * *', 'Europe/Berlin', '2026-11-23T22:59:59Z', '2026-11-23T23:00:00.000Z'], // past midnight
    ['*/15 * * * *', 'Asia/Kolkata', '2026-06-15T03:31:00Z', '2026-06-15T03:45:00.000Z'], // 09:15 IST
    ['0 0 * * 1', 'Asia/Tokyo', '2026-03-29T14:00:00Z', '2026-03-29T15:00:00.000Z'], // Monday 00:00 JST
    ['0 9 * * 1', 'Pacific/Auckland', '2026-09-26T00:00:00Z', '2026-09-27T20:00:00.000Z'], // 09:00 NZDT
    ['30 2 * * *', 'America/Los_Angeles', '2026-03-08T08:00:00Z', '2026-03-09T09:30:00.000Z'], // gap on the 8th
    ['0 9 * * MON', 'Europe/Berlin', '2026-11-22T23:00:00Z', '2026-11-23T08:00:00.000Z'],
    ['@weekly', 'Europe/Berlin', '2026-11-23T12:00:00Z', '2026-11-28T23:00:00.000Z'], // Sunday 00:00
    ['0 23,1 * * *', 'Europe/Berlin', '2026-11-22T23:00:00Z', '2026-11-23T00:00:00.000Z'], // 01:00 before 23:00
    ['0 22-2 * * *', 'Europe/Berlin', '2026-11-23T12:00:00Z', '2026-11-23T21:00:00.000Z'], // a range past midnight
    // node-cron ANDs day of month and day of week: Friday the 13th, not every Friday and every 13th.
    ['0 9 13 * 5', 'Europe/Berlin', '2026-01-01T00:00:00Z', '2026-02-13T08:00:00.000Z'],
  ])('%s in %s from %s: %s', (expression, timeZone, from, expected) => {
    expect(fire(expression, timeZone, from)).toBe(expected);
  });

  it.each([
    ['0 9 L * *', '2026-02-01T00:00:00Z', '2026-02-28T08:00:00.000Z'],
    ['0 9 L * *', '2028-02-01T00:00:00Z', '2028-02-29T08:00:00.000Z'], // leap year
    ['0 9 L * *', '2026-04-30T07:00:00.001Z', '2026-05-31T07:00:00.000Z'],
    ['0 9 * * 1#2', '2026-11-01T00:00:00Z', '2026-11-09T08:00:00.000Z'], // the second Monday
    ['0 9 * * 5L', '2026-11-01T00:00:00Z', '2026-11-27T08:00:00.000Z'], // the last Friday
  ])('leaves day rules to node-cron: %s in Berlin from %s is %s', (expression, from, expected) => {
    expect(fire(expression, 'Europe/Berlin', from)).toBe(expected);
  });

  it.each([
    ['30 0 9 * * 1', '2026-11-22T23:00:00Z', '2026-11-23T08:00:30.000Z'],
    ['*/20 * * * * *', '2026-11-23T08:00:05Z', '2026-11-23T08:00:20.000Z'],
    ['*/20 * * * * *', '2026-11-23T08:00:20Z', '2026-11-23T08:00:20.000Z'],
    ['*/20 * * * * *', '2026-11-23T08:00:20.001Z', '2026-11-23T08:00:40.000Z'],
  ])('takes a sixth field for seconds: %s from %s is %s', (expression, from, expected) => {
    expect(fire(expression, 'Europe/Berlin', from)).toBe(expected);
  });

  it('looks 62 days ahead and no further', () => {
    // 29 February is 59 days from 1 January 2028, but years from March 2026.
    expect(fire('0 9 29 2 *', 'Europe/Berlin', '2028-01-01T00:00:00Z')).toBe('2028-02-29T08:00:00.000Z');
    expect(fire('0 9 29 2 *', 'Europe/Berlin', '2026-03-01T00:00:00Z')).toBeNull();
    // The 31st after 31 August is 31 October, 61 days on, at 09:00 CET.
    expect(fire('0 9 31 * *', 'Europe/Berlin', '2026-08-31T07:00:00.001Z')).toBe('2026-10-31T08:00:00.000Z');
    // From Tuesday 30 December, 1 March is the 61st day on and 2 March the 62nd.
    expect(fire('0 9 1 3 *', 'Europe/Berlin', '2025-12-30T00:00:00Z')).toBe('2026-03-01T08:00:00.000Z');
    expect(fire('0 9 2 3 *', 'Europe/Berlin', '2025-12-30T00:00:00Z')).toBeNull();
  });

  it('finds the next second after a late `from` on a pattern that fires every second', () => {
    const schedule = cronSchedule('* * * * * *', 'Europe/Berlin');
    expect(iso(schedule.firstFireAtOrAfter(Date.parse('2026-11-23T22:59:59.500Z')))).toBe('2026-11-23T23:00:00.000Z');
  });

  it('says which pattern and zone it is for', () => {
    expect(cronSchedule('0 9 * * 1', 'Asia/Tokyo')).toMatchObject({ expression: '0 9 * * 1', timeZone: 'Asia/Tokyo' });
  });

  it('refuses a pattern node-cron refuses, saying why', () => {
    expect(() => cronSchedule('0 9 * * 8', 'Europe/Berlin')).toThrow(
      '"0 9 * * 8" is not a cron pattern: day of week: 8 is not valid (use 0-7 or SUN-SAT)',
    );
    expect(() => cronSchedule('0 9 30 2 *', 'Europe/Berlin')).toThrow('day of month: 30 never occurs in month 2');
  });

  it('leaves no node-cron task behind', () => {
    const before = cron.getTasks().size;
    const schedule = cronSchedule('0 9 L * *', 'Europe/Berlin');
    schedule.firstFireAtOrAfter(Date.parse('2026-02-01T00:00:00Z'));
    schedule.firstFireAtOrAfter(Date.parse('2026-03-01T00:00:00Z'));
    expect(cron.getTasks().size).toBe(before);
  });
});

describe('cronError', () => {
  it.each(['0 9 * * 1', '*/15 * * * *', '0 9 L * *', '30 0 9 * * 1', '0 9 * * mon-fri', '@weekly', '0 9 * * 1#2'])(
    'accepts %j',
    (expression) => {
      expect(cronError(expression)).toBeNull();
    },
  );

  it.each([
    ['0 9 * * 8', 'day of week: 8 is not valid (use 0-7 or SUN-SAT)'],
    ['60 9 * * *', 'minute: 60 is not valid (use 0-59)'],
    ['0 24 * * *', 'hour: 24 is not valid (use 0-23)'],
    ['0 9 32 * *', 'day of month: 32 is not valid (use 1-31 or L)'],
    ['0 9 * 13 *', 'month: 13 is not valid (use 1-12 or JAN-DEC)'],
    ['61 0 9 * * 1', 'second: 61 is not valid (use 0-59)'],
    ['0 9 30 2 *', 'day of month: 30 never occurs in month 2'],
    ['x', 'expected 5 or 6 fields but got 1'],
    ['0 9 * *', 'expected 5 or 6 fields but got 4'],
    ['0 9 * * 1; rm -rf', 'pattern includes illegal characters'],
    ['0 25 * * 8', 'hour: 25 is not valid (use 0-23); day of week: 8 is not valid (use 0-7 or SUN-SAT)'],
  ])('explains %j: %s', (expression, message) => {
    expect(cronError(expression)).toBe(message);
  });
});

describe('subscriberDueAt', () => {
  const berlinWeek47 = parseIsoWeek('2026-W47', 'Europe/Berlin'); // ends Monday 23 November 00:00 CET

  it.each([
    [1, 9, '2026-11-23T08:00:00.000Z'], // the Monday the week ends on
    [1, 0, '2026-11-22T23:00:00.000Z'], // the very end of the week
    [0, 18, '2026-11-29T17:00:00.000Z'], // six days later
    [6, 23, '2026-11-28T22:00:00.000Z'],
    [3, 12, '2026-11-25T11:00:00.000Z'],
  ])('in Berlin, weekday %i at %i:00 is %s', (weekday, hour, expected) => {
    expect(iso(subscriberDueAt(berlinWeek47, { weekday, hour, timeZone: 'Europe/Berlin' }))).toBe(expected);
  });

  it.each([
    ['Asia/Tokyo', '2026-W47', 5, 17, '2026-11-27T08:00:00.000Z'], // Friday 17:00 JST
    ['Asia/Kolkata', '2026-W47', 3, 10, '2026-11-25T04:30:00.000Z'], // Wednesday 10:00 IST
    ['Pacific/Auckland', '2026-W39', 0, 20, '2026-10-04T07:00:00.000Z'], // Sunday 20:00 NZDT
    ['America/Los_Angeles', '2026-W44', 1, 9, '2026-11-02T17:00:00.000Z'], // Monday 09:00 PST
    ['America/Los_Angeles', '2026-W43', 0, 1, '2026-11-01T08:00:00.000Z'], // 01:00 read twice: the PDT one
    ['Europe/Berlin', '2026-W42', 0, 18, '2026-10-25T17:00:00.000Z'], // CEST at the week's end, CET by Sunday
  ])('in %s, after %s, weekday %i at %i:00 is %s', (timeZone, key, weekday, hour, expected) => {
    expect(iso(subscriberDueAt(parseIsoWeek(key, timeZone), { weekday, hour, timeZone }))).toBe(expected);
  });

  it('moves an hour the clock skips on by the gap, the same day', () => {
    // Sunday 29 March 02:00 does not happen in Berlin: 03:00 CEST instead.
    const week = parseIsoWeek('2026-W12', 'Europe/Berlin');
    expect(iso(subscriberDueAt(week, { weekday: 0, hour: 2, timeZone: 'Europe/Berlin' }))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
  });

  it('is never before the week ends, even when the end is not at midnight', () => {
    const week: WeekRange = { start: Date.parse('2026-11-16T09:00:00Z'), end: Date.parse('2026-11-23T09:00:00Z') };
    // Monday 10:00 CET is past 09:00 that Monday, so the next Monday.
    expect(iso(subscriberDueAt(week, { weekday: 1, hour: 9, timeZone: 'Europe/Berlin' }))).toBe(
      '2026-11-30T08:00:00.000Z',
    );
    expect(iso(subscriberDueAt(week, { weekday: 1, hour: 10, timeZone: 'Europe/Berlin' }))).toBe(
      '2026-11-23T09:00:00.000Z',
    );
  });

  it.each([
    ['Europe/Berlin', '2026-W12', ['Sun 02:00 -> 03:00']],
    ['Europe/Berlin', '2026-W42', []], // 02:00 on the fall-back Sunday happens (twice)
    ['Pacific/Auckland', '2026-W38', ['Sun 02:00 -> 03:00']],
    ['America/Los_Angeles', '2026-W09', ['Sun 02:00 -> 03:00']],
    ['Asia/Kolkata', '2026-W52', []],
    ['Asia/Tokyo', '2026-W53', []],
  ])(
    'in %s after %s, every weekday and hour is due within the next 7 days on that wall clock, but for %j',
    (timeZone, key, moved) => {
      const week = parseIsoWeek(key, timeZone);
      const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
      const hh = (hour: number) => `${String(hour).padStart(2, '0')}:00`;
      const elsewhere: string[] = [];
      for (let weekday = 0; weekday < 7; weekday += 1) {
        for (let hour = 0; hour < 24; hour += 1) {
          const due = subscriberDueAt(week, { weekday, hour, timeZone });
          expect(due).toBeGreaterThanOrEqual(week.end);
          // Sunday 23:00 is 167 hours on, or 168 when the clock falls back that week.
          expect(due - week.end).toBeLessThanOrEqual(168 * 3_600_000);
          const local = toZoned(due, timeZone);
          expect(local.weekday).toBe(weekday);
          if (local.hour !== hour || local.minute !== 0)
            elsewhere.push(`${names[weekday]} ${hh(hour)} -> ${hh(local.hour)}`);
        }
      }
      expect(elsewhere).toEqual(moved);
    },
  );
});
