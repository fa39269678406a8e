import { describe, expect, it } from 'vitest';
import { digestMessage, MAX_LISTED_DECISIONS } from '../../src/blocks/digest-message.js';
import { buildDigest, type DigestDecision, type DigestInput } from '../../src/digest/build-digest.js';
import { digestText } from '../../src/digest/digest-text.js';
import { isoWeekKey, parseIsoWeek, weekRanges } from '../../src/stats/week-ranges.js';
import type { WeekCounts } from '../../src/stats/weekly-counts.js';

const PRODUCT = { id: 'C1', name: 'product' };
const GROWTH = { id: 'C2', name: 'growth' };
const BERLIN = 'Europe/Berlin';
const week = parseIsoWeek('2026-W47', BERLIN);

let nextId = 1;
const decision = (fields: Partial<DigestDecision>): DigestDecision => ({
  id: nextId++,
  channelId: PRODUCT.id,
  summary: 'Decision: we ship the importer first.',
  permalink: 'https://fake.slack.test/archives/C1/p1',
  status: 'pending',
  evidenceKind: null,
  customerWho: null,
  benefit: null,
  promptId: 'bread-line',
  createdAt: week.start + 3_600_000,
  ...fields,
});

/** Twelve weeks ending with `last`, each week before with `before` counts. */
function trend(
  last: { start: number; end: number },
  timeZone: string,
  before: Pick<WeekCounts, 'cited' | 'uncited'>,
): WeekCounts[] {
  return weekRanges(last.start, timeZone, 12).map((range, index, all) => ({
    ...range,
    ...(index === all.length - 1 ? { cited: 0, uncited: 0 } : before),
    notCustomerFacing: 0,
  }));
}

function input(fields: Partial<DigestInput>): DigestInput {
  return {
    audience: { kind: 'channel', channel: PRODUCT },
    week,
    period: '2026-W47',
    timeZone: BERLIN,
    decisions: [],
    trend: trend(week, BERLIN, { cited: 1, uncited: 3 }),
    channels: [PRODUCT, GROWTH],
    channelCounts: [],
    ...fields,
  };
}

const blocksOf = (digest: ReturnType<typeof buildDigest>, question: string | null = null) =>
  JSON.stringify(digestMessage(digest ?? (undefined as never), question).blocks);

