import type { webApi } from '@slack/bolt';
import { decisionCard, type SlackMessage } from '../blocks/decision-card.js';
import type { AppDeps } from '../deps.js';
import type { Logger } from '../logger.js';
import { choosePrompt } from '../prompts/choose.js';
import type { DecisionRecord } from '../store/decisions.js';
import { slackErrorCode } from './errors.js';

export const INSIGHT_REACTION = 'bust_in_silhouette';

/** Rewrites the decision's card in place; a failure is logged, the stored answer stands. */
export async function updateDecisionCard(
  client: webApi.WebClient,
  decision: DecisionRecord,
  message: SlackMessage,
  logger: Logger,
): Promise<void> {
  if (decision.cardTs === null) return;
  try {
    await client.chat.update({ channel: decision.channelId, ts: decision.cardTs, ...message });
  } catch (error) {
    logger.warn({ decisionId: decision.id, error: slackErrorCode(error) }, 'could not update the decision card');
  }
}

/** Marks a message that already cites customer insight; quieter than a prompt. */
export async function reactWithInsight(
  client: webApi.WebClient,
  decision: DecisionRecord,
  logger: Logger,
): Promise<void> {
  try {
    await client.reactions.add({ channel: decision.channelId, timestamp: decision.messageTs, name: INSIGHT_REACTION });
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== 'already_reacted') logger.warn({ decisionId: decision.id, error: code }, 'could not add the reaction');
  }
}

export async function deleteDecisionCard(
  client: webApi.WebClient,
  decision: DecisionRecord,
  logger: Logger,
): Promise<void> {
  if (decision.cardTs === null) return;
  try {
    await client.chat.delete({ channel: decision.channelId, ts: decision.cardTs });
  } catch (error) {
    logger.warn({ decisionId: decision.id, error: slackErrorCode(error) }, 'could not delete the decision card');
  }
}

/**
 * Asks the customer question in the decision's thread: a question that fits it and is not the channel's last one.
 * A failure is logged and the decision stays recorded, unasked.
 */
export async function postQuestionCard(
  client: webApi.WebClient,
  { store, prompts }: Pick<AppDeps, 'store' | 'prompts'>,
  decision: DecisionRecord,
  lastPromptId: string | null,
  now: number,
  logger: Logger,
): Promise<void> {
  const prompt = choosePrompt(prompts, {
    kind: { category: decision.category, oneWayDoor: decision.oneWayDoor },
    seed: `${decision.channelId}:${decision.messageTs}`,
    lastPromptId,
  });
  try {
    const posted = await client.chat.postMessage({
      channel: decision.channelId,
      thread_ts: decision.threadTs ?? decision.messageTs,
      ...decisionCard(prompt, decision.id),
      unfurl_links: false,
      unfurl_media: false,
    });
    if (typeof posted.ts === 'string') store.decisions.attachCard(decision.id, posted.ts, prompt.id, now);
    store.channels.recordPrompt(decision.teamId, decision.channelId, prompt.id, now);
    logger.info({ promptId: prompt.id }, 'asked the customer question');
  } catch (error) {
    logger.warn({ error: slackErrorCode(error) }, 'could not post the question; the decision stays recorded');
  }
}

/** Keeps the message's permalink for digests and exports; without one they show the summary unlinked. */
export async function keepPermalink(
  client: webApi.WebClient,
  { store }: Pick<AppDeps, 'store'>,
  decision: DecisionRecord,
  logger: Logger,
): Promise<void> {
  try {
    const { permalink } = await client.chat.getPermalink({
      channel: decision.channelId,
      message_ts: decision.messageTs,
    });
    if (permalink !== undefined) store.decisions.setPermalink(decision.id, permalink);
  } catch (error) {
    logger.debug({ decisionId: decision.id, error: slackErrorCode(error) }, 'no permalink');
  }
}
