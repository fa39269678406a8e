import { describeDuration, parseDuration } from '../../../text/duration.js';
import type { Subcommand } from '../subcommand.js';

/** `mute [duration]`: no questions here until unmuted or the duration ends; decisions are still counted. */
export const muteSubcommand: Subcommand = async ({ deps, command, text, channel, respond }) => {
  const now = deps.clock.now();
  let until: number | null = null;
  if (text !== '') {
    const duration = parseDuration(text);
    if (!duration.ok) {
      await respond({ response_type: 'ephemeral', text: `${duration.reason} Nothing was changed.` });
      return;
    }
    until = now + duration.ms;
  }
  deps.store.channels.setMuted(command.team_id, channel.id, { muted: true, by: command.user_id, until }, now);
  deps.logger.info({ channel: channel.id, until }, 'channel muted by command');
  const howLong =
    until === null
      ? ''
      : ` for ${describeDuration(until - now)} (until <!date^${Math.floor(until / 1000)}^{date_short_pretty} {time}|${new Date(until).toISOString()}>)`;
  await respond({
    response_type: 'ephemeral',
    text: `:mute: Muted${howLong}: no questions in #${channel.name}. Decisions are still counted. \`${command.command} unmute\` brings me back.`,
  });
};

export const unmuteSubcommand: Subcommand = async ({ deps, command, text, channel, respond }) => {
  if (text !== '') {
    await respond({
      response_type: 'ephemeral',
      text: `\`${command.command} unmute\` takes no arguments. Nothing was changed.`,
    });
    return;
  }
  deps.store.channels.setMuted(command.team_id, channel.id, { muted: false }, deps.clock.now());
  deps.logger.info({ channel: channel.id }, 'channel unmuted by command');
  await respond({
    response_type: 'ephemeral',
    text: `:bust_in_silhouette: Unmuted: I will ask the customer question on the next decision announced in #${channel.name}.`,
  });
};
