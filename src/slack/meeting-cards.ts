import type { webApi } from '@slack/bolt';
import { meetingCard } from '../blocks/meeting-card.js';
import type { AppDeps } from '../deps.js';
import { meetingQuestions } from '../prompts/meeting-questions.js';
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
