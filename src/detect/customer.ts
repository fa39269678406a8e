import { anyOf, re } from './regex.js';
import { type Scanned, Screen } from './screen.js';
import type { EvidenceKind } from './types.js';

/**
 * Which kinds of customer evidence a message cites. A source on its own ("the support tickets",
 * "our funnel") is not evidence; it counts once the sentence also carries a finding: a number about
 * people, a quote, or what they said, did or asked for.
 */

interface EvidencePattern {
  readonly kind: EvidenceKind;
  readonly pattern: RegExp;
  /** The sentence must also match this, usually `FINDING`, for the source to count. */
  readonly requires?: RegExp;
}

/** Where a kind was cited, so kinds can be listed in order of first appearance. */
interface Citation {
  readonly kind: EvidenceKind;
  readonly sentence: number;
  readonly position: number;
}

/** People who use or pay for the product; "customer success" and "customer support" are the team. */
const PEOPLE =
  '(?:customers?(?! (?:success|support|service|experience|team))|users?|clients?|admins?|buyers?|prospects?|trialists?|subscribers?|champions?)';
/** Verbs someone else uses about people; "we need" and "let me show" are the team talking. */
const FINDING_VERB =
  /(?<!\b(?:we|i|you|me|let's|to|will|'ll|anyone|someone|anybody|somebody|everyone) )\b(?:said|says|say|told|asked|asking|asks|want|wants|wanted|need|needs|needed|complain\w*|can't|cannot|couldn't|can not|struggl\w*|show|showed|shows|found|finds|revealed|reveals|hate|hates|hated|love|loves|loved|mention\w*|prefer\w*|drop|drops|dropped|bounce\w*|abandon\w*|churn\w*|confus\w*|frustrat\w*|request\w*|rage[- ]click\w*|missed|stuck|failed|gave up|won|lost|beat|lift|uplift|outperform\w*|convert\w*|significant|winner|rated|rating|praised|blocked|keeps?|kept|point(?:ed|s)? to|cite[sd]|citing|highlight\w*|surfaced|because|rose|fell|grew|doubled|halved|flagged|got through|managed to|succeeded|brought (?:it |this |that )?up|bring (?:it |this |that )?up|brings (?:it |this |that )?up|raised|telling us|tell us|tells us)\b/;
const COUNTED =
  '(?:customers|users|people|accounts|teams|admins|respondents|interviewees|participants|testers|tickets|requests|votes|reviews|companies|complaints|deals|mentions|sessions|stars?|replays|recordings|calls|interviews|visits|responses)';

/** What turns a mention of a source into evidence: numbers about people, their words, what they did or said. */
const FINDING = anyOf([
  /\d+(?:\.\d+)?\s?%|\b\d+ (?:of|out of) \d+\b/,
  // a comparison of two measures ("3m40s on mobile vs 1m10s on desktop"), a move ("went from ~40/day")
  /\b\d\S*[^.]{0,40}\bvs\.?\s+[~$€£]?\d|\b(?:went|grew|rose|fell|dropped|jumped|climbed) from ~?\d/,
  re(`\\b\\d+ (?:\\w+ )?${COUNTED}\\b`),
  /\b\d[\d,]* (?:started|signed up|verified|created|completed|clicked|opened|visited|converted|churned|dropped|upgraded|downgraded|installed|activated)\b/,
  /"[^"]{3,}"/,
  /\b(?:most|majority|nobody|none|everyone|based on|according to)\b/,
  /\b(?:is|was|has been|were|are) (?:very |mostly |overwhelmingly |pretty |really )?(?:positive|negative|mixed|glowing|lukewarm|unanimous)\b/,
  FINDING_VERB,
]);

