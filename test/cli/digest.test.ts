import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../src/digest/post-digest.js';
import {
  DEFAULT_TEAM_ID,
  type FakeChannel,
  FakeSlackApi,
  type RecordedCall,
} from '../../src/emulator/slack-web-api.js';
import type { DecisionStatus } from '../../src/store/decisions.js';
import type { Store } from '../../src/store/store.js';
import { type Finished, PROJECT_ROOT, runNpm } from '../support/processes.js';
import { seedDecision } from '../support/seed-decision.js';
import { withStoreAt } from '../support/store-file.js';

const TEAM_ID = DEFAULT_TEAM_ID;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: FakeChannel[] = [
  { id: 'C0PRODUCT', name: 'product', is_member: true },
  { id: 'C0GROWTH', name: 'growth', is_member: true },
  { id: 'C0RANDOM', name: 'random', is_member: false },
];
const at = (iso: string) => Date.parse(iso);

let dir: string;
let databasePath: string;
let out: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'empty-chair-cli-digest-'));
  databasePath = join(dir, 'empty-chair.db');
  out = join(dir, 'out');
  mkdirSync(out);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function seed(
  channelId: string,
  createdAt: number,
  fields: { summary?: string; status?: DecisionStatus; teamId?: string } = {},
): void {
  withStoreAt(databasePath, (store) =>
    seedDecision(store, { ...fields, teamId: fields.teamId ?? TEAM_ID, channelId, createdAt }),
  );
}

const withStore = <T>(read: (store: Store) => T): T => withStoreAt(databasePath, read);

// Blanks out whatever the developer's shell has, so only what a test sets counts.
const baseEnv = () => ({
  DATABASE_PATH: databasePath,
  DIGEST_TZ: 'UTC',
  SLACK_BOT_TOKEN: '',
  SLACK_API_URL: 'https://slack.com/api/',
  LOG_LEVEL: 'warn',
  PROMPTS_DIR: '',
  DIGEST_CRON: '',
});

