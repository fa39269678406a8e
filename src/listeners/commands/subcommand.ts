import type { RespondFn, SlashCommand, webApi } from '@slack/bolt';
import type { AppDeps } from '../../deps.js';

/** Where a command was run, checked before any subcommand sees it: the bot is a member and can read it. */
export interface CommandChannel {
  id: string;
  name: string;
  isPrivate: boolean;
}

export interface SubcommandArgs {
  deps: AppDeps;
  command: SlashCommand;
  /** The text after the subcommand's word, trimmed; for a draft check, the whole text. */
  text: string;
  channel: CommandChannel;
  client: webApi.WebClient;
  /** Answers through the command's response_url; every answer is ephemeral unless it says otherwise. */
  respond: RespondFn;
}

/** One `/customer-check` subcommand. The command is already acked; answer with `respond` or a modal. */
export type Subcommand = (args: SubcommandArgs) => Promise<void>;
