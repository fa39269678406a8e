import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ViewId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { viewSubmission } from '../support/interactions.js';

const values = (switches: string[], cooldown: string | null) => ({
  switches: {
    switches: {
      type: 'checkboxes',
      selected_options: switches.map((value) => ({ value, text: { type: 'plain_text', text: value } })),
    },
  },
  cooldown: { cooldown: { type: 'number_input', value: cooldown } },
});

describe('/customer-check settings', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const settings = () => harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now());
  const save = (state: ReturnType<typeof values>, privateMetadata = JSON.stringify({ channelId: 'C0PRODUCT' })) =>
    sendInteraction(
      harness.target,
      viewSubmission({ callbackId: ViewId.channelSettings, privateMetadata, values: state }),
    );

  it('opens the modal showing the current settings', async () => {
    await harness.command('settings', { triggerId: '42.42.abc' });
    const [open] = harness.fake.callsTo('views.open');
    expect(open?.args.trigger_id).toBe('42.42.abc');
    const view = open?.args.view as { callback_id: string; blocks: unknown[] };
    expect(view.callback_id).toBe(ViewId.channelSettings);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('"initial_value":"0"');
    expect(shown).toContain('"initial_options"');
  });

  it('saving turns questions off and on, the digest and huddle cards, and the cool-down', async () => {
    await save(values(['digest'], '30'));
    expect(settings()).toMatchObject({
      muted: true,
      mutedBy: 'U0BOB',
      digestEnabled: true,
      huddleCardsEnabled: false,
      cooldownMinutes: 30,
    });
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await save(values(['prompts', 'huddleCards'], '0'));
    expect(settings()).toMatchObject({
      muted: false,
      digestEnabled: false,
      huddleCardsEnabled: true,
      cooldownMinutes: null,
    });
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('with huddle cards off, a decision in a huddle thread is recorded without a question', async () => {
    await save(values(['prompts', 'digest'], '0'));
    const huddleTs = '1763800100.000100';
    await sendEvent(
      harness.target,
      channelMessage({ subtype: 'huddle_thread', text: 'A huddle happened', ts: huddleTs }),
    );
    await sendEvent(
      harness.target,
      channelMessage({ text: 'Agreed in the huddle: we ship the importer first.', thread_ts: huddleTs }),
    );
    expect(harness.store.decisions.count()).toBe(1);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await sendEvent(
      harness.target,
      channelMessage({ text: 'Decision: we ship the exporter next.', thread_ts: '1763800200.000100' }),
    );
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it.each([
    ['a negative cool-down', values(['prompts'], '-5'), ['cooldown']],
    ['a cool-down over a day', values(['prompts'], '5000'), ['cooldown']],
    ['an empty cool-down', values(['prompts'], null), ['cooldown']],
    ['an unknown switch', values(['prompts', 'everything'], '10'), ['switches']],
  ])('%s: errors under the field, nothing stored', async (_name, state, fields) => {
    const response = await save(state);
    const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors)).toEqual(fields);
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM channel_settings').get()).toEqual({ n: 0 });
  });

  it('a form without its channel is refused, nothing stored', async () => {
    const response = await save(values([], '10'), 'garbage');
    expect(JSON.parse(response.body)).toMatchObject({ response_action: 'update' });
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM channel_settings').get()).toEqual({ n: 0 });
  });

  it('settings with arguments is refused', async () => {
    const [response] = await harness.command('settings now');
    expect(String(response?.text)).toContain('takes no arguments');
    expect(harness.fake.callsTo('views.open')).toHaveLength(0);
  });
});
