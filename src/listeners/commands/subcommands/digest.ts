import { digestMessage } from '../../../blocks/digest-message.js';
import { buildDigest } from '../../../digest/build-digest.js';
import { DigestInputs } from '../../../digest/digest-input.js';
import { userTimeZone } from '../../../slack/user-time-zone.js';
import { isoWeekKey, weekContaining } from '../../../stats/week-ranges.js';
import type { Subcommand } from '../subcommand.js';

/** `digest`: this week so far, as the weekly digest will show it, only to the asker. */
export const digestSubcommand: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  if (text !== '') {
    await respond({ response_type: 'ephemeral', text: `\`${command.command} digest\` takes no arguments.` });
    return;
  }
  const timeZone = await userTimeZone(client, command.user_id, deps.logger);
  const week = weekContaining(deps.clock.now(), timeZone);
  const digestChannel = { id: channel.id, name: channel.name };
  const digest = buildDigest(
    new DigestInputs(deps.store).read({
      teamId: command.team_id,
      audience: { kind: 'channel', channel: digestChannel },
      week,
      period: isoWeekKey(week, timeZone),
      timeZone,
      // The preview compares the channel with itself; the weekly post also names the public channel that improved most.
      visibleChannels: [digestChannel],
    }),
  );
  if (digest === null) {
    await respond({
      response_type: 'ephemeral',
      text: `No decisions in #${channel.name} this week yet, so there is no digest: a quiet week posts nothing.`,
    });
    return;
  }
  const question =
    digest.mostAskedPromptId === null ? null : (deps.prompts.byId(digest.mostAskedPromptId)?.text ?? null);
  const preview = digestMessage(digest, question);
  await respond({
    response_type: 'ephemeral',
    text: preview.text,
    blocks: [
      { type: 'context', elements: [{ type: 'mrkdwn', text: ':eyes: Preview, only you can see it.' }] },
      ...preview.blocks,
    ],
  });
};
