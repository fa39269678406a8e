import cron, { type CronFieldError } from 'node-cron';
import type { WeekRange } from '../stats/weekly-counts.js';
import type { DigestSchedule } from '../store/digest-subscriptions.js';
import { fromZoned, type LocalDateTime, toZoned } from '../time/zoned-time.js';

type LocalDate = Pick<LocalDateTime, 'year' | 'month' | 'day'>;

export interface CronSchedule {
  expression: string;
  timeZone: string;
  /** The first instant at or after `from` the pattern fires; null when it does not fire within 62 days. */
  firstFireAtOrAfter(from: number): number | null;
}

/** Two months at most, so any pattern that fires monthly, even on the 31st only, is found. */
const SEARCH_DAYS = 62;

/** node-cron's field keys, as a person writing a pattern knows them, with what each accepts. */
const FIELDS: Record<string, { name: string; accepts: string }> = {
  second: { name: 'second', accepts: '0-59' },
  minute: { name: 'minute', accepts: '0-59' },
  hour: { name: 'hour', accepts: '0-23' },
  dayOfMonth: { name: 'day of month', accepts: '1-31 or L' },
  month: { name: 'month', accepts: '1-12 or JAN-DEC' },
  dayOfWeek: { name: 'day of week', accepts: '0-7 or SUN-SAT' },
};

function describe({ field, value, message }: CronFieldError): string {
  // node-cron reports a day no listed month has as "30 2 is an impossible day of month for the given month".
  const impossible = /^(\S+) (\S+) is an impossible day of month/.exec(message);
  if (impossible !== null) return `day of month: ${impossible[1]} never occurs in month ${impossible[2]}`;
  const known = FIELDS[field];
  return known === undefined ? message : `${known.name}: ${value} is not valid (use ${known.accepts})`;
}

/** Null when node-cron accepts `expression`, else why not, on one line. */
export function cronError(expression: string): string | null {
  const { valid, errors } = cron.validateDetailed(expression);
  return valid ? null : errors.map(describe).join('; ');
}

function sortedNumbers(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Whether a day field allows `value`. Rules such as L, 15W or 1#2 come as strings: node-cron's match decides those. */
function dayFieldAllows(field: readonly (number | string)[], value: number): boolean {
  return field.some((entry) => entry === value || typeof entry === 'string');
}

function secondsOfDay({ hour, minute, second }: { hour: number; minute: number; second: number }): number {
  return hour * 3600 + minute * 60 + second;
}

/**
 * When `expression` fires in `timeZone`, found by walking local dates rather than minutes, since node-cron's match
 * costs some 17 µs a call. A time the clock skips never fires; a time it reads twice fires once, the first time.
 * Throws when node-cron refuses `expression`.
 */
export function cronSchedule(expression: string, timeZone: string): CronSchedule {
  const problem = cronError(expression);
  if (problem !== null) throw new Error(`"${expression}" is not a cron pattern: ${problem}`);
  const fields = cron.parse(expression);
  const hours = sortedNumbers(fields.hour);
  const minutes = sortedNumbers(fields.minute);
  const seconds = sortedNumbers(fields.second);

  /** The first time on a local date, not before `from` nor before `earliestSeconds` into the day, that fires. */
  function firstOnDate(
    date: LocalDate,
    from: number,
    earliestSeconds: number,
    matches: (instant: number) => boolean,
  ): number | null {
    for (const hour of hours) {
      for (const minute of minutes) {
        for (const second of seconds) {
          const ofDay = secondsOfDay({ hour, minute, second });
          // A local time before `from`'s on the same date came before `from`, unless the clock skipped it.
          if (ofDay < earliestSeconds) continue;
          const instant = fromZoned({ ...date, hour, minute }, timeZone) + second * 1000;
          const local = toZoned(instant, timeZone);
          // fromZoned moves a skipped time past the gap; the clock never reads it, so it never fires.
          if (instant < from || local.day !== date.day || secondsOfDay(local) !== ofDay) continue;
          // Time and month come from the pattern, so a mismatch is a day rule (L, 1#2, …) and rules out the whole date.
          return matches(instant) ? instant : null;
        }
      }
    }
    return null;
  }

  function firstFire(from: number, matches: (instant: number) => boolean): number | null {
    const start = toZoned(from, timeZone);
    for (let offset = 0; offset < SEARCH_DAYS; offset += 1) {
      const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
      const date = { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() };
      const possible =
        fields.month.includes(date.month) &&
        dayFieldAllows(fields.dayOfMonth, date.day) &&
        dayFieldAllows(fields.dayOfWeek, day.getUTCDay());
      const fire = possible ? firstOnDate(date, from, offset === 0 ? secondsOfDay(start) : 0, matches) : null;
      if (fire !== null) return fire;
    }
    return null;
  }

  return {
    expression,
    timeZone,
    firstFireAtOrAfter(from) {
      // createTask only registers the task with node-cron; it sets no timer until started, and destroy unregisters it.
      const task = cron.createTask(expression, () => undefined, { timezone: timeZone });
      try {
        return firstFire(from, (instant) => task.match(new Date(instant)));
      } finally {
        task.destroy();
      }
    },
  };
}

/**
 * When a subscriber's digest of `week` is due: the first `schedule.hour`:00 on `schedule.weekday` in their time zone at
 * or after the week ends. An hour the clock skips that day is moved on by the gap, so it is still sent that day.
 */
export function subscriberDueAt(
  week: WeekRange,
  schedule: Pick<DigestSchedule, 'weekday' | 'hour' | 'timeZone'>,
): number {
  const end = toZoned(week.end, schedule.timeZone);
  const daysAhead = (schedule.weekday - end.weekday + 7) % 7;
  const at = (day: number) =>
    fromZoned({ year: end.year, month: end.month, day, hour: schedule.hour, minute: 0 }, schedule.timeZone);
  const due = at(end.day + daysAhead);
  return due >= week.end ? due : at(end.day + daysAhead + 7);
}
