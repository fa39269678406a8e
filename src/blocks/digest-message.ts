import type { types } from '@slack/bolt';
import type { ChannelDigest } from '../digest/build-channel-digest.js';
import type { SlackMessage } from './decision-card.js';
import { ActionId } from './ids.js';
import { EVIDENCE_LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** Slack allows 50 blocks in a message; the list of uncited decisions stops well before. */
export const MAX_LISTED_DECISIONS = 20;

const percent = (share: number) => `${Math.round(share * 100)}%`;

function trendText(digest: ChannelDigest): string {
  if (digest.share === null) return '';
  if (digest.previousShare === null) return ` (${percent(digest.share)}; no earlier weeks to compare)`;
  const change = Math.round((digest.share - digest.previousShare) * 100);
  const direction = change === 0 ? 'same as' : change > 0 ? `up ${change} points on` : `down ${-change} points on`;
  return ` (${percent(digest.share)}, ${direction} the 4 weeks before)`;
}

function weekLabel(start: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone }).format(start);
}

/** The digest as a Slack message; `questionText` names the question asked most, when there is one. */
export function digestMessage(digest: ChannelDigest, timeZone: string, questionText: string | null): SlackMessage {
  const title = `Empty chair digest: #${digest.channelName}, week of ${weekLabel(digest.week.start, timeZone)}`;
  const counts =
    `*${digest.total}* decision${digest.total === 1 ? '' : 's'}: *${digest.cited}* cited customer insight${trendText(digest)}, ` +
    `*${digest.uncited}* without, *${digest.notCustomerFacing}* not customer-facing.`;
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: counts } },
  ];
  if (digest.uncited === 0 && digest.cited > 0) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: ':tada: Every customer-facing decision this week cited customer insight.' },
    });
  }
  if (digest.evidenceKinds.length > 0) {
    const kinds = digest.evidenceKinds.map(({ kind, count }) => `${EVIDENCE_LABELS[kind]} (${count})`).join(', ');
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Evidence used: ${kinds}` }] });
  }
  for (const quote of digest.quotes) {
    const benefit = quote.benefit === null ? '' : ` They gain: ${escapeMrkdwn(quote.benefit)}`;
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `:speech_balloon: _${escapeMrkdwn(quote.summary)}_ For: ${escapeMrkdwn(quote.customerWho)}.${benefit}`,
        },
      ],
    });
  }
  if (digest.uncitedDecisions.length > 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: '*Decided without customer insight:*' } });
    for (const decision of digest.uncitedDecisions.slice(0, MAX_LISTED_DECISIONS)) {
      const summary = escapeMrkdwn(decision.summary);
      blocks.push({
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: decision.permalink === null ? `• ${summary}` : `• <${decision.permalink}|${summary}>`,
        },
        accessory: {
          type: 'button',
          action_id: ActionId.citeInsight,
          text: { type: 'plain_text', text: 'Cite insight' },
          value: String(decision.id),
        },
      });
    }
    const more = digest.uncitedDecisions.length - MAX_LISTED_DECISIONS;
    if (more > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `and ${more} more` }] });
  }
  if (questionText !== null) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Question asked most: _${escapeMrkdwn(questionText)}_` }],
    });
  }
  return { text: `${title}: ${digest.cited} of ${digest.total} decisions cited customer insight.`, blocks };
}
