import cron from 'node-cron';
import type { Clock } from './clock.js';
import type { DigestRunner } from './digest/digest-runner.js';
import type { Logger } from './logger.js';

export interface ScheduledTick {
  stop(): void | Promise<void>;
}

/** Calls `tick` on a cron expression in a time zone; node-cron in production, a hand-cranked one in tests. */
export type ScheduleCron = (expression: string, timeZone: string, tick: () => Promise<void>) => ScheduledTick;

export const nodeCronSchedule: ScheduleCron = (expression, timeZone, tick) =>
  cron.schedule(expression, tick, { timezone: timeZone, noOverlap: true });

/**
 * People choose their own hour in their own time zone, and some zones sit a half or three-quarter hour off UTC: every
 * quarter hour catches each of them on time.
 */
export const PERSON_DIGEST_CRON = '*/15 * * * *';

export interface DigestScheduler {
  /** The catch-up run at start: digests missed while the bot was down, and claims a crash left behind. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/** Runs due digests at start, on DIGEST_CRON in DIGEST_TZ, and every quarter hour for personal digests. */
export function startDigestScheduler(options: {
  runner: DigestRunner;
  clock: Clock;
  logger: Logger;
  schedule: ScheduleCron;
  channelCron: string;
  channelTimeZone: string;
}): DigestScheduler {
  const { runner, clock, logger, schedule } = options;
  const tick = async (): Promise<void> => {
    try {
      const summary = await runner.runDue(clock.now());
      const eventful = summary.sent + summary.failed + summary.unknown > 0;
      logger[eventful ? 'info' : 'debug'](summary, 'digest run finished');
    } catch (error) {
      logger.error({ error: error instanceof Error ? error.message : String(error) }, 'digest run failed');
    }
  };
  const tasks = [
    schedule(options.channelCron, options.channelTimeZone, tick),
    schedule(PERSON_DIGEST_CRON, 'UTC', tick),
  ];
  return {
    caughtUp: tick(),
    stop: async () => {
      await Promise.all(tasks.map((task) => task.stop()));
      await runner.settled();
    },
  };
}
