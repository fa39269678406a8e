import { type PossiblePatterns, type Scanned, Screen } from './screen.js';
import type { DecisionCategory, DecisionKind } from './types.js';

/**
 * What a decision is about, scored by weighted cue phrases so "migrate the billing database" is
 * technical rather than pricing. Ties go to the category listed first: the rarer, costlier kinds
 * (sunset, pricing, scope) come first because their follow-up questions matter most.
 */

interface Cue {
  readonly pattern: RegExp;
  readonly weight: number;
}

type ScoredCategory = Exclude<DecisionCategory, 'other'>;

const CUES: ReadonlyArray<readonly [ScoredCategory, readonly Cue[]]> = [
  [
    'sunset',
    [
      {
        pattern:
          /\b(?:sunset\w*|deprecat\w*|end[- ]of[- ]life|eol|shut(?:ting)? down|shutdown|retir\w*|discontinu\w*|phas(?:e|ing) out|decommission\w*|wind(?:ing)? down)\b/,
        weight: 3,
      },
      { pattern: /\bmaintenance mode\b/, weight: 2 },
    ],
  ],
  [
    'pricing',
    [
      { pattern: /\bpric(?:e|es|ed|ing)\b/, weight: 3 },
      {
        pattern:
          /\b(?:annual|monthly|yearly|free|starter|basic|pro|team|business|enterprise|premium|paid|growth|legacy|seat-based|usage-based)(?:[- ]only)? (?:plans?|tiers?)\b/,
        weight: 2,
      },
      {
        pattern:
          /\b(?:discounts?|per[- ](?:seat|user|month)|freemium|charg(?:e|es|ing)|paywall|grandfather\w*|annual-only|moneti[sz]\w*)\b|[$€£]\s?\d/,
        weight: 2,
      },
      {
        pattern: /\b(?:tiers?|billing|seats?|subscriptions?|free trial|coupons?|refunds?|packaging|upsell|invoic\w*)\b/,
        weight: 1,
      },
    ],
  ],
  [
    'scope',
    [
      { pattern: /\b(?:descop\w*|de-scop\w*)\b/, weight: 3 },
      {
        pattern:
          /\bcut(?:ting)?\b(?! (?:costs?|latency|spend|time|prices?|down))|\b(?:drop(?:ping|ped)?|mvp|scop(?:e|ed|ing)|punt\w*|not (?:building|shipping|doing)|won't (?:build|ship|do))\b/,
        weight: 2,
      },
      { pattern: /\b(?:defer\w*|nice[- ]to[- ]have|features?)\b/, weight: 1 },
    ],
  ],
  [
    'people',
    [
      {
        pattern: /\b(?:reorg\w*|re-org\w*|restructur\w*|team structure|org chart|layoffs?|lay(?:ing)? off)\b/,
        weight: 3,
      },
      {
        pattern:
          /\b(?:hir(?:e|es|ed|ing)|headcount|owners?|ownership|will own|to own|owns|reports? to|reporting to|promot(?:e|ed|ion)|squads?)\b|\b(?:joins?|joining|moves? to|moving to) the \w+ team\b/,
        weight: 2,
      },
      { pattern: /\b(?:manager|tech lead|dri|contractors?|agency|freelancers?)\b/, weight: 1 },
    ],
  ],
  [
    'process',
    [
      {
        pattern:
          /\b(?:from now on|going forward|moving forward|meetings?|standups?|stand-ups?|syncs?|retros?|1:1s?|one-on-ones?|on[- ]call|rotations?|rotas?|slas?|process|workflow|polic(?:y|ies)|code freeze|deploy freeze)\b|\bsupport (?:replies|responses|tickets|hours|rotation|queue)\b|\b(?:no (?:more )?)?(?:friday|weekend) (?:deploys|releases)\b/,
        weight: 2,
      },
      {
        pattern:
          /\b(?:reviews?|reviewers?|repl(?:y|ies)|respond\w*|rules?|async|cadence|weekly|biweekly|daily|rfcs?|adrs?|postmortems?|approvals?|triage|handoffs?|definition of done)\b/,
        weight: 1,
      },
      { pattern: /\b(?:every|always|must|needs?|requires?)\b/, weight: 1 },
    ],
  ],
  [
    'technical',
    [
      {
        pattern:
          /\b(?:migrat\w*|ci|cd|ci\/cd|pipelines?|github actions|circleci|jenkins|buildkite|databases?|db|postgres\w*|mysql|mongo\w*|redis|dynamo\w*|sqlite|kafka|elasticsearch|clickhouse|snowflake|architecture|microservices?|monolith|monorepo|serverless|kubernetes|k8s|docker|terraform|infra\w*|regions?|aws|gcp|azure|cloudflare|vercel|heroku)\b|\b[a-z]{2}-(?:central|east|west|north|south|northeast|southeast|northwest|southwest)-\d\b/,
        weight: 2,
      },
      {
        pattern:
          /\b(?:frameworks?|librar(?:y|ies)|sdks?|react|vue|angular|svelte|typescript|javascript|python|rust|golang|java|kotlin|swift|node|graphql|grpc|cach\w*|queues?|cron|backend|frontend|stack|hosting|servers?|cloud|deploy\w*|tooling|latency|performance)\b/,
        weight: 1,
      },
    ],
  ],
  [
    'roadmap',
    [
      {
        pattern: /\b(?:ship(?:s|ping|ped)?|launch\w*|prioriti[sz]\w*|deprioriti[sz]\w*|roadmap|double down)\b/,
        weight: 2,
      },
      {
        pattern:
          /\b(?:release\w*|build(?:ing)?|next quarter|this quarter|milestones?|focus on|beta|ga|general availability|first|next (?:sprint|cycle))\b/,
        weight: 1,
      },
    ],
  ],
];

/** Hard-to-reverse moves beyond pricing and sunsetting: contracts, vendors, legal terms, data deletion. */
const ONE_WAY_DOOR =
  /\b(?:contracts?|vendors?|sign(?:ed|ing)? (?:with|the|a)|multi[- ]year|\d+[- ]year (?:deal|contract|commitment|term)|terms of service|legal terms|tos|dpa|msa|delet(?:e|ed|es|ing|ion)|purg\w*|data retention|retention (?:policy|period|window)|retain (?:data|logs)|erase|wipe|drop (?:the )?(?:table|database|db|column|data)|irreversib\w*|one[- ]way door|acqui(?:re|sition)|licen[cs](?:e|es|ing)|rebrand\w*|layoffs?|lay(?:ing)? off|exclusiv\w*|open[- ]sourc\w*)\b/;
const KIND_SCREEN = new Screen([...CUES.flatMap(([, cues]) => cues.map((cue) => cue.pattern)), ONE_WAY_DOOR]);

const ONE_WAY_CATEGORIES: ReadonlySet<DecisionCategory> = new Set(['pricing', 'sunset']);

/**
 * Classifies a message's first decision whose sentence names a topic; when none does ("Going with
 * option B."), the rest of the message usually says what it is about.
 */
export function classifyDecision(
  decisionSentences: readonly string[],
  allSentences: readonly string[],
  scanned: Scanned,
): DecisionKind {
  const allText = allSentences.join(' ');
  // the decision sentences are among all sentences, so what cannot match all of them cannot match one
  const possible = KIND_SCREEN.possible(scanned, allText);
  const topical = decisionSentences.map((text) => categorise(text, possible)).find((category) => category !== 'other');
  const category = topical ?? categorise(allText, possible);
  const oneWayDoor =
    ONE_WAY_CATEGORIES.has(category) ||
    (possible.has(KIND_SCREEN.patterns.length - 1) && decisionSentences.some((text) => ONE_WAY_DOOR.test(text)));
  return { category, oneWayDoor };
}

function categorise(text: string, possible: PossiblePatterns): DecisionCategory {
  let best: DecisionCategory = 'other';
  let bestScore = 0;
  let index = 0;
  for (const [category, cues] of CUES) {
    const score = cues.reduce((sum, cue) => {
      const matches = possible.has(index) && cue.pattern.test(text);
      index += 1;
      return matches ? sum + cue.weight : sum;
    }, 0);
    if (score > bestScore) {
      best = category;
      bestScore = score;
    }
  }
  return best;
}
