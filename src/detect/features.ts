import { citeEvidence } from './customer.js';
import { type DecisionVerdict, decisionContexts, implicitCues, judgeDecision, readDecisions } from './decision.js';
import { normalizeMessage } from './normalize.js';
import { Scanned, Screen } from './screen.js';
import { splitSentences } from './segment.js';
import { distinctTerms, type Term, termOf } from './terms.js';
import type { EvidenceKind } from './types.js';

/**
 * What the model sees of a message: the rule detectors' verdicts (precise but narrow), the contexts that veto them,
 * and the message's words (broad but noisy). Features are names, so the committed weights can be read and diffed.
 */
export interface MessageFeatures {
  readonly sentences: readonly string[];
  /** The sentences' terms, for screening patterns out and for the model's word pairs. */
  readonly scanned: Scanned;
  readonly verdict: DecisionVerdict;
  readonly evidence: readonly EvidenceKind[];
  /** Binary features other than words (rule verdicts, vetoes, cues, evidence, shape), without repeats. */
  readonly signals: readonly string[];
  /** The message's distinct words, numbers as `0`: the model's word features, kept apart so no name is built per word. */
  readonly words: readonly Term[];
}

/**
 * Every feature by its name, as the weights file names them; with `pairs`, also each word and the word after it in a
 * sentence, once each.
 */
export function featureNames({ signals, words, scanned }: MessageFeatures, { pairs }: { pairs: boolean }): string[] {
  const names = [...signals, ...words.map((word) => `${WORD_PREFIX}${word.text}`)];
  if (!pairs) return names;
  const pairNames = new Set<string>();
  for (const terms of scanned.terms) {
    for (let index = 1; index < terms.length; index += 1) {
      pairNames.add(`${PAIR_PREFIX}${(terms[index - 1] as Term).text} ${(terms[index] as Term).text}`);
    }
  }
  return [...names, ...pairNames];
}

export const WORD_PREFIX = 'word:';
/** `pair:we're keeping`: two words in a row say what each alone does not ("we're keeping" against "we're seeing"). */
export const PAIR_PREFIX = 'pair:';

/** Words, numbers and the punctuation that carries meaning here (a question, a quote, a label, a percentage). */
const TOKEN = /[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*|[%$€£?:"]/g;
const PEOPLE_OR_SOURCE =
  /"|\b(?:customers?|users?|clients?|accounts?|prospects?|people|admins?|buyers?|teams?|workspaces?|orgs?|companies|visitors|sessions|signups|respondents|participants|testers|interview\w*|drivers?|dispatchers?|pickers?|riders?|patients?|parents?|students?|teachers?|donors?|volunteers?|guests?|merchants?|sellers?|hosts?|members?|players?|creators?|learners?|shoppers?|recruiters?|managers?|operators?|usage|analytics|telemetry|heatmaps?|funnels?|logs?|chats?|emails?|emailed|rmas?|returns|warranty|pilots?|pocs?|trials?|cancell\w*|renewals?|site visits?|ride-?alongs?|intercom|zendesk|gong|reddit|discord|forum|wrote in|reported|(?<!(?:internal|employee|staff|eng|engineering|happiness|engagement|pulse|culture) )survey\w*|nps|csat|tickets?|support|reviews?|churn\w*|votes?|requests?|board|(?<!on[- ])calls?|qbr|feedback|said|says|asked|told|complain\w*)\b/;
const PEOPLE_OR_SOURCE_SCREEN = new Screen([PEOPLE_OR_SOURCE]);
/**
 * "Twilio is deprecating the API, so we're moving 2FA in-house": what follows "so" is the team's own conclusion, and the
 * context before it (a vendor's decision, a vote, a model name) must not veto it.
 */
const CONSEQUENCE = /,? so (?=(?:we|we're|we'll|it's|[a-z0-9]+ it is|the team|our team)\b)/;

function splitConsequence(sentence: string): string[] {
  return sentence.split(CONSEQUENCE);
}

/** Who a change reaches ("rolled out to 10% of workspaces") says nothing about what those people said or did. */
const AUDIENCE =
  /\b(?:to|for) (?:\d+(?:\.\d+)?\s?% of|all|every|the first \d+) (?:our |the )?(?:[\w-]+ )?(?:workspaces|users|customers|accounts|teams|orgs)\b/g;

const withoutAudience = (sentence: string) =>
  sentence.includes(' of ') || sentence.includes('all') || sentence.includes('every')
    ? sentence.replace(AUDIENCE, '')
    : sentence;

/** A sentence that opens with a verb in -ing ("Sunsetting …", "Keeping …") is how terse announcements start. */
const GERUND_OPENING = /^[a-z]+ing\b/;

export function extractFeatures(text: string): MessageFeatures {
  const sentences = splitSentences(normalizeMessage(text));
  const scanned = scanSentences(sentences);
  const clauses = sentences.some((sentence) => sentence.includes(' so ')) ? sentences.flatMap(splitConsequence) : null;
  // most "so"s are not a consequence clause ("so far", "so much"): then the sentences are read as they are
  const split = clauses !== null && clauses.length > sentences.length;
  const reading = split ? readDecisions(clauses, scanSentences(clauses)) : readDecisions(sentences, scanned);
  const verdict = judgeDecision(reading);
  const evidence = citeEvidence(sentences, scanned);
  const names = new Set<string>();
  for (const strength of verdict.accepted) names.add(`rule:${strength}`);
  for (const strength of verdict.vetoed) names.add(`rule-vetoed:${strength}`);
  for (const context of decisionContexts(reading)) names.add(`context:${context}`);
  for (const cue of implicitCues(reading)) names.add(`cue:${cue}`);
  for (const kind of evidence) names.add(`evidence:${kind}`);
  if (evidence.length > 0) names.add('evidence:any');
  if (sentences.some((sentence) => GERUND_OPENING.test(sentence))) names.add('shape:gerund-opening');
  if (sentences.length <= 1) names.add('shape:one-sentence');
  const words = distinctTerms(scanned.terms);
  return { sentences, scanned, verdict, evidence, signals: [...names], words };
}

/**
 * Whether the message names anyone or anything customer evidence comes from: without people, a source or a quote,
 * the model's words alone ("importer", "Q4") are not allowed to find customer insight. Asked only when the model
 * finds some, which most messages it reads do not.
 */
export function mentionsPeopleOrSource({
  sentences,
  scanned,
}: Pick<MessageFeatures, 'sentences' | 'scanned'>): boolean {
  return sentences.some(
    (sentence, index) =>
      PEOPLE_OR_SOURCE_SCREEN.possibleIn(scanned, index, sentence).has(0) &&
      PEOPLE_OR_SOURCE.test(withoutAudience(sentence)),
  );
}

/** The sentences' terms, for the screens and the model's words. */
function scanSentences(sentences: readonly string[]): Scanned {
  return new Scanned(sentences.map((sentence) => (sentence.match(TOKEN) ?? []).map(termOf)));
}
