import { meetingCard } from '../../../blocks/meeting-card.js';
import { meetingQuestions } from '../../../prompts/meeting-questions.js';
import { slackErrorCode } from '../../../slack/errors.js';
import { slackMarkupToPlainText } from '../../../text/plain-text.js';
import type { Subcommand } from '../subcommand.js';

const MEETING_TOPIC_MAX_LENGTH = 150;

type TopicRead = { ok: true; topic: string } | { ok: false; reason: string };

/**
 * The topic as it is stored and shown: one line of plain text, so a `<!channel>` typed into it can never ping anyone.
 * The error never repeats the topic, which would put the person's raw markup back in front of them.
 */
function readTopic(text: string, command: string): TopicRead {
  const topic = slackMarkupToPlainText(text).replace(/\s+/g, ' ').trim();
  const length = Array.from(topic).length;
  if (length === 0) {
    return {
      ok: false,
      reason: `\`${command} meeting\` needs a topic, like \`${command} meeting Pricing review\`. Nothing was posted.`,
    };
  }
  if (length > MEETING_TOPIC_MAX_LENGTH) {
    return {
      ok: false,
      reason: `That topic is ${length} characters; keep it to ${MEETING_TOPIC_MAX_LENGTH}. Nothing was posted.`,
    };
  }
  return { ok: true, topic };
}

/**
 * `meeting <topic>`: posts a meeting card to the channel and records the meeting. The post comes first, because the
 * card's ts is what ties the decisions announced in its thread to the meeting.
 */
export const meetingSubcommand: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  const read = readTopic(text, command.command);
  if (!read.ok) {
    await respond({ response_type: 'ephemeral', text: read.reason });
    return;
  }
  const card = meetingCard({ topic: read.topic, createdBy: command.user_id }, meetingQuestions(deps.prompts), []);
  let cardTs: string | undefined;
  try {
    const posted = await client.chat.postMessage({
      channel: channel.id,
      ...card,
      unfurl_links: false,
      unfurl_media: false,
    });
    cardTs = posted.ts;
  } catch (error) {
    await respond({
      response_type: 'ephemeral',
      text: `Slack did not post the meeting card (${slackErrorCode(error)}). Nothing was stored; please try again.`,
    });
    return;
  }
  if (cardTs === undefined) {
    await respond({
      response_type: 'ephemeral',
      text: 'Slack did not say where it posted the meeting card. Nothing was stored; please try again.',
    });
    return;
  }
  const meeting = deps.store.meetings.create(
    command.team_id,
    channel.id,
    cardTs,
    read.topic,
    command.user_id,
    deps.clock.now(),
  );
  deps.logger.info({ meetingId: meeting.id, channel: channel.id }, 'meeting card posted');
  await respond({
    response_type: 'ephemeral',
    text: `:bust_in_silhouette: Meeting card posted in #${channel.name}. Decisions announced in its thread are listed on it.`,
  });
};
