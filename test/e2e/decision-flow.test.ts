import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActionId } from '../../src/blocks/ids.js';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompts/load.js';
import { channelMessage, type Harness, startHarness } from '../support/harness.js';

function buttonActionIds(blocks: unknown): string[] {
  return (blocks as { type: string; elements?: { action_id?: string }[] }[])
    .filter((block) => block.type === 'actions')
    .flatMap((block) => block.elements ?? [])
    .map((element) => element.action_id ?? '');
}

describe('a decision announced in a channel', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(async () => {
    await harness.close();
  });

  it('gets one question card in its thread, never in the channel, and is recorded as pending', async () => {
    const message = channelMessage({ text: 'Decision: we drop the annual-only plan.' });
    const response = await sendEvent(harness.target, message);
    expect(response.status).toBe(200);

    const posts = harness.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    const post = posts[0];
    expect(post?.args.channel).toBe('C0PRODUCT');
    expect(post?.args.thread_ts).toBe(message.ts);
    expect(buttonActionIds(post?.args.blocks)).toEqual([
      ActionId.citeInsight,
      ActionId.noInsightYet,
      ActionId.notCustomerFacing,
      ActionId.muteChannel,
    ]);

    const decision = harness.store.decisions.findByMessage('T0FAKETEAM', 'C0PRODUCT', String(message.ts));
    expect(decision).toMatchObject({
      status: 'pending',
      authorId: 'U0ALICE',
      summary: 'Decision: we drop the annual-only plan.',
      category: 'pricing',
      oneWayDoor: true,
      cardTs: expect.any(String),
      promptId: expect.any(String),
      permalink: expect.stringContaining('fake.slack.test'),
    });
  });

  it('asks a one-way-door decision a Working Backwards question from the library', async () => {
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we drop the annual-only plan.' }));
    const [row] = harness.store.db.prepare('SELECT prompt_id FROM decisions').all() as { prompt_id: string }[];
    const prompt = loadPromptLibrary([BUILT_IN_PROMPTS_DIR]).byId(row?.prompt_id ?? '');
    expect(prompt?.fits).toContain('one-way-door');
    const shown = JSON.stringify(harness.fake.callsTo('chat.postMessage')[0]?.args.blocks);
    expect(shown).toContain(prompt?.text.slice(0, 30));
  });

  it('replies to a decision made inside a thread in that same thread', async () => {
    const parentTs = '1763800000.000100';
    const reply = channelMessage({ text: "We're going with option B for the importer.", thread_ts: parentTs });
    await sendEvent(harness.target, reply);
    const [post] = harness.fake.callsTo('chat.postMessage');
    expect(post?.args.thread_ts).toBe(parentTs);
    expect(harness.store.decisions.findByMessage('T0FAKETEAM', 'C0PRODUCT', String(reply.ts))?.threadTs).toBe(parentTs);
  });

  it('handles a decision in a huddle thread like any other thread, and ignores the huddle post itself', async () => {
    const huddleTs = '1763800100.000100';
    await sendEvent(
      harness.target,
      channelMessage({ subtype: 'huddle_thread', text: 'A huddle happened', ts: huddleTs }),
    );
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);

    await sendEvent(
      harness.target,
      channelMessage({ text: 'Agreed in the huddle: we will ship the CSV importer first.', thread_ts: huddleTs }),
    );
    const [post] = harness.fake.callsTo('chat.postMessage');
    expect(post?.args.thread_ts).toBe(huddleTs);
    expect(harness.store.decisions.count()).toBe(1);
  });

  it('reacts instead of asking when the decision already cites customer insight, and records it as cited', async () => {
    const message = channelMessage({
      text: 'Decision: we ship bulk export next sprint. 9 of 12 customer interviews asked for it.',
    });
    await sendEvent(harness.target, message);
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    const [reaction] = harness.fake.callsTo('reactions.add');
    expect(reaction?.args).toMatchObject({ channel: 'C0PRODUCT', timestamp: message.ts, name: 'bust_in_silhouette' });
    const decision = harness.store.decisions.findByMessage('T0FAKETEAM', 'C0PRODUCT', String(message.ts));
    expect(decision?.status).toBe('cited');
    expect(decision?.detectedEvidence).toContain('interview');
    expect(decision?.evidenceKind).toBe('interview');
  });

  it('stays silent on messages that are not decisions', async () => {
    for (const text of ['Have we decided on the pricing yet?', 'I think we should drop the annual plan', 'lunch?']) {
      await sendEvent(harness.target, channelMessage({ text }));
    }
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(0);
    expect(harness.fake.callsTo('reactions.add')).toHaveLength(0);
    expect(harness.store.decisions.count()).toBe(0);
  });

  it('does not repeat the last question in a channel', async () => {
    const promptIds: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      await sendEvent(harness.target, channelMessage({ text: `Decision: we ship the importer v${index} first.` }));
    }
    for (const row of harness.store.db.prepare('SELECT prompt_id FROM decisions ORDER BY id').all() as {
      prompt_id: string;
    }[]) {
      promptIds.push(row.prompt_id);
    }
    expect(promptIds).toHaveLength(6);
    for (let index = 1; index < promptIds.length; index += 1) expect(promptIds[index]).not.toBe(promptIds[index - 1]);
  });

  it('keeps only a neutralised 280-character summary, never the full text or live mentions', async () => {
    const text = `<!channel> Decision: <@U0BOB> and I agreed we ship the importer first. ${'Details follow. '.repeat(40)}`;
    const message = channelMessage({ text });
    await sendEvent(harness.target, message);
    const decision = harness.store.decisions.findByMessage('T0FAKETEAM', 'C0PRODUCT', String(message.ts));
    expect(decision?.summary.length).toBeLessThanOrEqual(280);
    expect(decision?.summary).not.toMatch(/<[@!#]/);
    expect(decision?.summary.startsWith('@channel Decision:')).toBe(true);
    const post = harness.fake.callsTo('chat.postMessage')[0];
    expect(JSON.stringify(post?.args)).not.toContain('<!channel>');
    expect(JSON.stringify(post?.args)).not.toContain('<@U0BOB>');
  });

  it('logs no message text at info level', async () => {
    const secret = 'Decision: we drop the zebra-striped plan for Globex.';
    await sendEvent(harness.target, channelMessage({ text: secret }));
    const infoAndAbove = harness.logs.filter((line) => Number(line.level) >= 30);
    expect(infoAndAbove.length).toBeGreaterThan(0);
    expect(JSON.stringify(infoAndAbove)).not.toContain('zebra');
  });
});

describe('prompt pacing in a channel', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness({ env: { PROMPT_COOLDOWN_MINUTES: '10' } });
  });
  afterEach(async () => {
    await harness.close();
  });

  it('records every decision but asks at most once per cool-down', async () => {
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we ship the importer first.' }));
    harness.clock.advance(5 * 60_000);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we move CI to GitHub Actions.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(harness.store.decisions.count()).toBe(2);

    harness.clock.advance(6 * 60_000);
    await sendEvent(harness.target, channelMessage({ text: 'Decision: we retire the legacy API in March.' }));
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
