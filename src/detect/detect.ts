import { citeEvidence } from './customer.js';
import { judgeDecision } from './decision.js';
import { classifyDecision } from './kind.js';
import { normalizeMessage } from './normalize.js';
import { splitSentences } from './segment.js';
import type { Detection } from './types.js';

/**
 * Reads one Slack message (raw mrkdwn) and answers the two independent questions of
 * `shared/labeling.md`: does it announce a decision, and does it cite customer insight.
 *
 * `confidence` is how sure the detector is of the `decision` verdict it gives, whichever way it goes:
 * - decision: 0.95 for an explicit announcement ("Decision: …", "we decided"), 0.85 when the team picks
 *   an option ("we're going with"), 0.8 for a rule ("from now on …", "Going with B."), 0.7 for a bare
 *   commitment ("We'll ship the importer first.");
 * - not a decision: 0.95 when nothing sounds like one, 0.85 when decision words appear without a signal
 *   ("Stripe decided …"), 0.75 when a signal was found and vetoed (a question, proposal, hedge …).
 *
 * Pure and synchronous: no I/O, every pattern compiled at module load.
 */
export function detect(text: string): Detection {
  const sentences = splitSentences(normalizeMessage(text));
  const verdict = judgeDecision(sentences);
  const evidence = citeEvidence(sentences);
  return {
    decision: verdict.decision,
    customer: evidence.length > 0,
    kind: verdict.decision ? classifyDecision(verdict.sentences, sentences) : null,
    evidence,
    confidence: verdict.confidence,
  };
}
