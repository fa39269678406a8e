import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { helpText } from '../../blocks/help-message.js';
import { escapeMrkdwn } from '../../blocks/mrkdwn.js';
import type { AppDeps } from '../../deps.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

/** `/customer-check`: every answer is ephemeral, so running it never adds noise to the channel. */
export function customerCheck({ store, clock, logger }: AppDeps) {
  return async ({ command, ack }: Args): Promise<void> => {
    const [word = '', ...rest] = command.text.trim().split(/\s+/);
    const subcommand = word.toLowerCase();
    const reply = (text: string) => ack({ response_type: 'ephemeral', text });

    if (subcommand === 'mute' || subcommand === 'unmute') {
      if (rest.length > 0) {
        await reply(
          `\`${command.command} ${subcommand}\` takes no arguments. Try \`${command.command} ${subcommand}\`.`,
        );
        return;
      }
      if (command.channel_id.startsWith('D')) {
        await reply(`Run \`${command.command} ${subcommand}\` in the channel you want to ${subcommand}.`);
        return;
      }
      const muted = subcommand === 'mute';
      store.channels.setMuted(command.team_id, command.channel_id, muted, command.user_id, clock.now());
      logger.info({ channel: command.channel_id, muted }, 'channel mute changed by command');
      await reply(
        muted
          ? `:mute: Muted: no more questions in this channel. Decisions are still counted. \`${command.command} unmute\` brings me back.`
          : ':bust_in_silhouette: Unmuted: I will ask the customer question on the next decision announced here.',
      );
      return;
    }
    if (subcommand === '' || subcommand === 'help' || subcommand === '?') {
      await reply(helpText(command.command));
      return;
    }
    await reply(`I don't know \`${escapeMrkdwn(word.slice(0, 40))}\` yet.\n${helpText(command.command)}`);
  };
}
