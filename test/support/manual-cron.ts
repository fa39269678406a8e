import type { ScheduleCron, ScheduledTick } from '../../src/scheduler.js';

/** A cron that ticks only when the test says so; what was scheduled, on which expression and zone, is kept. */
export class ManualCron {
  readonly scheduled: { expression: string; timeZone: string; tick: () => Promise<void>; stopped: boolean }[] = [];

  readonly schedule: ScheduleCron = (expression, timeZone, tick): ScheduledTick => {
    const entry = { expression, timeZone, tick, stopped: false };
    this.scheduled.push(entry);
    return {
      stop: () => {
        entry.stopped = true;
      },
    };
  };

  /** Fires every live task, as node-cron would when their times came. */
  async tickAll(): Promise<void> {
    for (const entry of this.scheduled) if (!entry.stopped) await entry.tick();
  }
}
