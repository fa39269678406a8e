import { describe, expect, it } from 'vitest';
import { fromZoned, type LocalDateTime, toZoned } from '../../src/time/zoned-time.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** '2026-03-29 02:30' as a LocalDateTime. */
function local(text: string): LocalDateTime {
  const [year, month, day, hour, minute] = text.split(/[- :]/).map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0, hour: hour ?? 0, minute: minute ?? 0 };
}

describe('toZoned', () => {
  it.each([
    ['2026-01-15T12:34:56.789Z', 'Europe/Berlin', [2026, 1, 15, 13, 34, 56, 4]], // CET, Thursday
    ['2026-07-15T12:34:56Z', 'Europe/Berlin', [2026, 7, 15, 14, 34, 56, 3]], // CEST, Wednesday
    ['2026-11-22T16:00:00Z', 'Asia/Tokyo', [2026, 11, 23, 1, 0, 0, 1]], // Sunday in UTC, Monday in Tokyo
    ['2026-12-31T18:30:00Z', 'Asia/Kolkata', [2027, 1, 1, 0, 0, 0, 5]], // +05:30: the new year, on a Friday
    ['2026-12-31T18:29:59Z', 'Asia/Kolkata', [2026, 12, 31, 23, 59, 59, 4]],
    ['2026-03-08T07:00:00Z', 'America/Los_Angeles', [2026, 3, 7, 23, 0, 0, 6]], // still Saturday in PST
    ['2026-03-08T10:00:00Z', 'America/Los_Angeles', [2026, 3, 8, 3, 0, 0, 0]], // 02:00 PST became 03:00 PDT
    ['2026-09-26T14:00:00Z', 'Pacific/Auckland', [2026, 9, 27, 3, 0, 0, 0]], // 02:00 NZST became 03:00 NZDT
    ['2026-03-29T00:00:00Z', 'UTC', [2026, 3, 29, 0, 0, 0, 0]], // midnight reads 00, not 24
  ])('%s in %s', (instant, timeZone, [year, month, day, hour, minute, second, weekday]) => {
    expect(toZoned(Date.parse(instant), timeZone)).toEqual({ year, month, day, hour, minute, second, weekday });
  });

  it('reads both passes of the hour Berlin repeats on 2026-10-25 as 02:xx', () => {
    expect(toZoned(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 30 });
    expect(toZoned(Date.parse('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 2, minute: 30 });
  });

  it('refuses a time zone the runtime does not know', () => {
    expect(() => toZoned(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('fromZoned', () => {
  it.each([
    ['2026-11-23 09:00', 'Europe/Berlin', '2026-11-23T08:00:00.000Z'],
    ['2026-07-01 09:00', 'Europe/Berlin', '2026-07-01T07:00:00.000Z'],
    ['2026-11-23 00:00', 'Asia/Tokyo', '2026-11-22T15:00:00.000Z'],
    ['2026-06-15 09:00', 'Asia/Kolkata', '2026-06-15T03:30:00.000Z'],
    ['2026-01-01 00:00', 'Asia/Kolkata', '2025-12-31T18:30:00.000Z'],
    ['2026-07-01 09:00', 'America/Los_Angeles', '2026-07-01T16:00:00.000Z'],
    ['2026-01-05 09:00', 'America/Los_Angeles', '2026-01-05T17:00:00.000Z'],
    ['2026-07-01 09:00', 'Pacific/Auckland', '2026-06-30T21:00:00.000Z'], // NZST, +12
    ['2026-12-01 09:00', 'Pacific/Auckland', '2026-11-30T20:00:00.000Z'], // NZDT, +13
    ['2026-11-23 09:00', 'UTC', '2026-11-23T09:00:00.000Z'],
  ])('%s in %s is %s', (wall, timeZone, instant) => {
    expect(iso(fromZoned(local(wall), timeZone))).toBe(instant);
  });

  describe('a time the clock skips moves on by the gap, like Temporal’s “compatible”', () => {
    it.each([
      ['2026-03-29 01:59', 'Europe/Berlin', '2026-03-29T00:59:00.000Z'], // 01:59 CET, just before the gap
      ['2026-03-29 02:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'], // = 03:00 CEST
      ['2026-03-29 02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'], // = 03:30 CEST
      ['2026-03-29 03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'], // 03:00 CEST, the first time after the gap
      ['2026-03-08 02:30', 'America/Los_Angeles', '2026-03-08T10:30:00.000Z'], // = 03:30 PDT
      ['2026-09-27 02:30', 'Pacific/Auckland', '2026-09-26T14:30:00.000Z'], // = 03:30 NZDT
    ])('%s in %s is %s', (wall, timeZone, instant) => {
      expect(iso(fromZoned(local(wall), timeZone))).toBe(instant);
    });
  });

  describe('a time the clock reads twice is the earlier instant', () => {
    it.each([
      ['2026-10-25 02:00', 'Europe/Berlin', '2026-10-25T00:00:00.000Z'], // CEST, not 01:00Z (CET)
      ['2026-10-25 02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
      ['2026-10-25 02:59', 'Europe/Berlin', '2026-10-25T00:59:00.000Z'],
      ['2026-10-25 03:00', 'Europe/Berlin', '2026-10-25T02:00:00.000Z'], // CET, read once
      ['2026-10-25 01:59', 'Europe/Berlin', '2026-10-24T23:59:00.000Z'], // CEST, read once
      ['2026-11-01 01:30', 'America/Los_Angeles', '2026-11-01T08:30:00.000Z'], // PDT, not 09:30Z (PST)
      ['2026-04-05 02:30', 'Pacific/Auckland', '2026-04-04T13:30:00.000Z'], // NZDT, not 14:30Z (NZST)
    ])('%s in %s is %s', (wall, timeZone, instant) => {
      expect(iso(fromZoned(local(wall), timeZone))).toBe(instant);
    });
  });

  describe('rolls an out-of-range day over, as Date.UTC does', () => {
    it.each([
      [{ year: 2026, month: 3, day: 0, hour: 0, minute: 0 }, 'Europe/Berlin', '2026-02-27T23:00:00.000Z'], // 28 Feb
      [{ year: 2028, month: 3, day: 0, hour: 0, minute: 0 }, 'Europe/Berlin', '2028-02-28T23:00:00.000Z'], // 29 Feb
      [{ year: 2026, month: 1, day: 32, hour: 9, minute: 0 }, 'Asia/Tokyo', '2026-02-01T00:00:00.000Z'],
      [{ year: 2026, month: 12, day: 32, hour: 0, minute: 0 }, 'UTC', '2027-01-01T00:00:00.000Z'],
      [{ year: 2026, month: 1, day: -2, hour: 0, minute: 0 }, 'Asia/Kolkata', '2025-12-28T18:30:00.000Z'], // 29 Dec
      // 23 March + 7 is 30 March, past the spring-forward Sunday: local midnight is on CEST.
      [{ year: 2026, month: 3, day: 23 + 7, hour: 0, minute: 0 }, 'Europe/Berlin', '2026-03-29T22:00:00.000Z'],
    ])('%o in %s is %s', (wall, timeZone, instant) => {
      expect(iso(fromZoned(wall, timeZone))).toBe(instant);
    });
  });

  // The second pass of a repeated hour reads the same as the first, so it maps back to the first, an hour earlier.
  it.each([
    ['Europe/Berlin', ['2026-10-25T01:00:00.000Z -> -60 min']],
    ['America/Los_Angeles', ['2026-11-01T09:00:00.000Z -> -60 min']],
    ['Pacific/Auckland', ['2026-04-04T14:00:00.000Z -> -60 min']],
    ['Asia/Tokyo', []],
    ['Asia/Kolkata', []],
  ])(
    'undoes toZoned every hour through 2026 in %s, but for the second pass of a repeated hour',
    (timeZone, expected) => {
      const mismatches: string[] = [];
      const start = Date.parse('2026-01-01T00:00:00Z');
      for (let instant = start; instant < start + 366 * 86_400_000; instant += 3_600_000) {
        const back = fromZoned(toZoned(instant, timeZone), timeZone);
        if (back !== instant) mismatches.push(`${iso(instant)} -> ${(back - instant) / 60_000} min`);
      }
      expect(mismatches).toEqual(expected);
    },
  );
});
