import { readFileSync } from 'node:fs';
import { type MessageFeatures, WORD_PREFIX } from './features.js';
import type { DetectorWeights } from './train.js';

/**
 * The weights `npm run train:detector` fitted on the training part of the labelled corpus, read once at module load:
 * no download and no I/O per message.
 */
const WEIGHTS: DetectorWeights = JSON.parse(readFileSync(new URL('./model-weights.json', import.meta.url), 'utf8'));

const DECISION = WEIGHTS.decision;
const CUSTOMER = WEIGHTS.customer;
type WeightPair = readonly [number, number];

/**
 * Both classifiers' weights of each feature (0 where one has none), in Maps: looking a feature up in one is several
 * times cheaper than in a large plain object, and one look-up serves both. Word features are keyed by the bare word,
 * so classifying a message builds no feature names.
 */
const SIGNAL_WEIGHTS = new Map<string, WeightPair>();
const WORD_WEIGHTS = new Map<string, WeightPair>();
for (const name of new Set([...Object.keys(DECISION.weights), ...Object.keys(CUSTOMER.weights)])) {
  const pair: WeightPair = [DECISION.weights[name] ?? 0, CUSTOMER.weights[name] ?? 0];
  if (name.startsWith(WORD_PREFIX)) WORD_WEIGHTS.set(name.slice(WORD_PREFIX.length), pair);
  else SIGNAL_WEIGHTS.set(name, pair);
}

export interface ModelVerdict {
  readonly decision: boolean;
  /**
   * How sure the model is of its decision verdict, 0.5..1: how far the probability is from the threshold, scaled to
   * the room on that side of it (the threshold is set for precision, so it is not 0.5).
   */
  readonly decisionConfidence: number;
  readonly customer: boolean;
}

export function classify({ signals, words }: Pick<MessageFeatures, 'signals' | 'words'>): ModelVerdict {
  let decisionScore = DECISION.bias;
  let customerScore = CUSTOMER.bias;
  for (const name of signals) {
    const weights = SIGNAL_WEIGHTS.get(name);
    if (weights === undefined) continue;
    decisionScore += weights[0];
    customerScore += weights[1];
  }
  for (const word of words) {
    // each term is looked up once, and keeps its weights for every message after
    if (word.weights === undefined) word.weights = WORD_WEIGHTS.get(word.text) ?? null;
    const weights = word.weights;
    if (weights === null) continue;
    decisionScore += weights[0];
    customerScore += weights[1];
  }
  const probability = sigmoid(decisionScore);
  const decision = probability >= DECISION.threshold;
  const margin = decision
    ? (probability - DECISION.threshold) / (1 - DECISION.threshold)
    : (DECISION.threshold - probability) / DECISION.threshold;
  return {
    decision,
    decisionConfidence: 0.5 + margin / 2,
    customer: sigmoid(customerScore) >= CUSTOMER.threshold,
  };
}

const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));
