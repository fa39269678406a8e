import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';
import { checkChannelAccess } from './channel-access.js';
import type { Subcommand } from './subcommand.js';
import { checkDraft } from './subcommands/check-draft.js';
import { digestSubcommand } from './subcommands/digest.js';
import { exportDecisions } from './subcommands/export.js';
import { helpSubcommand } from './subcommands/help.js';
import { logDecision } from './subcommands/log-decision.js';
import { meetingSubcommand } from './subcommands/meeting.js';
import { muteSubcommand, unmuteSubcommand } from './subcommands/mute.js';
import { settingsSubcommand } from './subcommands/settings.js';
import { statsSubcommand } from './subcommands/stats.js';

type Args = AllMiddlewareArgs & SlackCommandMiddlewareArgs;

export const MAX_COMMAND_TEXT = 3000;

/** A first word naming one of these runs it; any other text is a draft to check. */
const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  help: helpSubcommand,
  '?': helpSubcommand,
  stats: statsSubcommand,
  digest: digestSubcommand,
  mute: muteSubcommand,
  unmute: unmuteSubcommand,
  settings: settingsSubcommand,
  export: exportDecisions,
  meeting: meetingSubcommand,
};

/** Subcommands that work anywhere, even where the bot is not a member. */
const ANYWHERE = new Set<Subcommand>([helpSubcommand]);

/** `/customer-check`: acked at once (Slack allows 3 s), then answered ephemerally, so it never adds channel noise. */
export function customerCheck(deps: AppDeps) {
  return async ({ command, ack, client, respond }: Args): Promise<void> => {
    await ack();
    const text = command.text.trim();
    const reply = (message: string) => respond({ response_type: 'ephemeral', text: message });
    if (text.length > MAX_COMMAND_TEXT) {
      await reply(
        `That is ${text.length.toLocaleString('en-US')} characters; \`${command.command}\` takes up to ${MAX_COMMAND_TEXT.toLocaleString('en-US')}. Nothing was stored.`,
      );
      return;
    }
    const [word = ''] = text.split(/\s+/, 1);
    const named = Object.hasOwn(SUBCOMMANDS, word.toLowerCase()) ? SUBCOMMANDS[word.toLowerCase()] : undefined;
    const subcommand = named ?? (text === '' ? logDecision : checkDraft);
    const rest = named === undefined ? text : text.slice(word.length).trim();

    if (ANYWHERE.has(subcommand)) {
      await subcommand({
        deps,
        command,
        text: rest,
        channel: { id: command.channel_id, name: command.channel_name, isPrivate: false },
        client,
        respond,
      });
      return;
    }
    const access = await checkChannelAccess(client, command.channel_id, command.command);
    if (!access.ok) {
      await reply(access.reason);
      return;
    }
    deps.logger.info(
      { channel: command.channel_id, subcommand: named === undefined ? 'draft' : word.toLowerCase() },
      'command',
    );
    await subcommand({ deps, command, text: rest, channel: access.channel, client, respond });
  };
}
