import type { types } from '@slack/bolt';
import { citedShare } from '../stats/weekly-counts.js';
import type { DigestSchedule } from '../store/digest-subscriptions.js';
import { percent } from '../text/percent.js';
import { answerButtons } from './decision-card.js';
import { ActionId } from './ids.js';
import { escapeMrkdwn } from './mrkdwn.js';
import { scheduleLabel } from './subscription-modal.js';
import { trendText } from './trend.js';

/** Slack refuses a view of more blocks than this. */
export const MAX_VIEW_BLOCKS = 100;
/**
 * Each waiting decision takes two blocks (its text, its buttons) and the rest of the Home eight, so 46 would fit;
 * 20 keep the Home readable, and the rest are counted in an "and N more" line.
 */
export const MAX_LISTED_DECISIONS = 20;

/** A decision nobody has answered yet; `summary` is the stored one, mentions and broadcasts already neutralised. */
export interface WaitingDecision {
  id: number;
  channelId: string;
  summary: string;
  permalink: string | null;
}

export interface TrendWeek {
  /** Monday 00:00 in the viewer's time zone, ms. */
  weekStart: number;
  cited: number;
  /** Pending or answered "no insight yet". */
  uncited: number;
}

/** Everything the App Home shows, already limited to the channels the viewer is in. */
export interface HomeDashboard {
  /** The viewer's time zone: weeks start on Monday 00:00 there. */
  timeZone: string;
  thisWeek: { cited: number; uncited: number; notCustomerFacing: number };
  /** This week's decisions still waiting for an answer, oldest first. */
  waiting: readonly WaitingDecision[];
  /** Oldest first, ending with this week. */
  trend: readonly TrendWeek[];
  /** null when the viewer never set a digest subscription. */
  subscription: DigestSchedule | null;
}

function mrkdwn(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** "Mon 23 Nov": the day on the viewer's wall clock. */
function localDay(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short' }).format(
    instant,
  );
}

function weekHeadline({ thisWeek, trend, timeZone }: HomeDashboard): string {
  const weekStart = trend.at(-1)?.weekStart;
  const since = weekStart === undefined ? '' : ` (since ${localDay(weekStart, timeZone)}, ${timeZone})`;
  const decided = thisWeek.cited + thisWeek.uncited + thisWeek.notCustomerFacing;
  if (decided === 0) return `*This week*${since}, in the channels you are in: no decisions yet.`;
  const share = citedShare(thisWeek);
  return (
    `*This week*${since}, in the channels you are in: ${plural(decided, 'decision')}. ` +
    `*${thisWeek.cited}* cited customer insight${share === null ? '' : ` (${percent(share)})`}, ` +
    `*${thisWeek.uncited}* without, ${thisWeek.notCustomerFacing} not customer-facing.`
  );
}

function waitingBlocks(decision: WaitingDecision): types.KnownBlock[] {
  const value = String(decision.id);
  const link = decision.permalink === null ? '' : ` · <${decision.permalink}|open in Slack>`;
  const quoted = `>${escapeMrkdwn(decision.summary).replace(/\n/g, '\n>')}`;
  return [
    mrkdwn(`<#${decision.channelId}>${link}\n${quoted}`),
    {
      type: 'actions',
      elements: answerButtons(
        {
          cite: ActionId.homeCiteInsight,
          none: ActionId.homeNoInsightYet,
          notCustomerFacing: ActionId.homeNotCustomerFacing,
        },
        value,
      ),
    },
  ];
}

function subscriptionText(subscription: DigestSchedule | null): string {
  if (subscription === null) return '*Weekly digest by DM:* not subscribed.';
  if (!subscription.enabled) return '*Weekly digest by DM:* off.';
  return `*Weekly digest by DM:* on, ${scheduleLabel(subscription)}.`;
}

/** The App Home: this week at a glance, the decisions waiting for an answer, the trend and the digest subscription. */
export function homeView(dashboard: HomeDashboard): types.HomeView {
  const listed = dashboard.waiting.slice(0, MAX_LISTED_DECISIONS);
  const unlisted = dashboard.waiting.length - listed.length;
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: ':bust_in_silhouette: The empty chair', emoji: true } },
    mrkdwn(weekHeadline(dashboard)),
    { type: 'context', elements: [{ type: 'mrkdwn', text: trendText(dashboard.trend) }] },
    { type: 'divider' },
    mrkdwn(
      dashboard.waiting.length === 0
        ? 'Nothing from this week is waiting for an answer.'
        : `*Waiting for an answer* (${dashboard.waiting.length})`,
    ),
    ...listed.flatMap(waitingBlocks),
  ];
  if (unlisted > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `and ${unlisted} more: answer them in their threads.` }],
    });
  }
  blocks.push(
    { type: 'divider' },
    {
      ...mrkdwn(subscriptionText(dashboard.subscription)),
      accessory: {
        type: 'button',
        action_id: ActionId.homeDigestSettings,
        text: { type: 'plain_text', text: 'Digest settings' },
      },
    },
  );
  return { type: 'home', blocks };
}
