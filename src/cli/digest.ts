import { randomUUID } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { webApi } from '@slack/bolt';
import { type CliConfig, loadCliConfig } from '../config.js';
import { buildDigest, type DigestChannel } from '../digest/build-digest.js';
import { DigestInputs } from '../digest/digest-input.js';
import { type ChannelPost, CLAIM_LEASE_MS, createDigestRunner } from '../digest/digest-runner.js';
import { digestText } from '../digest/digest-text.js';
import { renderPng } from '../digest/render-png.js';
import { trendChartSvg } from '../digest/trend-chart.js';
import { createLogger, type Logger, toBoltLogger } from '../logger.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../prompts/load.js';
import { slackErrorCode } from '../slack/errors.js';
import { type SlackChannel, workspaceChannels } from '../slack/viewer-channels.js';
import { isoWeekKey, parseIsoWeek } from '../stats/week-ranges.js';
import type { DigestDelivery } from '../store/digest-deliveries.js';
import { openStore, type Store } from '../store/store.js';
import { CliError } from './cli-error.js';
import { type ChannelArg, parseDigestArgs } from './digest-args.js';

export interface DigestCommandIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  /** Log lines go here, so stdout is only the digest. */
  stderr: NodeJS.WritableStream;
  /** Where the person ran the command; --out is read from here. */
  cwd: string;
  now: number;
}

interface Workspace {
  client: webApi.WebClient;
  channels: ReadonlyMap<string, SlackChannel>;
}

/** "23 Nov 2026, 09:00 Europe/Berlin": in the zone the weeks are read in, so it lines up with the week printed. */
function when(instant: number, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return `${format.format(instant)} ${timeZone}`;
}

const label = (channel: DigestChannel) => (channel.name === channel.id ? channel.id : `#${channel.name}`);

const named = ({ id, name }: SlackChannel): DigestChannel => ({ id, name });

function outDirectory(out: string, cwd: string): string {
  const dir = resolve(cwd, out);
  if (statSync(dir, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new CliError(`--out ${out} is not a directory: create it first, or leave --out off for the current one`);
  }
  return dir;
}

function openExisting(path: string): Store {
  // Opening creates a missing file, so a mistyped path would leave an empty database behind and report a quiet week.
  if (statSync(path, { throwIfNoEntry: false })?.isFile() !== true) {
    const where = resolve(path) === path ? path : `${path} (${resolve(path)})`;
    throw new CliError(
      `DATABASE_PATH ${where} is not a file: set DATABASE_PATH to the bot's database, e.g. DATABASE_PATH=./data/empty-chair.db`,
    );
  }
  try {
    return openStore(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`DATABASE_PATH ${path} could not be opened as the bot's database (${reason})`);
  }
}

/** The one workspace to digest; undefined when the database has no decisions at all. */
function chooseTeam(teams: readonly string[], asked: string | undefined, path: string): string | undefined {
  if (asked !== undefined) {
    if (teams.includes(asked)) return asked;
    const found = teams.length === 0 ? 'it has none yet' : `it has decisions for ${teams.join(', ')}`;
    throw new CliError(`--team ${asked}: DATABASE_PATH ${path} has no decisions for that workspace; ${found}`);
  }
  if (teams.length > 1) {
    throw new CliError(
      `DATABASE_PATH ${path} holds ${teams.length} workspaces (${teams.join(', ')}): choose one with --team, e.g. --team ${teams[0]}`,
    );
  }
  return teams[0];
}

async function readWorkspace(config: CliConfig, token: string, teamId: string, logger: Logger): Promise<Workspace> {
  const client = new webApi.WebClient(token, {
    slackApiUrl: config.slackApiUrl,
    timeout: 10_000,
    // Someone is waiting at a terminal: a few quick retries, not the client's default of half an hour.
    retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 },
    logger: toBoltLogger(logger),
  });
  let tokenTeam: string | undefined;
  try {
    tokenTeam = (await client.auth.test()).team_id;
  } catch (error) {
    throw new Error(`Slack at SLACK_API_URL ${config.slackApiUrl} refused SLACK_BOT_TOKEN (${slackErrorCode(error)})`);
  }
  // Names, privacy and the post itself must come from the workspace the decisions were made in.
  if (tokenTeam !== teamId) {
    throw new CliError(`SLACK_BOT_TOKEN is for workspace ${tokenTeam}, not ${teamId}: use the token of the bot there`);
  }
  const channels = await workspaceChannels(client);
  return { client, channels: new Map(channels.map((channel) => [channel.id, channel])) };
}

