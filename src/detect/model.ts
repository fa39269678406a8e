import { readFileSync } from 'node:fs';
import { type MessageFeatures, PAIR_PREFIX, WORD_PREFIX } from './features.js';
import { type Term, termOf } from './terms.js';
import type { DetectorWeights } from './train.js';

/**
 * The weights `npm run train:detector` fitted on the training part of the labelled corpus, read once at module load:
 * no download and no I/O per message.
 */
const WEIGHTS: DetectorWeights = JSON.parse(readFileSync(new URL('./model-weights.json', import.meta.url), 'utf8'));

const DECISION = WEIGHTS.decision;
const CUSTOMER = WEIGHTS.customer;

/** A feature's decision and customer weights. */
type BothWeights = readonly [number, number];

/** Features other than words and pairs, by name: a message has a handful. */
const SIGNAL_WEIGHTS = new Map<string, BothWeights>();
/**
 * Every word the model weighs alone or in a pair, numbered on its term (`Term.modelWord`) once at load: a message's
 * words then cost no look-up by text, and their weights sit in typed arrays small enough to stay in cache.
 */
const vocabulary: Term[] = [];
const wordNumber = (word: string): number => {
  const term = termOf(word);
  if (!term.kept) throw new Error(`The model's word "${word}" was not kept in the term table`);
  if (term.modelWord < 0) {
    term.modelWord = vocabulary.length;
    vocabulary.push(term);
  }
  return term.modelWord;
};
const wordFeatures: [number, BothWeights][] = [];
const pairFeatures: [number, number, BothWeights][] = [];
for (const name of new Set([...Object.keys(DECISION.weights), ...Object.keys(CUSTOMER.weights)])) {
  const both: BothWeights = [DECISION.weights[name] ?? 0, CUSTOMER.weights[name] ?? 0];
  if (name.startsWith(WORD_PREFIX)) {
    wordFeatures.push([wordNumber(name.slice(WORD_PREFIX.length)), both]);
  } else if (name.startsWith(PAIR_PREFIX)) {
    const [first = '', second = ''] = name.slice(PAIR_PREFIX.length).split(' ');
    pairFeatures.push([wordNumber(first), wordNumber(second), both]);
  } else {
    SIGNAL_WEIGHTS.set(name, both);
  }
}
const VOCABULARY_SIZE = vocabulary.length;
// a pair's key, first × size + second, must fit the 32-bit keys of PAIR_KEYS
if (VOCABULARY_SIZE > 46_340) throw new Error(`The model weighs ${VOCABULARY_SIZE} words; pair keys allow 46,340`);

/** Each vocabulary word's weights alone, decision then customer; 0 for a word weighed only in pairs, which adds nothing. */
const WORD_WEIGHTS = new Float64Array(2 * VOCABULARY_SIZE);
for (const [word, [decision, customer]] of wordFeatures) {
  WORD_WEIGHTS[2 * word] = decision;
  WORD_WEIGHTS[2 * word + 1] = customer;
}

/**
 * Word pairs in an open-addressing hash table keyed by first word × vocabulary size + second word: a probe reads one
 * slot of a typed array, where nested Maps cost several dependent reads a pair.
 */
const PAIR_SLOTS = 2 ** Math.ceil(Math.log2(2 * pairFeatures.length + 2));
const PAIR_SLOT_MASK = PAIR_SLOTS - 1;
const PAIR_KEYS = new Int32Array(PAIR_SLOTS).fill(-1);
/** The pair number in each used slot, indexing PAIR_WEIGHTS (two a pair) and PAIR_COUNTED_IN. */
const PAIR_NUMBERS = new Int32Array(PAIR_SLOTS);
const PAIR_WEIGHTS = new Float64Array(2 * pairFeatures.length);
/** The last message each pair was counted in: a message counts a pair once however often it occurs. */
const PAIR_COUNTED_IN = new Uint32Array(pairFeatures.length);
const slotOf = (key: number) => Math.imul(key, 0x9e3779b1) >>> 0;
pairFeatures.forEach(([first, second, [decision, customer]], pair) => {
  let slot = slotOf(first * VOCABULARY_SIZE + second) & PAIR_SLOT_MASK;
  while (PAIR_KEYS[slot] !== -1) slot = (slot + 1) & PAIR_SLOT_MASK;
  PAIR_KEYS[slot] = first * VOCABULARY_SIZE + second;
  PAIR_NUMBERS[slot] = pair;
  PAIR_WEIGHTS[2 * pair] = decision;
  PAIR_WEIGHTS[2 * pair + 1] = customer;
});
let counting = 0;

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
    const number = word.modelWord;
    if (number < 0) continue;
    decisionScore += WORD_WEIGHTS[2 * number] as number;
    customerScore += WORD_WEIGHTS[2 * number + 1] as number;
  }
  counting = counting === 0xffffffff ? 1 : counting + 1;
  if (counting === 1) PAIR_COUNTED_IN.fill(0);
  for (const terms of scanned.terms) {
    for (let index = 1; index < terms.length; index += 1) {
      const pair = pairNumber(terms[index - 1] as Term, terms[index] as Term);
      if (pair < 0 || PAIR_COUNTED_IN[pair] === counting) continue;
      PAIR_COUNTED_IN[pair] = counting;
      decisionScore += PAIR_WEIGHTS[2 * pair] as number;
      customerScore += PAIR_WEIGHTS[2 * pair + 1] as number;
    }
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

/** The number of the weighted pair `first second`, or -1 when the model has none. */
function pairNumber(first: Term, second: Term): number {
  if (first.modelWord < 0 || second.modelWord < 0) return -1;
  const key = first.modelWord * VOCABULARY_SIZE + second.modelWord;
  for (let slot = slotOf(key) & PAIR_SLOT_MASK; ; slot = (slot + 1) & PAIR_SLOT_MASK) {
    const found = PAIR_KEYS[slot] as number;
    if (found === key) return PAIR_NUMBERS[slot] as number;
    if (found === -1) return -1;
  }
}

const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));
