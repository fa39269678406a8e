import { readFileSync } from 'node:fs';
import type { ClassifierWeights, DetectorWeights } from './train.js';

/**
 * The weights `npm run train:detector` fitted on the training part of the labelled corpus, read once at module load:
 * no download and no I/O per message.
 */
const WEIGHTS: DetectorWeights = JSON.parse(readFileSync(new URL('./model-weights.json', import.meta.url), 'utf8'));

/** A Map per classifier: looking a feature up in it is several times cheaper than in a large plain object. */
interface Classifier {
  readonly bias: number;
  readonly threshold: number;
  readonly weights: ReadonlyMap<string, number>;
}

const compile = ({ bias, threshold, weights }: ClassifierWeights): Classifier => ({
  bias,
  threshold,
  weights: new Map(Object.entries(weights)),
});
const DECISION = compile(WEIGHTS.decision);
const CUSTOMER = compile(WEIGHTS.customer);

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
    decisionScore += DECISION.weights.get(name) ?? 0;
    customerScore += CUSTOMER.weights.get(name) ?? 0;
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
