/**
 * `npm run train:detector`: fits the detector's two classifiers on the training part of the labelled corpus
 * (never the held-out part), prints their 5-fold cross-validation numbers and writes src/detect/model-weights.json.
 * Deterministic: the same corpus and code give the same file, which test/detect/model-weights.test.ts checks.
 */
import { writeFileSync } from 'node:fs';
import { extractFeatures } from '../src/detect/features.js';
import { FOLDS, trainDetector } from '../src/detect/train.js';
import { loadCorpus } from '../test/fixtures/corpus/load-corpus.js';

const corpus = loadCorpus('train');
const weights = trainDetector(corpus, extractFeatures);
const file = new URL('../src/detect/model-weights.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(weights, null, 2)}\n`);

const out = [`Trained on ${corpus.length} messages of the training part; ${FOLDS}-fold cross-validation:`, ''];
out.push('label     threshold  precision  recall  F1     features');
for (const [label, model] of Object.entries(weights)) {
  const { precision, recall, f1 } = model.crossValidation;
  out.push(
    `${label.padEnd(9)} ${model.threshold.toFixed(2).padEnd(10)} ${precision.toFixed(3).padEnd(10)} ` +
      `${recall.toFixed(3).padEnd(7)} ${f1.toFixed(3).padEnd(6)} ${Object.keys(model.weights).length}`,
  );
}
out.push('', `Wrote ${file.pathname}`);
process.stdout.write(`${out.join('\n')}\n`);
