import { afterEach, describe, expect, it } from 'vitest';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { createLogger } from '../../src/logger.js';
import { joinConfiguredChannels } from '../../src/slack/join-channels.js';
import { BOT_USER_ID, type Harness, startHarness, TEAM_ID } from '../support/harness.js';

const joined = (channel: string) => ({
  type: 'member_joined_channel',
  user: BOT_USER_ID,
  channel,
  channel_type: 'C',
  team: TEAM_ID,
  event_ts: '1763900000.000100',
});

describe('joining channels', () => {
  let harness: Harness;
  afterEach(async () => {
    await harness.close();
  });

  it('posts one short welcome in the channel when invited, and not again on a rejoin', async () => {
    harness = await startHarness();
    await sendEvent(harness.target, joined('C0PRODUCT'));
    const [welcome] = harness.fake.callsTo('chat.postMessage');
    expect(welcome?.args.channel).toBe('C0PRODUCT');
    expect(welcome?.args.thread_ts).toBeUndefined();
    const shown = JSON.stringify(welcome?.args.blocks);
    expect(shown).toContain('in the thread');
    expect(shown).toContain('/customer-check mute');
    expect(shown).toContain('280-character summary');

    await sendEvent(harness.target, joined('C0PRODUCT'));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('stays quiet when someone else joins', async () => {
    harness = await startHarness();
    await sendEvent(harness.target, { ...joined('C0PRODUCT'), user: 'U0ALICE' });
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('tries the welcome again on the next join when posting it failed', async () => {
    harness = await startHarness();
    harness.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await sendEvent(harness.target, joined('C0PRODUCT'));
    await sendEvent(harness.target, joined('C0PRODUCT'));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now()).welcomedAt).not.toBeNull();
  });

  it('joins the CHANNELS given by id or name and names the ones it cannot join', async () => {
    harness = await startHarness({
      channels: [
        { id: 'C0PRODUCT', name: 'product' },
        { id: 'C0GROWTH', name: 'growth' },
        { id: 'G0SECRET', name: 'secret', is_private: true },
      ],
    });
    const logs: string[] = [];
    const logger = createLogger('info', {
      write: (line: string) => logs.push(line),
    } as unknown as NodeJS.WritableStream);
    const result = await joinConfiguredChannels(
      harness.app.client,
      ['C0PRODUCT', 'growth', 'nope', 'G0SECRET'],
      logger,
    );
    expect(result.joined).toEqual(['C0PRODUCT', 'C0GROWTH']);
    expect(result.failed.map((failure) => failure.channel)).toEqual(['nope', 'G0SECRET']);
    expect(harness.fake.callsTo('conversations.join').map((call) => call.args.channel)).toEqual([
      'C0PRODUCT',
      'C0GROWTH',
      'G0SECRET',
    ]);
    expect(logs.join('')).toContain('"channel":"nope"');
  });
});
