import type { types } from '@slack/bolt';
import type { AnswerRecord, DecisionRecord } from '../store/decisions.js';
import type { SlackMessage } from './decision-card.js';
import { ANSWER_LABELS, EVIDENCE_LABELS } from './labels.js';
import { escapeMrkdwn, mentionUser } from './mrkdwn.js';

function answerLines(decision: DecisionRecord): string[] {
  const by = decision.answeredBy === null ? 'The empty chair' : mentionUser(decision.answeredBy);
  switch (decision.status) {
    case 'cited': {
      const lines = [`:white_check_mark: *Customer insight cited* by ${by}. Thank you.`];
      if (decision.evidenceKind !== null) {
        const link = decision.evidenceLink === null ? '' : ` · <${decision.evidenceLink}|source>`;
        lines.push(`*Evidence:* ${EVIDENCE_LABELS[decision.evidenceKind]}${link}`);
      }
      if (decision.customerWho !== null) lines.push(`*Customer:* ${escapeMrkdwn(decision.customerWho)}`);
      if (decision.benefit !== null) lines.push(`*Benefit:* ${escapeMrkdwn(decision.benefit)}`);
      return lines;
    }
    case 'none':
      return [`:hourglass_flowing_sand: ${by} answered *no customer insight yet*. Worth finding before this ships.`];
    case 'not-customer-facing':
      return [`:gear: ${by} marked this decision *not customer-facing*. Thanks for saying so.`];
    case 'dismissed':
      return [`:wave: ${by} dismissed the question.`];
    case 'pending':
      return [':bust_in_silhouette: Waiting for an answer.'];
  }
}

/**
 * The card after an answer: a short summary that replaces the question and its buttons.
 * `history` is every answer so far, oldest first; a change of answer names who gave the earlier one.
 */
export function answeredCard(decision: DecisionRecord, history: readonly AnswerRecord[]): SlackMessage {
  const lines = answerLines(decision);
  const blocks: types.KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  const previous = history.at(-2);
  if (previous !== undefined) {
    blocks.push({
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: `Changed from _${ANSWER_LABELS[previous.status]}_ (${mentionUser(previous.answeredBy)}).`,
        },
      ],
    });
  }
  return { text: lines[0] ?? 'Answered.', blocks };
}

/** What the card says once someone muted the channel from it. */
export function mutedCard(mutedBy: string): SlackMessage {
  const text = `:mute: ${mentionUser(mutedBy)} muted the empty chair in this channel. \`/customer-check unmute\` brings it back.`;
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}
