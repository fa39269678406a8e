import { citeEvidence } from './customer.js';
import { type DecisionVerdict, decisionContexts, implicitCues, judgeDecision } from './decision.js';
import { normalizeMessage } from './normalize.js';
import { splitSentences } from './segment.js';
import type { EvidenceKind } from './types.js';

/**
 * What the model sees of a message: the rule detectors' verdicts (precise but narrow), the contexts that veto them,
 * and the message's words (broad but noisy). Features are names, so the committed weights can be read and diffed.
 */
export interface MessageFeatures {
  readonly sentences: readonly string[];
  readonly verdict: DecisionVerdict;
  readonly evidence: readonly EvidenceKind[];
  /**
   * Whether the message names anyone or anything customer evidence comes from: without people, a source or a quote,
   * the model's words alone ("importer", "Q4") are not allowed to find customer insight.
   */
  readonly mentionsPeopleOrSource: boolean;
  /** Binary features, without repeats. */
  readonly names: readonly string[];
}

/** Words, numbers and the punctuation that carries meaning here (a question, a quote, a label, a percentage). */
const TOKEN = /[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$€£?:"]/g;
const PEOPLE_OR_SOURCE =
  /"|\b(?:customers?|users?|clients?|accounts?|prospects?|people|admins?|buyers?|teams?|workspaces?|orgs?|companies|visitors|sessions|signups|respondents|participants|testers|interview\w*|survey\w*|nps|csat|tickets?|support|reviews?|churn\w*|votes?|requests?|board|calls?|demo|qbr|feedback|said|says|asked|told|complain\w*)\b/;
const DIGITS = /\d+(?:[.,]\d+)*/;
/** A sentence that opens with a verb in -ing ("Sunsetting …", "Keeping …") is how terse announcements start. */
const GERUND_OPENING = /^[a-z]+ing\b/;

export function extractFeatures(text: string): MessageFeatures {
  const sentences = splitSentences(normalizeMessage(text));
  const verdict = judgeDecision(sentences);
  const evidence = citeEvidence(sentences);
  const names = new Set<string>();
  for (const strength of verdict.accepted) names.add(`rule:${strength}`);
  for (const strength of verdict.vetoed) names.add(`rule-vetoed:${strength}`);
  for (const context of decisionContexts(sentences)) names.add(`context:${context}`);
  for (const cue of implicitCues(sentences)) names.add(`cue:${cue}`);
  for (const kind of evidence) names.add(`evidence:${kind}`);
  if (evidence.length > 0) names.add('evidence:any');
  for (const sentence of sentences) addWords(sentence, names);
  if (sentences.length <= 1) names.add('shape:one-sentence');
  const mentionsPeopleOrSource = sentences.some((sentence) => PEOPLE_OR_SOURCE.test(sentence));
  return { sentences, verdict, evidence, mentionsPeopleOrSource, names: [...names] };
}

function addWords(sentence: string, names: Set<string>): void {
  if (GERUND_OPENING.test(sentence)) names.add('shape:gerund-opening');
  for (const [token] of sentence.matchAll(TOKEN)) names.add(`word:${DIGITS.test(token) ? '0' : token}`);
}
