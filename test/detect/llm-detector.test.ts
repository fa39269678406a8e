import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { detect } from '../../src/detect/detect.js';
import { createLlmDetector, LLM_SYSTEM_PROMPT } from '../../src/detect/llm-detector.js';
import { createLogger } from '../../src/logger.js';
import { FakeLlm, type FakeLlmReply } from '../support/fake-llm.js';

const API_KEY = 'sk-test-do-not-log';
/** The offline detector calls it a pricing decision without customer insight. */
const DECISION = 'Decision: we drop the annual-only plan for Globex.';
/** The offline detector calls it neither. */
const CHATTER = 'lunch at the taco place?';

const verdict = {
  decision: true,
  customer: true,
  category: 'roadmap',
  oneWayDoor: false,
  evidence: ['survey', 'survey', 'interview'],
  confidence: 0.8,
};

function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger('debug', sink) };
}

describe('the LLM detector', () => {
  let llm: FakeLlm;
  beforeEach(async () => {
    llm = await FakeLlm.start();
  });
  afterEach(async () => {
    await llm.close();
  });

  it("uses the LLM's verdict, each evidence kind once, and logs nothing", async () => {
    expect(detect(CHATTER).decision).toBe(false);
    const { lines, logger } = capturedLogger();
    llm.reply({ content: verdict });
    const detector = createLlmDetector({ baseUrl: llm.url, model: 'test-model', logger });
    expect(await detector(CHATTER)).toEqual({
      decision: true,
      customer: true,
      kind: { category: 'roadmap', oneWayDoor: false },
      evidence: ['survey', 'interview'],
      confidence: 0.8,
    });
    expect(lines).toEqual([]);
  });

  it.each([
    [
      'no kind for a non-decision, whatever category it names',
      { decision: false, category: 'pricing', oneWayDoor: true },
      { decision: false, kind: null },
    ],
    [
      "category 'other' for a decision without one",
      { decision: true, category: null, oneWayDoor: true },
      { decision: true, kind: { category: 'other', oneWayDoor: true } },
    ],
    [
      'no evidence without customer insight, whatever kinds it lists',
      { customer: false, evidence: ['survey'] },
      { customer: false, evidence: [] },
    ],
    [
      "evidence 'other' for customer insight without a kind",
      { customer: true, evidence: [] },
      { customer: true, evidence: ['other'] },
    ],
  ])('keeps the Detection invariants: %s', async (_name, answer, expected) => {
    llm.reply({ content: { ...verdict, ...answer } });
    const detector = createLlmDetector({ baseUrl: llm.url, model: 'test-model', logger: capturedLogger().logger });
    expect(await detector(CHATTER)).toMatchObject(expected);
  });

  it('asks the configured model for a JSON verdict, with the labelling contract as the system prompt', async () => {
    llm.reply({ content: verdict });
    await createLlmDetector({ baseUrl: llm.url, model: 'test-model', logger: capturedLogger().logger })(CHATTER);
    const [request] = llm.requests;
    expect(request?.body).toEqual({
      model: 'test-model',
      temperature: 0,
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: LLM_SYSTEM_PROMPT },
        { role: 'user', content: CHATTER },
      ],
    });
    expect(LLM_SYSTEM_PROMPT).toContain("someone else's decision (a vendor, a competitor, a customer, a regulator)");
    expect(LLM_SYSTEM_PROMPT).toContain('usability-test');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('sends the API key as a bearer token when one is set', async () => {
    llm.reply({ content: verdict });
    const detector = createLlmDetector({
      baseUrl: llm.url,
      model: 'test-model',
      apiKey: API_KEY,
      logger: capturedLogger().logger,
    });
    await detector(CHATTER);
    expect(llm.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it.each<[string, FakeLlmReply, RegExp]>([
    ['an HTTP error', { status: 500 }, /^HTTP 500$/],
    ['a rejected key', { status: 401 }, /^HTTP 401$/],
    // The content echoes the message, as a chatty model might: the warning must still not quote it.
    ['content that is not JSON', { content: `Sure! ${DECISION} is a decision.` }, /^the answer is not JSON$/],
    [
      'a verdict of the wrong types',
      { content: { ...verdict, decision: 'yes' } },
      /^the answer is not the verdict.*decision/,
    ],
    [
      'an unknown category',
      { content: { ...verdict, category: 'marketing' } },
      /^the answer is not the verdict.*category/,
    ],
    [
      'a confidence above 1',
      { content: { ...verdict, confidence: 1.5 } },
      /^the answer is not the verdict.*confidence/,
    ],
    ['a verdict that is not an object', { content: '[true, true]' }, /^the answer is not the verdict/],
  ])(
    'falls back to the offline verdict on %s, asking once and logging why without the text or key',
    async (_name, reply, reason) => {
      const { lines, logger } = capturedLogger();
      llm.reply(reply);
      const detector = createLlmDetector({ baseUrl: llm.url, model: 'test-model', apiKey: API_KEY, logger });
      expect(await detector(DECISION)).toEqual(detect(DECISION));
      expect(llm.requests).toHaveLength(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ level: 40, model: 'test-model', reason: expect.stringMatching(reason) });
      expect(JSON.stringify(lines[0])).not.toContain('annual-only');
      expect(JSON.stringify(lines[0])).not.toContain(API_KEY);
    },
  );

  it('falls back without waiting when the LLM answers after the timeout', async () => {
    const { lines, logger } = capturedLogger();
    llm.reply({ content: { ...verdict, decision: false }, delayMs: 5_000 });
    const detector = createLlmDetector({ baseUrl: llm.url, model: 'test-model', timeoutMs: 200, logger });
    const started = performance.now();
    expect(await detector(DECISION)).toEqual(detect(DECISION));
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(lines).toEqual([expect.objectContaining({ level: 40, reason: 'no answer within 200 ms' })]);
  });

  it('falls back when nothing listens at the base URL', async () => {
    const gone = await FakeLlm.start();
    await gone.close();
    const { lines, logger } = capturedLogger();
    const detector = createLlmDetector({ baseUrl: gone.url, model: 'test-model', logger });
    expect(await detector(DECISION)).toEqual(detect(DECISION));
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, reason: 'could not reach the endpoint (ECONNREFUSED)' }),
    ]);
  });
});
