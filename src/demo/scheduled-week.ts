import { completedWeeks, isoWeekKey } from '../stats/week-ranges.js';
import type { WeekRange } from '../stats/weekly-counts.js';
import { fromZoned, toZoned } from '../time/zoned-time.js';
import { MAX_STEPS, type Step, WEEKDAYS, type WeekScript } from './week-script.js';

/** Each step's ts stays within its second however many steps share a minute. */
const STEP_SPACING_MICROS = Math.floor(1_000_000 / (MAX_STEPS + 1));

export interface ScheduledStep {
  step: Step;
  /** When it happens, ms since the epoch. */
  at: number;
  /** The Slack ts of what the step posts: within its minute, unique and in script order. */
  ts: string;
}

export interface ScheduledWeek {
  week: WeekRange;
  /** The ISO week, e.g. 2026-W27, as the digest names it. */
  period: string;
  steps: ScheduledStep[];
}

/**
 * Places the script in the last full week before `now` (in the script's time zone), so its digest is of a finished
 * week and can be posted as the bot's schedule would on the Monday after.
 */
export function scheduleWeek(script: WeekScript, now: number): ScheduledWeek {
  const [week] = completedWeeks(now, script.timeZone, 1);
  if (week === undefined) throw new Error('no completed week before now');
  const monday = toZoned(week.start, script.timeZone);
  const steps = script.steps.map((step) => {
    const at = fromZoned(
      {
        year: monday.year,
        month: monday.month,
        day: monday.day + WEEKDAYS.indexOf(step.day),
        hour: step.hour,
        minute: step.minute,
      },
      script.timeZone,
    );
    // Steps in the same minute stay apart and in order by their position, with room for the emulator's own posts in
    // between, which it spaces 100 µs after the latest ts.
    const micros = String((step.index + 1) * STEP_SPACING_MICROS).padStart(6, '0');
    return { step, at, ts: `${Math.floor(at / 1000)}.${micros}` };
  });
  return { week, period: isoWeekKey(week, script.timeZone), steps };
}
