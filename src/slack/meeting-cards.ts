import type { webApi } from '@slack/bolt';
import { answeredCard } from '../blocks/answered-card.js';
import { meetingCard } from '../blocks/meeting-card.js';
import type { AppDeps } from '../deps.js';
import { meetingQuestions } from '../prompts/meeting-questions.js';
import type { DecisionRecord } from '../store/decisions.js';
import { updateDecisionCard } from './decision-cards.js';
import { slackErrorCode } from './errors.js';

/**
 * Rewrites a meeting's card in place with its decisions as they now stand; call it after anything that adds, answers
 * or removes one. `meetingId` is the changed decision's, so a decision outside any meeting (null) changes no card.
 * A failure is only logged: the records stand, and the next change rewrites the whole card again.
 */
export async function refreshMeetingCard(
  client: webApi.WebClient,
  { store, prompts, logger }: Pick<AppDeps, 'store' | 'prompts' | 'logger'>,
  meetingId: number | null,
): Promise<void> {
  if (meetingId === null) return;
  const meeting = store.meetings.get(meetingId);
  if (meeting === undefined) return;
  const card = meetingCard(meeting, meetingQuestions(prompts), store.decisions.listForMeeting(meeting.id));
  try {
    await client.chat.update({ channel: meeting.channelId, ts: meeting.cardTs, ...card });
  } catch (error) {
    logger.warn(
      { meetingId, channel: meeting.channelId, error: slackErrorCode(error) },
      'could not update the meeting card',
    );
  }
}

/** After an answer is recorded: the decision's card becomes its summary, and its meeting's card lists the answer. */
export async function showAnswer(
  client: webApi.WebClient,
  { store, prompts, logger }: Pick<AppDeps, 'store' | 'prompts' | 'logger'>,
  answered: DecisionRecord,
): Promise<void> {
  await updateDecisionCard(client, answered, answeredCard(answered, store.decisions.answers(answered.id)), logger);
  await refreshMeetingCard(client, { store, prompts, logger }, answered.meetingId);
}
