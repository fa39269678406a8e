import { fromZoned, toZoned } from '../time/zoned-time.js';
import type { WeekRange } from './weekly-counts.js';

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const WEEK_MS = 7 * 86_400_000;

/** The Monday that starts the ISO week containing `instant`, as a local date in `timeZone`; `day` may be out of range. */
function mondayOf(instant: number, timeZone: string): LocalDate {
  const { year, month, day, weekday } = toZoned(instant, timeZone);
  return { year, month, day: day - ((weekday + 6) % 7) };
}

function weekFrom(monday: LocalDate, timeZone: string): WeekRange {
  return {
    start: fromZoned({ ...monday, hour: 0, minute: 0 }, timeZone),
    end: fromZoned({ ...monday, day: monday.day + 7, hour: 0, minute: 0 }, timeZone),
  };
}

/** `count` adjacent weeks, oldest first, the last one starting on `lastMonday`. */
function weeksEndingWith(lastMonday: LocalDate, count: number, timeZone: string): WeekRange[] {
  return Array.from({ length: count }, (_, index) =>
    weekFrom({ ...lastMonday, day: lastMonday.day - 7 * (count - 1 - index) }, timeZone),
  );
}

/**
 * The last `count` weeks (Monday 00:00 to Monday 00:00 in `timeZone`), oldest first, ending with the week of `now`.
 * Weeks with a DST change are 167 or 169 hours long, as they are on the wall clock.
 */
export function weekRanges(now: number, timeZone: string, count: number): WeekRange[] {
  return weeksEndingWith(mondayOf(now, timeZone), count, timeZone);
}

/** The week (Monday 00:00 to Monday 00:00 in `timeZone`) that `instant` falls in. */
export function weekContaining(instant: number, timeZone: string): WeekRange {
  return weekFrom(mondayOf(instant, timeZone), timeZone);
}

/** The last `count` whole weeks before the week of `now`, oldest first: what a digest sent during `now`'s week covers. */
export function completedWeeks(now: number, timeZone: string, count: number): WeekRange[] {
  const monday = mondayOf(now, timeZone);
  return weeksEndingWith({ ...monday, day: monday.day - 7 }, count, timeZone);
}

/** The ISO 8601 week-year and week of a date: those of its week's Thursday, so 2025-12-29 is in 2026-W01. */
function isoWeekOf({ year, month, day }: LocalDate): { year: number; week: number } {
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const thursday = Date.UTC(year, month - 1, day + 3 - ((weekday + 6) % 7));
  const weekYear = new Date(thursday).getUTCFullYear();
  return { year: weekYear, week: Math.floor((thursday - Date.UTC(weekYear, 0, 1)) / WEEK_MS) + 1 };
}

/** 52 or 53: 28 December is always in an ISO year's last week. */
function weeksInIsoYear(year: number): number {
  return isoWeekOf({ year, month: 12, day: 28 }).week;
}

/** The ISO week of the week's local Monday, e.g. '2026-W47'. */
export function isoWeekKey(week: WeekRange, timeZone: string): string {
  const { year, week: number } = isoWeekOf(toZoned(week.start, timeZone));
  return `${year}-W${String(number).padStart(2, '0')}`;
}

export class IsoWeekError extends Error {
  override name = 'IsoWeekError';
}

const EXAMPLE_WEEK = 47;

/** The week an ISO key such as '2026-W47' names, Monday 00:00 to Monday 00:00 in `timeZone`. */
export function parseIsoWeek(key: string, timeZone: string): WeekRange {
  // Four digits from 1000: Date.UTC reads years 0-99 as 1900-1999.
  const match = /^([1-9]\d{3})-W(\d{2})$/.exec(key);
  if (match === null) throw new IsoWeekError(`"${key}" is not a week: use YYYY-Www, e.g. 2026-W${EXAMPLE_WEEK}`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = weeksInIsoYear(year);
  if (week < 1 || week > weeks) {
    throw new IsoWeekError(
      `"${key}" is not a week: use YYYY-Www, e.g. ${year}-W${EXAMPLE_WEEK} (${year} has ${weeks} weeks)`,
    );
  }
  // Week 1 is the one with 4 January in it.
  const january4 = new Date(Date.UTC(year, 0, 4)).getUTCDay();
  return weekFrom({ year, month: 1, day: 4 - ((january4 + 6) % 7) + 7 * (week - 1) }, timeZone);
}
