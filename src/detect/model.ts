import { readFileSync } from 'node:fs';
import type { DetectorWeights } from './train.js';

/**
 * The weights `npm run train:detector` fitted on the training part of the labelled corpus, read once at module load:
 * no download and no I/O per message.
 */
const WEIGHTS: DetectorWeights = JSON.parse(readFileSync(new URL('./model-weights.json', import.meta.url), 'utf8'));

const DECISION = WEIGHTS.decision;
const CUSTOMER = WEIGHTS.customer;
/**
 * Both classifiers' weights of each feature (0 where one has none), in one Map: looking a feature up in it is several
 * times cheaper than in a large plain object, and one look-up serves both.
 */
const FEATURE_WEIGHTS: ReadonlyMap<string, readonly [number, number]> = new Map(
  [...new Set([...Object.keys(DECISION.weights), ...Object.keys(CUSTOMER.weights)])].map((name) => [
    name,
    [DECISION.weights[name] ?? 0, CUSTOMER.weights[name] ?? 0],
  ]),
);

export interface ModelVerdict {
  readonly decision: boolean;
  /**
   * How sure the model is of its decision verdict, 0.5..1: how far the probability is from the threshold, scaled to
   * the room on that side of it (the threshold is set for precision, so it is not 0.5).
   */
  readonly decisionConfidence: number;
  readonly customer: boolean;
}

export function classify(names: readonly string[]): ModelVerdict {
  let decisionScore = DECISION.bias;
  let customerScore = CUSTOMER.bias;
  for (const name of names) {
    const weights = FEATURE_WEIGHTS.get(name);
    if (weights === undefined) continue;
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