describe('buildDigest', () => {
  it('is null on a quiet week, even when other weeks and other channels had decisions', () => {
    expect(
      buildDigest(
        input({
          decisions: [decision({ createdAt: week.start - 1 }), decision({ createdAt: week.end })],
        }),
      ),
    ).toBeNull();
    expect(buildDigest(input({ channels: [GROWTH], decisions: [decision({})] }))).toBeNull();
  });

  it('counts the week, compares with the 4 weeks before and lists what was decided without insight', () => {
    const digest = buildDigest(
      input({
        decisions: [
          decision({
            status: 'cited',
            evidenceKind: 'interview',
            customerWho: 'Finance admins',
            benefit: 'Monthly billing',
            createdAt: week.start + 5,
          }),
          decision({ status: 'cited', evidenceKind: 'interview', createdAt: week.start + 6 }),
          decision({ status: 'none', summary: 'Decision: <b>we</b> drop annual', createdAt: week.start + 2 }),
          decision({ status: 'not-customer-facing', promptId: 'empty-chair', createdAt: week.start + 7 }),
          decision({ status: 'dismissed', promptId: 'empty-chair', createdAt: week.start + 8 }),
        ],
      }),
    );
    expect(digest).toMatchObject({
      total: 5,
      cited: 2,
      uncited: 1,
      notCustomerFacing: 1,
      previousShare: 0.25,
      evidenceKinds: [{ kind: 'interview', count: 2 }],
      mostAskedPromptId: 'bread-line',
      quotes: [
        { customerWho: 'Finance admins', benefit: 'Monthly billing', channelName: 'product' },
        { customerWho: null },
      ],
    });
    expect(digest?.share).toBeCloseTo(2 / 3);
    expect(digest?.trend).toHaveLength(12);
    const shown = blocksOf(digest, 'Who stands at the other end?');
    expect(shown).toContain('week of Nov 16 (2026-W47)');
    expect(shown).toContain('67%, up 42 points on the 4 weeks before');
    expect(shown).toContain('&lt;b&gt;we&lt;/b&gt;');
    expect(shown).toContain('Question asked most');
  });

  it('compares only with the 4 weeks before, not with the whole trend', () => {
    const weeks = trend(week, BERLIN, { cited: 0, uncited: 0 });
    // Eight weeks ago everything was cited; the four weeks before this one, a quarter.
    for (const [index, each] of weeks.entries()) {
      if (index < 7) Object.assign(each, { cited: 9, uncited: 0 });
      else if (index < 11) Object.assign(each, { cited: 1, uncited: 3 });
    }
    const digest = buildDigest(input({ trend: weeks, decisions: [decision({ status: 'cited' })] }));
    expect(digest?.previousShare).toBe(0.25);
  });

  it('says so in one line when everything was cited', () => {
    const digest = buildDigest(input({ decisions: [decision({ status: 'cited' })] }));
    expect(blocksOf(digest)).toContain('Every customer-facing decision this week cited customer insight.');
    expect(digestText(digest ?? (undefined as never), null)).toContain('Every customer-facing decision');
  });

  it('keeps a week of 500 decisions inside Slack’s limits, with "and N more"', () => {
    const digest = buildDigest(
      input({
        decisions: Array.from({ length: 500 }, (_, index) =>
          decision({ summary: `${'Decision: a long one. '.repeat(12)}${index}`, createdAt: week.start + index }),
        ),
      }),
    );
    const message = digestMessage(digest ?? (undefined as never), 'Q'.repeat(300), {
      fileId: 'F1',
      altText: 'x'.repeat(3000),
    });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(message.blocks)).toContain(`and ${500 - MAX_LISTED_DECISIONS} more`);
    for (const block of message.blocks) {
      const text = (block as { text?: { text: string } }).text?.text ?? '';
      expect(text.length).toBeLessThanOrEqual(3000);
    }
    const image = message.blocks.find((block) => block.type === 'image') as { alt_text: string } | undefined;
    expect(image?.alt_text.length).toBe(2000);
    expect(message.text.length).toBeLessThan(4000);
  });

  it('never carries a live mention or broadcast, and asks Slack not to parse any', () => {
    const digest = buildDigest(
      input({
        decisions: [
          decision({ summary: 'Decision: ship it <!channel> <@U123> @here', status: 'none' }),
          decision({ status: 'cited', customerWho: '<!everyone> admins', benefit: '<@U9> saves time' }),
        ],
      }),
    );
    const message = digestMessage(digest ?? (undefined as never), null);
    const shown = JSON.stringify(message.blocks);
    expect(shown).not.toMatch(/<[@!#]/);
    const mrkdwn = message.blocks.flatMap((block) => {
      const withText = block as { text?: { type: string; verbatim?: boolean }; elements?: unknown[] };
      return [
        ...(withText.text?.type === 'mrkdwn' ? [withText.text] : []),
        ...((withText.elements ?? []) as { type: string; verbatim?: boolean }[]).filter((e) => e.type === 'mrkdwn'),
      ];
    });
    expect(mrkdwn.length).toBeGreaterThan(3);
    expect(mrkdwn.every((text) => text.verbatim === true)).toBe(true);
  });

  it('names the channel that improved most, among those with enough decisions to compare', () => {
    const digest = buildDigest(
      input({
        decisions: [decision({})],
        channelCounts: [
          { channelId: PRODUCT.id, cited: 2, uncited: 1, citedBefore: 1, uncitedBefore: 2 },
          { channelId: GROWTH.id, cited: 3, uncited: 0, citedBefore: 0, uncitedBefore: 4 },
          // Went from 0% to 100%, but on one decision: too few to call it an improvement.
          { channelId: 'C3', cited: 1, uncited: 0, citedBefore: 0, uncitedBefore: 1 },
        ],
        channels: [PRODUCT, GROWTH, { id: 'C3', name: 'tiny' }],
      }),
    );
    expect(digest?.improvedMost).toEqual({ channel: GROWTH, share: 1, previousShare: 0 });
    expect(blocksOf(digest)).toContain('Improved most: #growth, 0% → 100% cited.');
  });

  it('never names a channel the reader may not see, and says nothing when none improved', () => {
    const counts = [{ channelId: 'CPRIVATE', cited: 5, uncited: 0, citedBefore: 0, uncitedBefore: 5 }];
    expect(buildDigest(input({ decisions: [decision({})], channelCounts: counts }))?.improvedMost).toBeNull();
    const worse = [{ channelId: PRODUCT.id, cited: 0, uncited: 5, citedBefore: 5, uncitedBefore: 0 }];
    const digest = buildDigest(input({ decisions: [decision({})], channelCounts: worse }));
    expect(digest?.improvedMost).toBeNull();
    expect(blocksOf(digest)).not.toContain('Improved most');
  });

  it('gives a person their channels together, naming each decision’s channel', () => {
    const digest = buildDigest(
      input({
        audience: { kind: 'person', userId: 'U1' },
        decisions: [
          decision({ channelId: GROWTH.id, summary: 'Decision: growth drops the trial' }),
          decision({ channelId: PRODUCT.id }),
        ],
      }),
    );
    expect(digest?.total).toBe(2);
    const shown = blocksOf(digest);
    expect(shown).toContain('Your empty chair digest');
    expect(shown).toContain('#growth: <https://fake.slack.test/archives/C1/p1|Decision: growth drops the trial>');
    // A DM has no channel to check a clicker against; its buttons are answered as on the App Home.
    expect(shown).toContain('"action_id":"home_cite_insight"');
  });

  it('takes the week in the reader’s time zone, east of UTC and across DST changes', () => {
    const tokyo = parseIsoWeek('2026-W47', 'Asia/Tokyo');
    expect(new Date(tokyo.start).toISOString()).toBe('2026-11-15T15:00:00.000Z');
    const sundayNightUtc = tokyo.start - 3_600_000;
    const digest = buildDigest(
      input({
        week: tokyo,
        timeZone: 'Asia/Tokyo',
        trend: trend(tokyo, 'Asia/Tokyo', { cited: 0, uncited: 0 }),
        decisions: [
          decision({ createdAt: tokyo.start + 1 }),
          // Monday 08:00 in Tokyo but still Sunday in UTC: in the week before.
          decision({ createdAt: sundayNightUtc }),
        ],
      }),
    );
    expect(digest?.total).toBe(1);
    expect(blocksOf(digest)).toContain('week of Nov 16 (2026-W47)');

    // The week Berlin leaves summer time has 169 hours; a decision in its last hour still belongs to it.
    const autumn = parseIsoWeek('2026-W43', BERLIN);
    expect(autumn.end - autumn.start).toBe(169 * 3_600_000);
    const lastHour = buildDigest(
      input({
        week: autumn,
        period: isoWeekKey(autumn, BERLIN),
        trend: trend(autumn, BERLIN, { cited: 0, uncited: 0 }),
        decisions: [decision({ createdAt: autumn.end - 1 })],
      }),
    );
    expect(lastHour?.total).toBe(1);
    expect(lastHour?.period).toBe('2026-W43');
  });

  it('prints as text with every uncited decision and the same sentences as the Slack message', () => {
    const digest = buildDigest(
      input({ decisions: Array.from({ length: 25 }, (_, index) => decision({ summary: `Decision ${index}` })) }),
    );
    const text = digestText(digest ?? (undefined as never), 'Who pays?');
    expect(text.split('\n')[0]).toBe('Empty chair digest: #product, week of Nov 16 (2026-W47)');
    expect(text).toContain('25 decisions: 0 cited customer insight (0%, down 25 points on the 4 weeks before)');
    expect(text).toContain('Decision 24');
    expect(text).toContain('Question asked most: Who pays?');
  });
});
