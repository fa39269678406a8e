import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFeatures } from '../../src/detect/features.js';
import { trainDetector } from '../../src/detect/train.js';
import { loadCorpus } from '../fixtures/corpus/load-corpus.js';

const committed = JSON.parse(readFileSync(new URL('../../src/detect/model-weights.json', import.meta.url), 'utf8'));

describe('the committed model weights', () => {
  it('are exactly what `npm run train:detector` produces from the training part', () => {
    expect(trainDetector(loadCorpus('train'), extractFeatures)).toEqual(committed);
  }, 60_000);
});
