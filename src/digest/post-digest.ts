import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/decision-card.js';
import type { DigestChart } from '../blocks/digest-message.js';
import type { Logger } from '../logger.js';
import { slackErrorCode } from '../slack/errors.js';
import type { DigestTarget } from '../store/digest-deliveries.js';
import type { Digest } from './build-digest.js';
import { renderPng } from './render-png.js';
import { trendChartAltText, trendChartSvg } from './trend-chart.js';

/** Message metadata marks each digest post with its ledger key, so a post whose outcome was lost can be found again. */
export const DIGEST_EVENT_TYPE = 'empty_chair_digest';

export function deliveryKey(target: DigestTarget, period: string): string {
  return `${target.teamId}/${target.kind}/${target.id}/${period}`;
}

/** Where a target's digest goes: the channel itself, or the DM with the person. */
export async function openDestination(client: webApi.WebClient, target: DigestTarget): Promise<string> {
  if (target.kind === 'channel') return target.id;
  const opened = await client.conversations.open({ users: target.id });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}

/**
 * Renders the 12-week chart and uploads it privately; the digest shows it through an image block. A chart that cannot
 * be uploaded is left out rather than holding the digest back.
 */
export async function uploadChart(
  client: webApi.WebClient,
  digest: Digest,
  logger: Logger,
): Promise<DigestChart | undefined> {
  const altText = trendChartAltText(digest.trend, digest.timeZone);
  try {
    const uploaded = await client.files.uploadV2({
      file: renderPng(trendChartSvg(digest.trend, digest.timeZone)),
      filename: `empty-chair-${digest.period}.png`,
      title: `Cited vs uncited decisions, ${digest.period}`,
      alt_text: altText,
    });
    const fileId = (uploaded as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id;
    if (fileId === undefined) throw new Error('files.uploadV2 returned no file id');
    return { fileId, altText };
  } catch (error) {
    logger.warn({ period: digest.period, error: slackErrorCode(error) }, 'could not upload the digest chart');
    return undefined;
  }
}

/** Posts the digest once; the caller decides what a failure means, since a lost response may still have posted. */
export async function postDigest(
  client: webApi.WebClient,
  destination: string,
  message: SlackMessage,
  key: string,
): Promise<string> {
  const posted = await client.chat.postMessage({
    channel: destination,
    text: message.text,
    blocks: message.blocks,
    unfurl_links: false,
    unfurl_media: false,
    metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key } },
  });
  if (posted.ts === undefined) throw new Error('chat.postMessage returned no ts');
  return posted.ts;
}

type HistoryPage = {
  messages?: { ts?: string; metadata?: { event_type?: string; event_payload?: { key?: unknown } } }[];
};

/**
 * How far back a lost post is looked for. Claims are reconciled minutes after a crash, so the post is near the top;
 * reading by count rather than by time keeps the search independent of clock skew between us and Slack.
 */
const HISTORY_PAGES = 5;

/** The ts of the digest posted under `key`, if Slack has it; how a crash between posting and marking is resolved. */
export async function findPostedDigest(
  client: webApi.WebClient,
  destination: string,
  key: string,
): Promise<string | undefined> {
  let pages = 0;
  for await (const page of client.paginate('conversations.history', {
    channel: destination,
    include_all_metadata: true,
    limit: 200,
  })) {
    const found = (page as HistoryPage).messages?.find(
      (message) => message.metadata?.event_type === DIGEST_EVENT_TYPE && message.metadata.event_payload?.key === key,
    );
    if (found?.ts !== undefined) return found.ts;
    pages += 1;
    if (pages === HISTORY_PAGES) break;
  }
  return undefined;
}
