import type { types } from '@slack/bolt';
import type { Prompt } from '../prompts/schema.js';
import { ActionId } from './ids.js';
import { escapeMrkdwn } from './mrkdwn.js';

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** The thread reply to a decision: one customer question and the four one-click answers. */
export function decisionCard(prompt: Pick<Prompt, 'text' | 'source'>, decisionId: number): SlackMessage {
  const value = String(decisionId);
  const question = escapeMrkdwn(prompt.text);
  return {
    text: `The empty chair asks: ${prompt.text}`,
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `:bust_in_silhouette: *The empty chair asks:*\n${question}` },
      },
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${escapeMrkdwn(prompt.source)} · Anyone here can answer; the answer counts toward the weekly digest.`,
          },
        ],
      },
      {
        type: 'actions',
        block_id: 'decision_answers',
        elements: [
          ...answerButtons(
            { cite: ActionId.citeInsight, none: ActionId.noInsightYet, notCustomerFacing: ActionId.notCustomerFacing },
            value,
          ),
          {
            type: 'button',
            action_id: ActionId.muteChannel,
            text: { type: 'plain_text', text: 'Mute this channel' },
            value,
            confirm: {
              title: { type: 'plain_text', text: 'Mute the empty chair?' },
              text: {
                type: 'mrkdwn',
                text: 'No more questions in this channel until someone runs `/customer-check unmute`. Decisions are still counted.',
              },
              confirm: { type: 'plain_text', text: 'Mute' },
              deny: { type: 'plain_text', text: 'Cancel' },
            },
          },
        ],
      },
    ],
  };
}

/** The three answer buttons, wherever a decision can be answered (its card, the App Home); `value` is its id. */
export function answerButtons(
  actionIds: { cite: string; none: string; notCustomerFacing: string },
  value: string,
): types.Button[] {
  return [
    {
      type: 'button',
      action_id: actionIds.cite,
      text: { type: 'plain_text', text: 'Cite customer insight' },
      style: 'primary',
      value,
    },
    { type: 'button', action_id: actionIds.none, text: { type: 'plain_text', text: 'No insight yet' }, value },
    {
      type: 'button',
      action_id: actionIds.notCustomerFacing,
      text: { type: 'plain_text', text: 'Not customer-facing' },
      value,
    },
  ];
}
