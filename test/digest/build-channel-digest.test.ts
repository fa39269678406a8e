import { describe, expect, it } from 'vitest';
import { digestMessage, MAX_LISTED_DECISIONS } from '../../src/blocks/digest-message.js';
import { buildChannelDigest, type DigestDecision } from '../../src/digest/build-channel-digest.js';

const START = Date.parse('2026-11-16T00:00:00Z');
const week = { start: START, end: START + 7 * 86_400_000 };

let nextId = 1;
const decision = (fields: Partial<DigestDecision>): DigestDecision => ({
  id: nextId++,
  summary: 'Decision: we ship the importer first.',
  permalink: 'https://fake.slack.test/archives/C1/p1',
  status: 'pending',
  evidenceKind: null,
  customerWho: null,
  benefit: null,
  promptId: 'bread-line',
  createdAt: START + 3_600_000,
  ...fields,
});

describe('buildChannelDigest', () => {
  it('is null on a quiet week', () => {
    expect(
      buildChannelDigest({
        channelName: 'product',
        week,
        decisions: [decision({ createdAt: START - 1 })],
        previousWeeks: [],
      }),
    ).toBeNull();
  });

  it('counts the week, compares with the 4 weeks before and lists what was decided without insight', () => {
    const digest = buildChannelDigest({
      channelName: 'product',
      week,
      decisions: [
        decision({
          status: 'cited',
          evidenceKind: 'interview',
          customerWho: 'Finance admins',
          benefit: 'Monthly billing',
          createdAt: START + 5,
        }),
        decision({ status: 'cited', evidenceKind: 'interview', createdAt: START + 6 }),
        decision({ status: 'none', summary: 'Decision: <b>we</b> drop annual', createdAt: START + 2 }),
        decision({ status: 'not-customer-facing', promptId: 'empty-chair', createdAt: START + 7 }),
      ],
      previousWeeks: [{ start: 0, end: 1, cited: 1, uncited: 3, notCustomerFacing: 0 }],
    });
    expect(digest).toMatchObject({
      total: 4,
      cited: 2,
      uncited: 1,
      notCustomerFacing: 1,
      previousShare: 0.25,
      evidenceKinds: [{ kind: 'interview', count: 2 }],
      mostAskedPromptId: 'bread-line',
      quotes: [{ customerWho: 'Finance admins', benefit: 'Monthly billing' }],
    });
    expect(digest?.share).toBeCloseTo(2 / 3);
    const message = digestMessage(digest ?? (undefined as never), 'Europe/Berlin', 'Who stands at the other end?');
    const shown = JSON.stringify(message.blocks);
    expect(shown).toContain('week of Nov 16');
    expect(shown).toContain('67%, up 42 points on the 4 weeks before');
    expect(shown).toContain('&lt;b&gt;we&lt;/b&gt;');
    expect(shown).toContain('Question asked most');
  });

  it('says so in one line when everything was cited, and caps the list with "and N more"', () => {
    const allCited = buildChannelDigest({
      channelName: 'p',
      week,
      decisions: [decision({ status: 'cited' })],
      previousWeeks: [],
    });
    expect(JSON.stringify(digestMessage(allCited ?? (undefined as never), 'UTC', null).blocks)).toContain(
      'Every customer-facing decision',
    );

    const many = buildChannelDigest({
      channelName: 'p',
      week,
      decisions: Array.from({ length: 500 }, () => decision({})),
      previousWeeks: [],
    });
    const message = digestMessage(many ?? (undefined as never), 'UTC', null);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks)).toContain(`and ${500 - MAX_LISTED_DECISIONS} more`);
  });
});
