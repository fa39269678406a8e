import { describe, expect, it } from 'vitest';
import { COMMON_TIME_ZONES, isTimeZone } from '../../src/time/time-zones.js';

describe('isTimeZone', () => {
  it.each([
    'Europe/Berlin',
    'Asia/Tokyo',
    'America/Argentina/Buenos_Aires',
    'UTC',
    'Etc/UTC',
    'Asia/Kolkata',
    'Asia/Calcutta',
  ])('knows %s', (zone) => {
    expect(isTimeZone(zone)).toBe(true);
  });

  it.each(['', 'Mars/Olympus_Mons', 'Europe', 'Berlin', '+01:00', 'Europe/Berlin ', 'GMT+1'])('refuses %j', (zone) => {
    expect(isTimeZone(zone)).toBe(false);
  });
});

describe('COMMON_TIME_ZONES', () => {
  it('are all known, each once, and fit a Slack select with room for two more', () => {
    expect(COMMON_TIME_ZONES.filter((zone) => !isTimeZone(zone))).toEqual([]);
    expect(new Set(COMMON_TIME_ZONES).size).toBe(COMMON_TIME_ZONES.length);
    expect(COMMON_TIME_ZONES.length).toBeLessThanOrEqual(98);
  });
});
