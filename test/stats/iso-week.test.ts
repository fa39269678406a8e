import { describe, expect, it } from 'vitest';
import {
  completedWeeks,
  IsoWeekError,
  isoWeekKey,
  parseIsoWeek,
  weekContaining,
  weekRanges,
} from '../../src/stats/week-ranges.js';
import type { WeekRange } from '../../src/stats/weekly-counts.js';
import { toZoned } from '../../src/time/zoned-time.js';

const iso = (ms: number | undefined) => new Date(ms ?? Number.NaN).toISOString();
const span = (week: WeekRange) => [iso(week.start), iso(week.end)];
const hours = (week: WeekRange) => (week.end - week.start) / 3_600_000;

function parses(key: string, timeZone: string): boolean {
  try {
    parseIsoWeek(key, timeZone);
    return true;
  } catch {
    return false;
  }
}

describe('weekContaining', () => {
  it.each([
    // Sunday 12:00 CEST, after the spring-forward switch: Monday 00:00 CET to Monday 00:00 CEST, 167 hours.
    ['2026-03-29T10:00:00Z', 'Europe/Berlin', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 167],
    // Sunday 13:00 CET, after the fall-back switch: Monday 00:00 CEST to Monday 00:00 CET, 169 hours.
    ['2026-10-25T12:00:00Z', 'Europe/Berlin', '2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 169],
    // Sunday 15:00 UTC is already Monday 00:00 in Tokyo.
    ['2026-03-29T15:00:00Z', 'Asia/Tokyo', '2026-03-29T15:00:00.000Z', '2026-04-05T15:00:00.000Z', 168],
    ['2026-03-29T14:59:59.999Z', 'Asia/Tokyo', '2026-03-22T15:00:00.000Z', '2026-03-29T15:00:00.000Z', 168],
    // Half an hour off the hour: Monday 00:00 IST is Sunday 18:30 UTC.
    ['2026-11-22T18:30:00Z', 'Asia/Kolkata', '2026-11-22T18:30:00.000Z', '2026-11-29T18:30:00.000Z', 168],
    ['2026-11-22T18:29:59.999Z', 'Asia/Kolkata', '2026-11-15T18:30:00.000Z', '2026-11-22T18:30:00.000Z', 168],
    // Auckland springs forward on Sunday 2026-09-27: Monday 00:00 NZST to Monday 00:00 NZDT.
    ['2026-09-27T00:00:00Z', 'Pacific/Auckland', '2026-09-20T12:00:00.000Z', '2026-09-27T11:00:00.000Z', 167],
    // Los Angeles springs forward on Sunday 2026-03-08: Monday 00:00 PST to Monday 00:00 PDT.
    ['2026-03-08T20:00:00Z', 'America/Los_Angeles', '2026-03-02T08:00:00.000Z', '2026-03-09T07:00:00.000Z', 167],
    ['2026-11-04T20:00:00Z', 'America/Los_Angeles', '2026-11-02T08:00:00.000Z', '2026-11-09T08:00:00.000Z', 168],
  ])('%s in %s: %s to %s (%i h)', (instant, timeZone, start, end, length) => {
    const week = weekContaining(Date.parse(instant), timeZone);
    expect(span(week)).toEqual([start, end]);
    expect(hours(week)).toBe(length);
  });

  it('includes its start and excludes its end', () => {
    const week = weekContaining(Date.parse('2026-11-18T12:00:00Z'), 'Europe/Berlin');
    expect(weekContaining(week.start, 'Europe/Berlin')).toEqual(week);
    expect(weekContaining(week.end - 1, 'Europe/Berlin')).toEqual(week);
    expect(weekContaining(week.end, 'Europe/Berlin').start).toBe(week.end);
  });

  it.each(['Europe/Berlin', 'Asia/Tokyo', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'is the last of weekRanges in %s',
    (timeZone) => {
      for (const instant of ['2026-03-29T01:30:00Z', '2026-10-25T01:30:00Z', '2027-01-03T23:30:00Z']) {
        expect(weekContaining(Date.parse(instant), timeZone)).toEqual(weekRanges(Date.parse(instant), timeZone, 3)[2]);
      }
    },
  );
});

describe('completedWeeks', () => {
  it('is the whole weeks before the week of now, oldest first', () => {
    const mondayMorning = Date.parse('2026-11-23T08:00:00Z'); // Monday 09:00 CET
    expect(completedWeeks(mondayMorning, 'Europe/Berlin', 2).map(span)).toEqual([
      ['2026-11-08T23:00:00.000Z', '2026-11-15T23:00:00.000Z'],
      ['2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z'],
    ]);
  });

  it('ends with the week that ends at now when now is Monday 00:00, and not a millisecond earlier', () => {
    const mondayMidnight = Date.parse('2026-11-22T23:00:00Z');
    expect(iso(completedWeeks(mondayMidnight, 'Europe/Berlin', 1)[0]?.end)).toBe('2026-11-22T23:00:00.000Z');
    expect(iso(completedWeeks(mondayMidnight - 1, 'Europe/Berlin', 1)[0]?.end)).toBe('2026-11-15T23:00:00.000Z');
  });

  it('keeps the wall-clock length of the weeks the clocks changed in', () => {
    expect(completedWeeks(Date.parse('2026-03-30T07:00:00Z'), 'Europe/Berlin', 1).map(hours)).toEqual([167]);
    expect(completedWeeks(Date.parse('2026-10-26T08:00:00Z'), 'Europe/Berlin', 2).map(hours)).toEqual([168, 169]);
  });

  it('counts a week east of UTC by its own Monday', () => {
    // Sunday 16:00 UTC is Monday 01:00 in Tokyo: the week that just ended in Tokyo is complete.
    const [week] = completedWeeks(Date.parse('2026-11-22T16:00:00Z'), 'Asia/Tokyo', 1);
    expect(span(week ?? { start: Number.NaN, end: Number.NaN })).toEqual([
      '2026-11-15T15:00:00.000Z',
      '2026-11-22T15:00:00.000Z',
    ]);
  });

  it('is empty for no weeks', () => {
    expect(completedWeeks(Date.parse('2026-11-23T08:00:00Z'), 'Europe/Berlin', 0)).toEqual([]);
  });

  it.each(['Europe/Berlin', 'Asia/Kolkata', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'is weekRanges without its last week in %s',
    (timeZone) => {
      const now = Date.parse('2027-01-06T12:00:00Z');
      expect(completedWeeks(now, timeZone, 12)).toEqual(weekRanges(now, timeZone, 13).slice(0, 12));
    },
  );
});

describe('isoWeekKey', () => {
  it.each([
    ['2026-11-18T12:00:00Z', 'Europe/Berlin', '2026-W47'],
    ['2026-03-29T10:00:00Z', 'Europe/Berlin', '2026-W13'], // the spring-forward week
    ['2026-10-25T12:00:00Z', 'Europe/Berlin', '2026-W43'], // the fall-back week
    ['2026-01-01T12:00:00Z', 'Europe/Berlin', '2026-W01'], // Thursday 1 January: week 1 of its own year
    ['2025-12-29T12:00:00Z', 'Europe/Berlin', '2026-W01'], // Monday 29 December: already 2026's week 1
    ['2025-12-28T12:00:00Z', 'Europe/Berlin', '2025-W52'],
    ['2027-01-03T12:00:00Z', 'Europe/Berlin', '2026-W53'], // Sunday 3 January: 2026 has 53 weeks
    ['2027-01-04T12:00:00Z', 'Europe/Berlin', '2027-W01'],
    ['2021-01-03T12:00:00Z', 'UTC', '2020-W53'],
    ['2024-12-30T12:00:00Z', 'UTC', '2025-W01'],
    ['2027-12-27T12:00:00Z', 'UTC', '2027-W52'], // 2027 has 52
    ['2025-12-28T15:00:00Z', 'Asia/Tokyo', '2026-W01'], // Monday 29 December 00:00 JST
    ['2027-01-03T18:30:00Z', 'Asia/Kolkata', '2027-W01'], // Monday 4 January 00:00 IST
    ['2026-12-31T12:00:00Z', 'Pacific/Auckland', '2026-W53'], // Friday 1 January 2027 01:00 NZDT
    ['2027-01-04T05:00:00Z', 'America/Los_Angeles', '2026-W53'], // Sunday 3 January 21:00 PST
  ])('the week of %s in %s is %s', (instant, timeZone, key) => {
    expect(isoWeekKey(weekContaining(Date.parse(instant), timeZone), timeZone)).toBe(key);
  });

  it('reads the Monday on the wall clock of the time zone it is given', () => {
    const tokyoWeek = weekContaining(Date.parse('2025-12-28T15:00:00Z'), 'Asia/Tokyo'); // Sunday 15:00 in UTC
    expect(isoWeekKey(tokyoWeek, 'Asia/Tokyo')).toBe('2026-W01');
    expect(isoWeekKey(tokyoWeek, 'UTC')).toBe('2025-W52');
  });
});

describe('parseIsoWeek', () => {
  it.each([
    ['2026-W47', 'Europe/Berlin', '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z'],
    ['2026-W13', 'Europe/Berlin', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z'], // 167 hours
    ['2026-W43', 'Europe/Berlin', '2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z'], // 169 hours
    ['2026-W53', 'Europe/Berlin', '2026-12-27T23:00:00.000Z', '2027-01-03T23:00:00.000Z'],
    ['2027-W01', 'Europe/Berlin', '2027-01-03T23:00:00.000Z', '2027-01-10T23:00:00.000Z'], // Monday 4 January
    ['2026-W01', 'Europe/Berlin', '2025-12-28T23:00:00.000Z', '2026-01-04T23:00:00.000Z'], // Monday 29 December
    ['2020-W53', 'UTC', '2020-12-28T00:00:00.000Z', '2021-01-04T00:00:00.000Z'],
    ['2021-W01', 'UTC', '2021-01-04T00:00:00.000Z', '2021-01-11T00:00:00.000Z'],
    ['2025-W01', 'UTC', '2024-12-30T00:00:00.000Z', '2025-01-06T00:00:00.000Z'],
    ['2026-W01', 'Asia/Tokyo', '2025-12-28T15:00:00.000Z', '2026-01-04T15:00:00.000Z'],
    ['2026-W01', 'Asia/Kolkata', '2025-12-28T18:30:00.000Z', '2026-01-04T18:30:00.000Z'],
    ['2026-W39', 'Pacific/Auckland', '2026-09-20T12:00:00.000Z', '2026-09-27T11:00:00.000Z'], // spring forward
    ['2026-W10', 'America/Los_Angeles', '2026-03-02T08:00:00.000Z', '2026-03-09T07:00:00.000Z'], // spring forward
  ])('%s in %s runs from %s to %s', (key, timeZone, start, end) => {
    expect(span(parseIsoWeek(key, timeZone))).toEqual([start, end]);
  });

  it.each(['Europe/Berlin', 'Pacific/Auckland', 'America/Los_Angeles', 'Asia/Kolkata'])(
    'names every week from 2015 to 2032 in %s: Monday 00:00, adjacent, 53 weeks only in 2015, 2020, 2026 and 2032',
    (timeZone) => {
      const longYears: number[] = [];
      let named = 0;
      let previous: WeekRange | undefined;
      for (let year = 2015; year <= 2032; year += 1) {
        if (parses(`${year}-W53`, timeZone)) longYears.push(year);
        for (let week = 1; week <= 53 && parses(`${year}-W${String(week).padStart(2, '0')}`, timeZone); week += 1) {
          const key = `${year}-W${String(week).padStart(2, '0')}`;
          const range = parseIsoWeek(key, timeZone);
          expect(isoWeekKey(range, timeZone)).toBe(key);
          expect(toZoned(range.start, timeZone)).toMatchObject({ weekday: 1, hour: 0, minute: 0 });
          if (previous !== undefined) expect(range.start).toBe(previous.end);
          previous = range;
          named += 1;
        }
      }
      expect(longYears).toEqual([2015, 2020, 2026, 2032]);
      expect(named).toBe(18 * 52 + 4);
    },
  );

  it.each([
    ['2026-47', '"2026-47" is not a week: use YYYY-Www, e.g. 2026-W47'],
    ['x', '"x" is not a week: use YYYY-Www, e.g. 2026-W47'],
    ['2026-W00', '"2026-W00" is not a week: use YYYY-Www, e.g. 2026-W47 (2026 has 53 weeks)'],
    ['2026-W54', '"2026-W54" is not a week: use YYYY-Www, e.g. 2026-W47 (2026 has 53 weeks)'],
    ['2027-W53', '"2027-W53" is not a week: use YYYY-Www, e.g. 2027-W47 (2027 has 52 weeks)'],
  ])('refuses %j: %s', (key, message) => {
    expect(() => parseIsoWeek(key, 'Europe/Berlin')).toThrow(new IsoWeekError(message));
    expect(() => parseIsoWeek(key, 'Europe/Berlin')).toThrow(IsoWeekError);
  });

  it.each([
    '',
    '2026-w47',
    '2026W47',
    '2026-W7',
    '2026-W047',
    ' 2026-W47',
    '2026-W47 ',
    '26-W47',
    '0999-W01',
    '2026-W4a',
  ])('accepts only YYYY-Www, so refuses %j', (key) => {
    expect(() => parseIsoWeek(key, 'UTC')).toThrow(/is not a week: use YYYY-Www/);
  });

  it('throws an Error that says what it is', () => {
    const error = (() => {
      try {
        parseIsoWeek('2026-W54', 'UTC');
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'IsoWeekError' });
  });
});
