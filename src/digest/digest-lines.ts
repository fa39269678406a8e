import { percent } from '../text/percent.js';
import { dayLabel } from '../time/zoned-time.js';
import type { Digest } from './build-digest.js';

/** The sentences a digest is made of, as plain text; Block Kit and the CLI's text share them so they never drift. */

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function weekLabel(digest: Pick<Digest, 'week' | 'timeZone'>): string {
  return dayLabel(digest.week.start, digest.timeZone);
}

export function digestTitle(digest: Digest): string {
  const when = `week of ${weekLabel(digest)} (${digest.period})`;
  return digest.audience.kind === 'channel'
    ? `Empty chair digest: #${digest.audience.channel.name}, ${when}`
    : `Your empty chair digest, ${when}`;
}

/** "67%, up 42 points on the 4 weeks before", or why there is nothing to compare. */
export function shareChange(digest: Pick<Digest, 'share' | 'previousShare'>): string | null {
  if (digest.share === null) return null;
  if (digest.previousShare === null) return `${percent(digest.share)}; no earlier weeks to compare`;
  const change = Math.round((digest.share - digest.previousShare) * 100);
  const direction = change === 0 ? 'same as' : change > 0 ? `up ${change} points on` : `down ${-change} points on`;
  return `${percent(digest.share)}, ${direction} the 4 weeks before`;
}

export function countsSentence(digest: Digest): string {
  const change = shareChange(digest);
  return (
    `${plural(digest.total, 'decision')}: ${digest.cited} cited customer insight${change === null ? '' : ` (${change})`}, ` +
    `${digest.uncited} without, ${digest.notCustomerFacing} not customer-facing.`
  );
}

/** A week where every customer-facing decision cited insight gets one line, instead of an empty list. */
export function allCitedSentence(digest: Digest): string | null {
  return digest.uncited === 0 && digest.cited > 0
    ? 'Every customer-facing decision this week cited customer insight.'
    : null;
}

export function improvedSentence(digest: Digest): string | null {
  const improved = digest.improvedMost;
  if (improved === null) return null;
  return `Improved most: #${improved.channel.name}, ${percent(improved.previousShare)} → ${percent(improved.share)} cited.`;
}

export function moreSentence(listed: number, total: number): string | null {
  return total > listed ? `and ${total - listed} more` : null;
}
