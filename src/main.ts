import { createApp } from './app.js';
import { systemClock } from './clock.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary, PromptFileError } from './prompts/load.js';
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
  const app = createApp({ config, store, prompts, clock: systemClock, logger });
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
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    try {
      await app.stop();
    } finally {
      store.close();
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  if (config.slackAppToken === undefined) {
    await app.start(config.port);
    logger.info({ mode: 'http', port: config.port, prompts: prompts.prompts.length }, 'empty-chair is running');
  } else {
    await app.start();
    logger.info({ mode: 'socket', prompts: prompts.prompts.length }, 'empty-chair is running');
  }
  await joinConfiguredChannels(app.client, config.channels, logger);
}

main().catch((error: unknown) => {
  process.stderr.write(`empty-chair: could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
