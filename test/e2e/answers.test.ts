import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, ViewId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { buttonClick, cardDecisionId, citeValues, viewSubmission } from '../support/interactions.js';

describe('answering the empty chair', () => {
  let harness: Harness;
  let decisionId: string;
  let cardTs: string;

  beforeEach(async () => {
    harness = await startHarness();
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we drop the annual-only plan.' }));
    const card = harness.fake.callsTo('chat.postMessage')[0];
    decisionId = cardDecisionId(card);
    cardTs = harness.store.decisions.get(Number(decisionId))?.cardTs ?? '';
    harness.fake.reset();
  });
  afterEach(async () => {
    await harness.close();
  });

  const decision = () => harness.store.decisions.get(Number(decisionId));

  it('Cite customer insight opens the modal and records nothing yet', async () => {
    const response = await sendInteraction(
      harness.target,
      buttonClick({ actionId: ActionId.citeInsight, value: decisionId, cardTs }),
    );
    expect(response.status).toBe(200);
    const [open] = harness.fake.callsTo('views.open');
    expect(open?.args.trigger_id).toBe('12345.98765.abcd');
    const view = open?.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string }[] };
    expect(view.callback_id).toBe(ViewId.citeInsight);
    expect(JSON.parse(view.private_metadata)).toEqual({ decisionId: Number(decisionId) });
    expect(view.blocks.map((block) => block.block_id).filter(Boolean)).toEqual([
      'evidence_kind',
      'link',
      'customer',
      'benefit',
    ]);
    expect(decision()?.status).toBe('pending');
  });

  it('submitting the modal records the insight and turns the card into a thank-you summary', async () => {
    const response = await sendInteraction(
      harness.target,
      viewSubmission({
        callbackId: ViewId.citeInsight,
        privateMetadata: JSON.stringify({ decisionId: Number(decisionId) }),
        values: citeValues({
          kind: 'interview',
          link: 'https://notes.example.com/interviews/42',
          customer: 'Finance admins at mid-size accounts',
          benefit: 'Monthly billing without a year-long commitment',
        }),
      }),
    );
    expect(response.status).toBe(200);
    expect(response.body).toBe('');
    expect(decision()).toMatchObject({
      status: 'cited',
      evidenceKind: 'interview',
      evidenceLink: 'https://notes.example.com/interviews/42',
      customerWho: 'Finance admins at mid-size accounts',
      benefit: 'Monthly billing without a year-long commitment',
      answeredBy: 'U0BOB',
    });
    const [update] = harness.fake.callsTo('chat.update');
    expect(update?.args).toMatchObject({ channel: 'C0PRODUCT', ts: cardTs });
    const shown = JSON.stringify(update?.args.blocks);
    expect(shown).toContain('Customer insight cited');
    expect(shown).toContain('Finance admins at mid-size accounts');
    expect(shown).not.toContain(ActionId.citeInsight);
  });

  it.each([
    [ActionId.noInsightYet, 'none', 'no customer insight yet'],
    [ActionId.notCustomerFacing, 'not-customer-facing', 'not customer-facing'],
  ])('%s records its answer and updates the card in place', async (actionId, status, shownText) => {
    await sendInteraction(harness.target, buttonClick({ actionId, value: decisionId, cardTs }));
    expect(decision()).toMatchObject({ status, answeredBy: 'U0BOB' });
    const [update] = harness.fake.callsTo('chat.update');
    expect(update?.args.ts).toBe(cardTs);
    expect(JSON.stringify(update?.args.blocks)).toContain(shownText);
  });

  it('a later answer from someone else replaces the earlier one and keeps who changed it', async () => {
    await sendInteraction(harness.target, buttonClick({ actionId: ActionId.noInsightYet, value: decisionId, cardTs }));
    await sendInteraction(
      harness.target,
      buttonClick({ actionId: ActionId.notCustomerFacing, value: decisionId, cardTs, user: 'U0CAROL' }),
    );
    expect(decision()).toMatchObject({ status: 'not-customer-facing', answeredBy: 'U0CAROL' });
    expect(harness.store.decisions.answers(Number(decisionId)).map((a) => [a.status, a.answeredBy])).toEqual([
      ['none', 'U0BOB'],
      ['not-customer-facing', 'U0CAROL'],
    ]);
    const lastUpdate = harness.fake.callsTo('chat.update').at(-1);
    const shown = JSON.stringify(lastUpdate?.args.blocks);
    expect(shown).toContain('<@U0CAROL>');
    expect(shown).toContain('Changed from _no insight yet_ (<@U0BOB>)');
  });

  it('Mute this channel mutes at once: the next decision is recorded without a question', async () => {
    await sendInteraction(harness.target, buttonClick({ actionId: ActionId.muteChannel, value: decisionId, cardTs }));
    expect(harness.store.channels.get(TEAM_ID, 'C0PRODUCT', harness.clock.now())).toMatchObject({
      muted: true,
      mutedBy: 'U0BOB',
    });
    expect(JSON.stringify(harness.fake.callsTo('chat.update')[0]?.args.blocks)).toContain('/customer-check unmute');

    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.store.decisions.count()).toBe(2);
  });

  describe('bad input: a clear message and nothing stored', () => {
    it('an unknown button gets an ephemeral explanation', async () => {
      const response = await sendInteraction(
        harness.target,
        buttonClick({ actionId: 'decision_retired_button', value: decisionId, cardTs }),
      );
      expect(response.status).toBe(200);
      const [ephemeral] = harness.fake.callsTo('chat.postEphemeral');
      expect(ephemeral?.args).toMatchObject({ channel: 'C0PRODUCT', user: 'U0BOB' });
      expect(String(ephemeral?.args.text)).toContain('Nothing was recorded');
      expect(decision()?.status).toBe('pending');
      expect(harness.store.decisions.answers(Number(decisionId))).toHaveLength(0);
    });

    it('a button whose decision was deleted gets an ephemeral explanation', async () => {
      await sendEvent(harness.target, {
        type: 'message',
        subtype: 'message_deleted',
        channel: 'C0PRODUCT',
        deleted_ts: decision()?.messageTs,
        ts: '1763999999.000100',
      });
      await sendInteraction(
        harness.target,
        buttonClick({ actionId: ActionId.noInsightYet, value: decisionId, cardTs }),
      );
      const [ephemeral] = harness.fake.callsTo('chat.postEphemeral');
      expect(String(ephemeral?.args.text)).toContain('no longer open');
      expect(harness.store.decisions.count()).toBe(0);
      expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    });

    it('a button from another channel cannot answer this decision', async () => {
      await sendInteraction(
        harness.target,
        buttonClick({ actionId: ActionId.noInsightYet, value: decisionId, cardTs, channel: 'C0ELSEWHERE' }),
      );
      expect(decision()?.status).toBe('pending');
      expect(String(harness.fake.callsTo('chat.postEphemeral')[0]?.args.text)).toContain('no longer open');
    });

    it('a stale view (decision gone) replaces the modal with a notice', async () => {
      const response = await sendInteraction(
        harness.target,
        viewSubmission({
          callbackId: ViewId.citeInsight,
          privateMetadata: JSON.stringify({ decisionId: 999_999 }),
          values: citeValues({ kind: 'survey', customer: 'Admins' }),
        }),
      );
      const body = JSON.parse(response.body) as { response_action: string; view: unknown };
      expect(body.response_action).toBe('update');
      expect(JSON.stringify(body.view)).toContain('no longer recorded');
      expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    });

    it('garbage private_metadata is treated as a stale view', async () => {
      const response = await sendInteraction(
        harness.target,
        viewSubmission({ callbackId: ViewId.citeInsight, privateMetadata: '{not json', values: citeValues({}) }),
      );
      expect(JSON.parse(response.body)).toMatchObject({ response_action: 'update' });
    });

    it('invalid fields come back as errors under each field, and nothing is stored', async () => {
      const response = await sendInteraction(
        harness.target,
        viewSubmission({
          callbackId: ViewId.citeInsight,
          privateMetadata: JSON.stringify({ decisionId: Number(decisionId) }),
          values: citeValues({ kind: 'gut-feeling', link: 'javascript:alert(1)', customer: '   ' }),
        }),
      );
      const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors).sort()).toEqual(['customer', 'evidence_kind', 'link']);
      expect(decision()?.status).toBe('pending');
      expect(harness.fake.callsTo('chat.update')).toHaveLength(0);
    });
  });
});
