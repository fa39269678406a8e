import type { Clock } from '../../src/clock.js';

/** A clock that moves only when a test says so. */
export class TestClock implements Clock {
  constructor(private current: number = Date.parse('2026-11-23T10:00:00Z')) {}

  now(): number {
    return this.current;
  }

  set(instant: number): void {
    this.current = instant;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
