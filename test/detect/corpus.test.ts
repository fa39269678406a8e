import { describe, expect, it } from 'vitest';
import { type CorpusPart, loadCorpus } from '../fixtures/corpus/load-corpus.js';

const PARTS: readonly CorpusPart[] = ['train', 'held-out', 'blind'];
const parts = new Map(PARTS.map((part) => [part, loadCorpus(part)]));
const messagesOf = (part: CorpusPart) => parts.get(part) ?? [];

/** A reply of a word or two ("+1", "ok") may well be written twice; anything longer is one writer's message. */
const isLonger = (text: string) => text.trim().split(/\s+/).length > 2;

describe('the labelled corpus', () => {
  it('has the parts the issue asks for: at least 800 messages, of which at least 300 held out', () => {
    expect(messagesOf('train').length + messagesOf('held-out').length).toBeGreaterThanOrEqual(800);
    expect(messagesOf('held-out').length).toBeGreaterThanOrEqual(300);
    expect(messagesOf('blind')).toHaveLength(1280);
  });

  it('names every message once across its parts', () => {
    const ids = PARTS.flatMap((part) => messagesOf(part).map((message) => message.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never trains on a message of the held-out or blind part', () => {
    const trained = new Set(messagesOf('train').map((message) => message.text));
    for (const part of ['held-out', 'blind'] as const) {
      const seen = messagesOf(part).filter((message) => isLonger(message.text) && trained.has(message.text));
      expect(seen.map((message) => message.id)).toEqual([]);
    }
  });

  it('keeps each blind batch one writer’s, apart from every writer the model was trained on', () => {
    const trainWriters = new Set(messagesOf('train').map((message) => message.writer));
    const blindWriters = new Set(messagesOf('blind').map((message) => message.writer));
    expect([...blindWriters].sort()).toEqual(['blind-a', 'blind-b', 'blind-c', 'blind-d']);
    expect([...blindWriters].filter((writer) => trainWriters.has(writer))).toEqual([]);
  });
});
