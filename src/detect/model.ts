import { readFileSync } from 'node:fs';
import { type MessageFeatures, PAIR_PREFIX, WORD_PREFIX } from './features.js';
import { type BothWeights, type Followers, type Term, termOf } from './terms.js';
import type { DetectorWeights } from './train.js';

/**
 * The weights `npm run train:detector` fitted on the training part of the labelled corpus, read once at module load:
 * no download and no I/O per message.
 */
const WEIGHTS: DetectorWeights = JSON.parse(readFileSync(new URL('./model-weights.json', import.meta.url), 'utf8'));

const DECISION = WEIGHTS.decision;
const CUSTOMER = WEIGHTS.customer;
/**
 * Both classifiers' weights of each feature (0 where one has none), in Maps: looking a feature up in one is several
 * times cheaper than in a large plain object, and one look-up serves both. Word features are keyed by the bare word
 * and word pairs by their first word, then their second, so classifying a message builds no feature names.
 */
const SIGNAL_WEIGHTS = new Map<string, BothWeights>();
const WORD_WEIGHTS = new Map<string, BothWeights>();
const PAIR_WEIGHTS = new Map<string, Map<string, BothWeights>>();
for (const name of new Set([...Object.keys(DECISION.weights), ...Object.keys(CUSTOMER.weights)])) {
  const both: BothWeights = [DECISION.weights[name] ?? 0, CUSTOMER.weights[name] ?? 0];
  if (name.startsWith(WORD_PREFIX)) {
    WORD_WEIGHTS.set(name.slice(WORD_PREFIX.length), both);
  } else if (name.startsWith(PAIR_PREFIX)) {
    const [first = '', second = ''] = name.slice(PAIR_PREFIX.length).split(' ');
    const followers = PAIR_WEIGHTS.get(first) ?? new Map<string, BothWeights>();
    followers.set(second, both);
    PAIR_WEIGHTS.set(first, followers);
  } else {
    SIGNAL_WEIGHTS.set(name, both);
  }
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

export function classify({
  signals,
  words,
  scanned,
}: Pick<MessageFeatures, 'signals' | 'words' | 'scanned'>): ModelVerdict {
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
  for (const weights of pairWeights(scanned.terms)) {
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

/** The weights of the word pairs in the sentences that have any, each pair once however often it occurs. */
function pairWeights(sentences: readonly (readonly Term[])[]): BothWeights[] {
  const found: BothWeights[] = [];
  for (const terms of sentences) {
    for (let index = 1; index < terms.length; index += 1) {
      const first = terms[index - 1] as Term;
      const second = terms[index] as Term;
      let weights: BothWeights | undefined;
      if (first.kept) {
        if (first.followers === undefined) first.followers = followersOf(first.text);
        const followers = first.followers;
        if (followers === null) continue;
        weights = second.kept ? followers.byId.get(second.id) : followers.byText?.get(second.text);
      } else {
        weights = PAIR_WEIGHTS.get(first.text)?.get(second.text);
      }
      // a pair's weights are one array, so the same pair found twice is the same array
      if (weights !== undefined && !found.includes(weights)) found.push(weights);
    }
  }
  return found;
}

/** The pairs `first` starts, keyed by the second word's term number (see `Followers`). */
function followersOf(first: string): Followers | null {
  const byText = PAIR_WEIGHTS.get(first);
  if (byText === undefined) return null;
  const byId = new Map<number, BothWeights>();
  const unkept = new Map<string, BothWeights>();
  for (const [text, weights] of byText) {
    const second = termOf(text);
    if (second.kept) byId.set(second.id, weights);
    else unkept.set(text, weights);
  }
  return { byId, byText: unkept.size > 0 ? unkept : null };
}

const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));
