import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { sendCommand, sendEvent } from '../support/slack-requests.js';

describe('/customer-check', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const run = async (text: string, channel = 'C0PRODUCT') => {
    const response = await sendCommand(harness.target, {
      command: '/customer-check',
      text,
      user_id: 'U0ALICE',
      channel_id: channel,
    });
    expect(response.status).toBe(200);
    return JSON.parse(response.body) as { response_type: string; text: string };
  };

  it.each(['', 'help', '?'])('"%s" answers with ephemeral help', async (text) => {
    const reply = await run(text);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toContain('/customer-check mute');
  });

  it('mute and unmute change the channel at once', async () => {
    expect((await run('mute')).text).toContain('Muted');
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT').muted).toBe(true);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);

    expect((await run('unmute')).text).toContain('Unmuted');
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('an unknown word gets help, echoed without live mentions, and changes nothing', async () => {
    const reply = await run('<!channel>');
    expect(reply.text).not.toContain('<!channel>');
    expect(reply.text).toContain('/customer-check help');
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT').muted).toBe(false);
  });

  it('mute with extra words or in a DM is refused clearly, nothing stored', async () => {
    expect((await run('mute forever')).text).toContain('takes no arguments');
    expect((await run('mute', 'D0DIRECT')).text).toContain('in the channel you want to mute');
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM channel_settings').get()).toEqual({ n: 0 });
  });
});
