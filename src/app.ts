import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { AppDeps } from './deps.js';
import { registerListeners } from './listeners/index.js';
import { toBoltLogger } from './logger.js';
import { oncePerEvent } from './middleware/once-per-event.js';
import { slackErrorCode } from './slack/errors.js';

export const EVENTS_PATH = '/slack/events';
export const HEALTH_PATH = '/healthz';
/** Slack's payloads are small; a larger body is not from Slack and is refused before parsing. */
const BODY_LIMIT_BYTES = 1024 * 1024;

function createReceiver(deps: AppDeps): Receiver {
  const { config, logger, store } = deps;
  const boltLogger = toBoltLogger(logger);
  if (config.slackAppToken !== undefined) {
    return new SocketModeReceiver({ appToken: config.slackAppToken, logger: boltLogger });
  }
  return new HTTPReceiver({
    signingSecret: config.slackSigningSecret ?? '',
    endpoints: EVENTS_PATH,
    processBeforeResponse: deps.processBeforeResponse ?? false,
    logger: boltLogger,
    bodyLimit: BODY_LIMIT_BYTES,
    customRoutes: [
      {
        path: HEALTH_PATH,
        method: ['GET'],
        handler: (_req, res) => {
          const healthy = store.db.open;
          res.writeHead(healthy ? 200 : 503, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: healthy }));
        },
      },
    ],
  });
}

/** Builds the Bolt app from its dependencies; `await app.init()` (checks the token) and starting it are the caller's. */
export function createApp(deps: AppDeps): App {
  const { config, logger } = deps;
  const app = new App({
    token: config.slackBotToken,
    receiver: createReceiver(deps),
    logger: toBoltLogger(logger),
    // The token is checked in `app.init()`, where the caller can turn a rejection into a clear exit.
    deferInitialization: true,
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      timeout: 10_000,
      retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 },
      ...deps.clientOptions,
    },
  });
  app.use(oncePerEvent(deps));
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error({ error: slackErrorCode(error.original ?? error), code: error.code }, 'unhandled listener error');
  });
  return app;
}
