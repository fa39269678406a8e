import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { App } from '@slack/bolt';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { type MessageDetector, offlineDetector } from '../../src/detect/message-detector.js';
import { createDigestRunner, type DigestRunner } from '../../src/digest/digest-runner.js';
import { type SlackRequestTarget, sendCommand } from '../../src/emulator/slack-requests.js';
import {
  DEFAULT_BOT_USER_ID,
  DEFAULT_TEAM_ID,
  type FakeChannel,
  FakeSlackApi,
  RESPONSE_URL_METHOD,
} from '../../src/emulator/slack-web-api.js';
import { createLogger } from '../../src/logger.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompts/load.js';
import { openStore, type Store } from '../../src/store/store.js';
import { TestClock } from './test-clock.js';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEAM_ID = DEFAULT_TEAM_ID;
export const BOT_USER_ID = DEFAULT_BOT_USER_ID;

/** The workspace the fake knows by default: the bot is in #product, #growth and the private #board. */
export const DEFAULT_CHANNELS: readonly FakeChannel[] = [
  { id: 'C0PRODUCT', name: 'product', is_member: true, members: ['U0ALICE', 'U0BOB', 'U0CAROL'] },
  { id: 'C0GROWTH', name: 'growth', is_member: true, members: ['U0ALICE'] },
  { id: 'G0BOARD', name: 'board', is_private: true, is_member: true, members: ['U0CAROL'] },
  { id: 'C0RANDOM', name: 'random', is_member: false, members: ['U0ALICE', 'U0BOB'] },
];

export interface Harness {
  app: App;
  fake: FakeSlackApi;
  store: Store;
  clock: TestClock;
  target: SlackRequestTarget;
  baseUrl: string;
  databasePath: string;
  /** The weekly digest runner, on the harness clock's terms: call `runDue(clock.now())` or drive it by a scheduler. */
  digests: DigestRunner;
  /** Runs `/customer-check <text>` and returns what the app answered through the response_url. */
  command(
    text: string,
    fields?: { user?: string; channel?: string; triggerId?: string },
  ): Promise<Record<string, unknown>[]>;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  env?: Record<string, string>;
  channels?: FakeChannel[];
  /** Defaults to the offline detector. */
  detector?: MessageDetector;
}

/** The real app over HTTP on a free port, a fake Slack Web API on loopback and a real SQLite file in a temp dir. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeSlackApi.start({ channels: [...(options.channels ?? DEFAULT_CHANNELS)] });
  const dir = mkdtempSync(join(tmpdir(), 'empty-chair-e2e-'));
  const databasePath = join(dir, 'empty-chair.db');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.url,
    DATABASE_PATH: databasePath,
    LOG_LEVEL: 'debug',
    PROMPT_COOLDOWN_MINUTES: '0',
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') logs.push(JSON.parse(line));
      done();
    },
  });
  const store = openStore(databasePath);
  const clock = new TestClock();
  const prompts = loadPromptLibrary(
    config.promptsDir === undefined ? [BUILT_IN_PROMPTS_DIR] : [BUILT_IN_PROMPTS_DIR, config.promptsDir],
  );
  const deps = {
    config,
    store,
    prompts,
    clock,
    logger: createLogger(config.logLevel, sink),
    detector: options.detector ?? offlineDetector,
    processBeforeResponse: true,
    clientOptions: { retryConfig: { retries: 0 } },
  };
  const app = createApp(deps);
  await app.init();
  const server = (await app.start(0)) as Server;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    fake,
    store,
    clock,
    target: { url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET },
    baseUrl,
    databasePath,
    digests: createDigestRunner(deps, app.client, TEAM_ID, 'harness'),
    logs,
    async command(text, fields = {}) {
      const before = fake.callsTo(RESPONSE_URL_METHOD).length;
      const response = await sendCommand(
        { url: `${baseUrl}/slack/events`, signingSecret: SIGNING_SECRET },
        {
          command: '/customer-check',
          text,
          user_id: fields.user ?? 'U0ALICE',
          channel_id: fields.channel ?? 'C0PRODUCT',
          response_url: fake.responseUrl,
          ...(fields.triggerId === undefined ? {} : { trigger_id: fields.triggerId }),
        },
      );
      if (response.status !== 200) throw new Error(`command answered ${response.status}: ${response.body}`);
      return fake
        .callsTo(RESPONSE_URL_METHOD)
        .slice(before)
        .map((call) => call.args);
    },
    async close() {
      await app.stop();
      store.close();
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let nextTs = 1_763_900_000;
/** A fresh Slack message ts, unique within the test run. */
export function messageTs(): string {
  nextTs += 1;
  return `${nextTs}.000200`;
}

export function channelMessage(fields: {
  text: string;
  channel?: string;
  user?: string;
  ts?: string;
  thread_ts?: string;
  subtype?: string;
  [key: string]: unknown;
}): Record<string, unknown> {
  const ts = fields.ts ?? messageTs();
  return {
    type: 'message',
    channel: 'C0PRODUCT',
    channel_type: 'channel',
    user: 'U0ALICE',
    ts,
    event_ts: ts,
    team: TEAM_ID,
    ...fields,
  };
}
