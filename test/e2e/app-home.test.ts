import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId, ViewId } from '../../src/blocks/ids.js';
import { SubscriptionField } from '../../src/blocks/subscription-modal.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import type { FakeChannel, RecordedCall } from '../../src/emulator/slack-web-api.js';
import type { NewDecision } from '../../src/store/decisions.js';
import { channelMessage, DEFAULT_CHANNELS, type Harness, startHarness, TEAM_ID } from '../support/harness.js';
import { cardDecisionId, citeValues, type ViewValues, viewSubmission } from '../support/interactions.js';

const WEEK_MS = 7 * 24 * 3_600_000;

interface PublishedHome {
  text: string;
  /** The decision ids of the Home's answer buttons, in order, once per decision. */
  listed: number[];
}

function readHome(call: RecordedCall | undefined): PublishedHome {
  const view = call?.args.view as { type: string; blocks: { type: string; elements?: { value?: string }[] }[] };
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  const listed = view.blocks
    .filter((block) => block.type === 'actions')
    .map((block) => Number(block.elements?.[0]?.value));
  return { text: JSON.stringify(view.blocks), listed };
}

/** A block_actions payload as Slack sends it for a button on the App Home: a view container, no channel. */
function homeClick(actionId: string, value: string | undefined, user = 'U0ALICE'): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: TEAM_ID, domain: 'fake-team' },
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: 'A0FAKEAPP',
    token: 'fake-verification-token',
    trigger_id: '777.888.home',
    container: { type: 'view', view_id: 'V0HOME' },
    view: { id: 'V0HOME', team_id: TEAM_ID, type: 'home', blocks: [], private_metadata: '', callback_id: '' },
    actions: [
      {
        type: 'button',
        action_id: actionId,
        block_id: 'home_block',
        ...(value === undefined ? {} : { value }),
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}

function subscriptionValues(fields: {
  enabled?: string;
  weekday?: string;
  hour?: string;
  timeZone?: string;
}): ViewValues {
  const select = (value: string | undefined) => ({
    type: 'static_select',
    selected_option: value === undefined ? null : { value, text: { type: 'plain_text', text: value } },
  });
  return {
    [SubscriptionField.enabled]: { [SubscriptionField.enabled]: { ...select(fields.enabled), type: 'radio_buttons' } },
    [SubscriptionField.weekday]: { [SubscriptionField.weekday]: select(fields.weekday) },
    [SubscriptionField.hour]: { [SubscriptionField.hour]: select(fields.hour) },
    [SubscriptionField.timeZone]: { [SubscriptionField.timeZone]: select(fields.timeZone) },
  };
}

describe('App Home', () => {
  let harness: Harness;

  const openHome = async (user: string, tab = 'home'): Promise<RecordedCall | undefined> => {
    const before = harness.fake.callsTo('views.publish').length;
    const response = await sendEvent(harness.target, {
      type: 'app_home_opened',
      user,
      channel: `D${user}`,
      tab,
      event_ts: '1763892000.000100',
    });
    expect(response.status).toBe(200);
    return harness.fake.callsTo('views.publish').slice(before).at(-1);
  };

  /** Announces a decision in a channel through the app, so it has a card in its thread; returns its id. */
  const announce = async (channel: string, text: string): Promise<number> => {
    const before = harness.fake.callsTo('chat.postMessage').length;
    await sendEvent(harness.target, channelMessage({ channel, text }));
    return Number(cardDecisionId(harness.fake.callsTo('chat.postMessage')[before]));
  };

  const record = (fields: Partial<NewDecision> & { messageTs: string }, at: number) =>
    harness.store.decisions.record(
      {
        teamId: TEAM_ID,
        channelId: 'C0PRODUCT',
        threadTs: null,
        authorId: 'U0BOB',
        summary: 'Decision: an older one.',
        category: 'roadmap',
        oneWayDoor: false,
        confidence: 0.9,
        detectedEvidence: [],
        cited: false,
        ...fields,
      },
      at,
    );

  afterEach(async () => {
    await harness.close();
  });

  describe('the dashboard', () => {
    let ids: Record<'productPending' | 'productCited' | 'productInternal' | 'growthPending' | 'boardPending', number>;

    beforeEach(async () => {
      harness = await startHarness();
      const now = harness.clock.now();
      ids = {
        productPending: await announce('C0PRODUCT', 'Decision: we drop the annual-only plan.'),
        productCited: await announce('C0PRODUCT', 'Decision: we ship the importer first.'),
        productInternal: await announce('C0PRODUCT', 'Decision: we move CI to GitHub Actions.'),
        growthPending: await announce('C0GROWTH', 'Decision: we stop the referral programme.'),
        boardPending: await announce('G0BOARD', 'Decision: we raise prices for enterprise plans.'),
      };
      harness.store.decisions.answer(ids.productCited, { status: 'cited', answeredBy: 'U0DAN' }, now);
      harness.store.decisions.answer(ids.productInternal, { status: 'not-customer-facing', answeredBy: 'U0DAN' }, now);
      // Last week, in #product, and this week in another workspace: only the first may show, and only in the trend.
      record({ messageTs: '1763200000.000100', cited: true, detectedEvidence: ['interview'] }, now - WEEK_MS);
      record({ messageTs: '1763200000.000200', teamId: 'T0OTHERTEAM', summary: 'Decision: not yours.' }, now);
      harness.fake.reset();
    });

    it('shows U0ALICE this week in #product and #growth, not the private #board', async () => {
      const home = readHome(await openHome('U0ALICE'));
      expect(home.text).toContain('4 decisions. *1* cited customer insight (33%), *2* without, 1 not customer-facing.');
      expect(home.text).toContain('Mon 23 Nov, Europe/Berlin');
      expect(home.listed).toEqual([ids.productPending, ids.growthPending]);
      expect(home.text).toContain('Decision: we drop the annual-only plan.');
      expect(home.text).toContain('<#C0GROWTH>');
      expect(home.text).not.toContain('enterprise plans');
      expect(home.text).not.toContain('not yours');
      expect(home.text).toMatch(/Cited\/customer-facing:( 0\/0){10} 1\/1 1\/3/);
      expect(home.text).toContain('not subscribed');
      const [conversations] = harness.fake.callsTo('users.conversations');
      expect(conversations?.args).toMatchObject({
        user: 'U0ALICE',
        types: 'public_channel,private_channel',
        exclude_archived: 'true',
      });
    });

    it('shows U0CAROL the private #board she is in, and not #growth', async () => {
      const home = readHome(await openHome('U0CAROL'));
      expect(home.listed).toEqual([ids.productPending, ids.boardPending]);
      expect(home.text).toContain('enterprise plans');
      expect(home.text).not.toContain('referral');
      expect(home.text).toContain('4 decisions. *1* cited customer insight (33%), *2* without');
    });

    it('publishes nothing for the Messages tab', async () => {
      expect(await openHome('U0ALICE', 'messages')).toBeUndefined();
      expect(harness.fake.callsTo('users.conversations')).toHaveLength(0);
    });

    it('publishes nothing, and says so in the log, when Slack will not list the viewer’s channels', async () => {
      harness.fake.failNext('users.conversations', { error: 'internal_error' });
      expect(await openHome('U0ALICE')).toBeUndefined();
      expect(harness.logs.some((line) => line.msg === 'could not publish the App Home')).toBe(true);
    });

    describe('answering from the Home', () => {
      const decision = (id: number) => harness.store.decisions.get(id);

      it.each([
        [ActionId.homeNoInsightYet, 'none', 'no customer insight yet'],
        [ActionId.homeNotCustomerFacing, 'not-customer-facing', 'not customer-facing'],
      ])(
        '%s records the answer, updates the channel card and republishes the Home',
        async (actionId, status, shown) => {
          const response = await sendInteraction(harness.target, homeClick(actionId, String(ids.productPending)));
          expect(response.status).toBe(200);
          expect(decision(ids.productPending)).toMatchObject({ status, answeredBy: 'U0ALICE' });
          const [update] = harness.fake.callsTo('chat.update');
          expect(update?.args).toMatchObject({ channel: 'C0PRODUCT', ts: decision(ids.productPending)?.cardTs });
          expect(JSON.stringify(update?.args.blocks)).toContain(shown);
          const [publish] = harness.fake.callsTo('views.publish');
          expect(publish?.args.user_id).toBe('U0ALICE');
          expect(readHome(publish).listed).toEqual([ids.growthPending]);
        },
      );

      it('Cite customer insight opens the cite form; saving it records, updates the card and republishes', async () => {
        await sendInteraction(harness.target, homeClick(ActionId.homeCiteInsight, String(ids.growthPending)));
        const [open] = harness.fake.callsTo('views.open');
        expect(open?.args.trigger_id).toBe('777.888.home');
        const view = open?.args.view as { callback_id: string; private_metadata: string };
        expect(view.callback_id).toBe(ViewId.homeCiteInsight);
        expect(decision(ids.growthPending)?.status).toBe('pending');

        const refused = await sendInteraction(
          harness.target,
          viewSubmission({
            callbackId: view.callback_id,
            privateMetadata: view.private_metadata,
            values: citeValues({ kind: 'survey', customer: '  ' }),
            user: 'U0ALICE',
          }),
        );
        expect(JSON.parse(refused.body)).toMatchObject({
          response_action: 'errors',
          errors: { customer: expect.any(String) },
        });
        expect(decision(ids.growthPending)?.status).toBe('pending');

        harness.fake.reset();
        const saved = await sendInteraction(
          harness.target,
          viewSubmission({
            callbackId: view.callback_id,
            privateMetadata: view.private_metadata,
            values: citeValues({ kind: 'survey', customer: 'Referral-heavy agencies' }),
            user: 'U0ALICE',
          }),
        );
        expect(saved.body).toBe('');
        expect(decision(ids.growthPending)).toMatchObject({
          status: 'cited',
          evidenceKind: 'survey',
          customerWho: 'Referral-heavy agencies',
          answeredBy: 'U0ALICE',
        });
        const [update] = harness.fake.callsTo('chat.update');
        expect(update?.args).toMatchObject({ channel: 'C0GROWTH', ts: decision(ids.growthPending)?.cardTs });
        expect(JSON.stringify(update?.args.blocks)).toContain('Referral-heavy agencies');
        const home = readHome(harness.fake.callsTo('views.publish')[0]);
        expect(home.listed).toEqual([ids.productPending]);
        expect(home.text).toContain('*2* cited customer insight (67%), *1* without');
      });

      it.each([
        ['in a private channel the clicker is not in', () => ids.boardPending],
        ['in a channel the clicker is not in', () => ids.growthPending],
        ['that was deleted', () => 999_999],
      ])('a decision %s: the clicker is told, the Home republished, nothing stored', async (_name, id) => {
        for (const actionId of [ActionId.homeNoInsightYet, ActionId.homeCiteInsight]) {
          harness.fake.reset();
          await sendInteraction(harness.target, homeClick(actionId, String(id()), 'U0BOB'));
          const [notice] = harness.fake.callsTo('views.open');
          expect(JSON.stringify(notice?.args.view)).toContain('Nothing was recorded');
          expect(harness.fake.callsTo('views.publish')).toHaveLength(1);
          expect(harness.fake.callsTo('chat.update')).toHaveLength(0);
        }
        expect(
          harness.store.db.prepare('SELECT COUNT(*) AS n FROM answers WHERE answered_by = ?').get('U0BOB'),
        ).toEqual({ n: 0 });
        expect(decision(ids.boardPending)?.status).toBe('pending');
        expect(decision(ids.growthPending)?.status).toBe('pending');
      });

      it('a decision of another workspace cannot be answered', async () => {
        const other = record({ messageTs: '1763200000.000300', teamId: 'T0OTHERTEAM' }, harness.clock.now());
        await sendInteraction(harness.target, homeClick(ActionId.homeNotCustomerFacing, String(other?.id)));
        expect(harness.store.decisions.get(other?.id ?? 0)?.status).toBe('pending');
        expect(JSON.stringify(harness.fake.callsTo('views.open')[0]?.args.view)).toContain('Nothing was recorded');
      });

      it('when Slack will not say whether the clicker is in the channel, nothing is stored', async () => {
        harness.fake.failNext('users.conversations', { error: 'internal_error' });
        await sendInteraction(harness.target, homeClick(ActionId.homeNoInsightYet, String(ids.productPending)));
        expect(decision(ids.productPending)?.status).toBe('pending');
        expect(JSON.stringify(harness.fake.callsTo('views.open')[0]?.args.view)).toContain('try again');
      });
    });
  });

  it('finds decisions in channels past the first page of users.conversations', async () => {
    const crowd: FakeChannel[] = Array.from({ length: 205 }, (_, index) => ({
      id: `C0CROWD${String(index).padStart(3, '0')}`,
      name: `crowd-${index}`,
      is_member: true,
      members: ['U0ALICE'],
    }));
    harness = await startHarness({ channels: [...DEFAULT_CHANNELS, ...crowd] });
    const id = await announce('C0CROWD204', 'Decision: we retire the legacy dashboard.');
    const home = readHome(await openHome('U0ALICE'));
    expect(home.listed).toEqual([id]);
    expect(harness.fake.callsTo('users.conversations').length).toBeGreaterThan(1);
  });

  describe('the digest subscription', () => {
    beforeEach(async () => {
      harness = await startHarness();
    });

    const subscription = () => harness.store.subscriptions.get(TEAM_ID, 'U0ALICE');
    const save = (values: ViewValues) =>
      sendInteraction(
        harness.target,
        viewSubmission({ callbackId: ViewId.digestSubscription, privateMetadata: '', values, user: 'U0ALICE' }),
      );
    const openSettings = async () => {
      harness.fake.reset();
      await sendInteraction(harness.target, homeClick(ActionId.homeDigestSettings, undefined));
      const view = harness.fake.callsTo('views.open')[0]?.args.view as {
        callback_id: string;
        blocks: { block_id?: string; element?: { initial_option?: { value: string } } }[];
      };
      expect(view.callback_id).toBe(ViewId.digestSubscription);
      return Object.fromEntries(
        view.blocks.flatMap((block) =>
          block.block_id ? [[block.block_id, block.element?.initial_option?.value]] : [],
        ),
      );
    };

    it('Digest settings opens the form with the defaults in the user’s Slack time zone', async () => {
      expect(await openSettings()).toEqual({
        [SubscriptionField.enabled]: 'on',
        [SubscriptionField.weekday]: '1',
        [SubscriptionField.hour]: '9',
        [SubscriptionField.timeZone]: 'Europe/Berlin',
      });
    });

    it('saving stores the subscription, republishes the Home and shows it next time', async () => {
      const response = await save(
        subscriptionValues({ enabled: 'on', weekday: '5', hour: '16', timeZone: 'Asia/Tokyo' }),
      );
      expect(response.body).toBe('');
      expect(subscription()).toMatchObject({ enabled: true, weekday: 5, hour: 16, timeZone: 'Asia/Tokyo' });
      expect(readHome(harness.fake.callsTo('views.publish')[0]).text).toContain('on, Fridays at 16:00 (Asia/Tokyo)');
      expect(await openSettings()).toMatchObject({
        [SubscriptionField.weekday]: '5',
        [SubscriptionField.timeZone]: 'Asia/Tokyo',
      });

      await save(subscriptionValues({ enabled: 'off', weekday: '5', hour: '16', timeZone: 'Asia/Tokyo' }));
      expect(subscription()?.enabled).toBe(false);
      expect(readHome(harness.fake.callsTo('views.publish')[0]).text).toContain('Weekly digest by DM:* off.');
    });

    it.each([
      ['a weekday past Saturday', { weekday: '7' }, SubscriptionField.weekday],
      ['an hour past 23', { hour: '24' }, SubscriptionField.hour],
      ['a fractional hour', { hour: '9.5' }, SubscriptionField.hour],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, SubscriptionField.timeZone],
      ['no on/off choice', { enabled: undefined }, SubscriptionField.enabled],
    ])('%s: an error under the field, nothing stored', async (_name, override, field) => {
      const response = await save(
        subscriptionValues({ enabled: 'on', weekday: '1', hour: '9', timeZone: 'Europe/Berlin', ...override }),
      );
      const body = JSON.parse(response.body) as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors)).toEqual([field]);
      expect(harness.store.db.prepare('SELECT COUNT(*) AS n FROM digest_subscriptions').get()).toEqual({ n: 0 });
      expect(harness.fake.callsTo('views.publish')).toHaveLength(0);
    });
  });
});
