import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';

const textOf = (responses: Record<string, unknown>[]) => {
  expect(responses).toHaveLength(1);
  expect(responses[0]?.response_type).toBe('ephemeral');
  return String(responses[0]?.text);
};

describe('/customer-check', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const settingsRows = () => harness.store.db.prepare('SELECT COUNT(*) AS n FROM channel_settings').get();

  it.each(['help', '?', 'HELP'])('"%s" answers with ephemeral help, even where the bot is not', async (text) => {
    const shown = textOf(await harness.command(text, { channel: 'C0RANDOM' }));
    for (const subcommand of ['stats', 'digest', 'mute', 'unmute', 'settings', 'export', 'meeting']) {
      expect(shown).toContain(`/customer-check ${subcommand}`);
    }
  });

  it('mute and unmute change the channel at once', async () => {
    expect(textOf(await harness.command('mute'))).toContain('Muted');
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now()).muted).toBe(true);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);

    expect(textOf(await harness.command('unmute'))).toContain('Unmuted');
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('mute with a duration ends by itself', async () => {
    expect(textOf(await harness.command('mute 2h'))).toContain('for 2 hours');
    harness.clock.advance(2 * 3_600_000 - 1);
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now()).muted).toBe(true);
    harness.clock.advance(1);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  describe('bad input: a clear ephemeral message, nothing stored', () => {
    it.each(['forever', '0h', '100d', '2 fortnights', '-1h'])('mute %s', async (duration) => {
      const shown = textOf(await harness.command(`mute ${duration}`));
      expect(shown).toMatch(/not a duration|longer than zero|longest mute is 90 days/);
      expect(shown).toContain('Nothing was changed');
      expect(settingsRows()).toEqual({ n: 0 });
    });

    it('unmute with arguments', async () => {
      expect(textOf(await harness.command('unmute now'))).toContain('takes no arguments');
      expect(settingsRows()).toEqual({ n: 0 });
    });

    it('text over 3,000 characters', async () => {
      const shown = textOf(await harness.command(`Decision: ${'x'.repeat(3000)}`));
      expect(shown).toContain('takes up to 3,000');
      expect(harness.store.decisions.count()).toBe(0);
    });

    it('a channel the bot is not in', async () => {
      const shown = textOf(await harness.command('mute', { channel: 'C0RANDOM' }));
      expect(shown).toContain('I am not in #random');
      expect(shown).toContain('/invite @empty-chair');
      expect(settingsRows()).toEqual({ n: 0 });
    });

    it('a private channel it cannot see', async () => {
      const shown = textOf(await harness.command('stats', { channel: 'G0HIDDEN' }));
      expect(shown).toContain('private and I am not in it');
    });

    it('a direct message', async () => {
      expect(textOf(await harness.command('mute', { channel: 'D0DIRECT' }))).toContain('in a channel');
      expect(settingsRows()).toEqual({ n: 0 });
    });
  });
});
