import type { WeekRange } from './weekly-counts.js';

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
}

/** The instant of local midnight on a date in `timeZone`; twice round the offset so DST changes land right. */
function localMidnight({ year, month, day }: LocalDate, timeZone: string): number {
  const wanted = Date.UTC(year, month - 1, day);
  let instant = wanted;
  for (let pass = 0; pass < 2; pass += 1) instant = wanted - (wallClockAsUtc(instant, timeZone) - instant);
  return instant;
}

/** The Monday that starts the ISO week containing `now`, as a local date in `timeZone`. */
function mondayOf(now: number, timeZone: string): LocalDate {
  const local = new Date(wallClockAsUtc(now, timeZone));
  const daysSinceMonday = (local.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - daysSinceMonday));
  return { year: monday.getUTCFullYear(), month: monday.getUTCMonth() + 1, day: monday.getUTCDate() };
}

/**
 * The last `count` weeks (Monday 00:00 to Monday 00:00 in `timeZone`), oldest first, ending with the week of `now`.
 * Weeks with a DST change are 167 or 169 hours long, as they are on the wall clock.
 */
export function weekRanges(now: number, timeZone: string, count: number): WeekRange[] {
  const monday = mondayOf(now, timeZone);
  const starts = Array.from({ length: count + 1 }, (_, index) =>
    localMidnight({ ...monday, day: monday.day - 7 * (count - 1 - index) }, timeZone),
  );
  return starts.slice(0, count).map((start, index) => ({ start, end: starts[index + 1] ?? start }));
}
