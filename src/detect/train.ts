import { featureNames, type MessageFeatures, mentionsPeopleOrSource, PAIR_PREFIX, WORD_PREFIX } from './features.js';

/**
 * Logistic regression with L2, fitted by plain full-batch gradient descent: deterministic (no sampling, no random
 * start), dependency-free and fast enough on a few hundred messages to re-run inside a test.
 */

export type Label = 'decision' | 'customer';

export interface LabelledMessage {
  /**
   * Who wrote it. Cross-validation keeps each writer's messages in one fold: with random folds a writer's habits
   * ("B it is", their account names) are learnt from the other folds, and the thresholds are picked on scores more
   * hopeful than new writing earns.
   */
  readonly writer: string;
  readonly text: string;
  readonly decision: boolean;
  readonly customer: boolean;
}

export interface ClassifierWeights extends LinearModel {
  /** The probability at or above which the label is given. */
  readonly threshold: number;
  /** Out-of-fold precision, recall and F1 on the training part at that threshold. */
  readonly crossValidation: { readonly precision: number; readonly recall: number; readonly f1: number };
}

export interface DetectorWeights {
  readonly decision: ClassifierWeights;
  readonly customer: ClassifierWeights;
}

export const FOLDS = 5;
/**
 * The out-of-fold precision each label must keep: a wrong decision prompt costs more goodwill than a missed one,
 * and evidence cited that is not there makes the whole prompt look careless.
 */
const MIN_PRECISION: Readonly<Record<Label, number>> = { decision: 0.965, customer: 0.93 };
const THRESHOLDS = Array.from({ length: 81 }, (_, step) => 0.1 + step * 0.01);

/**
 * Trains both classifiers on labelled messages. The detector says yes when the rules do or the model does, so each
 * threshold is picked on that union, with out-of-fold probabilities (each writer's messages in one fold): the best
 * F1 at the precision each label requires. Customer insight also needs people or a source named (see `features`), and
 * some vetoes overrule the model's decision (see `DecisionVerdict.overrulesModel`).
 */
export function trainDetector(
  messages: readonly LabelledMessage[],
  extract: (text: string) => MessageFeatures,
): DetectorWeights {
  const features = messages.map(({ text }) => extract(text));
  const writers = [...new Set(messages.map(({ writer }) => writer))].sort();
  const folds = messages.map(({ writer }) => writers.indexOf(writer) % FOLDS);
  const rules = features.map(({ verdict, evidence }) => ({
    decision: verdict.decision,
    customer: evidence.length > 0,
  }));
  const overruled = (label: Label, index: number) =>
    label === 'decision'
      ? features[index]?.verdict.overrulesModel === true
      : !mentionsPeopleOrSource(features[index] as MessageFeatures);
  const train = (label: Label): ClassifierWeights => {
    const examples = messages.map((message, index) => ({
      names: featureNames(features[index] as MessageFeatures, { pairs: TRAINING_OPTIONS[label].l2Pairs !== null }),
      label: message[label],
    }));
    const outOfFold = crossValidate(examples, folds, TRAINING_OPTIONS[label]).map((probability, index) => {
      if (rules[index]?.[label]) return 1;
      return overruled(label, index) ? 0 : probability;
    });
    const scored = THRESHOLDS.map((threshold) => ({ threshold, ...score(examples, outOfFold, threshold) }));
    const eligible = scored.filter((each) => each.precision >= MIN_PRECISION[label]);
    const best = (eligible.length > 0 ? eligible : scored).reduce((a, b) => (b.f1 > a.f1 ? b : a));
    return {
      threshold: round(best.threshold),
      crossValidation: { precision: round(best.precision), recall: round(best.recall), f1: round(best.f1) },
      ...trainLogistic(examples, TRAINING_OPTIONS[label]),
    };
  };
  return { decision: train('decision'), customer: train('customer') };
}

/** Out-of-fold probabilities: each message scored by a model trained without its fold (`folds[i]` is message i's). */
export function crossValidate(
  examples: readonly Example[],
  folds: readonly number[],
  options: TrainingOptions,
): number[] {
  const probabilities = new Array<number>(examples.length).fill(0);
  for (let fold = 0; fold < FOLDS; fold++) {
    const model = trainLogistic(
      examples.filter((_, index) => folds[index] !== fold),
      options,
    );
    examples.forEach((example, index) => {
      if (folds[index] === fold) probabilities[index] = probability(model, example.names);
    });
  }
  return probabilities;
}

