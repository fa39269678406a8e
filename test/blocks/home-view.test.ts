import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import {
  type HomeDashboard,
  homeView,
  MAX_LISTED_DECISIONS,
  MAX_VIEW_BLOCKS,
  type TrendWeek,
  type WaitingDecision,
} from '../../src/blocks/home-view.js';
import { ActionId } from '../../src/blocks/ids.js';

const MONDAY = Date.parse('2026-11-22T23:00:00Z'); // Monday 23 November 2026, 00:00 in Berlin
const WEEK_MS = 7 * 24 * 3_600_000;

const trend = (counts: [cited: number, uncited: number][]): TrendWeek[] =>
  counts.map(([cited, uncited], index) => ({
    weekStart: MONDAY - (counts.length - 1 - index) * WEEK_MS,
    cited,
    uncited,
  }));

const waiting = (count: number): WaitingDecision[] =>
  Array.from({ length: count }, (_, index) => ({
    id: index + 1,
    channelId: 'C0PRODUCT',
    summary: `Decision number ${index + 1}.`,
    permalink: `https://fake.slack.test/archives/C0PRODUCT/p${1763900000000100 + index}`,
  }));

const dashboard = (fields: Partial<HomeDashboard> = {}): HomeDashboard => ({
  timeZone: 'Europe/Berlin',
  thisWeek: { cited: 1, uncited: 2, notCustomerFacing: 1 },
  waiting: waiting(2),
  trend: trend([...Array.from({ length: 10 }, (): [number, number] => [0, 0]), [1, 1], [1, 2]]),
  subscription: null,
  ...fields,
});

const texts = (view: types.HomeView): string => JSON.stringify(view.blocks);
const actionBlocks = (view: types.HomeView) =>
  view.blocks.filter((block): block is types.ActionsBlock => block.type === 'actions');

describe('homeView', () => {
  it('states this week in the viewer’s time zone with cited, uncited and not customer-facing counts', () => {
    const shown = texts(homeView(dashboard()));
    expect(shown).toContain('*This week* (since Mon 23 Nov, Europe/Berlin)');
    expect(shown).toContain('4 decisions. *1* cited customer insight (33%), *2* without, 1 not customer-facing.');
  });

  it('says so when there were no decisions this week, and nothing waits', () => {
    const shown = texts(
      homeView(
        dashboard({ thisWeek: { cited: 0, uncited: 0, notCustomerFacing: 0 }, waiting: [], trend: trend([[0, 0]]) }),
      ),
    );
    expect(shown).toContain('no decisions yet');
    expect(shown).toContain('Nothing from this week is waiting for an answer.');
    expect(shown).not.toContain('"actions"');
  });

  it('draws the trend as a sparkline of the cited share, with the numbers, oldest first', () => {
    const shown = texts(
      homeView(
        dashboard({
          trend: trend([
            [0, 0],
            [0, 4],
            [2, 2],
            [4, 0],
          ]),
        }),
      ),
    );
    expect(shown).toContain('the last 4 weeks');
    expect(shown).toContain('`·▁▅█`');
    expect(shown).toContain('Cited/customer-facing: 0/0 0/4 2/4 4/4');
  });

  it('lists each waiting decision with its channel, a link to it and the three answers', () => {
    const view = homeView(dashboard());
    const shown = texts(view);
    expect(shown).toContain('*Waiting for an answer* (2)');
    expect(shown).toContain(
      '<#C0PRODUCT> · <https://fake.slack.test/archives/C0PRODUCT/p1763900000000100|open in Slack>',
    );
    expect(shown).toContain('>Decision number 1.');
    expect(
      actionBlocks(view).map((block) =>
        block.elements.map((element) => [element.action_id, 'value' in element ? element.value : undefined]),
      ),
    ).toEqual(
      [1, 2].map((id) => [
        [ActionId.homeCiteInsight, String(id)],
        [ActionId.homeNoInsightYet, String(id)],
        [ActionId.homeNotCustomerFacing, String(id)],
      ]),
    );
  });

  it('escapes the summary, so no link, mention or broadcast can be smuggled in', () => {
    const view = homeView(
      dashboard({
        waiting: [
          {
            id: 7,
            channelId: 'C0PRODUCT',
            summary: 'Use <https://evil.test|the docs> & <!channel>\nthen ship',
            permalink: null,
          },
        ],
      }),
    );
    const sections = view.blocks.filter((block) => block.type === 'section') as types.SectionBlock[];
    const section = sections.find((block) => (block.text?.text ?? '').includes('#C0PRODUCT'));
    expect(section?.text?.text).toBe(
      '<#C0PRODUCT>\n>Use &lt;https://evil.test|the docs&gt; &amp; &lt;!channel&gt;\n>then ship',
    );
  });

  it('stays within Slack’s 100 blocks with 500 waiting decisions and counts the rest', () => {
    const view = homeView(dashboard({ waiting: waiting(500) }));
    expect(view.blocks.length).toBeLessThanOrEqual(MAX_VIEW_BLOCKS);
    expect(actionBlocks(view)).toHaveLength(MAX_LISTED_DECISIONS);
    const shown = texts(view);
    expect(shown).toContain('*Waiting for an answer* (500)');
    expect(shown).toContain(`and ${500 - MAX_LISTED_DECISIONS} more`);
  });

  it('has no "and N more" when every waiting decision is listed', () => {
    expect(texts(homeView(dashboard({ waiting: waiting(MAX_LISTED_DECISIONS) })))).not.toContain('more');
  });

  it.each([
    [null, 'not subscribed'],
    [{ enabled: false, weekday: 1, hour: 9, timeZone: 'Europe/Berlin' }, 'Weekly digest by DM:* off.'],
    [
      { enabled: true, weekday: 0, hour: 7, timeZone: 'Asia/Tokyo' },
      'Weekly digest by DM:* on, Sundays at 07:00 (Asia/Tokyo).',
    ],
  ])('shows the digest subscription %j and a button to change it', (subscription, shownText) => {
    const view = homeView(dashboard({ subscription }));
    const last = view.blocks.at(-1) as types.SectionBlock;
    expect(last.text?.text).toContain(shownText);
    expect(last.accessory).toMatchObject({ type: 'button', action_id: ActionId.homeDigestSettings });
  });
});
