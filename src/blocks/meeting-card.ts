import type { types } from '@slack/bolt';
import type { MeetingQuestions } from '../prompts/meeting-questions.js';
import type { DecisionRecord, DecisionStatus } from '../store/decisions.js';
import type { MeetingRecord } from '../store/meetings.js';
import type { SlackMessage } from './decision-card.js';
import { ANSWER_LABELS, EVIDENCE_LABELS } from './labels.js';
import { escapeMrkdwn, mentionUser } from './mrkdwn.js';

/** Slack refuses a message with more blocks than this. */
export const MAX_MESSAGE_BLOCKS = 50;

const STATUS_EMOJI: Readonly<Record<DecisionStatus, string>> = {
  pending: ':grey_question:',
  cited: ':white_check_mark:',
  none: ':hourglass_flowing_sand:',
  'not-customer-facing': ':gear:',
  dismissed: ':wave:',
};

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function answerText(decision: DecisionRecord): string {
  if (decision.status === 'pending') return 'waiting for an answer';
  const label = ANSWER_LABELS[decision.status];
  return decision.status === 'cited' && decision.evidenceKind !== null
    ? `${label}: ${EVIDENCE_LABELS[decision.evidenceKind]}`
    : label;
}

/** One decision on the card; the summary is stored neutralised but may still hold `<`, `>` or `&` typed as text. */
function decisionLine(decision: DecisionRecord): string {
  const summary = escapeMrkdwn(decision.summary);
  const shown = decision.permalink === null ? summary : `<${decision.permalink}|${summary}>`;
  return `${STATUS_EMOJI[decision.status]} ${shown} · _${answerText(decision)}_`;
}

function decisionsHeading(decisions: readonly DecisionRecord[]): string {
  if (decisions.length === 0) return '*Decisions in this meeting*\nNone yet.';
  const cited = decisions.filter((decision) => decision.status === 'cited').length;
  const count = `${decisions.length} decision${decisions.length === 1 ? '' : 's'}`;
  return `*Decisions in this meeting*\n${count}, ${cited} citing customer insight.`;
}

/**
 * The meeting card posted by `/customer-check meeting <topic>`: the topic, who opened it, the customer's empty seat,
 * the chair's questions and the decisions announced in its thread so far, oldest first. `topic` is plain text with
 * mentions already neutralised; it is escaped here like every other stored text.
 */
export function meetingCard(
  meeting: Pick<MeetingRecord, 'topic' | 'createdBy'>,
  questions: MeetingQuestions,
  decisions: readonly DecisionRecord[],
): SlackMessage {
  const topic = escapeMrkdwn(meeting.topic);
  const blocks: types.KnownBlock[] = [
    section(
      `:spiral_calendar_pad: *Meeting: ${topic}*\nOpened by ${mentionUser(meeting.createdBy)}. ` +
        'Announce decisions in this thread ("Decision: …"): each one is recorded and listed on this card.',
    ),
    section(
      ":chair: *This seat is the customer's.* The empty chair sits in for them: " +
        'the most important person in the room, who never speaks. These are the questions they would ask.',
    ),
  ];
  if (questions.breadLine !== undefined) {
    blocks.push(section(`*The bread-line question*\n${escapeMrkdwn(questions.breadLine.text)}`));
  }
  if (questions.workingBackwards.length > 0) {
    const numbered = questions.workingBackwards.map((prompt, index) => `${index + 1}. ${escapeMrkdwn(prompt.text)}`);
    blocks.push(section(`*Working Backwards*\n${numbered.join('\n')}`));
  }
  blocks.push({ type: 'divider' }, section(decisionsHeading(decisions)));

  const room = MAX_MESSAGE_BLOCKS - blocks.length;
  // Past the limit, the last block says how many are left out instead of listing one more.
  const shown = decisions.length <= room ? decisions : decisions.slice(0, room - 1);
  blocks.push(...shown.map((decision) => section(decisionLine(decision))));
  const hidden = decisions.length - shown.length;
  if (hidden > 0) {
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `…and ${hidden} more in this thread.` }],
    });
  }
  return { text: `Meeting: ${topic}. The empty chair is here for the customer.`, blocks };
}
