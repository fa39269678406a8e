import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/detect.js';
import { createLlmDetector } from '../../src/detect/llm-detector.js';
import { sendEvent } from '../../src/emulator/slack-requests.js';
import { createLogger } from '../../src/logger.js';
import { FakeLlm } from '../support/fake-llm.js';
import { channelMessage, type Harness, startHarness, TEAM_ID } from '../support/harness.js';

/** A question, which the offline detector never takes for a decision; only the scripted LLM calls it one. */
const QUESTION = 'lunch at the taco place?';

const sunsetDecision = {
  decision: true,
  customer: false,
  category: 'sunset',
  oneWayDoor: true,
  evidence: [],
  confidence: 0.9,
};

describe('the bot with DETECTOR=llm', () => {
  let llm: FakeLlm;
  let harness: Harness;
  beforeEach(async () => {
    llm = await FakeLlm.start();
    harness = await startHarness({
      detector: createLlmDetector({ baseUrl: llm.url, model: 'test-model', logger: createLogger('silent') }),
    });
  });
  afterEach(async () => {
    await harness.close();
    await llm.close();
  });

  it("records what the LLM calls a decision and asks the chair's question in its thread", async () => {
    expect(detect(QUESTION).decision).toBe(false);
    llm.reply({ content: sunsetDecision });
    const message = channelMessage({ text: QUESTION });
    expect((await sendEvent(harness.target, message)).status).toBe(200);

    expect(llm.requests.map((request) => request.body.messages.at(-1))).toEqual([{ role: 'user', content: QUESTION }]);
    expect(harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', String(message.ts))).toMatchObject({
      status: 'pending',
      category: 'sunset',
      oneWayDoor: true,
      confidence: 0.9,
      cardTs: expect.any(String),
    });
    const [card] = harness.fake.callsTo('chat.postMessage');
    expect(card?.args).toMatchObject({ channel: 'C0PRODUCT', thread_ts: message.ts });
  });

  it("checks a draft with the LLM's verdict", async () => {
    llm.reply({ content: { ...sunsetDecision, customer: true, evidence: ['churn'] } });
    const [response] = await harness.command(QUESTION);
    const shown = JSON.stringify(response?.blocks);
    expect(shown).toContain('Reads as a decision* (sunset, one-way door)');
    expect(shown).toContain('Cites customer insight');
  });

  it('falls back to the offline detector when the LLM fails, so a plain decision is still asked about', async () => {
    llm.reply({ status: 503 }, { status: 503 });
    const decision = channelMessage({ text: 'Decision: we drop the annual-only plan.' });
    await sendEvent(harness.target, decision);
    await sendEvent(harness.target, channelMessage({ text: QUESTION }));

    expect(llm.requests).toHaveLength(2);
    expect(harness.store.decisions.count()).toBe(1);
    expect(harness.store.decisions.findByMessage(TEAM_ID, 'C0PRODUCT', String(decision.ts))?.category).toBe('pricing');
    expect(harness.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