function score(examples: readonly Example[], probabilities: readonly number[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  examples.forEach(({ label }, index) => {
    const predicted = (probabilities[index] ?? 0) >= threshold;
    if (predicted && label) tp += 1;
    else if (predicted) fp += 1;
    else if (label) fn += 1;
  });
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export interface Example {
  readonly names: readonly string[];
  readonly label: boolean;
}

export interface LinearModel {
  readonly bias: number;
  /** Only features seen in enough training messages; any other feature weighs nothing. */
  readonly weights: Readonly<Record<string, number>>;
}

export interface TrainingOptions {
  /** A feature must occur in at least this many training messages to get a weight. */
  readonly minCount: number;
  /** L2 on word-pair features (see `PAIR_PREFIX`); null when word pairs are not features of this classifier. */
  readonly l2Pairs: number | null;
  /** L2 on word features, which are many, sparse and easily fitted to one writer's habits. */
  readonly l2: number;
  /** L2 on the few general features (rule verdicts, vetoes, cues, evidence), which should carry most of the weight. */
  readonly l2General: number;
  readonly iterations: number;
  readonly learningRate: number;
}

/**
 * Chosen by cross-validation on the training part (writer folds) over minCount 2–5 and L2 0.0003–0.03 on each kind
 * of feature: light L2 fits best, and customer insight leans on its words more than on the general features.
 */
export const TRAINING_OPTIONS: Readonly<Record<Label, TrainingOptions>> = {
  decision: {
    minCount: 3,
    l2Pairs: 0.001,
    l2: 0.0015,
    l2General: 0.001,
    iterations: 600,
    learningRate: 2,
  },
  customer: { minCount: 3, l2Pairs: null, l2: 0.001, l2General: 0.01, iterations: 600, learningRate: 2 },
};

/** Weights are rounded so the committed JSON stays small and a retrain reproduces it exactly. */
const DECIMALS = 1e5;
const round = (value: number) => Math.round(value * DECIMALS) / DECIMALS;

export function trainLogistic(examples: readonly Example[], options: TrainingOptions): LinearModel {
  const counts = new Map<string, number>();
  for (const { names } of examples) for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  const vocabulary = [...counts].filter(([, count]) => count >= options.minCount).map(([name]) => name);
  vocabulary.sort();
  const index = new Map(vocabulary.map((name, position) => [name, position]));
  const rows = examples.map(({ names }) =>
    names.flatMap((name) => {
      const position = index.get(name);
      return position === undefined ? [] : [position];
    }),
  );
  const penalty = Float64Array.from(vocabulary, (name) => {
    if (name.startsWith(WORD_PREFIX)) return options.l2;
    // pair names are only among the features when l2Pairs is set
    return name.startsWith(PAIR_PREFIX) ? (options.l2Pairs ?? options.l2) : options.l2General;
  });
  const labels = examples.map(({ label }) => (label ? 1 : 0));
  const weights = new Float64Array(vocabulary.length);
  const gradient = new Float64Array(vocabulary.length);
  let bias = 0;
  const n = examples.length;
  for (let iteration = 0; iteration < options.iterations; iteration++) {
    gradient.fill(0);
    let biasGradient = 0;
    for (let row = 0; row < n; row++) {
      const features = rows[row] ?? [];
      let score = bias;
      for (const feature of features) score += weights[feature] ?? 0;
      const error = sigmoid(score) - (labels[row] ?? 0);
      biasGradient += error;
      for (const feature of features) gradient[feature] = (gradient[feature] ?? 0) + error;
    }
    for (let feature = 0; feature < weights.length; feature++) {
      const weight = weights[feature] ?? 0;
      weights[feature] =
        weight - options.learningRate * ((gradient[feature] ?? 0) / n + (penalty[feature] ?? 0) * weight);
    }
    bias -= (options.learningRate * biasGradient) / n;
  }
  const rounded: Record<string, number> = {};
  vocabulary.forEach((name, position) => {
    const weight = round(weights[position] ?? 0);
    if (weight !== 0) rounded[name] = weight;
  });
  return { bias: round(bias), weights: rounded };
}

export function probability(model: LinearModel, names: readonly string[]): number {
  let score = model.bias;
  for (const name of names) score += model.weights[name] ?? 0;
  return sigmoid(score);
}

const sigmoid = (score: number) => 1 / (1 + Math.exp(-score));
