import { extractFeatures, mentionsPeopleOrSource } from './features.js';
import { classifyDecision } from './kind.js';
import { classify } from './model.js';
import type { Detection } from './types.js';

/**
 * Reads one Slack message (raw mrkdwn) and answers the two independent questions of
 * `shared/labeling.md`: does it announce a decision, and does it cite customer insight.
 *
 * The rules (signal phrases, vetoes, evidence patterns) answer when they can name what they found; a small logistic
 * model, trained on the labelled corpus by `npm run train:detector`, weighs their vetoes, implicit cues and the
 * message's words and word pairs to find what they miss ("The pause offer stays."), unless every signal the rules
 * found was vetoed as small admin or an operational note. The evidence kinds stay the rules': when only the model finds
 * customer insight, the kind is `other`.
 *
 * `confidence` is how sure the detector is of its `decision` verdict, 0.5..1, whichever way it goes: the model's
 * (see `classify`), or the rule's when a rule found the decision and is surer.
 *
 * Pure and synchronous: no I/O, every pattern compiled and the weights read at module load.
 */
export function detect(text: string): Detection {
  const features = extractFeatures(text);
  const verdict = classify(features);
  const { sentences, scanned, verdict: rules } = features;
  const overruled = verdict.decision && rules.overrulesModel;
  const decision = rules.decision || (verdict.decision && !overruled);
  const customer = features.evidence.length > 0 || (verdict.customer && mentionsPeopleOrSource(features));
  const evidence = customer ? (features.evidence.length > 0 ? [...features.evidence] : ['other' as const]) : [];
  const modelAgrees = verdict.decision === decision;
  let confidence = verdict.decisionConfidence;
  if (rules.decision) confidence = Math.max(rules.confidence, modelAgrees ? verdict.decisionConfidence : 0);
  else if (overruled) confidence = rules.confidence;
  return {
    decision,
    customer,
    kind: decision ? classifyDecision(rules.decision ? rules.sentences : sentences, sentences, scanned) : null,
    evidence,
    confidence,
  };
}
