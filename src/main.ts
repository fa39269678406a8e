import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { createLlmDetector } from './detect/llm-detector.js';
import { offlineDetector } from './detect/message-detector.js';
import { createDigestRunner } from './digest/digest-runner.js';
import { createLogger } from './logger.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from './prompts/load.js';
import { type DigestScheduler, nodeCronSchedule, startDigestScheduler } from './scheduler.js';
import { slackErrorCode } from './slack/errors.js';
import { joinConfiguredChannels } from './slack/join-channels.js';
import { openStore } from './store/store.js';

/** Bad configuration, the usual Unix code for "you called me wrong". */
const EXIT_BAD_CONFIG = 2;
const REJECTED_TOKEN = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

function fail(message: string): never {
  process.stderr.write(`empty-chair: ${message}\n`);
  process.exit(EXIT_BAD_CONFIG);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let prompts: ReturnType<typeof loadPromptLibrary>;
  try {
    config = loadConfig(process.env);
    prompts = loadPromptLibrary(
      config.promptsDir === undefined ? [BUILT_IN_PROMPTS_DIR] : [BUILT_IN_PROMPTS_DIR, config.promptsDir],
    );
  } catch (error) {
    if (error instanceof ConfigError || error instanceof PromptFileError) fail(error.message);
    throw error;
  }

  const logger = createLogger(config.logLevel);
  const store = openStore(config.databasePath);
  store.events.prune(systemClock.now());
  const detector =
    config.detector.kind === 'llm'
      ? createLlmDetector({
          baseUrl: config.detector.baseUrl,
          model: config.detector.model,
          apiKey: config.detector.apiKey,
          logger,
        })
      : offlineDetector;
  const app = createApp({ config, store, prompts, clock: systemClock, logger, detector });
  try {
    await app.init();
  } catch (error) {
    store.close();
    const code = slackErrorCode(error);
    if (REJECTED_TOKEN.has(code))
      fail(`Slack rejected SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again.`);
    throw new Error(`could not reach Slack at SLACK_API_URL ${config.slackApiUrl} (${code})`);
  }

  let stopping = false;
  let scheduler: DigestScheduler | undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await scheduler?.stop();
      await app.stop();
    } finally {
      store.close();
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  const running = { prompts: prompts.prompts.length, detector: config.detector.kind };
  if (config.slackAppToken === undefined) {
    await app.start(config.port);
    logger.info({ mode: 'http', port: config.port, ...running }, 'empty-chair is running');
  } else {
    await app.start();
    logger.info({ mode: 'socket', ...running }, 'empty-chair is running');
  }
  await joinConfiguredChannels(app.client, config.channels, logger);

  const { team_id: teamId } = await app.client.auth.test();
  if (teamId === undefined) throw new Error('auth.test returned no team_id');
  const claimant = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  scheduler = startDigestScheduler({
    runner: createDigestRunner({ config, store, prompts, logger }, app.client, teamId, claimant),
    clock: systemClock,
    logger,
    schedule: nodeCronSchedule,
    channelCron: config.digestCron,
    channelTimeZone: config.digestTimeZone,
  });
  logger.info({ cron: config.digestCron, timeZone: config.digestTimeZone }, 'digests scheduled');
}

main().catch((error: unknown) => {
  process.stderr.write(`empty-chair: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
