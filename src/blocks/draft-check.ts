import type { types } from '@slack/bolt';
import type { Detection } from '../detect/types.js';
import type { Prompt } from '../prompts/schema.js';
import { ActionId } from './ids.js';
import { EVIDENCE_LABELS } from './labels.js';
import { escapeMrkdwn } from './mrkdwn.js';

/** A button value holds at most 2,000 characters; longer drafts can be checked but not posted from the button. */
export const MAX_POSTABLE_DRAFT = 2000;

/** The ephemeral answer to `/customer-check <draft>`: the detector's verdict, the chair's question, a post button. */
export function draftCheck(
  draft: string,
  detection: Detection,
  prompt: Pick<Prompt, 'text' | 'source'>,
  channelName: string,
) {
  const verdict = detection.decision
    ? `:white_check_mark: *Reads as a decision* (${detection.kind?.category ?? 'other'}${detection.kind?.oneWayDoor ? ', one-way door' : ''}).`
    : ':grey_question: *Does not read as a decision yet.* Say what was decided: "Decision: we …", "We decided to …".';
  const insight = detection.customer
    ? `:bust_in_silhouette: *Cites customer insight:* ${detection.evidence.map((kind) => EVIDENCE_LABELS[kind]).join(', ')}.`
    : ':bust_in_silhouette: *No customer insight cited.* Who asked for this, and how do we know?';
  const blocks: types.KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${verdict}\n${insight}` } },
    {
      type: 'section',
      text: { type: 'mrkdwn', text: `*The empty chair would ask:*\n${escapeMrkdwn(prompt.text)}` },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(prompt.source) }] },
  ];
  if (draft.length <= MAX_POSTABLE_DRAFT) {
    blocks.push({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: ActionId.postDraft,
          text: { type: 'plain_text', text: `Post to #${channelName} as a decision` },
          style: 'primary',
          value: draft,
        },
      ],
    });
  } else {
    blocks.push({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: 'Drafts over 2,000 characters can be checked here but must be posted by you.' },
      ],
    });
  }
  return { text: `The empty chair would ask: ${prompt.text}`, blocks };
}