function digest(args: readonly string[], env: Record<string, string> = {}): Promise<Finished> {
  const { finished } = runNpm(['run', '--silent', 'empty-chair', '--', 'digest', ...args], {
    env: { ...baseEnv(), ...env },
  });
  return finished;
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('empty-chair digest', { timeout: 30_000 }, () => {
  it('prints a past week read in DIGEST_TZ and writes its chart as a PNG into --out', async () => {
    // Monday 06:00 in Tokyo is still Sunday in UTC; Monday 01:00 a week later is Sunday afternoon in UTC.
    seed('C0PRODUCT', at('2025-11-16T21:00:00Z'), { summary: 'Decision: early Monday in Tokyo.' });
    seed('C0PRODUCT', at('2025-11-18T03:00:00Z'), { summary: 'Decision: we ship bulk export.', status: 'cited' });
    seed('C0PRODUCT', at('2025-11-23T16:00:00Z'), { summary: 'Decision: next Monday in Tokyo.' });

    const tokyo = await digest(['--week', '2025-W47', '--channel', 'C0PRODUCT', '--out', out], {
      DIGEST_TZ: 'Asia/Tokyo',
    });
    expect(tokyo.stderr).toBe('');
    expect(tokyo.code).toBe(0);
    expect(tokyo.stdout).toContain('Empty chair digest: #C0PRODUCT, week of Nov 17 (2025-W47)');
    expect(tokyo.stdout).toContain('2 decisions: 1 cited customer insight');
    expect(tokyo.stdout).toContain('Decision: early Monday in Tokyo.');
    expect(tokyo.stdout).not.toContain('next Monday');

    const png = join(out, 'empty-chair-digest-2025-W47-C0PRODUCT.png');
    expect(tokyo.stdout).toContain(`Chart: ${png}`);
    const bytes = readFileSync(png);
    expect(bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([800, 400]);

    const utc = await digest(['--week', '2025-W47', '--channel', 'C0PRODUCT', '--out', out]);
    expect(utc.code).toBe(0);
    expect(utc.stdout).toContain('Decision: next Monday in Tokyo.');
    expect(utc.stdout).not.toContain('early Monday');
  });

  it('writes the chart into the directory the command was typed in when --out is left off', async () => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));
    // As a person would from elsewhere: npm moves to the project root to run the script.
    const child = spawn(
      'npm',
      ['--prefix', PROJECT_ROOT, 'run', '--silent', 'empty-chair', '--', 'digest', '--week', '2025-W47'],
      { cwd: out, env: { ...process.env, ...baseEnv() }, stdio: 'ignore' },
    );
    const [code] = await once(child, 'close');
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['empty-chair-digest-2025-W47-C0PRODUCT.png']);
  });

  it('without --channel digests each channel with decisions that week and digests on, in channel order', async () => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'), { summary: 'Decision: product drops annual plans.' });
    seed('C0GROWTH', at('2025-11-19T09:00:00Z'), { summary: 'Decision: growth tests a new price.' });
    seed('C0QUIET', at('2025-11-20T09:00:00Z'), { summary: 'Decision: quiet channel moves on.' });
    seed('C0LATER', at('2025-12-02T09:00:00Z'));
    withStore((store) =>
      store.channels.setOptions(TEAM_ID, 'C0QUIET', {
        digestEnabled: false,
        huddleCardsEnabled: true,
        cooldownMinutes: null,
      }),
    );

    const { code, stdout } = await digest(['--week', '2025-W47', '--out', out]);
    expect(code).toBe(0);
    const growth = stdout.indexOf('Empty chair digest: #C0GROWTH');
    const product = stdout.indexOf('Empty chair digest: #C0PRODUCT');
    expect(growth).toBeGreaterThanOrEqual(0);
    expect(product).toBeGreaterThan(growth);
    expect(stdout).toContain('Digests are off in C0QUIET');
    expect(stdout).not.toContain('quiet channel moves on');
    expect(readdirSync(out).sort()).toEqual([
      'empty-chair-digest-2025-W47-C0GROWTH.png',
      'empty-chair-digest-2025-W47-C0PRODUCT.png',
    ]);
  });

  it('says a quiet week has no digest, writes nothing and exits 0', async () => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));

    const all = await digest(['--week', '2025-W40', '--out', out]);
    expect(all.code).toBe(0);
    expect(all.stdout).toBe(
      'No channel has decisions in 2025-W40 (weeks in UTC) with digests on, so there is no digest.\n',
    );
    const one = await digest(['--week', '2025-W40', '--channel', 'C0PRODUCT', '--out', out]);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe('C0PRODUCT: no decisions in 2025-W40 (weeks in UTC), so there is no digest.\n');
    expect(readdirSync(out)).toEqual([]);
  });

  it.each([
    [['--week', '2026-W54'], '"2026-W54" is not a week: use YYYY-Www, e.g. 2026-W47 (2026 has 53 weeks)'],
    [['--week', 'x'], '"x" is not a week: use YYYY-Www, e.g. 2026-W47'],
    [[], '--week is missing'],
    [['--week', '2025-W47', '--week', '2025-W48'], '--week is given 2 times'],
    [['--week', '2025-W47', '--colour'], "Unknown option '--colour'"],
  ])('refuses %j with exit 2, the problem and the usage', async (args, problem) => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));
    const { code, stdout, stderr } = await digest([...args, '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`empty-chair: ${problem}`);
    expect(stderr).toContain('Usage: empty-chair');
    expect(stderr).toContain('--week');
  });

  it('refuses a missing database, naming DATABASE_PATH, and creates nothing', async () => {
    const missing = join(dir, 'typo', 'empty-chair.db');
    const { code, stdout, stderr } = await digest(['--week', '2025-W47', '--out', out], { DATABASE_PATH: missing });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`DATABASE_PATH ${missing} is not a file`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('refuses --post without SLACK_BOT_TOKEN and changes nothing stored', async () => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));
    const before = sha256(databasePath);

    const { code, stdout, stderr } = await digest(['--week', '2025-W47', '--post', '--out', out]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--post needs SLACK_BOT_TOKEN');
    expect(sha256(databasePath)).toBe(before);
    expect(readdirSync(out)).toEqual([]);
    expect(
      withStore((store) => store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' }, '2025-W47')),
    ).toBeUndefined();
  });

  it('asks for --team when the database holds several workspaces, naming them', async () => {
    seed('C0PRODUCT', at('2025-11-18T09:00:00Z'), { teamId: 'T0ONE', summary: 'Decision: team one ships.' });
    seed('C0PRODUCT', at('2025-11-18T10:00:00Z'), { teamId: 'T0TWO', summary: 'Decision: team two waits.' });

    const unsure = await digest(['--week', '2025-W47', '--out', out]);
    expect(unsure.code).toBe(2);
    expect(unsure.stderr).toContain('holds 2 workspaces (T0ONE, T0TWO): choose one with --team');
    expect(readdirSync(out)).toEqual([]);

    const unknown = await digest(['--week', '2025-W47', '--team', 'T0THREE', '--out', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('it has decisions for T0ONE, T0TWO');

    const two = await digest(['--week', '2025-W47', '--team', 'T0TWO', '--out', out]);
    expect(two.code).toBe(0);
    expect(two.stdout).toContain('team two waits');
    expect(two.stdout).not.toContain('team one ships');
  });

  describe('with Slack', () => {
    let fake: FakeSlackApi;
    beforeEach(async () => {
      fake = await FakeSlackApi.start({ channels: CHANNELS });
    });
    afterEach(async () => {
      await fake.close();
    });

    const slack = () => ({ SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_API_URL: fake.url });
    const digestPosts = (): RecordedCall[] =>
      fake
        .callsTo('chat.postMessage')
        .filter(
          (call) => (call.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT_TYPE,
        );

    it('looks up a channel by name, and refuses a name it cannot find or has no token to look up', async () => {
      seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));

      const found = await digest(['--week', '2025-W47', '--channel', '#product', '--out', out], slack());
      expect(found.code).toBe(0);
      expect(found.stdout).toContain('Empty chair digest: #product, week of Nov 17 (2025-W47)');

      const unknown = await digest(['--week', '2025-W47', '--channel', '#nope', '--out', out], slack());
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('--channel #nope: the bot sees no channel by that name');

      const tokenless = await digest(['--week', '2025-W47', '--channel', 'product', '--out', out]);
      expect(tokenless.code).toBe(2);
      expect(tokenless.stderr).toContain('--channel #product is a name');
      expect(tokenless.stderr).toContain('set SLACK_BOT_TOKEN, or pass the channel id');
      expect(digestPosts()).toEqual([]);
    });

    it('--post posts once with its ledger key; run again, it says where it went and does not post twice', async () => {
      seed('C0PRODUCT', at('2025-11-18T09:00:00Z'), { summary: 'Decision: we ship bulk export.' });

      const first = await digest(['--week', '2025-W47', '--channel', 'C0PRODUCT', '--post', '--out', out], slack());
      expect(first.code).toBe(0);
      expect(digestPosts()).toHaveLength(1);
      const [posted] = digestPosts();
      expect(posted?.args.channel).toBe('C0PRODUCT');
      expect(posted?.args.metadata).toEqual({
        event_type: DIGEST_EVENT_TYPE,
        event_payload: { key: `${TEAM_ID}/channel/C0PRODUCT/2025-W47` },
      });
      const ts = fake.messagesIn('C0PRODUCT').find((message) => message.metadata !== undefined)?.ts;
      expect(first.stdout).toContain(`Posted in #product (message ts ${ts}).`);
      expect(
        withStore((store) => store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' }, '2025-W47')),
      ).toMatchObject({ status: 'sent', destination: 'C0PRODUCT', messageTs: ts });

      const again = await digest(['--week', '2025-W47', '--post', '--out', out], slack());
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Empty chair digest: #product');
      expect(again.stdout).toMatch(new RegExp(`Already posted in #product on .+ UTC \\(message ts ${ts}\\)`));
      expect(digestPosts()).toHaveLength(1);
    });

    it('--post exits 1, claiming nothing, for a channel the bot is not in or one with digests off', async () => {
      seed('C0RANDOM', at('2025-11-18T09:00:00Z'));
      seed('C0GROWTH', at('2025-11-18T10:00:00Z'));
      withStore((store) =>
        store.channels.setOptions(TEAM_ID, 'C0GROWTH', {
          digestEnabled: false,
          huddleCardsEnabled: true,
          cooldownMinutes: null,
        }),
      );
      const absent = await digest(['--week', '2025-W47', '--post', '--out', out], slack());
      expect(absent.code).toBe(1);
      expect(absent.stdout).toContain('Not posted: the bot is not in #random; invite it there first.');

      const off = await digest(['--week', '2025-W47', '--channel', '#growth', '--post', '--out', out], slack());
      expect(off.code).toBe(1);
      expect(off.stdout).toContain('Empty chair digest: #growth');
      expect(off.stdout).toContain('Not posted: digests are off in #growth');

      expect(digestPosts()).toEqual([]);
      const ledger = withStore((store) =>
        ['C0RANDOM', 'C0GROWTH'].map((id) =>
          store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id }, '2025-W47'),
        ),
      );
      expect(ledger).toEqual([undefined, undefined]);
    });

    it('--post refuses a week that is not over, before asking Slack anything', async () => {
      seed('C0PRODUCT', at('2025-11-18T09:00:00Z'));
      const { code, stderr } = await digest(['--week', '2099-W01', '--post', '--out', out], slack());
      expect(code).toBe(2);
      expect(stderr).toContain('2099-W01 is not over until');
      expect(fake.calls).toEqual([]);
    });
  });
});
