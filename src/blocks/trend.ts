import { citedShare } from '../stats/weekly-counts.js';
import { sparkline } from '../text/sparkline.js';

/** The cited share week by week as a sparkline, then the numbers behind each bar. Oldest week first. */
export function trendText(weeks: readonly { cited: number; uncited: number }[]): string {
  const bars = sparkline(weeks.map(citedShare));
  const perWeek = weeks.map((week) => `${week.cited}/${week.cited + week.uncited}`).join(' ');
  const legend = `the last ${weeks.length} week${weeks.length === 1 ? '' : 's'}, oldest first; · = no decisions`;
  return `Cited share (${legend}): \`${bars}\`\nCited/customer-facing: ${perWeek}`;
}
