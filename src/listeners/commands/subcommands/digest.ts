import { digestMessage } from '../../../blocks/digest-message.js';
import { buildChannelDigest } from '../../../digest/build-channel-digest.js';
import { userTimeZone } from '../../../slack/user-time-zone.js';
import { weekRanges } from '../../../stats/week-ranges.js';
import type { Subcommand } from '../subcommand.js';

/** The weeks a digest compares against. */
const COMPARISON_WEEKS = 4;

/** `digest`: this week so far, as the weekly digest will show it, only to the asker. */
export const digestSubcommand: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  if (text !== '') {
    await respond({ response_type: 'ephemeral', text: `\`${command.command} digest\` takes no arguments.` });
    return;
  }
  const timeZone = await userTimeZone(client, command.user_id, deps.logger);
  const weeks = weekRanges(deps.clock.now(), timeZone, COMPARISON_WEEKS + 1);
  const thisWeek = weeks.at(-1);
  if (thisWeek === undefined) return;
  const digest = buildChannelDigest({
    channelName: channel.name,
    week: thisWeek,
    decisions: deps.store.decisions.listInChannel(command.team_id, channel.id, thisWeek.start, thisWeek.end),
    previousWeeks: deps.store.decisions.countByWeekInChannels(
      command.team_id,
      [channel.id],
      weeks.slice(0, COMPARISON_WEEKS),
    ),
  });
  if (digest === null) {
    await respond({
      response_type: 'ephemeral',
      text: `No decisions in #${channel.name} this week yet, so there is no digest: a quiet week posts nothing.`,
    });
    return;
  }
  const question =
    digest.mostAskedPromptId === null ? null : (deps.prompts.byId(digest.mostAskedPromptId)?.text ?? null);
  const preview = digestMessage(digest, timeZone, question);
  await respond({
    response_type: 'ephemeral',
    text: preview.text,
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':eyes: Preview, only you can see it.' }] },
      ...preview.blocks,
    ],
  });
};
