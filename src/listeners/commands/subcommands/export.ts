import type { webApi } from '@slack/bolt';
import { decisionsCsv, exportFileName, utcDay } from '../../../export/decisions-csv.js';
import { slackErrorCode } from '../../../slack/errors.js';
import type { CommandChannel, Subcommand } from '../subcommand.js';

interface CsvFile {
  filename: string;
  title: string;
  content: string;
  initialComment: string;
}

/** Opens the requester's DM and shares the file there only; throws Slack's error when either step fails. */
async function uploadToDirectMessage(client: webApi.WebClient, userId: string, file: CsvFile): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const dm = opened.channel?.id;
  if (dm === undefined) throw new Error('conversations.open returned no channel');
  await client.filesUploadV2({
    channel_id: dm,
    filename: file.filename,
    title: file.title,
    content: file.content,
    initial_comment: file.initialComment,
  });
}

function decisionCount(count: number): string {
  return `${count.toLocaleString('en-US')} decision${count === 1 ? '' : 's'}`;
}

function uploadFailedText(code: string, channel: CommandChannel): string {
  // An install from before the export existed lacks these scopes; retrying cannot help, reinstalling does.
  if (code === 'missing_scope') {
    return `:warning: I could not send you the export of #${channel.name}: Slack answered \`missing_scope\`. I need the \`im:write\` and \`files:write\` permissions; ask a workspace admin to reinstall the app from its manifest.`;
  }
  return `:warning: I could not send you the export of #${channel.name}: Slack answered \`${code}\`. No file was shared; please try again in a moment.`;
}

/** `export`: the channel's decisions as CSV, shared in the requester's DM so the list reaches no one else. */
export const exportDecisions: Subcommand = async ({ deps, command, text, channel, client, respond }) => {
  const reply = (message: string) => respond({ response_type: 'ephemeral', text: message });
  if (text !== '') {
    await reply(`\`${command.command} export\` takes no arguments. Nothing was sent.`);
    return;
  }
  const decisions = deps.store.decisions.listAllInChannel(command.team_id, channel.id);
  if (decisions.length === 0) {
    await reply(`No decisions recorded in #${channel.name} yet, so there is nothing to export.`);
    return;
  }
  const now = deps.clock.now();
  const file: CsvFile = {
    filename: exportFileName(channel.name, now),
    title: `Decisions in #${channel.name}, ${utcDay(now)}`,
    content: decisionsCsv(decisions, channel.name),
    initialComment: `${decisionCount(decisions.length)} recorded in <#${channel.id}>, oldest first. Times are UTC.`,
  };
  const log = deps.logger.child({ channel: channel.id, rows: decisions.length });
  try {
    await uploadToDirectMessage(client, command.user_id, file);
  } catch (error) {
    const code = slackErrorCode(error);
    log.warn({ error: code }, 'could not send the export');
    await reply(uploadFailedText(code, channel));
    return;
  }
  log.info('decisions exported');
  await reply(
    `:inbox_tray: Sent ${decisionCount(decisions.length)} to you in a DM: \`${file.filename}\`, every decision recorded in #${channel.name}.`,
  );
};
