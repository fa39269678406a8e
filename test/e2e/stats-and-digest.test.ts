import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/blocks/ids.js';
import { sendEvent, sendInteraction } from '../../src/emulator/slack-requests.js';
import { channelMessage, type Harness, startHarness } from '../support/harness.js';
import { buttonClick, cardDecisionId } from '../support/interactions.js';

const WEEK = 7 * 86_400_000;

describe('/customer-check stats and digest', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  async function decide(text: string, answer?: string): Promise<void> {
    const before = harness.fake.callsTo('chat.postMessage').length;
    await sendEvent(harness.target, channelMessage({ text }));
    const card = harness.fake.callsTo('chat.postMessage')[before];
    if (answer !== undefined && card !== undefined) {
      await sendInteraction(harness.target, buttonClick({ actionId: answer, value: cardDecisionId(card) }));
    }
  }

  const text = (responses: Record<string, unknown>[]) => JSON.stringify(responses[0]);

  it("stats counts this channel by week in the asker's time zone, with a sparkline", async () => {
    await decide('Decision: we ship the importer first. 9 of 12 customer interviews asked for it.');
    await decide('Decision: we move CI to GitHub Actions.', ActionId.notCustomerFacing);
    harness.clock.advance(WEEK);
    await decide('Decision: we drop the annual-only plan.');
    await decide('Decision: we ship bulk edit. Survey: 72% of admins want it.');
    await sendEvent(harness.target, channelMessage({ text: 'Decision: elsewhere.', channel: 'C0GROWTH' }));

    const week = text(await harness.command('stats'));
    expect(week).toContain('#product, this week:* 2 decisions; *1* cited customer insight (50%), *1* without');
    expect(week).toMatch(/`·{6}█▅`/);
    expect(harness.fake.callsTo('users.info')[0]?.args.user).toBe('U0ALICE');

    const month = text(await harness.command('stats month'));
    expect(month).toContain(
      'the last 4 weeks:* 4 decisions; *2* cited customer insight (67%), *1* without, 1 not customer-facing',
    );
  });

  it('stats with a bad period says what it takes', async () => {
    expect(text(await harness.command('stats fortnight'))).toContain('takes `week`, `month` or `quarter`');
  });

  it('digest previews this week only to the asker, with uncited decisions to answer', async () => {
    await decide('Decision: we drop the annual-only plan.', ActionId.noInsightYet);
    await decide('Decision: we ship bulk edit. Survey: 72% of admins want it.');
    const [preview] = await harness.command('digest');
    expect(preview?.response_type).toBe('ephemeral');
    const shown = JSON.stringify(preview?.blocks);
    expect(shown).toContain('Preview, only you can see it');
    expect(shown).toContain('Empty chair digest: #product');
    expect(shown).toContain('Decision: we drop the annual-only plan.');
    expect(shown).toContain(ActionId.citeInsight);
    expect(harness.fake.callsTo('chat.postMessage').filter((call) => call.args.thread_ts === undefined)).toHaveLength(
      0,
    );
  });

  it('digest on a quiet week says there is nothing to post', async () => {
    expect(text(await harness.command('digest'))).toContain('a quiet week posts nothing');
  });
});
