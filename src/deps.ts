import type { webApi } from '@slack/bolt';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { MessageDetector } from './detect/message-detector.js';
import type { Logger } from './logger.js';
import type { PromptLibrary } from './prompts/load.js';
import type { Store } from './store/store.js';

/** Everything the app reaches outside itself; `createApp` gets these and reads nothing global. */
export interface AppDeps {
  config: Config;
  store: Store;
  prompts: PromptLibrary;
  clock: Clock;
  logger: Logger;
  /** Reads messages, edits and drafts; the offline detector, or an LLM that falls back to it. */
  detector: MessageDetector;
  /** Ack only after the listener finished; tests set it so a response means the work is done. */
  processBeforeResponse?: boolean;
  /** Overrides for the Web API client, e.g. no retries in tests. */
  clientOptions?: webApi.WebClientOptions;
}
