import { citedShare, totals, type WeekCounts } from '../stats/weekly-counts.js';
import { percent } from '../text/percent.js';
import type { SlackMessage } from './decision-card.js';
import { trendText } from './trend.js';

export const STATS_PERIODS = { week: 1, month: 4, quarter: 13 } as const;
export type StatsPeriod = keyof typeof STATS_PERIODS;

const PERIOD_NAMES: Record<StatsPeriod, string> = {
  week: 'this week',
  month: 'the last 4 weeks',
  quarter: 'the last 13 weeks',
};

/**
 * `/customer-check stats`: totals for the period and a sparkline of the cited share, one bar a week.
 * `weeks` runs oldest first and ends with the current week; the period is its last weeks.
 */
export function statsMessage(channelName: string, period: StatsPeriod, weeks: readonly WeekCounts[]): SlackMessage {
  const inPeriod = weeks.slice(-STATS_PERIODS[period]);
  const sum = totals(inPeriod);
  const decided = sum.cited + sum.uncited + sum.notCustomerFacing;
  const share = citedShare(sum);
  const headline =
    decided === 0
      ? `*#${channelName}, ${PERIOD_NAMES[period]}:* no decisions recorded.`
      : `*#${channelName}, ${PERIOD_NAMES[period]}:* ${decided} decision${decided === 1 ? '' : 's'}; ` +
        `*${sum.cited}* cited customer insight${share === null ? '' : ` (${percent(share)})`}, ` +
        `*${sum.uncited}* without, ${sum.notCustomerFacing} not customer-facing.`;
  const trend = trendText(weeks);
  return {
    text: headline.replace(/\*/g, ''),
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: headline } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: trend }] },
    ],
  };
}
