import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DIGEST_EVENT_TYPE } from '../../src/digest/post-digest.js';
import type { RecordedCall } from '../../src/emulator/slack-web-api.js';
import { startDigestScheduler } from '../../src/scheduler.js';
import type { DecisionStatus } from '../../src/store/decisions.js';
import { summarize } from '../../src/text/summary.js';
import { type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { ManualCron } from '../support/manual-cron.js';
import { seedDecision } from '../support/seed-decision.js';

const at = (iso: string) => Date.parse(iso);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function seed(
  harness: Harness,
  channelId: string,
  createdAt: number,
  fields: { status?: DecisionStatus; summary?: string; customerWho?: string } = {},
): void {
  seedDecision(harness.store, { teamId: TEAM_ID, channelId, createdAt, permalink: true, ...fields });
}

const digestPosts = (harness: Harness): RecordedCall[] =>
  harness.fake
    .callsTo('chat.postMessage')
    .filter((call) => (call.args.metadata as { event_type?: string } | undefined)?.event_type === DIGEST_EVENT_TYPE);
const postedTo = (harness: Harness) => digestPosts(harness).map((call) => call.args.channel);
const shown = (call: RecordedCall | undefined) => JSON.stringify(call?.args.blocks ?? null);

describe('the weekly digest', () => {
  let harness: Harness;
  let cron: ManualCron;
  beforeEach(async () => {
    harness = await startHarness({ env: { DIGEST_TZ: 'Europe/Berlin' } });
    cron = new ManualCron();
  });
  afterEach(async () => {
    await harness.close();
  });

  async function startScheduler() {
    const scheduler = startDigestScheduler({
      runner: harness.digests,
      clock: harness.clock,
      logger: harness.app.logger as never,
      schedule: cron.schedule,
      channelCron: '0 9 * * 1',
      channelTimeZone: 'Europe/Berlin',
    });
    await scheduler.caughtUp;
    return scheduler;
  }

  async function tickAt(iso: string) {
    harness.clock.set(at(iso));
    await cron.tickAll();
  }

  it('posts each channel its last week once, on Monday 09:00 in DIGEST_TZ, with the chart inside', async () => {
    harness.clock.set(at('2026-11-23T07:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-17T09:00:00Z'), { status: 'cited', customerWho: 'Finance admins' });
    seed(harness, 'C0PRODUCT', at('2026-11-18T09:00:00Z'), { summary: summarize('Decision: drop annual <!channel>') });
    seed(harness, 'C0PRODUCT', at('2026-11-19T09:00:00Z'));
    seed(harness, 'C0GROWTH', at('2026-11-20T09:00:00Z'), { status: 'cited' });
    seed(harness, 'G0BOARD', at('2026-11-21T09:00:00Z'), { summary: 'Decision: the board sells the EU arm' });
    // This week's decision belongs to next Monday's digest.
    seed(harness, 'C0PRODUCT', at('2026-11-23T06:00:00Z'));

    const scheduler = await startScheduler();
    expect(cron.scheduled.map(({ expression, timeZone }) => [expression, timeZone])).toEqual([
      ['0 9 * * 1', 'Europe/Berlin'],
      ['*/15 * * * *', 'UTC'],
    ]);
    await tickAt('2026-11-23T07:59:00Z');
    expect(digestPosts(harness)).toEqual([]);

    await tickAt('2026-11-23T08:00:00Z');
    expect(postedTo(harness).sort()).toEqual(['C0GROWTH', 'C0PRODUCT', 'G0BOARD']);
    await tickAt('2026-11-23T08:15:00Z');
    await tickAt('2026-11-30T07:00:00Z');
    expect(digestPosts(harness)).toHaveLength(3);

    const product = digestPosts(harness).find((call) => call.args.channel === 'C0PRODUCT');
    expect(shown(product)).toContain('Empty chair digest: #product, week of Nov 16 (2026-W47)');
    expect(shown(product)).toContain('3 decisions: 1 cited customer insight');
    expect(shown(product)).toContain('@channel');
    expect(shown(product)).not.toMatch(/<[@!#]/);
    expect(shown(product)).not.toContain('board');
    const image = (
      (product?.args.blocks ?? []) as { type: string; slack_file?: { id: string }; alt_text?: string }[]
    ).find((block) => block.type === 'image');
    expect(image?.alt_text).toContain('1 of 3 cited (33%)');
    const png = harness.fake.fileBytes(image?.slack_file?.id ?? '');
    expect(png?.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const board = digestPosts(harness).find((call) => call.args.channel === 'G0BOARD');
    expect(shown(board)).toContain('the board sells the EU arm');

    expect(
      harness.store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' }, '2026-W47'),
    ).toMatchObject({ status: 'sent', destination: 'C0PRODUCT', messageTs: product?.args.ts ?? expect.any(String) });
    await scheduler.stop();
    expect(cron.scheduled.every((entry) => entry.stopped)).toBe(true);
  });

  it('sends a subscriber their channels by DM at their own weekday, hour and time zone, private ones only to members', async () => {
    harness.clock.set(at('2026-11-20T12:00:00Z'));
    // Carol is in #product and the private #board; Alice in #product and #growth.
    harness.store.subscriptions.upsert(
      TEAM_ID,
      'U0CAROL',
      { enabled: true, weekday: 5, hour: 17, timeZone: 'America/New_York' },
      harness.clock.now(),
    );
    harness.store.subscriptions.upsert(
      TEAM_ID,
      'U0ALICE',
      { enabled: true, weekday: 1, hour: 9, timeZone: 'Asia/Tokyo' },
      harness.clock.now(),
    );
    seed(harness, 'C0PRODUCT', at('2026-11-24T15:00:00Z'));
    seed(harness, 'C0GROWTH', at('2026-11-25T15:00:00Z'), { status: 'cited' });
    seed(harness, 'G0BOARD', at('2026-11-26T15:00:00Z'), { summary: 'Decision: the board sells the EU arm' });
    await startScheduler();

    // Alice's week in Tokyo (Nov 23 to 30 local) ends Sunday 15:00 UTC; her Monday 09:00 is 00:00 UTC.
    await tickAt('2026-11-29T23:45:00Z');
    expect(postedTo(harness).filter((channel) => String(channel).startsWith('D'))).toEqual([]);
    await tickAt('2026-11-30T00:00:00Z');
    const alice = digestPosts(harness).find((call) => call.args.channel === 'DU0ALICE');
    expect(shown(alice)).toContain('Your empty chair digest, week of Nov 23 (2026-W48)');
    expect(shown(alice)).toContain('#product');
    expect(shown(alice)).not.toContain('board');

    // Carol's Friday 17:00 in New York is 22:00 UTC (EST).
    await tickAt('2026-12-04T21:45:00Z');
    expect(postedTo(harness)).not.toContain('DU0CAROL');
    await tickAt('2026-12-04T22:00:00Z');
    const carol = digestPosts(harness).find((call) => call.args.channel === 'DU0CAROL');
    expect(shown(carol)).toContain('the board sells the EU arm');
    expect(shown(carol)).not.toContain('growth');

    await tickAt('2026-12-04T22:15:00Z');
    expect(postedTo(harness).filter((channel) => channel === 'DU0CAROL')).toHaveLength(1);
  });

  it('stops only after a run in flight has finished, so the store is never closed under a post', async () => {
    harness.clock.set(at('2026-11-23T07:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-17T09:00:00Z'));
    const scheduler = await startScheduler();
    const post = harness.fake.hold('chat.postMessage');
    const tick = tickAt('2026-11-23T08:00:00Z');
    await post.arrived;
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    post.release();
    await Promise.all([tick, stopping]);
    expect(
      harness.store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' }, '2026-W47')?.status,
    ).toBe('sent');
  });

  it('posts nothing for a quiet week', async () => {
    harness.clock.set(at('2026-11-23T07:00:00Z'));
    harness.store.subscriptions.upsert(
      TEAM_ID,
      'U0BOB',
      { enabled: true, weekday: 1, hour: 9, timeZone: 'Europe/Berlin' },
      harness.clock.now(),
    );
    seed(harness, 'C0PRODUCT', at('2026-11-09T09:00:00Z'));
    await startScheduler();
    await tickAt('2026-11-23T08:00:00Z');
    expect(digestPosts(harness)).toEqual([]);
    expect(harness.fake.callsTo('files.getUploadURLExternal')).toEqual([]);
    expect(harness.store.deliveries.get({ teamId: TEAM_ID, kind: 'person', id: 'U0BOB' }, '2026-W47')).toMatchObject({
      status: 'quiet',
    });
  });

  it('catches up every week missed while the bot was down, oldest first, once each', async () => {
    harness.clock.set(at('2026-11-02T06:00:00Z'));
    await startScheduler();
    seed(harness, 'C0PRODUCT', at('2026-11-03T09:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-12T09:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-19T09:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-24T09:00:00Z'));

    // Down from Monday W45 until Wednesday of W48: three digests were missed.
    await tickAt('2026-11-25T12:00:00Z');
    const titles = digestPosts(harness).map((call) => /\((2026-W\d\d)\)/.exec(shown(call))?.[1]);
    expect(titles).toEqual(['2026-W45', '2026-W46', '2026-W47']);
    await tickAt('2026-11-25T12:15:00Z');
    expect(digestPosts(harness)).toHaveLength(3);
  });

  it('does not reach back before the bot first ran', async () => {
    seed(harness, 'C0PRODUCT', at('2026-11-10T09:00:00Z'));
    harness.clock.set(at('2026-11-18T12:00:00Z'));
    await startScheduler();
    expect(digestPosts(harness)).toEqual([]);
  });

  it('gets the week right across the end of summer time', async () => {
    harness.clock.set(at('2026-10-19T06:00:00Z'));
    await startScheduler();
    // Sunday 25 October 23:30 in Berlin is already CET (UTC+1): still the week of Oct 19.
    seed(harness, 'C0PRODUCT', at('2026-10-25T22:30:00Z'));
    // Monday 26 October 00:30 CET: the next week.
    seed(harness, 'C0PRODUCT', at('2026-10-25T23:30:00Z'));
    await tickAt('2026-10-26T07:59:00Z');
    expect(digestPosts(harness)).toEqual([]);
    await tickAt('2026-10-26T08:00:00Z');
    expect(digestPosts(harness)).toHaveLength(1);
    expect(shown(digestPosts(harness)[0])).toContain('1 decision: 0 cited');
    expect(shown(digestPosts(harness)[0])).toContain('(2026-W43)');
  });

  it('gives up a week Slack refuses, and tries again a week Slack rate-limited', async () => {
    harness.clock.set(at('2026-11-23T07:00:00Z'));
    seed(harness, 'C0PRODUCT', at('2026-11-17T09:00:00Z'));
    seed(harness, 'C0GROWTH', at('2026-11-17T09:00:00Z'));
    harness.fake.failNext('chat.postMessage', { error: 'is_archived' });
    harness.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    expect(await harness.digests.runDue(at('2026-11-23T08:00:00Z'))).toEqual({
      sent: 0,
      quiet: 0,
      failed: 1,
      unknown: 0,
    });
    const statuses = ['C0GROWTH', 'C0PRODUCT'].map(
      (id) => harness.store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id }, '2026-W47')?.status,
    );
    expect(statuses).toEqual(['failed', undefined]);
    expect(await harness.digests.runDue(at('2026-11-23T08:15:00Z'))).toEqual({
      sent: 1,
      quiet: 0,
      failed: 0,
      unknown: 0,
    });
    expect(postedTo(harness)).toEqual(['C0GROWTH', 'C0PRODUCT', 'C0PRODUCT']);
    expect(
      harness.store.deliveries.get({ teamId: TEAM_ID, kind: 'channel', id: 'C0PRODUCT' }, '2026-W47')?.status,
    ).toBe('sent');
  });
});
