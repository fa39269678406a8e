import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { buttonClick } from '../support/interactions.js';

const edited = (ts: string, message: Record<string, unknown>) => ({
  type: 'message',
  subtype: 'message_changed',
  channel: 'C0PRODUCT',
  hidden: true,
  ts: '1763999500.000100',
  event_ts: '1763999500.000100',
  message: { type: 'message', ts, edited: { user: 'U0ALICE', ts: '1763999500.000100' }, ...message },
  previous_message: { type: 'message', ts, user: 'U0ALICE', text: 'before' },
});

describe('edits and deletions', () => {
  let harness: Harness;
  let ts: string;
  const decision = () => harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', ts);

  beforeEach(async () => {
    harness = await startHarness();
    const message = channelMessage({ text: 'Decision: we ship the importer first.' });
    ts = String(message.ts);
    await sendEvent(harness.target, message);
    harness.fake.reset();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('an edit updates the stored summary and kind, without a second question', async () => {
    await sendEvent(
      harness.target,
      edited(ts, { user: 'U0ALICE', text: 'Decision: we raise the Pro plan price to $49.' }),
    );
    expect(decision()).toMatchObject({ summary: 'Decision: we raise the Pro plan price to $49.', category: 'pricing' });
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('an edit that adds customer evidence records the decision as cited and closes the card', async () => {
    await sendEvent(
      harness.target,
      edited(ts, {
        user: 'U0ALICE',
        text: 'Decision: we ship the importer first. 14 support tickets this month asked for it.',
      }),
    );
    expect(decision()).toMatchObject({ status: 'cited', evidenceKind: 'support', answeredBy: 'U0ALICE' });
    expect(harness.fake.callsTo('reactions.add')).toHaveLength(1);
    expect(harness.fake.callsTo('chat.update')).toHaveLength(1);
  });

  it('an unanswered decision edited into a question is forgotten and its card removed', async () => {
    const cardTs = decision()?.cardTs;
    await sendEvent(harness.target, edited(ts, { user: 'U0ALICE', text: 'Should we ship the importer first?' }));
    expect(decision()).toBeUndefined();
    expect(harness.fake.callsTo('chat.delete')[0]?.args).toMatchObject({ channel: 'C0PRODUCT', ts: cardTs });
  });

  it('an answered decision edited into a non-decision keeps its answer', async () => {
    const id = String(decision()?.id);
    await sendInteraction(harness.target, buttonClick({ actionId: ActionId.noInsightYet, value: id }));
    await sendEvent(harness.target, edited(ts, { user: 'U0ALICE', text: 'never mind' }));
    expect(decision()?.status).toBe('none');
  });

  it('message_changed without a user changes nothing', async () => {
    const before = decision();
    await sendEvent(harness.target, edited(ts, { text: 'Should we ship the importer first?' }));
    expect(decision()).toEqual(before);
    expect(harness.fake.calls).toHaveLength(0);
  });

  it('a deleted message deletes its decision, answers and card', async () => {
    const id = String(decision()?.id);
    await sendInteraction(harness.target, buttonClick({ actionId: ActionId.noInsightYet, value: id }));
    await sendEvent(harness.target, {
      type: 'message',
      subtype: 'message_deleted',
      channel: 'C0PRODUCT',
      hidden: true,
      deleted_ts: ts,
      ts: '1763999600.000100',
      previous_message: { type: 'message', ts, user: 'U0ALICE', text: 'x' },
    });
    expect(decision()).toBeUndefined();
    expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    expect(harness.fake.callsTo('chat.delete')).toHaveLength(1);
  });

  it('a deleted thread parent (tombstone) deletes its decision', async () => {
    await sendEvent(
      harness.target,
      edited(ts, { subtype: 'tombstone', text: 'This message was deleted.', user: 'USLACKBOT' }),
    );
    expect(decision()).toBeUndefined();
  });
});
