import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../../src/emulator/slack-web-api.js';
import { freePort, printed, runNpm, signalGroup } from '../support/processes.js';

/** A clean environment: only what a person would set, nothing inherited that could change the outcome. */
function env(vars: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    npm_config_cache: process.env.npm_config_cache,
    SLACK_BOT_TOKEN: '',
    SLACK_SIGNING_SECRET: '',
    SLACK_APP_TOKEN: '',
    ...vars,
  };
}

describe('npm start', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'empty-chair-start-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('exits 2 naming the missing token and how to get it', async () => {
    const { finished } = runNpm(['start', '--silent'], { env: env({ DATABASE_PATH: join(dir, 'x.db') }) });
    const { code, stderr } = await finished;
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN is missing');
    expect(stderr).toContain('xoxb-');
  });

  it('exits 2 naming the file, line and field of a bad prompt file, before touching the database', async () => {
    writeFileSync(
      join(dir, 'team.yml'),
      'questions:\n  - id: ours\n    text: What would our biggest customer say?\n    source: Team\n    fits: [pricey]\n',
    );
    const { finished } = runNpm(['start', '--silent'], {
      env: env({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PROMPTS_DIR: dir,
        DATABASE_PATH: join(dir, 'db', 'x.db'),
      }),
    });
    const { code, stderr } = await finished;
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'team.yml')}:5`);
    expect(stderr).toContain('questions[0].fits[0]');
  });

  it('exits 2 when Slack rejects the bot token', async () => {
    const fake = await FakeSlackApi.start();
    try {
      fake.failNext('auth.test', { error: 'invalid_auth' });
      const { finished } = runNpm(['start', '--silent'], {
        env: env({
          SLACK_BOT_TOKEN: 'xoxb-revoked',
          SLACK_SIGNING_SECRET: 's',
          SLACK_API_URL: fake.url,
          PORT: String(await freePort()),
          DATABASE_PATH: join(dir, 'x.db'),
        }),
      });
      const { code, stderr } = await finished;
      expect(code).toBe(2);
      expect(stderr).toContain('Slack rejected SLACK_BOT_TOKEN (invalid_auth)');
    } finally {
      await fake.close();
    }
  });

  it('serves HTTP on PORT with /healthz, joins CHANNELS, and stops cleanly on SIGTERM', async () => {
    const fake = await FakeSlackApi.start({ channels: [{ id: 'C0PRODUCT', name: 'product' }] });
    try {
      const port = await freePort();
      const bot = runNpm(['start', '--silent'], {
        env: env({
          SLACK_BOT_TOKEN: 'xoxb-1',
          SLACK_SIGNING_SECRET: 'secret',
          SLACK_API_URL: fake.url,
          PORT: String(port),
          DATABASE_PATH: join(dir, 'data', 'empty-chair.db'),
          CHANNELS: '#product',
          LOG_LEVEL: 'info',
        }),
      });
      const { child, finished } = bot;
      const joined = await fake.waitForCall('conversations.join', undefined, 10_000);
      await printed(bot, 'digests scheduled');
      expect(joined.args.channel).toBe('C0PRODUCT');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      const unsigned = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
      expect(unsigned.status).toBe(401);
      signalGroup(child, 'SIGTERM');
      const { stdout, stderr } = await finished;
      expect(stderr).toBe('');
      const messages = stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { msg: string; component?: string })
        .filter((line) => line.component !== 'bolt')
        .map((line) => line.msg);
      expect(messages).toEqual([
        'empty-chair is running',
        'joined the channels in CHANNELS',
        'digests scheduled',
        'stopping',
      ]);
    } finally {
      await fake.close();
    }
  });
});