function askedChannel(asked: ChannelArg, workspace: Workspace | undefined): DigestChannel {
  if (asked.kind === 'id') return { id: asked.id, name: workspace?.channels.get(asked.id)?.name ?? asked.id };
  const found = [...(workspace?.channels.values() ?? [])].find((channel) => channel.name === asked.name);
  if (found === undefined) {
    throw new CliError(
      `--channel #${asked.name}: the bot sees no channel by that name (archived ones, and private ones it is not in, are hidden); check the name, or pass the channel id (C…)`,
    );
  }
  return named(found);
}

/** What the ledger already had for the week; only a digest that is in Slack, or on its way, counts as done. */
function recordedLine(delivery: DigestDelivery | undefined, where: string, timeZone: string) {
  switch (delivery?.status) {
    case 'sent':
      return {
        ok: true,
        line: `Already posted in ${where} on ${when(delivery.updatedAt, timeZone)} (message ts ${delivery.messageTs}); not posted again.`,
      };
    case 'claimed':
    case undefined:
      return { ok: true, line: `Not posted again: another run is posting it in ${where}.` };
    case 'quiet':
      return {
        ok: false,
        line: `Not posted: this week was recorded as quiet for ${where} on ${when(delivery.updatedAt, timeZone)}.`,
      };
    case 'failed':
      return {
        ok: false,
        line: `Not posted: Slack refused it on ${when(delivery.updatedAt, timeZone)} (${delivery.error}); the week is not retried.`,
      };
  }
}

function postLine({ outcome, delivery }: ChannelPost, where: string, timeZone: string): { ok: boolean; line: string } {
  switch (outcome) {
    case 'sent':
      return { ok: true, line: `Posted in ${where} (message ts ${delivery?.messageTs}).` };
    case 'taken':
      return recordedLine(delivery, where, timeZone);
    case 'quiet':
      return { ok: true, line: `Not posted: ${where} has no decisions in this week any more.` };
    case 'failed':
      return { ok: false, line: `Not posted: Slack refused it (${delivery?.error}); the week is not retried.` };
    case 'retry':
      return { ok: false, line: 'Not posted: Slack was rate limiting; nothing is recorded, so run it again shortly.' };
    case 'unknown':
      return {
        ok: false,
        line: `Slack did not confirm the post in ${where}: the running bot looks for it there in ${CLAIM_LEASE_MS / 60_000} minutes and posts it if it is missing.`,
      };
    case 'digests-off':
      return { ok: false, line: `Not posted: digests are off in ${where} (its channel settings).` };
    case 'not-in-channel':
      return { ok: false, line: `Not posted: the bot is not in ${where}; invite it there first.` };
  }
}

/**
 * `empty-chair digest`: prints a week's channel digests and writes their charts; with --post, posts them through the
 * scheduler's exactly-once ledger. Whatever can be checked without the database is checked before it is opened, and
 * nothing is written to it but the ledger rows of --post.
 */
