/** A wall-clock reading in some time zone, to the minute. */
export interface LocalDateTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export interface ZonedDateTime extends LocalDateTime {
  second: number;
  /** 0 = Sunday … 6 = Saturday, as `Date.prototype.getDay` counts. */
  weekday: number;
}

const DAY_MS = 86_400_000;

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

/** What the wall clock in `timeZone` reads at `instant`. */
export function toZoned(instant: number, timeZone: string): ZonedDateTime {
  const parts = formatter(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((each) => each.type === type)?.value);
  const [year, month, day] = [part('year'), part('month'), part('day')];
  return {
    year,
    month,
    day,
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

/** The wall-clock time in `timeZone` at `instant`, read as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const local = toZoned(instant, timeZone);
  return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - instant;
}

/**
 * The instant at which the wall clock in `timeZone` reads `local`, seconds 0. Out-of-range fields roll over as in
 * `Date.UTC` (day 0 is the last day of the month before), so callers can step by days without normalising.
 * A time the clock skips (spring forward) is moved on by the length of the gap, as Temporal's 'compatible' does:
 * 02:30 on the day Berlin springs forward is 03:30 CEST. A time the clock reads twice (fall back) is the earlier one.
 */
export function fromZoned(local: LocalDateTime, timeZone: string): number {
  const wanted = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Offsets change at most once in two days, so the offsets a day either side are the only ones `local` can have.
  const before = offsetAt(wanted - DAY_MS, timeZone);
  const after = offsetAt(wanted + DAY_MS, timeZone);
  const earlier = wanted - Math.max(before, after);
  const later = wanted - Math.min(before, after);
  if (wallClockAsUtc(earlier, timeZone) === wanted) return earlier;
  if (wallClockAsUtc(later, timeZone) === wanted) return later;
  return wanted - before;
}

const dayLabels = new Map<string, Intl.DateTimeFormat>();

/**
 * "Nov 16": a day as week labels show it. Formatters are cached per zone: each one holds native memory V8 does not
 * count, so a weekly run that made one per label grew by hundreds of megabytes before a collection.
 */
export function dayLabel(instant: number, timeZone: string): string {
  let format = dayLabels.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone });
    dayLabels.set(timeZone, format);
  }
  return format.format(instant);
}
