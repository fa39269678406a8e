import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, ViewId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompts/load.js';
import { meetingQuestions } from '../../src/prompts/meeting-questions.js';
import type { MeetingRecord } from '../../src/store/meetings.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { buttonClick, cardDecisionId, citeValues, viewSubmission } from '../support/interactions.js';

const ephemeralText = (responses: Record<string, unknown>[]) => {
  expect(responses).toHaveLength(1);
  expect(responses[0]?.response_type).toBe('ephemeral');
  return String(responses[0]?.text);
};

describe('/customer-check meeting', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const meetingRows = () => harness.store.db.prepare('SELECT id FROM meetings').all() as { id: number }[];

  /** Opens a meeting in #product and forgets the calls made so far, so each test sees only what follows. */
  async function openMeeting(topic = 'Pricing review'): Promise<MeetingRecord> {
    ephemeralText(await harness.command(`meeting ${topic}`));
    const [row] = meetingRows();
    const meeting = row === undefined ? undefined : harness.store.meetings.get(row.id);
    if (meeting === undefined) throw new Error('no meeting recorded');
    harness.fake.reset();
    return meeting;
  }

  /** What the meeting card shows after its latest update. */
  function latestCard(meeting: MeetingRecord): string {
    const updates = harness.fake.callsTo('chat.update').filter((call) => call.args.ts === meeting.cardTs);
    const latest = updates.at(-1);
    if (latest === undefined) throw new Error('the meeting card was never updated');
    expect(latest.args.channel).toBe('C0PRODUCT');
    return JSON.stringify(latest.args.blocks);
  }

  async function decideInMeeting(meeting: MeetingRecord, text: string): Promise<string> {
    const message = channelMessage({ text, thread_ts: meeting.cardTs });
    await sendEvent(harness.target, message);
    return String(message.ts);
  }

  it('posts the card to the channel, not in a thread, records the meeting and says so', async () => {
    const responses = await harness.command('meeting Pricing review');

    expect(ephemeralText(responses)).toContain('Meeting card posted in #product');
    const posts = harness.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.args.channel).toBe('C0PRODUCT');
    expect(posts[0]?.args).not.toHaveProperty('thread_ts');
    const shown = JSON.stringify(posts[0]?.args.blocks);
    const questions = meetingQuestions(loadPromptLibrary([BUILT_IN_PROMPTS_DIR]));
    for (const text of [
      '*Meeting: Pricing review*',
      'Opened by <@U0ALICE>',
      "This seat is the customer's",
      'None yet.',
    ]) {
      expect(shown).toContain(text);
    }
    for (const prompt of [questions.breadLine, ...questions.workingBackwards]) expect(shown).toContain(prompt?.text);

    const rows = meetingRows();
    expect(rows).toHaveLength(1);
    const meeting = harness.store.meetings.get(rows[0]?.id ?? 0);
    expect(meeting).toMatchObject({
      teamId: TEAM_ID,
      channelId: 'C0PRODUCT',
      cardTs: expect.stringMatching(/^\d{10}\.\d{6}$/),
      topic: 'Pricing review',
      createdBy: 'U0ALICE',
      createdAt: harness.clock.now(),
    });
    expect(harness.store.meetings.findByCard(TEAM_ID, 'C0PRODUCT', meeting?.cardTs ?? '')).toEqual(meeting);
  });

  it('ties a decision announced in the card’s thread to the meeting, asks as usual, then lists it on the card', async () => {
    const meeting = await openMeeting();
    const ts = await decideInMeeting(meeting, 'Decision: we raise the Pro plan to $49.');

    const decision = harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', ts);
    expect(decision).toMatchObject({ meetingId: meeting.id, threadTs: meeting.cardTs, status: 'pending' });
    const [question] = harness.fake.callsTo('chat.postMessage');
    expect(question?.args.thread_ts).toBe(meeting.cardTs);
    const methods = harness.fake.calls.map((call) => call.method);
    expect(methods.lastIndexOf('chat.update')).toBeGreaterThan(methods.indexOf('chat.postMessage'));
    const card = latestCard(meeting);
    expect(card).toContain('*Meeting: Pricing review*');
    expect(card).toContain('1 decision, 0 citing customer insight.');
    expect(card).toContain(`:grey_question: <${decision?.permalink}|Decision: we raise the Pro plan to $49.>`);
    expect(card).toContain('waiting for an answer');
  });

  it('lists a decision that already cites insight as cited', async () => {
    const meeting = await openMeeting();
    await decideInMeeting(meeting, 'Decision: annual plans get 20% off. 9 of 12 customer interviews asked for it.');

    expect(harness.fake.callsTo('reactions.add')).toHaveLength(1);
    expect(latestCard(meeting)).toContain('customer insight cited: Customer interview');
  });

  it('leaves decisions outside the thread, and in other threads, out of the meeting', async () => {
    const meeting = await openMeeting();
    const topLevel = channelMessage({ text: 'Decision: we move CI to GitHub Actions.' });
    const otherThread = channelMessage({
      text: 'Decision: we ship the importer first.',
      thread_ts: '1763800000.000100',
    });
    await sendEvent(harness.target, topLevel);
    await sendEvent(harness.target, otherThread);

    for (const message of [topLevel, otherThread]) {
      expect(harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', String(message.ts))?.meetingId).toBeNull();
    }
    expect(harness.fake.callsTo('chat.update')).toHaveLength(0);
    expect(harness.store.decisions.listForMeeting(meeting.id)).toEqual([]);
  });

  describe('keeps the card current', () => {
    let meeting: MeetingRecord;
    let ts: string;
    let decisionId: string;
    let questionTs: string;
    beforeEach(async () => {
      meeting = await openMeeting();
      ts = await decideInMeeting(meeting, 'Decision: we drop the annual-only plan.');
      decisionId = cardDecisionId(harness.fake.callsTo('chat.postMessage')[0]);
      questionTs = harness.store.decisions.get(Number(decisionId))?.cardTs ?? '';
      harness.fake.reset();
    });

    it('a one-click answer updates the meeting card', async () => {
      await sendInteraction(
        harness.target,
        buttonClick({
          actionId: ActionId.noInsightYet,
          value: decisionId,
          cardTs: questionTs,
          threadTs: meeting.cardTs,
        }),
      );

      const card = latestCard(meeting);
      expect(card).toContain(':hourglass_flowing_sand: ');
      expect(card).toContain('no insight yet');
      expect(card).not.toContain('waiting for an answer');
    });

    it('citing insight in the form updates the meeting card', async () => {
      await sendInteraction(
        harness.target,
        viewSubmission({
          callbackId: ViewId.citeInsight,
          privateMetadata: JSON.stringify({ decisionId: Number(decisionId) }),
          values: citeValues({ kind: 'survey', customer: 'Finance admins at mid-size accounts' }),
        }),
      );

      const card = latestCard(meeting);
      expect(card).toContain('1 decision, 1 citing customer insight.');
      expect(card).toContain(':white_check_mark: ');
      expect(card).toContain('customer insight cited: Survey or NPS');
    });

    it('an edit updates the decision’s line', async () => {
      await sendEvent(harness.target, {
        type: 'message',
        subtype: 'message_changed',
        channel: 'C0PRODUCT',
        hidden: true,
        ts: '1763999500.000100',
        event_ts: '1763999500.000100',
        message: { type: 'message', ts, user: 'U0ALICE', text: 'Decision: we drop the monthly-only plan.' },
      });

      const card = latestCard(meeting);
      expect(card).toContain('Decision: we drop the monthly-only plan.');
      expect(card).not.toContain('annual-only');
    });

    it('deleting the decision message takes it off the card', async () => {
      await sendEvent(harness.target, {
        type: 'message',
        subtype: 'message_deleted',
        channel: 'C0PRODUCT',
        hidden: true,
        deleted_ts: ts,
        ts: '1763999600.000100',
      });

      expect(harness.store.decisions.listForMeeting(meeting.id)).toEqual([]);
      const card = latestCard(meeting);
      expect(card).toContain('None yet.');
      expect(card).not.toContain('annual-only');
    });
  });

  it('never echoes a broadcast typed into the topic: the card shows it as plain text', async () => {
    const responses = await harness.command('meeting <!channel> pricing & <@U0BOB>');

    const [post] = harness.fake.callsTo('chat.postMessage');
    const sent = JSON.stringify([post?.args, responses]);
    expect(sent).not.toMatch(/<!channel>|<@U0BOB>/);
    expect(JSON.stringify(post?.args.blocks)).toContain('*Meeting: @channel pricing &amp; @U0BOB*');
    expect(harness.store.meetings.get(meetingRows()[0]?.id ?? 0)?.topic).toBe('@channel pricing & @U0BOB');
  });

  it('takes a topic of exactly 150 characters', async () => {
    expect(ephemeralText(await harness.command(`meeting ${'a'.repeat(150)}`))).toContain('Meeting card posted');
    expect(meetingRows()).toHaveLength(1);
  });

  describe('bad input: a clear ephemeral message, nothing posted or stored', () => {
    it.each([
      ['no topic', 'meeting', 'needs a topic, like `/customer-check meeting Pricing review`'],
      ['a topic over 150 characters', `meeting ${'a'.repeat(151)}`, 'That topic is 151 characters; keep it to 150.'],
      ['a long topic with a broadcast', `meeting <!channel> ${'a'.repeat(150)}`, 'That topic is 159 characters'],
    ])('%s', async (_case, text, message) => {
      const shown = ephemeralText(await harness.command(text));

      expect(shown).toContain(message);
      expect(shown).toContain('Nothing was posted.');
      expect(shown).not.toContain('<!channel>');
      expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
      expect(meetingRows()).toHaveLength(0);
    });

    it('a card Slack would not post', async () => {
      harness.fake.failNext('chat.postMessage', { error: 'msg_too_long' });

      const shown = ephemeralText(await harness.command('meeting Pricing review'));

      expect(shown).toContain('Slack did not post the meeting card (msg_too_long). Nothing was stored');
      expect(meetingRows()).toHaveLength(0);
    });
  });
});
