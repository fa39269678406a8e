import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, ViewId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { FILE_UPLOAD_METHOD } from '../../src/emulator/slack-web-api.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { buttonClick, citeValues, viewSubmission } from '../support/interactions.js';
import { csvObjects } from '../support/parse-csv.js';

const MINUTE = 60_000;

describe('/customer-check export', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  const textOf = (responses: Record<string, unknown>[]) => {
    expect(responses).toHaveLength(1);
    expect(responses[0]?.response_type).toBe('ephemeral');
    return String(responses[0]?.text);
  };

  /** Announces a decision as a real message event and returns its record. */
  async function announce(text: string, fields: { channel?: string; user?: string } = {}) {
    const message = channelMessage({ text, ...fields });
    await sendEvent(harness.target, message);
    const recorded = harness.store.decisions.findByMessage(TEAM_ID, fields.channel ?? 'C0PRODUCT', String(message.ts));
    if (recorded === undefined) throw new Error(`not recorded as a decision: ${text}`);
    return recorded;
  }

  const uploadedCsv = () => {
    const uploads = harness.fake.callsTo(FILE_UPLOAD_METHOD);
    expect(uploads).toHaveLength(1);
    return String(uploads[0]?.args.content);
  };

  const noFileSent = () => {
    expect(harness.fake.callsTo('files.getUploadURLExternal')).toHaveLength(0);
    expect(harness.fake.callsTo('files.completeUploadExternal')).toHaveLength(0);
  };

  it("sends the channel's decisions as CSV to the requester's DM only, and says so", async () => {
    const pricing = await announce('Decision: we drop the annual-only plan.');
    await sendInteraction(
      harness.target,
      viewSubmission({
        callbackId: ViewId.citeInsight,
        privateMetadata: JSON.stringify({ decisionId: pricing.id }),
        values: citeValues({
          kind: 'interview',
          link: 'https://notes.example.com/interviews/42',
          customer: 'Finance admins, "mid-size" accounts',
          benefit: '=HYPERLINK("https://evil.example","monthly billing")',
        }),
      }),
    );
    harness.clock.advance(5 * MINUTE);
    const ci = await announce('Decision: we move CI to GitHub Actions.', { user: 'U0BOB' });
    await sendInteraction(
      harness.target,
      buttonClick({ actionId: ActionId.noInsightYet, value: String(ci.id), cardTs: ci.cardTs ?? '', user: 'U0CAROL' }),
    );
    harness.clock.advance(5 * MINUTE);
    await announce('Decision: we add SSO because 9 of 12 interviews asked for it.');
    await announce('Decision: we pause the referral program.', { channel: 'C0GROWTH' });
    harness.fake.reset();

    const shown = textOf(await harness.command('export', { user: 'U0CAROL' }));

    expect(harness.fake.callsTo('conversations.open').map((call) => call.args.users)).toEqual(['U0CAROL']);
    expect(harness.fake.callsTo('files.getUploadURLExternal')[0]?.args.filename).toBe(
      'empty-chair-product-2026-11-23.csv',
    );
    const completions = harness.fake.callsTo('files.completeUploadExternal');
    expect(completions).toHaveLength(1);
    expect(completions[0]?.args.channel_id).toBe('DU0CAROL');
    expect(completions[0]?.args.files).toEqual([
      { id: expect.any(String), title: 'Decisions in #product, 2026-11-23' },
    ]);
    expect(completions[0]?.args.initial_comment).toContain('3 decisions recorded in <#C0PRODUCT>');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.fake.callsTo('chat.postEphemeral')).toHaveLength(0);

    const rows = csvObjects(uploadedCsv());
    expect(rows).toEqual([
      {
        decided_at: '2026-11-23T10:00:00.000Z',
        channel_id: 'C0PRODUCT',
        channel_name: 'product',
        permalink: expect.stringMatching(/^https:\/\/fake\.slack\.test\/archives\/C0PRODUCT\/p\d+$/),
        author_id: 'U0ALICE',
        summary: 'Decision: we drop the annual-only plan.',
        source: 'message',
        category: 'pricing',
        one_way_door: 'true',
        status: 'cited',
        evidence_kind: 'interview',
        evidence_link: 'https://notes.example.com/interviews/42',
        customer: 'Finance admins, "mid-size" accounts',
        benefit: `'=HYPERLINK("https://evil.example","monthly billing")`,
        answered_by: 'U0BOB',
        answered_at: '2026-11-23T10:00:00.000Z',
        detected_evidence: '',
      },
      expect.objectContaining({
        decided_at: '2026-11-23T10:05:00.000Z',
        author_id: 'U0BOB',
        summary: 'Decision: we move CI to GitHub Actions.',
        category: 'technical',
        one_way_door: 'false',
        status: 'none',
        evidence_kind: '',
        answered_by: 'U0CAROL',
        answered_at: '2026-11-23T10:05:00.000Z',
      }),
      expect.objectContaining({
        decided_at: '2026-11-23T10:10:00.000Z',
        summary: 'Decision: we add SSO because 9 of 12 interviews asked for it.',
        status: 'cited',
        evidence_kind: 'interview',
        answered_by: '',
        answered_at: '',
        detected_evidence: 'interview',
      }),
    ]);

    expect(shown).toContain('Sent 3 decisions to you in a DM');
    expect(shown).toContain('empty-chair-product-2026-11-23.csv');
  });

  it('an empty channel gets a clear answer and no file', async () => {
    await announce('Decision: we pause the referral program.', { channel: 'C0GROWTH' });
    harness.fake.reset();

    expect(textOf(await harness.command('export'))).toContain('No decisions recorded in #product yet');
    expect(harness.fake.callsTo('conversations.open')).toHaveLength(0);
    noFileSent();
  });

  it('arguments are refused and nothing is sent', async () => {
    await announce('Decision: we drop the annual-only plan.');
    harness.fake.reset();

    expect(textOf(await harness.command('export everything'))).toContain('takes no arguments');
    noFileSent();
  });

  it('a failing upload names the problem, claims nothing and changes nothing stored', async () => {
    const recorded = await announce('Decision: we drop the annual-only plan.');
    harness.fake.failNext('files.completeUploadExternal', { error: 'not_allowed' });

    const shown = textOf(await harness.command('export'));

    expect(harness.fake.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(shown).toContain('could not send you the export of #product');
    expect(shown).toContain('`not_allowed`');
    expect(shown).not.toContain('Sent');
    expect(harness.store.decisions.get(recorded.id)).toEqual(recorded);
    expect(harness.store.decisions.count()).toBe(1);
    expect(harness.logs).toContainEqual(
      expect.objectContaining({ msg: 'could not send the export', error: 'not_allowed', channel: 'C0PRODUCT' }),
    );
  });

  it('a missing permission says how to fix it', async () => {
    await announce('Decision: we drop the annual-only plan.');
    harness.fake.failNext('conversations.open', { error: 'missing_scope' });

    const shown = textOf(await harness.command('export'));

    expect(shown).toContain('`im:write` and `files:write`');
    expect(shown).toContain('reinstall the app');
    noFileSent();
  });

  it('exports 10,000 decisions, oldest first', async () => {
    const total = 10_000;
    const start = harness.clock.now();
    // Recorded newest first, so the export's order can only come from created_at, not from insertion.
    harness.store.db.transaction(() => {
      for (let i = total - 1; i >= 0; i--) {
        harness.store.decisions.record(
          {
            teamId: TEAM_ID,
            channelId: 'C0PRODUCT',
            messageTs: `${1_763_000_000 + i}.000100`,
            threadTs: null,
            authorId: 'U0ALICE',
            summary: `Decision ${i}: we ship, "carefully", step ${i}.`,
            category: 'scope',
            oneWayDoor: false,
            confidence: 0.9,
            detectedEvidence: [],
            cited: i % 2 === 0,
          },
          start - (total - i) * MINUTE,
        );
      }
      harness.store.decisions.record(
        {
          teamId: TEAM_ID,
          channelId: 'C0GROWTH',
          messageTs: '1763000000.000900',
          threadTs: null,
          authorId: 'U0ALICE',
          summary: 'Decision: elsewhere.',
          category: 'scope',
          oneWayDoor: false,
          confidence: 0.9,
          detectedEvidence: [],
          cited: false,
        },
        start,
      );
    })();

    const shown = textOf(await harness.command('export'));

    const rows = csvObjects(uploadedCsv());
    expect(rows).toHaveLength(total);
    expect(rows.map((row) => row.summary)).toEqual(
      Array.from({ length: total }, (_, i) => `Decision ${i}: we ship, "carefully", step ${i}.`),
    );
    expect(rows[0]?.decided_at).toBe(new Date(start - total * MINUTE).toISOString());
    expect(rows.filter((row) => row.status === 'cited')).toHaveLength(total / 2);
    expect(shown).toContain('Sent 10,000 decisions to you in a DM');
  });
});