export async function runDigest(argv: readonly string[], io: DigestCommandIo): Promise<number> {
  const args = parseDigestArgs(argv);
  const config = loadCliConfig(io.env);
  const token = config.slackBotToken;
  const timeZone = config.digestTimeZone;
  const week = parseIsoWeek(args.week, timeZone);
  const period = isoWeekKey(week, timeZone);
  if (args.post && token === undefined) {
    throw new CliError("--post needs SLACK_BOT_TOKEN: set it to the app's Bot User OAuth Token (xoxb-…)");
  }
  if (args.post && week.end > io.now) {
    // Its ledger row would stop the scheduler posting the whole week once it is over.
    throw new CliError(
      `${period} is not over until ${when(week.end, timeZone)}: --post posts finished weeks only; leave it off to preview`,
    );
  }
  if (args.channel?.kind === 'name' && token === undefined) {
    throw new CliError(
      `--channel #${args.channel.name} is a name, and names are looked up in Slack: set SLACK_BOT_TOKEN, or pass the channel id (C…)`,
    );
  }
  const outDir = outDirectory(args.out, io.cwd);
  const prompts = loadPromptLibrary(
    config.promptsDir === undefined ? [BUILT_IN_PROMPTS_DIR] : [BUILT_IN_PROMPTS_DIR, config.promptsDir],
  );
  const print = (text: string) => io.stdout.write(`${text}\n`);

  const store = openExisting(config.databasePath);
  try {
    const teamId = chooseTeam(store.decisions.teams(), args.team, config.databasePath);
    if (teamId === undefined) {
      print(`No decisions are recorded in ${config.databasePath} yet, so there is no digest.`);
      return 0;
    }
    const logger = createLogger(config.logLevel, io.stderr);
    const workspace = token === undefined ? undefined : await readWorkspace(config, token, teamId, logger);
    const runner =
      args.post && workspace !== undefined && token !== undefined
        ? createDigestRunner(
            { config: { ...config, slackBotToken: token }, store, prompts, logger },
            workspace.client,
            teamId,
            `cli:${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          )
        : undefined;

    let channels: DigestChannel[];
    if (args.channel === undefined) {
      const withDecisions = store.decisions.channelsWithDecisions(teamId, week);
      const off = withDecisions.filter((id) => !store.channels.get(teamId, id, io.now).digestEnabled);
      if (off.length > 0) print(`Digests are off in ${off.join(', ')}; pass --channel to see one anyway.`);
      channels = withDecisions
        .filter((id) => !off.includes(id))
        .map((id) => ({ id, name: workspace?.channels.get(id)?.name ?? id }));
      if (channels.length === 0) {
        print(`No channel has decisions in ${period} (weeks in ${timeZone}) with digests on, so there is no digest.`);
        return 0;
      }
    } else {
      channels = [askedChannel(args.channel, workspace)];
    }

    // As in the posted digest: any public channel may be named as the one that improved most, a private one only in
    // its own digest. Without a token privacy is unknown, so only the channel itself is compared.
    const publicChannels = [...(workspace?.channels.values() ?? [])].filter((each) => !each.isPrivate).map(named);
    const inputs = new DigestInputs(store);
    let allOk = true;
    for (const [index, channel] of channels.entries()) {
      if (index > 0) print('');
      const digest = buildDigest(
        inputs.read({
          teamId,
          audience: { kind: 'channel', channel },
          week,
          period,
          timeZone,
          visibleChannels: publicChannels,
        }),
      );
      if (digest === null) {
        print(`${label(channel)}: no decisions in ${period} (weeks in ${timeZone}), so there is no digest.`);
        continue;
      }
      const asked = digest.mostAskedPromptId === null ? undefined : prompts.byId(digest.mostAskedPromptId);
      io.stdout.write(digestText(digest, asked?.text ?? null));
      const file = join(outDir, `empty-chair-digest-${period}-${channel.id}.png`);
      writeFileSync(file, renderPng(trendChartSvg(digest.trend, digest.timeZone)));
      print(`Chart: ${file}`);
      if (runner !== undefined) {
        const posted = await runner.postChannelDigest(channel.id, period, io.now);
        const { ok, line } = postLine(posted, label(channel), timeZone);
        print(line);
        allOk &&= ok;
      }
    }
    return allOk ? 0 : 1;
  } finally {
    store.close();
  }
}
