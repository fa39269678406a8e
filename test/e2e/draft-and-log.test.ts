import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, ViewId } from '../../src/blocks/ids.js';
import { sendInteraction } from '../../src/emulator/slack-requests.js';
import { type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { buttonClick, citeValues, viewSubmission } from '../support/interactions.js';

type Block = { type: string; text?: { text: string }; elements?: { action_id?: string; value?: string }[] };

describe('/customer-check <draft>', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('answers with the verdict, the question and a post button, and stores nothing', async () => {
    const [response] = await harness.command('Decision: we drop the annual-only plan.');
    expect(response?.response_type).toBe('ephemeral');
    const blocks = response?.blocks as Block[];
    const shown = JSON.stringify(blocks);
    expect(shown).toContain('Reads as a decision');
    expect(shown).toContain('one-way door');
    expect(shown).toContain('No customer insight cited');
    expect(shown).toContain('The empty chair would ask');
    const button = blocks.find((block) => block.type === 'actions')?.elements?.[0];
    expect(button).toMatchObject({ action_id: ActionId.postDraft, value: 'Decision: we drop the annual-only plan.' });
    expect(harness.store.decisions.count()).toBe(0);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('names the evidence a draft cites and says when it is not a decision', async () => {
    const [cited] = await harness.command('Survey results: 72% of admins use bulk edit daily.');
    const shown = JSON.stringify(cited?.blocks);
    expect(shown).toContain('Does not read as a decision');
    expect(shown).toContain('Survey or NPS');
  });

  it('the post button posts the draft to the channel, logs it and asks in its thread', async () => {
    const draft = 'Decision: we drop the annual-only plan. <!channel>';
    const click = {
      ...buttonClick({ actionId: ActionId.postDraft, value: draft, user: 'U0ALICE' }),
      response_url: harness.fake.responseUrl,
      container: { type: 'message', message_ts: '1.2', channel_id: 'C0PRODUCT', is_ephemeral: true },
    };
    await sendInteraction(harness.target, click);
    const [announcement, card] = harness.fake.callsTo('chat.postMessage');
    expect(announcement?.args.channel).toBe('C0PRODUCT');
    expect(announcement?.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(announcement?.args)).not.toContain('<!channel>');
    expect(JSON.stringify(announcement?.args.blocks)).toContain('<@U0ALICE> logged a decision');
    expect(card?.args.thread_ts).toBeDefined();
    const [decision] = harness.store.db.prepare('SELECT source, author_id, status, card_ts FROM decisions').all();
    expect(decision).toMatchObject({
      source: 'logged',
      author_id: 'U0ALICE',
      status: 'pending',
      card_ts: expect.any(String),
    });
    const confirmations = harness.fake.callsTo('response_url');
    expect(String(confirmations.at(-1)?.args.text)).toContain('Posted and logged');
  });

  it('a draft over 2,000 characters is checked but offers no post button', async () => {
    const [response] = await harness.command(`Decision: we ship the importer first. ${'More context. '.repeat(160)}`);
    const blocks = response?.blocks as Block[];
    expect(blocks.some((block) => block.type === 'actions')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('must be posted by you');
  });
});

describe('/customer-check with no text: log a decision by hand', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const logValues = (decision: string | null, insight: string | null, cite: Parameters<typeof citeValues>[0] = {}) => ({
    ...citeValues(cite),
    decision: { decision: { type: 'plain_text_input', value: decision } },
    insight: {
      insight: {
        type: 'radio_buttons',
        selected_option: insight === null ? null : { value: insight, text: { type: 'plain_text', text: insight } },
      },
    },
  });
  const submit = (values: ReturnType<typeof logValues>, privateMetadata = JSON.stringify({ channelId: 'C0PRODUCT' })) =>
    sendInteraction(harness.target, viewSubmission({ callbackId: ViewId.logDecision, privateMetadata, values }));

  it('opens the form with the trigger id and stores nothing yet', async () => {
    await harness.command('', { triggerId: '999.888.abc' });
    const [open] = harness.fake.callsTo('views.open');
    expect(open?.args.trigger_id).toBe('999.888.abc');
    expect(open?.args.view).toMatchObject({ callback_id: ViewId.logDecision });
    expect(harness.store.decisions.count()).toBe(0);
  });

  it('a cited decision is posted and recorded with its insight, without a question', async () => {
    const response = await submit(
      logValues('We will offer monthly billing on Pro.', 'cited', {
        kind: 'sales-call',
        customer: 'Mid-size finance teams',
      }),
    );
    expect(response.body).toBe('');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    const [decision] = harness.store.db.prepare('SELECT * FROM decisions').all();
    expect(decision).toMatchObject({
      source: 'logged',
      status: 'cited',
      evidence_kind: 'sales-call',
      customer_who: 'Mid-size finance teams',
      answered_by: 'U0BOB',
      card_ts: null,
    });
  });

  it('"not customer-facing" is recorded as answered', async () => {
    await submit(logValues('We move CI to GitHub Actions.', 'not-customer-facing'));
    const [decision] = harness.store.db.prepare('SELECT status, answered_by FROM decisions').all();
    expect(decision).toEqual({ status: 'not-customer-facing', answered_by: 'U0BOB' });
  });

  it.each([
    ['no decision text', logValues('   ', 'none'), ['decision']],
    ['no insight choice', logValues('We ship it.', null), ['insight']],
    ['cited without kind or customer', logValues('We ship it.', 'cited'), ['customer', 'evidence_kind']],
    [
      'cited with a bad link',
      logValues('We ship it.', 'cited', { kind: 'survey', customer: 'Admins', link: 'ftp://x' }),
      ['link'],
    ],
  ])('%s: errors under the fields, nothing posted or stored', async (_name, values, fields) => {
    const response = await submit(values);
    const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(fields);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.store.decisions.count()).toBe(0);
  });

  it('a form whose metadata is not ours is refused, nothing stored', async () => {
    const response = await submit(logValues('We ship it.', 'none'), '{"channelId":"<!channel>"}');
    expect(JSON.parse(response.body)).toMatchObject({ response_action: 'update' });
    expect(harness.store.decisions.count()).toBe(0);
  });

  it('a failed post is reported to the person and nothing is stored', async () => {
    harness.fake.failNext('chat.postMessage', { error: 'not_in_channel' });
    await submit(logValues('We ship it.', 'none'));
    expect(harness.store.decisions.count()).toBe(0);
    expect(String(harness.fake.callsTo('chat.postEphemeral')[0]?.args.text)).toContain('not_in_channel');
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now()).muted).toBe(false);
  });
});
