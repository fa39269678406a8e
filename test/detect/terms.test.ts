import { describe, expect, it } from 'vitest';
import { distinctTerms, termOf } from '../../src/detect/terms.js';

const texts = (terms: readonly { text: string }[]) => terms.map((term) => term.text);

describe('terms', () => {
  it('gives one term a token, and every number the same one', () => {
    expect(termOf('roadmap')).toBe(termOf('roadmap'));
    expect(termOf('12')).toBe(termOf('3.5'));
    expect(termOf('12').text).toBe('0');
    expect(termOf('roadmap')).not.toBe(termOf('roadmaps'));
    expect(termOf('roadmap').kept).toBe(true);
  });

  it('lists a message’s distinct terms in the order they first occur, afresh for each message', () => {
    const first = [['we', 'ship', 'it', '2'].map(termOf), ['ship', 'it', '30', '?'].map(termOf)];
    expect(texts(distinctTerms(first))).toEqual(['we', 'ship', 'it', '0', '?']);
    expect(texts(distinctTerms(first))).toEqual(['we', 'ship', 'it', '0', '?']);
    expect(texts(distinctTerms([['it', 'we'].map(termOf)]))).toEqual(['it', 'we']);
  });

  it('stops keeping new tokens past its bound, and still lists each of them once a message', () => {
    for (let index = 0; index < 50_000; index += 1) termOf(`filler${index.toString(36)}`);
    const late = termOf('zzlatecomer');
    expect(late.kept).toBe(false);
    expect(termOf('zzlatecomer')).not.toBe(late);
    expect(termOf('roadmap').kept).toBe(true);
    const message = [['zzlatecomer', 'roadmap', 'zzlatecomer'].map(termOf), ['zzlatecomer'].map(termOf)];
    expect(texts(distinctTerms(message))).toEqual(['zzlatecomer', 'roadmap']);
  });
});