const SPECIFIC: readonly EvidencePattern[] = [
  // interview
  {
    kind: 'interview',
    pattern: /\b(?:customer|user|client|buyer|admin|prospect|discovery|research)s? interviews?\b/,
    requires: FINDING,
  },
  { kind: 'interview', pattern: /\binterview(?:s|ed|ees?)?\b/, requires: FINDING },
  {
    kind: 'interview',
    pattern: /\b(?:site|customer|field|onsite|on-site) visits?\b|\bride-?alongs?\b/,
    requires: FINDING,
  },
  {
    kind: 'interview',
    pattern: re(
      `\\b(?:talked|spoke|spoken|chatted|met|sat down) (?:to|with) (?:\\w+ ){0,3}?(?:${PEOPLE}|accounts?)\\b`,
    ),
    requires: FINDING,
  },
  {
    kind: 'interview',
    pattern:
      /\b(?:on|in|during|from|after) (?:a |the |my |our |this |that |today's |yesterday's |this morning's |last week's |[\w-]+'s )?(?:customer|user|client) calls?\b/,
    requires: FINDING,
  },
  // sales-call
  {
    kind: 'sales-call',
    pattern: /\b(?:sales|discovery|demo|renewal|qbr|onboarding) calls?\b|\bqbrs?\b|\b(?:gong|chorus)\b/,
    requires: FINDING,
  },
  {
    kind: 'sales-call',
    pattern:
      /\bprospects? (?:said|asked|told|keep|kept|want|wants|need|needs|mentioned|complained|pushed back|objected|balked|chose|picked)\b/,
  },
  { kind: 'sales-call', pattern: /\b(?:lost|killed|blocked) (?:the |a |\w+ ){0,2}deals?\b/ },
  {
    kind: 'sales-call',
    pattern: /\b(?:win[/ -]loss|gong (?:calls?|recordings?|clips?|snippets?|data)|qbrs?)\b/,
    requires: FINDING,
  },
  // survey
  {
    kind: 'survey',
    pattern:
      /\bsurvey (?:results?|responses?|data|says|said|showed|shows|found|finds|respondents|comments|feedback|answers)\b/,
  },
  { kind: 'survey', pattern: /\brespondents?\b|\b(?:detractors?|promoters?)\b/ },
  {
    kind: 'survey',
    pattern: /\b(?:nps|csat) (?:is|was|of|at|went|dropped|rose|fell|score|comments?|verbatims?|responses?|feedback)\b/,
  },
  { kind: 'survey', pattern: /\b(?:nps|csat)\b/, requires: FINDING },
  { kind: 'survey', pattern: /\bsurvey\b/, requires: FINDING },
  // review
  { kind: 'review', pattern: /\b(?:one|two|three|four|five|[1-5])[- ]star reviews?\b/ },
  {
    kind: 'review',
    pattern:
      /\b(?:app ?store|play store|google play|g2|capterra|trustpilot|product ?hunt)\b|\b(?:customer|user|app) reviews?\b/,
    requires: FINDING,
  },
  { kind: 'review', pattern: re(`\\b${PEOPLE}(?: \\w+)? (?:tweeted|posted)\\b`) },
  { kind: 'other', pattern: /\b(?:discord|github issues?|community forum|subreddit)\b/, requires: FINDING },
  {
    kind: 'other',
    pattern: /\b(?:on|from) (?:twitter|reddit|linkedin|hacker news|product hunt|mastodon|bluesky)\b/,
    requires: /\b(?:posted|tweeted|thread|complain\w*|replies|saying|said|wrote)\b/,
  },
  // support
  { kind: 'support', pattern: /\bwrote in\b|\btickets? #?\d{3,}|\(#\d{4,}\)/, requires: FINDING },
  {
    kind: 'support',
    pattern:
      /\b(?:support|zendesk|intercom|freshdesk|help ?scout|help ?desk|cs) (?:tickets?|conversations?|chats?|threads?|queue|inbox|volume|requests?|cases?|emails?)\b/,
    requires: FINDING,
  },
  {
    kind: 'support',
    pattern:
      /(?<!\b(?:jira|linear|github|internal) )\btickets? (?:about|mentioning|asking|complaining|requesting|regarding|citing)\b/,
  },
  {
    kind: 'support',
    pattern:
      /\b(?:support|cs|customer success|support team|success team) (?:says|said|reports?|reported|is seeing|are seeing|sees|saw|flagged|escalated|heard|hears|tells us|told us|mentioned|noticed)\b/,
  },
  {
    kind: 'support',
    pattern: /\b(?:according to|per) (?:the )?(?:support|cs|customer success|success)(?: team)?\b/,
    requires: FINDING,
  },
  { kind: 'support', pattern: re(`\\b(?:bug reports?|complaints?) (?:from|by) ${PEOPLE}`) },
  { kind: 'support', pattern: /\b(?:complaints?|escalations?)\b/, requires: FINDING },
  // usage-data
  {
    kind: 'usage-data',
    pattern:
      /\b(?:analytics|amplitude|mixpanel|heap|posthog|fullstory|hotjar|pendo|ga4|looker|metabase|logrocket|funnel|heatmaps?|session (?:recordings?|replays?|data)|screen recordings?|click ?maps?|scroll ?maps?|retention (?:curve|cohorts?|data|chart)|cohorts?|usage data|event data|telemetry|bounce rate|conversion rate|activation rate|click[- ]?through rate|time on page|feature adoption|adoption rate)\b/,
    requires: FINDING,
  },
  {
    kind: 'usage-data',
    pattern:
      /\bdrop[- ]?offs?\b|\busage (?:shows|showed|dropped|grew|doubled|halved|went|rose|fell|jumped|increased|decreased|spiked|is up|is down)\b/,
  },
  // request-board
  {
    kind: 'request-board',
    pattern: /\b(?:most[- ]requested|top (?:feature )?requests?|\d+ (?:up)?votes|\d+ feature requests)\b/,
  },
  {
    kind: 'request-board',
    pattern: /\b(?:canny|productboard|uservoice|upvotes?|feature[- ]requests?|request board|ideas (?:board|portal))\b/,
    requires: FINDING,
  },
  {
    kind: 'request-board',
    pattern: /\b(?:community|forum|feedback|ideas?) (?:forum )?(?:threads?|posts?|topics?)\b/,
    requires: FINDING,
  },
  // churn
  {
    kind: 'churn',
    pattern:
      /\b(?:churn|exit|cancell?ation|offboarding) (?:reasons?|surveys?|interviews?|feedback|data|comments|notes|calls?|flow)\b/,
    requires: FINDING,
  },
  {
    kind: 'churn',
    pattern:
      /(?<!\bwe(?:'re| are)? )\b(?:churned|is churning|are churning|didn't renew|did not renew|won't renew|will not renew|(?<!^)not renewing)\b|\bdecided to (?:churn|cancel|leave|not renew|downgrade)\b|\bchurn(?:ed|ing)? (?:because|due to|citing|after|over)\b|\bcancell?ed (?:their|the|his|her|its) (?:subscription|plan|account|contract|seats?)\b|\bdowngraded (?:to|from) (?:the )?(?:free|starter|basic|pro|team|lower)\b/,
  },
  // usability-test
  {
    kind: 'usability-test',
    pattern: /\b(?:prototype|concept|paper|click-?through|first-click|tree|card[- ]sort(?:ing)?) tests?\b/,
    requires: FINDING,
  },
  {
    kind: 'usability-test',
    pattern:
      /\b(?:usability (?:tests?|testing|study|studies|sessions?|results?|rounds?)|(?:user|hallway|guerrilla|moderated|unmoderated) (?:tests?|testing|sessions?)|participants|testers|maze|usertesting|lookback|userzoom)\b/,
    requires: FINDING,
  },
  // experiment
  {
    kind: 'experiment',
    pattern: /\b(?:a\/?b(?:\/n)? (?:tests?|testing|results?|experiments?)|ab tests?|split tests?|multivariate)\b/,
    requires: FINDING,
  },
  {
    kind: 'experiment',
    pattern:
      /\bexperiments? (?:results?|showed|shows|won|lost|found|concluded|readout)\b|\b(?:variant|treatment|control)(?: [a-z0-9])? (?:won|lost|beat|converted|outperformed|underperformed|did better|did worse|increased|decreased|lifted)\b|\b(?:uplift|lift) of \d|\bstat(?:istically)? sig(?:nificant)?\b/,
  },
  {
    kind: 'experiment',
    pattern:
      /\b(?:a\/b|experiment #?\d+|(?:pricing|landing|checkout|signup|onboarding|copy|price|badge|paywall|upgrade) (?:page |flow |prompt )?tests?)\b/,
    requires:
      /\d\s?%[^.]*\bvs?\.?\s|\bvs?\.?\s[^.]*\d\s?%|\b(?:won|beat|lift|uplift|from \d[\d.]*\s?% to)\b|[+-]\d+(?:\.\d+)?\s?%/,
  },
  { kind: 'experiment', pattern: /\bas an? (?:experiment|test|trial)\b/, requires: FINDING },
  // "the UK store experiment cut wrong-size returns from 14% to 6%", "Referral bonus test: $0 vs $10 vs $20"
  {
    kind: 'experiment',
    pattern:
      /\b(?:experiment|test)s? (?:[\w-]+ ){0,4}?(?:cut|raised|lowered|increased|decreased|reduced|improved|doubled|halved|lifted|gave|moved)\b|\btests?\b[^.]{0,30}?\$?\d[\d.,]*%? vs\.? \$?\d/,
    requires: FINDING,
  },
  {
    kind: 'experiment',
    pattern:
      /\b(?:testing|tested|tests?|experiments?) (?:across|on|with) ~?\d[\d,.]*k? (?:recipients|users|customers|accounts|visitors|workspaces|people|sessions|subscribers|members|shoppers|shops|merchants|riders|players|learners|owners)\b/,
    requires: FINDING,
  },
  // quote
  {
    kind: 'quote',
    pattern: /"[^" ]+ [^"]{2,}"/,
    requires: re(
      `(?<!\\b(?:for|to|tell|telling|email|emailing|notify|notifying) (?:our |the |all )?)\\b(?:${PEOPLE}|respondents?|interviewees?|participants?|testers?|champions?|design partners?)\\b|"\\s*[-—–]\\s*\\S|\\b[a-z][\\w&.-]*'s (?:cfo|ceo|cto|admins?|ops|finance|it|head of \\w+|vp|champion|buyer)\\b`,
    ),
  },
  {
    kind: 'quote',
    pattern: re(
      `\\b(?:${PEOPLE}|interviewees?|respondents?|participants?)(?: \\([^)]{1,80}\\))?(?: [\\w-]+){0,3}? (?:said|says|told (?:us|me|them|our \\w+)|wrote|emailed|messaged|dm'd|replied)\\b`,
    ),
  },
  // the attribution under a block quote ("> I'd pay double …" then "— CFO at Brightline"), its dash stripped
  {
    kind: 'quote',
    pattern:
      /^(?:the |an? )?(?:cfo|ceo|cto|coo|founder|owner|head of \w+|vp of \w+|(?:\w+ )?(?:admin|user|customer|buyer|champion|manager|director|lead|engineer|analyst))s? (?:at|from) [a-z][\w&.-]*(?:,|$)/,
  },
  {
    kind: 'quote',
    pattern: re(`\\b(?:quotes?|verbatims?|emails?) from (?:a |the |one |our |\\d+ |several |many )?${PEOPLE}`),
  },
  // account-feedback
  {
    kind: 'account-feedback',
    pattern:
      /'s(?<=[a-z0-9&.-]'s)(?<!\b(?:our|the|my|your|their|his|her|its|it|that|what|who|there|here|let|he|she|today|yesterday|tomorrow|everyone|everybody|someone|nobody|team|company|this|last|next|week|month|year|sprint|quarter|q[1-4])'s) (?:(?:finance|it|ops|operations|security|legal|procurement|accounting|billing) (?:team|folks|people|lead|admins?)|admins?|users|cfo|ceo|cto|coo|vp of \w+|head of \w+|champion|buyer|procurement|employees|staff|end users|agents|reps)\b/,
    requires: FINDING,
  },
  {
    kind: 'account-feedback',
    pattern:
      /\b(?:customer|client|account|prospect)(?! (?:success|support|service|experience|team|data|base|facing|journey|research|feedback|interviews?|calls?|manager|executive|owner|is|are|was|were|has|have)\b)\s+[a-z][\w&.-]*\s+(?:said|says|reported|asked|wants|needs|complained|told|mentioned|flagged|requested|can't|cannot|couldn't|is blocked|escalated|hit|threatened|refused|noticed)\b/,
  },
  {
    kind: 'account-feedback',
    pattern: / \((?:customer|client|enterprise|account|prospect|design partner)[^)]*\)|\bdesign partners?\b/,
    requires: FINDING,
  },
  {
    kind: 'account-feedback',
    pattern:
      /\btheir (?:procurement|legal|security|it|finance|ops|admins?|cfo|ceo|cto|champion|buyer)(?: (?:team|lead|folks|people))? (?:literally |just |also |again )?(?:won't|will not|can't|cannot|refuses?|refused|requires?|required|needs?|needed|asked|said|says|told|emailed|wrote|complained|flagged|pushed back|wants?)\b/,
  },
  {
    kind: 'usage-data',
    pattern:
      /\b(?:unsubscribes?|unsubscribe rate|opt-outs?|cancellations?|conversion|conversions|retention|activation)(?: rate)? (?:\w+ ){0,2}?(?:jumped|rose|fell|dropped|doubled|halved|went|grew|climbed|spiked|tripled|up|down|tanked|improved|declined|increased|decreased)\b[^.]{0,30}\d/,
  },
  // other
  {
    kind: 'other',
    pattern: re(
      `\\b${PEOPLE}(?: (?:keep|kept|have been|are|were|all|also))? (?:asking|requesting|complaining|begging|reporting|pushing) (?:for|about|that|how|why|whether|if|when|where)\\b|\\b${PEOPLE}(?: [\\w-]+){0,3}? (?<!\\b(?:be|been|being|was|were|get|got) )(?:asked|requested|complained|reported|flagged|mentioned|struggled)\\b`,
    ),
  },
  {
    kind: 'other',
    pattern: re(
      `\\b(?:customer|user|client) (?:feedback|research|insights?)\\b|\\b(?:feedback|heard) from (?:\\w+ ){0,2}?${PEOPLE}`,
    ),
    requires: FINDING,
  },
];

const POPULATION =
  '(?:users|customers|accounts|workspaces|teams|trials|trialists|visitors|admins|sessions|signups|sign-ups|buyers|subscribers|people|orgs|organi[sz]ations|companies|installs|merchants|shoppers|members|students|teachers|drivers|sellers|creators|actives|patients|riders|learners|owners|clinicians|shops|players|listeners|readers|guests|hosts)';
const BEHAVIOUR = re(
  String.raw`\b(?:drop|drops|bounce\w*|never|don't|do not|didn't|can't|use|used|uses|open\w*|click\w*|abandon\w*|complete\w*|finish\w*|convert\w*|churn\w*|skip\w*|invite\w*|return\w*|stop\w*|leave|left|hit|struggl\w*|fail\w*|ignore\w*|enable\w*|disable\w*|turn\w* (?:on|off)|log in|sign in|export\w*|upgrade\w*|downgrade\w*|reach\w*|read|see|saw|visit\w*|miss\w*|want\w*|ask\w*|say|said|prefer\w*|pay|paid|buy|bought|choose|chose|stay\w*|tr(?:y|ied)|need\w*|rely|relies|search\w*|come back|came back)\b`,
);

/**
 * Numbers about people's behaviour with no named source ("40% of trial users drop at step 2"). Only used in a
 * clause that names no source (the number is then that source's), and only with a behaviour verb, so
 * "rolled out to 10% of workspaces" stays a status.
 */
const FALLBACK: readonly EvidencePattern[] = [
  {
    kind: 'usage-data',
    // "rolled out to 25% of workspaces" is who a change reached, not what they did
    pattern: re(`(?<!\\b(?:to|for) )\\b\\d+(?:\\.\\d+)?\\s?% of (?:(?:[\\w-]+ ){0,3}?${POPULATION}|them|those)\\b`),
    requires: BEHAVIOUR,
  },
  {
    kind: 'usage-data',
    pattern: re(`\\b\\d+ (?:of|out of) (?:the |our )?\\d+ (?:[\\w-]+ ){0,2}?${POPULATION}\\b`),
    requires: BEHAVIOUR,
  },
  {
    kind: 'usage-data',
    pattern: re(
      `\\b\\d[\\d,]* ${POPULATION} (?:\\w+ )?(?:installed|upgraded|opened|clicked|converted|churned|cancell?ed|activated|completed|abandoned|dropped off)\\b`,
    ),
  },
  {
    kind: 'usage-data',
    pattern: re(
      `\\b(?:most|half|majority|a third|two thirds|none|nobody|nearly all|almost all) of (?:our |the |all )?(?:[\\w-]+ )?${POPULATION}\\b`,
    ),
    requires: BEHAVIOUR,
  },
  {
    kind: 'usage-data',
    pattern: re(
      `\\b(?:users|customers|visitors|trialists|admins|patients|members|shoppers|riders|learners|players)(?: \\w+)? (?:drop off|drop|dropping|bounce|abandon|rage[- ]click|get stuck)\\b`,
    ),
  },
];

/** Sentences that mention evidence without citing it: questions, plans, the team's own tests, hiring. */
const VETOES: readonly RegExp[] = [
  /^(?:should|shall|can|could|would|do|does|did|have|has|is|are|was|were|will|what|why|how|who|which|where|any)\b/,
  /\b(?:scheduled|scheduling|booked|upcoming|next week's|tomorrow's|recruiting|to recruit|will recruit)\b/,
  /\b(?:internal|employee|staff|eng|engineering|happiness|engagement|pulse|culture|team) (?:[\w-]+ )?surveys?\b/,
  /(?:'ll| will| are going to|'re going to|'m going to| is going to| am going to| gonna) (?:\w+ ){0,2}?(?:interview|survey|run|send|talk|ask|reach out|set up|schedule|book|recruit|email|call|test|look at|dig into|pull|check|share|collect|gather)\b/,
  /\b(?:plan(?:s|ning)? to|want(?:s)? to|need(?:s)? to|hoping to|hope to|aim(?:ing)? to|would like to|next step is to|let's|let us|should|could|we can|going to|gonna|todo|to-do|action item) (?:\w+ ){0,2}?(?:interview|survey|talk|ask|reach out|run|set up|schedule|book|recruit|email|call|test|look at|dig into|pull|check|collect|gather|get|send)\b/,
  /\b(?:launch|launching|run|running|start|starting|kick(?:ing)? off) (?:a |an |the |our )?(?:\w+ )?(?:survey|interviews?|usability (?:tests?|study)|experiment|a\/b test)\b/,
  /\b(?:until|once|unless) (?:we|we've|we have)\b/,
  /\bsend(?:ing)? (?:out )?(?:the |a )?survey\b|\b(?:survey|interviews?|tests?|sessions?) (?:goes|go|is going|are going|will go) (?:out|live)\b/,
  /\b(?:load|unit|integration|e2e|end-to-end|smoke|regression|performance|perf|stress|ci|qa|internal|our own) tests?(?:ing)?\b/,
  /\bon (?:my|our) (?:machines?|laptops?)\b|\b(?:locally|in staging|on staging|dogfood\w*|benchmark\w*)\b/,
  /\b(?:research plan|interview plan|test plan|study plan|discussion guide|interview guide|draft plan|plan draft)\b/,
  /\bpending\b|\b(?:wants?|needs?|waiting (?:on|for)|until we (?:see|get|have)) (?:the |our |more )?(?:[\w-]+ ){0,2}(?:numbers|data|results?|readout)\b/,
  /\b(?:candidates?|hiring|job interviews?|onsites?|on-sites?|recruiters?|offer letter|resumes?|take-home)\b/,
  /\b(?:no|without|haven't|hasn't|have not|never|zero|lack of|lacking) (?:\w+ ){0,2}?(?:customer |user )?(?:data|feedback|evidence|insights?|research|interviews?|input|talking|asking|surveys?|signal)\b/,
];
const VETO = anyOf(VETOES);
/** A question outside quotation marks; a quoted customer may well have asked one. */
const QUESTION_MARK = /\?[)'\s]*$/;
const QUOTED = /"[^"]*"/g;
const SOURCE_SCREEN = new Screen([...SPECIFIC, ...FALLBACK].map((source) => source.pattern));
/** "40% of trial users drop at step 2 and support tickets doubled" cites two things, one per clause. */
const CLAUSE_BREAK = /;\s|\s(?:and|but|while|whereas|plus)\s/g;

interface Span {
  readonly start: number;
  readonly end: number;
}

/** `scanned` holds the sentences' tokens, one list a sentence. */
export function citeEvidence(sentences: readonly string[], scanned: Scanned): EvidenceKind[] {
  const citations: Citation[] = [];
  sentences.forEach((sentence, index) => {
    const possible = SOURCE_SCREEN.possibleIn(scanned, index, sentence);
    if (!possible.any()) return;
    const specific = SPECIFIC.filter((_, pattern) => possible.has(pattern));
    const fallback = FALLBACK.filter((_, pattern) => possible.has(SPECIFIC.length + pattern));
    for (const citation of citationsIn(sentence, index, specific, fallback)) citations.push(citation);
  });
  if (citations.length === 0) return [];
  citations.sort((a, b) => a.sentence - b.sentence || a.position - b.position);
  return [...new Set(citations.map((citation) => citation.kind))];
}

/** Only the patterns that can match somewhere in the message are tried. */
function citationsIn(
  sentence: string,
  index: number,
  specificPatterns: readonly EvidencePattern[],
  fallbackPatterns: readonly EvidencePattern[],
): Citation[] {
  if (!citesAny(specificPatterns, sentence) && !citesAny(fallbackPatterns, sentence)) return [];
  const specific = matchAll(specificPatterns, sentence, index);
  const unsourced = clauses(sentence).filter(
    (clause) => !specific.some(({ position }) => position >= clause.start && position < clause.end),
  );
  const fallback = unsourced.flatMap((clause) =>
    matchAll(fallbackPatterns, sentence.slice(clause.start, clause.end), index, clause.start),
  );
  const citations = [...specific, ...fallback];
  if (citations.length === 0 || isVetoed(sentence)) return [];
  // "other" is for evidence no kind names: where a kind does, the same words are not cited twice
  return citations.some(({ kind }) => kind !== 'other') ? citations.filter(({ kind }) => kind !== 'other') : citations;
}

function citesAny(patterns: readonly EvidencePattern[], sentence: string): boolean {
  for (const { pattern } of patterns) if (pattern.test(sentence)) return true;
  return false;
}

function clauses(sentence: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const separator of sentence.matchAll(CLAUSE_BREAK)) {
    spans.push({ start, end: separator.index });
    start = separator.index + separator[0].length;
  }
  spans.push({ start, end: sentence.length });
  return spans;
}

function isVetoed(sentence: string): boolean {
  return QUESTION_MARK.test(sentence.replace(QUOTED, '""')) || VETO.test(sentence);
}

/** `offset` places a match found in a clause back into its sentence, for ordering. */
function matchAll(patterns: readonly EvidencePattern[], text: string, sentence: number, offset = 0): Citation[] {
  const citations: Citation[] = [];
  for (const { kind, pattern, requires } of patterns) {
    const match = pattern.exec(text);
    if (match && (requires === undefined || requires.test(text))) {
      citations.push({ kind, sentence, position: offset + match.index });
    }
  }
  return citations;
}
