import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../src/digest/post-digest.js';
import { FakeSlackApi, type RecordedCall } from '../../src/emulator/slack-web-api.js';
import { completedWeeks, isoWeekKey } from '../../src/stats/week-ranges.js';
import { openStore } from '../../src/store/store.js';
import { type Finished, freePort, printed, runNpm, signalGroup } from '../support/processes.js';
import { seedDecision } from '../support/seed-decision.js';

const TEAM_ID = 'T0FAKETEAM';
const TARGET = { teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' } as const;

/**
 * Real bot processes (`npm start`) on one SQLite file, killed with SIGKILL at the worst moments. The bot runs on the
 * real clock, so the week is last week, and DIGEST_CRON fires every minute: last week's digest is due at once.
 */
describe('digest delivery across crashes and processes', () => {
  let dir: string;
  let databasePath: string;
  let fake: FakeSlackApi;
  let period: string;
  const running: ReturnType<typeof runNpm>[] = [];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-once-'));
    databasePath = join(dir, 'empty-chair.db');
    fake = await FakeSlackApi.start({ channels: [{ id: 'C0PRODUCT', name: 'product', is_member: true }] });
    const now = Date.now();
    const [lastWeek] = completedWeeks(now, 'UTC', 1);
    if (lastWeek === undefined) throw new Error('no week');
    period = isoWeekKey(lastWeek, 'UTC');
    const store = openStore(databasePath);
    store.scheduler.firstValue('digest_epoch', lastWeek.start);
    seedDecision(store, { teamId: TEAM_ID, channelId: 'C0PRODUCT', createdAt: lastWeek.start + 3_600_000 });
    store.close();
  });

  afterEach(async () => {
    for (const { child, finished } of running.splice(0)) {
      if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGKILL');
      await finished;
    }
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startBot() {
    const port = await freePort();
    const bot = runNpm(['start', '--silent'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        npm_config_cache: process.env.npm_config_cache,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
        SLACK_APP_TOKEN: '',
        SLACK_API_URL: fake.url,
        DATABASE_PATH: databasePath,
        PORT: String(port),
        LOG_LEVEL: 'debug',
        DIGEST_CRON: '* * * * *',
        DIGEST_TZ: 'UTC',
      },
    });
    running.push(bot);
    return bot;
  }

  function delivery() {
    const store = openStore(databasePath);
    try {
      return store.deliveries.get(TARGET, period);
    } finally {
      store.close();
    }
  }

  /** What another process sees once the lease of a dead claimant has run out. */
  function expireLeases() {
    const store = openStore(databasePath);
    store.db.prepare("UPDATE digest_deliveries SET lease_until = 0 WHERE status = 'claimed'").run();
    store.close();
  }

  async function killed(bot: { child: ChildProcess; finished: Promise<Finished> }) {
    signalGroup(bot.child, 'SIGKILL');
    await bot.finished;
  }

  async function untilSent(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (delivery()?.status !== 'sent') {
      if (Date.now() > deadline) throw new Error(`not sent: ${JSON.stringify(delivery())}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return delivery();
  }

  const digestPosts = (): RecordedCall[] =>
    fake
      .callsTo('chat.postMessage')
      .filter((call) => (call.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT_TYPE);

  it('posts once when the process dies after claiming and before posting', async () => {
    const upload = fake.hold('files.getUploadURLExternal');
    const first = await startBot();
    await upload.arrived;
    expect(delivery()).toMatchObject({ status: 'claimed', destination: 'C0PRODUCT' });
    await killed(first);
    expect(digestPosts()).toEqual([]);

    expireLeases();
    const second = await startBot();
    const sent = await untilSent();
    expect(digestPosts()).toHaveLength(1);
    expect(sent?.messageTs).toBe(fake.messagesIn('C0PRODUCT')[0]?.ts);
    upload.release();
    await killed(second);
  }, 60_000);

  it('does not post again when the process dies after posting and before marking it sent', async () => {
    const post = fake.hold('chat.postMessage');
    const first = await startBot();
    await post.arrived;
    await killed(first);
    expect(delivery()).toMatchObject({ status: 'claimed', messageTs: null });

    expireLeases();
    const second = await startBot();
    const sent = await untilSent();
    // The restarted bot found its lost post by the metadata key in the channel's history, and posted nothing.
    expect(fake.callsTo('conversations.history').length).toBeGreaterThan(0);
    expect(digestPosts()).toHaveLength(1);
    expect(sent?.messageTs).toBe(fake.messagesIn('C0PRODUCT')[0]?.ts);
    post.release();
    await killed(second);
  }, 60_000);

  it('posts once when two processes share one database', async () => {
    const bots = [await startBot(), await startBot()];
    await untilSent();
    // Both have finished their catch-up run before we count.
    for (const bot of bots) await printed(bot, 'digest run finished');
    expect(digestPosts()).toHaveLength(1);
    for (const bot of bots) await killed(bot);
  }, 60_000);
});
