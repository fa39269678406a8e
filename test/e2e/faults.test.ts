import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { BOT_USER_ID, channelMessage, type Harness, startHarness } from '../support/harness.js';

describe('bad input and faults', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('answers a retried event (same event_id, x-slack-retry-num 1..3) only once', async () => {
    const message = channelMessage({ text: 'Decision: we ship the importer first.' });
    const eventId = 'Ev0RETRY0001';
    await sendEvent(harness.target, message, { eventId });
    for (const retryNum of [1, 2, 3]) {
      const response = await sendEvent(harness.target, message, { eventId, retryNum });
      expect(response.status).toBe(200);
    }
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(harness.store.decisions.count()).toBe(1);
  });

  it('answers the same message delivered under two event ids only once', async () => {
    const message = channelMessage({ text: 'Decision: we ship the importer first.' });
    await sendEvent(harness.target, message);
    await sendEvent(harness.target, message);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['a bad signature', { signature: 'v0=0000000000000000000000000000000000000000000000000000000000000000' }],
    ['a stale timestamp', { timestampSeconds: Math.floor(Date.now() / 1000) - 10 * 60 }],
  ])('rejects %s with 401 and stores nothing', async (_name, options) => {
    const response = await sendEvent(
      harness.target,
      channelMessage({ text: 'Decision: we drop the annual-only plan.' }),
      options,
    );
    expect(response.status).toBe(401);
    expect(harness.store.decisions.count()).toBe(0);
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM processed_events').get()).toEqual({ n: 0 });
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it.each([
    ['its own message', channelMessage({ text: 'Decision: we ship it.', user: BOT_USER_ID, bot_id: 'BBOT' })],
    ['another bot', channelMessage({ text: 'Decision: we ship it.', user: 'U0OTHERBOT', bot_id: 'B0OTHER' })],
    ['a bot_message subtype', channelMessage({ subtype: 'bot_message', text: 'Decision: we ship it.', bot_id: 'B0' })],
    [
      'message_changed without a user',
      {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0PRODUCT',
        ts: '1763999000.000100',
        message: { type: 'message', text: 'Decision: we ship it.', ts: '1763998000.000100' },
        previous_message: { type: 'message', text: 'x', ts: '1763998000.000100' },
      },
    ],
    ['empty text', channelMessage({ text: '' })],
    ['whitespace only', channelMessage({ text: '   \n ' })],
    ['a file-only message', channelMessage({ subtype: 'file_share', text: '', files: [{ id: 'F0001' }] })],
    ['a channel join', channelMessage({ subtype: 'channel_join', text: '<@U0ALICE> has joined the channel' })],
  ])('ignores %s: no reply, nothing stored', async (_name, event) => {
    const response = await sendEvent(harness.target, event);
    expect(response.status).toBe(200);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.fake.callsTo('reactions.add')).toHaveLength(0);
    expect(harness.store.decisions.count()).toBe(0);
  });

  it('never echoes <!channel> or mentions from the message back into Slack', async () => {
    await sendEvent(
      harness.target,
      channelMessage({ text: '<!channel> <!here> Decision: <@U0BOB> owns the importer.' }),
    );
    for (const call of harness.fake.calls) {
      const sent = JSON.stringify(call.args);
      expect(sent).not.toContain('<!channel>');
      expect(sent).not.toContain('<!here>');
      expect(sent).not.toContain('<@U0BOB>');
    }
  });

  it('still records the decision when chat.postMessage is rate limited (429), and keeps serving', async () => {
    harness.fake.failNext('chat.postMessage', { status: 429, retryAfter: 0 });
    const first = channelMessage({ text: 'Decision: we ship the importer first.' });
    const response = await sendEvent(harness.target, first);
    expect(response.status).toBe(200);
    expect(harness.store.decisions.findByMessage('T0FAKETEAM', 'C0PRODUCT', String(first.ts))).toMatchObject({
      status: 'pending',
      cardTs: null,
    });

    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    const posts = harness.fake.callsTo('chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(harness.store.decisions.count()).toBe(2);
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM decisions WHERE card_ts IS NOT NULL').get()).toEqual({
      n: 1,
    });
  });

  it('still records the decision when the Web API answers 500, and keeps serving', async () => {
    harness.fake.failNext('chat.postMessage', { status: 500 });
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    expect(harness.store.decisions.count()).toBe(1);

    const health = await fetch(`${harness.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.store.decisions.count()).toBe(2);
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM decisions WHERE card_ts IS NOT NULL').get()).toEqual({
      n: 1,
    });
  });

  it('serves GET /healthz', async () => {
    const response = await fetch(`${harness.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });
});
