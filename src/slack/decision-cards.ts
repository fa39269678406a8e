import type { webApi } from '@slack/bolt';
import type { SlackMessage } from '../blocks/decision-card.js';
import type { Logger } from '../logger.js';
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
