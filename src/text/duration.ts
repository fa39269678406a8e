const UNIT_MS: Readonly<Record<string, number>> = {
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  wk: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

export const MAX_DURATION_MS = 90 * 86_400_000;

export type DurationParse = { ok: true; ms: number } | { ok: false; reason: string };

/** Reads "30m", "2h", "1 day", "2 weeks": a whole number and a unit, up to 90 days. */
export function parseDuration(text: string): DurationParse {
  const match = /^(\d{1,4})\s*([a-z]+)$/i.exec(text.trim());
  const unit = match?.[2]?.toLowerCase();
  const ms = match === null || unit === undefined ? undefined : UNIT_MS[unit];
  if (match === null || ms === undefined) {
    return { ok: false, reason: `\`${text.trim()}\` is not a duration. Try \`30m\`, \`2h\`, \`3d\` or \`2w\`.` };
  }
  const total = Number(match[1]) * ms;
  if (total <= 0) return { ok: false, reason: 'The duration must be longer than zero.' };
  if (total > MAX_DURATION_MS)
    return { ok: false, reason: 'The longest mute is 90 days; leave the duration out to mute until unmuted.' };
  return { ok: true, ms: total };
}

/** "2 hours", "3 days": how long, for a person. */
export function describeDuration(ms: number): string {
  const units: [number, string][] = [
    [604_800_000, 'week'],
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  const [size, name] = units.find(([size]) => ms % size === 0) ?? [60_000, 'minute'];
  const count = Math.round(ms / size);
  return `${count} ${name}${count === 1 ? '' : 's'}`;
}
