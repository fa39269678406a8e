/**
 * How the demo sets its bot's clock: over the IPC channel of the bot process, before each step, waiting for the echo.
 * Shared by both ends; the bot's end is bot-clock.ts, loaded into the bot process only.
 */

/** What the demo sends, and the bot echoes once its clock reads it. */
export interface ClockMessage {
  now: number;
}

/** The variable carrying the time the bot starts at, so its first digest run already sees the replayed week. */
export const CLOCK_START_VARIABLE = 'EMPTY_CHAIR_DEMO_CLOCK_START';

export function isClockMessage(value: unknown): value is ClockMessage {
  return typeof value === 'object' && value !== null && Number.isFinite((value as { now?: unknown }).now);
}
