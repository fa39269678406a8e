import { re } from './regex.js';
import { type PossiblePatterns, type Scanned, Screen } from './screen.js';

/**
 * Does a sentence announce a decision the writer's team made? Each signal phrase has a strength; the
 * weaker the phrase, the more kinds of context can veto it. Precision beats recall here: a wrong prompt
 * in a thread costs more goodwill than a missed one, so any veto wins over any signal in the same sentence.
 */

/**
 * explicit:   names the decision outright ("decision:", "we decided", "final call:").
 * committed:  the team picks an option ("we're going with", "we went with").
 * policy:     a rule with no subject ("from now on", "going with B."), so personal plans must be ruled out.
 * commitment: "we'll ship …", "we're moving …": also how status updates and incident notes talk.
 */
export type Strength = 'explicit' | 'committed' | 'policy' | 'commitment';

interface DecisionSignal {
  readonly strength: Strength;
  readonly pattern: RegExp;
  /** Phrases that look like this signal but are something else ("is starting Monday" is a new hire). */
  readonly unless?: RegExp;
}

export interface DecisionVerdict {
  readonly decision: boolean;
  /** How sure the verdict is, 0..1 (see `detect`). */
  readonly confidence: number;
  /** The sentences that carry the decision, for classifying it. */
  readonly sentences: readonly string[];
  /** Signals found and kept, and signals found but vetoed: features for the model. */
  readonly accepted: ReadonlySet<Strength>;
  readonly vetoed: ReadonlySet<Strength>;
  /**
   * Every signal found was vetoed as small admin or an operational note ("We're changing the wifi password today",
   * "approved the expense, it goes out with the next payroll"), and none was kept: the labelling guide leaves these
   * out by name, and the model's words ("we're", "goes out") would only count the vetoed signal again, so its yes is
   * overruled.
   */
  readonly overrulesModel: boolean;
}

const CONFIDENCE: Readonly<Record<Strength, number>> = {
  explicit: 0.95,
  committed: 0.85,
  policy: 0.8,
  commitment: 0.7,
};
const NO_DECISION_LANGUAGE_CONFIDENCE = 0.95;
const DECISION_WORDS_ONLY_CONFIDENCE = 0.85;
const VETOED_SIGNAL_CONFIDENCE = 0.75;

/** Groups inside the writer's organisation whose decisions count; "Acme's platform team" does not. */
const TEAM_SUBJECT = String.raw`\b(?<!(?:'s|their|his|her|its) )(?:we(?:'ve)?|(?:the |our )?(?:product|eng|engineering|design|platform|infra|growth|data|sales|support|marketing|finance|legal|security|pricing|mobile|web|backend|frontend|leadership|exec|core|billing|ops|devops|sre) team|the team|our team|leadership|management|(?:the )?execs|the board|(?:the )?founders)`;
const TEAM_VERB_ADVERBS =
  '(?: (?:all|have|has|had|just|finally|officially|formally|collectively|unanimously|already|now|ultimately|eventually|jointly)){0,3}';
const DECIDED_VERB = String.raw`(?:decided|agreed(?=\s*[:.!,;]|\s*$| (?:to|on|that|this|these|it|we|with|upon|in|at|during|after|earlier|yesterday|today|last)\b)|chose|chosen|picked(?! up)|committed to|opted (?:for|to|out|in)|decide (?:not )?to|landed on|settled (?:on|it|this)|signed off|voted to|approved|greenlit|green-lit|(?:made|take|took|taken) (?:the|a|our) (?:call|decision)|reached (?:a|the) decision)`;
const MEETING =
  '(?:meeting|sync|workshop|offsite|off-site|discussion|call|review|planning|retro|retrospective|session|debate|thread|huddle|standup|stand-up|kickoff|summit)';
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*';
const WEEKDAY = '(?:monday|tuesday|wednesday|thursday|friday)';

const COMMITMENT_AUX = String.raw`\bwe(?:'ll| will| shall| are going to|'re going to| are gonna|'re gonna| won't| will not| are not going to|'re not going to)`;
const COMMITMENT_ADVERB =
  '(?: (?:also|now|officially|definitely|just|then|instead|finally|only|first|no longer|actually|absolutely|permanently|fully|completely|formally|gradually|temporarily|immediately))?';
const COMMITMENT_VERB =
  '(?:ship|launch|release|sunset|deprecate|retire|shut down|kill|drop|cut|remove|migrate|move|switch|adopt|build|prioriti[sz]e|deprioriti[sz]e|focus on|raise|lower|increase|decrease|reduce|charge|offer|hire|freeze|pause|stop|require|enforce|roll out|replace|rewrite|standardi[sz]e on|consolidate|outsource|sign|renew|cancel|delete|purge|keep|phase out|discontinue|delay|postpone|split|merge|rename|rebrand|open[- ]source|introduce|bundle|grandfather|limit|cap|invest in|double down on|partner with|go live|default to|use|host|support|allow|ban|block|enable|disable|turn off|turn on|publish|fund|staff|skip|end)';
const ONGOING_VERB =
  '(?:moving|migrating|switching|shipping|launching|releasing|sunsetting|deprecating|retiring|shutting down|killing|dropping|cutting|removing|raising|lowering|increasing|reducing|adopting|standardi[sz]ing on|rolling out|freezing|pausing|discontinuing|replacing|phasing out|consolidating|introducing|changing|prioriti[sz]ing|deprioriti[sz]ing|doubling down on|rewriting|renaming|rebranding|outsourcing|postponing|delaying|splitting|merging|bundling|grandfathering|capping|limiting|deleting|purging|charging|offering|investing in|staying (?:on|with)|hosting|using|requiring|enforcing|banning|blocking|enabling|disabling|turning (?:off|on)|ending|publishing|funding|staffing|skipping)';
/** Groups of the writer's organisation that announce their own changes ("finance is switching our expense tool"). */
const DEPARTMENTS =
  'finance|legal|security|hr|it|ops|product|engineering|eng|design|marketing|sales|support|leadership|management|platform|infra';
const ORG_UNIT = `(?<!building |property |facilities )(?:${DEPARTMENTS}|the company|the team|our team)(?: team)?`;
/** Other languages' "we decided": mixed-language workspaces announce in theirs. */
const FOREIGN_DECIDED =
  /\b(?:wir haben (?:uns )?(?:entschieden|beschlossen|festgelegt)|nous avons d[ée]cid[ée]|on a d[ée]cid[ée]|hemos decidido|decidimos|abbiamo deciso|we hebben besloten|vi har bestemt|beslutat|d[ée]cision prise|c'est d[ée]cid[ée]|queda as[ií]|est[áa] decidido|ist entschieden|steht fest)\b|^(?:entscheidung|beschluss|d[ée]cision|decisi[óo]n|decisione|besluit|beslut)\s*:/;

const SIGNALS: readonly DecisionSignal[] = [
  // explicit
  {
    strength: 'explicit',
    pattern:
      /^(?:(?:final|key|big|team|product|official|the|our|today's|latest|new|main|quick|important|major|engineering|eng|design|pricing)\s+){0,2}decisions?(?:\s+(?:made|taken|reached|from|for|on|re|in|at|about|of)\b[^:]{0,50})?(?:\s*:|\s+[-–—])\s*\S/,
  },
  {
    strength: 'explicit',
    pattern: /^(?:decided|agreed|approved|final call|final answer|verdict)(?:\s*:|\s+[-–—])\s*\S/,
  },
  { strength: 'explicit', pattern: re(`${TEAM_SUBJECT}(?: \\([^)]{1,40}\\))?${TEAM_VERB_ADVERBS} ${DECIDED_VERB}\\b`) },
  { strength: 'explicit', pattern: FOREIGN_DECIDED },
  { strength: 'explicit', pattern: /\b(?:i'm|i am|we're|we are) making (?:the|a|this|that) call\b/ },
  { strength: 'explicit', pattern: /(?:\bfinal (?:call|answer|decision|word)|^final) on\b[^:?]{1,60}:\s*\S/ },
  // "NEW PROCESS: …", "ok final: …" (the "ok" is stripped as noise), "Headcount plan locked: …"
  {
    strength: 'explicit',
    pattern:
      /^(?:new (?:[\w-]+ ){0,3}(?:process|policy|rule)(?: (?:for|on) [^:]{1,40})?|final|locked(?: in)?|settled)(?:\s*:|\s+[-–—])\s*\S/,
  },
  {
    strength: 'explicit',
    pattern:
      /\b(?:plan|budget|headcount|scope|roadmap|line-?up|dates?|schedule|pricing|prices|spec|agenda)(?: \w+)? (?:is |are )?(?:locked|final|finali[sz]ed|signed off)\s*:\s*\S|\bas (?:agreed|decided)(?: (?:in|at|during|on|with|by)\b[^:]{0,40})?\s*:\s*\S/,
  },
  {
    strength: 'explicit',
    pattern:
      /\b(?:action items|next steps|changes|terms|priorities|dates|owners) (?:are|were|have been) (?:now )?(?:agreed|decided|locked|finali[sz]ed)\b/,
  },
  {
    strength: 'explicit',
    pattern:
      /^per (?:\w+ |\w+'s )?(?:leadership|management|the board|the execs|execs|the ceo|the cto|the cfo|finance|legal|security)(?: (?:today|this morning|yesterday|team|meeting|sync|offsite|review))?\s*:\s*\S|\b(?:budget|plan|proposal|rfc|headcount|roadmap|spec|contract|policy|design|request) (?:is |was |has been |got )?(?:approved|signed off|greenlit)\b/,
  },
  {
    strength: 'explicit',
    pattern:
      /^(?:[\w&'-]+ ){1,3}(?:outcomes?|decisions?|conclusions?|verdicts?|resolutions?)(?: \([^)]*\))?\s*:\s*\S|\((?:agreed|decided|approved|final|signed off)\)/,
  },
  // "Approved ✅" alone answers a request; "Approved: …" and "*Approved* hiring 2 SREs" announce something
  { strength: 'explicit', pattern: /^(?:approved|greenlit|green-lit|signed off)(?! by)[\s:,.!-]+[a-z0-9]/ },
  {
    strength: 'explicit',
    pattern:
      /\b(?:approved|signed off|okayed|ok'd|greenlit|green-lit) by (?:the |our )?(?:leadership|management|finance|legal|security|procurement|board|execs?|exec team|cfo|ceo|cto|coo|vp of \w+|founders)\b/,
  },
  // "<@U1> and I agreed …": a colleague and the writer, found from the literal so the scan stays cheap.
  { strength: 'explicit', pattern: re(` and i(?<=[\\w.-] and i)${TEAM_VERB_ADVERBS} ${DECIDED_VERB}\\b`) },
  {
    strength: 'explicit',
    pattern:
      /\b(?:it(?:'s| is| was| has been|'s been)|has been|have been|was|were|is now) (?:officially |formally |finally |unanimously |now )?(?:decided|agreed)\b/,
  },
  {
    strength: 'explicit',
    pattern: /\b(?:the|our|final|the final|team's) decision (?:is|was|has been)(?:\s*:|\s+(?:to|that|we)\b)/,
  },
  { strength: 'explicit', pattern: /\b(?:a|the) decision (?:was|has been|'s been) made\b/ },
  { strength: 'explicit', pattern: /^(?:we )?(?:reached|made) (?:a|the|our) (?:decision|call)\b/ },
  {
    strength: 'explicit',
    pattern: /^(?:(?:the|our|my)\s+(?:final\s+)?|final\s+)call(?:\s+(?:is|was))?(?:\s*:|\s+[-–—])\s*\S/,
  },
  { strength: 'explicit', pattern: /\b(?:the|our|my|final|the final) call (?:is|was) (?:to|that|we)\b/ },
  {
    strength: 'explicit',
    pattern: /^(?:we\s+)?(?:all\s+)?(?:agreed|decided)\s+(?:in|at|during|on|after|with|by|from)\b[^:]{0,60}:\s*\S/,
  },
  {
    strength: 'explicit',
    pattern: /\b(?:everyone|everybody|all of us|the group|the room) (?:has |have )?agreed (?:to|on|that we|we)\b/,
  },
  {
    strength: 'explicit',
    pattern: re(
      `^(?:the )?(?:conclusion|outcome|verdict|result)s? (?:from|of) (?:the |our |today's |this week's |yesterday's |last week's |this morning's |the last )?(?:[\\w-]+ ){0,2}${MEETING}s?\\s*:\\s*\\S`,
    ),
  },
  { strength: 'explicit', pattern: /\b(?:the )?(?:conclusion|outcome) (?:is|was) (?:to|that we|we)\b/ },
  {
    strength: 'explicit',
    pattern:
      /\b(?:that's|that is|this is|here's|here is) where we(?: (?:finally|eventually|ultimately))? (?:landed|ended up|came out|netted out)\b/,
  },
  { strength: 'explicit', pattern: /\bwhere we landed\s*:/ },
  {
    strength: 'explicit',
    pattern:
      /\bapproved\b(?<=\b(?:is|are|was|were|has been|have been|got|been|now|officially|formally|finally|just) approved)|\b(?:got|have|has|gave|given) (?:the |a )?green ?light\b|\bgreen-?lit\b/,
  },
  {
    strength: 'explicit',
    pattern:
      /\b(?<!'s )(?:leadership|management|the board|execs|the execs|exec team|finance|legal|security|procurement|cfo|ceo|cto|coo|vp of \w+|committee|council|steering group) (?:(?:has|have|just|finally|officially|formally) )*(?:approved|signed off|okayed|ok'd)\b/,
  },
  // committed
  {
    strength: 'committed',
    pattern:
      /\bwe(?:'re| are|'ll| will)(?: (?:officially|definitely|now|also|still|just))? (?:be )?go(?:ing)? (?:ahead )?with\b/,
  },
  { strength: 'committed', pattern: /\bwe(?:'ve| have)? (?:gone|went) (?:ahead )?with\b/ },
  { strength: 'committed', pattern: /\bwe(?:'re| are|'ll| will) stick(?:ing)? with\b/ },
  {
    strength: 'committed',
    pattern: /\bwe(?:'re| are|'ll| will) (?:be )?(?:moving|move|going|go|pushing|push) (?:ahead|forward) with\b/,
  },
  {
    strength: 'committed',
    pattern:
      /\bwe(?:'re| are|'ll| will) proceed(?:ing)? with\b|\bwe(?:'re| are|'ve| have)? committ(?:ing|ed)\b(?! (?:code|changes|the (?:fix|change|code)))|\b(?:is|are) (?:now )?committed (?:for|to)\b/,
  },
  { strength: 'committed', pattern: /\bit(?:'s| is) (?:a go|official|final|settled|decided|locked in)\b/ },
  { strength: 'committed', pattern: /\b(?:option|plan|variant|approach) [a-z0-9]+ it is\b/ },
  // "B it is", "mobile nav: bottom tabs it is"; not "that's how it is" or "the way it is"
  {
    strength: 'committed',
    pattern:
      /^(?:[a-z0-9 -]{1,30}:\s*)?(?:(?:ok|okay|yep|yes|yeah|alright|right|fine|so|then|cool)[,!.]*\s+)*(?!(?:here|there|that|this|what|how|where|which|who|so|as|because|it|the|a|an|is|such|whatever)\b)(?:[a-z0-9-]{1,20} )?(?!(?:way|how|as|is)\b)[a-z0-9-]{1,20} it is\b/,
  },
  {
    strength: 'committed',
    pattern:
      /\b(?:is|are|was|were|has been|have been|got|gets|now|officially) (?:officially |now |formally )?(?:descoped|de-scoped|shelved)\b/,
  },
  {
    strength: 'committed',
    pattern: /\blet's (?:go|proceed|move forward) (?:ahead )?with\b|\bwe (?:go|stick|stay) with\b/,
  },
  // policy
  { strength: 'policy', pattern: /^(?:going|went) with\b|^decided (?:to go with|on)\b|^(?:landed|settled) on\b/ },
  { strength: 'policy', pattern: /^no more\b|\b(?:is|are) (?:now )?(?:out of scope|off the table)\b/ },
  // "Bob owns the renewals calendar now", "payments on-call is owned by platform now"
  { strength: 'policy', pattern: /\bowns (?:[\w-]+ ){1,4}now\b|\bis owned by (?:[\w-]+ ){1,2}now\b/ },
  {
    strength: 'explicit',
    pattern:
      /^(?:the|our) answer(?: to [^:]{1,40})? is (?:no|yes)\b|^let's lock (?:it|this|that)(?: in)?\b|^from (?:the |today's |yesterday's |this week's |last week's )?(?:[\w-]+ ){0,2}(?:review|planning|retro|offsite|workshop|sync|meeting|kickoff)\s*:\s*\S/,
  },
  // a freeze is a rule the team sets for a window: "Deploy freeze Dec 20 – Jan 3"
  {
    strength: 'policy',
    pattern:
      /\b(?:code|deploy|deployment|feature|release|change|merge|content|hiring|spend|spending) freeze\b(?! (?:is over|ended|lifted))|\b(?:deploys|deployments|releases|merges) (?:are )?frozen\b/,
  },
  { strength: 'policy', pattern: /\b(?:from now on|from today on|from here on(?: out)?|henceforth)\b/ },
  { strength: 'policy', pattern: /^(?:going|moving) forward\b|\b(?:going|moving) forward[,:]/ },
  // "TL;DR of the roadmap review: …" (the leading "tl;dr" is stripped as noise, which leaves "of the …")
  {
    strength: 'policy',
    pattern: re(
      `^(?:(?:outcomes?|takeaways?) (?:of|from)|of|out of) (?:the |today's |this week's |yesterday's |our )?(?:[\\w-]+ ){0,2}${MEETING}s?\\s*:\\s*\\S`,
    ),
  },
  {
    strength: 'policy',
    pattern: re(
      `^from (?:today|now|tomorrow|${WEEKDAY}|next (?:week|sprint|month|quarter|release|cycle)|the \\d+(?:st|nd|rd|th)|${MONTH} \\d+|q[1-4])\\b(?!'s)`,
    ),
  },
  {
    strength: 'policy',
    pattern:
      /\b(?:is|are) now (?:mandatory|required|compulsory|optional|the default|default|opt-in|opt-out|invite-only|read-only|deprecated|frozen|protected|banned|blocked|forbidden|enforced|(?:off|on|enabled|disabled|hidden) by default|owned by|the standard|standard|limited to|capped at)\b/,
  },
  {
    strength: 'policy',
    pattern: re(`\\beffective (?:today|now|immediately|${WEEKDAY}|next \\w+|this \\w+|${MONTH} \\d+)\\b`),
  },
  {
    strength: 'policy',
    pattern: re(
      `\\bstarting (?:today|tomorrow|${WEEKDAY}|next (?:week|sprint|month|quarter|cycle)|this (?:sprint|week|cycle)|${MONTH} \\d+)\\b`,
    ),
    unless: /\b(?:is|are|'s|'re|am|'m) starting\b|\b(?:joins|joining|welcome|onboarding)\b/,
  },
  // commitment
  {
    strength: 'commitment',
    pattern: re(`${COMMITMENT_AUX}${COMMITMENT_ADVERB} ${COMMITMENT_VERB}\\b`),
    unless:
      /\b(?:move|moving) on\b|\bkeep (?:you|everyone|an eye|in mind|going|trying|it up)\b|\bcut (?:a|the) (?:release|branch|build|tag)\b|\bdrop (?:by|in|off)\b/,
  },
  {
    strength: 'commitment',
    pattern: re(
      `\\bwe(?:'re| are)(?: (?:also|now|officially|definitely|just|finally|not|no longer|actually))? ${ONGOING_VERB}\\b`,
    ),
    unless:
      /\b(?:move|moving) on\b|\b(?:moving|changing) (?:fast|quickly|slowly)\b|\bchanging (?:our|my|their) minds?\b|\bkilling it\b|\bcutting it close\b|\bdropping (?:off|by|in)\b|\bintroducing (?:[a-z]+,|you|our new|my)/,
  },
  { strength: 'commitment', pattern: re(`\\b${ORG_UNIT} (?:is|are) ${ONGOING_VERB}\\b`) },
  { strength: 'commitment', pattern: /\bwe(?:'re| are) not (?:doing|renewing)\b|^not renewing\b/ },
];

const QUESTION: readonly RegExp[] = [
  /\?[)"'\s]*$/,
  /^(?:have|has|had|did|do|does|should|shall|can|could|would|will|won't|are|is|was|were|am|wasn't|weren't|didn't|haven't|isn't|aren't|any|anyone|anybody)\b(?! (?:agreed|decided)\b)/,
  /^(?:what|why|how|who|which|where)\b(?! we (?:decided|agreed|landed|settled))/,
  /\b(?:have|has|had|did) (?:we|you|they|the team|anyone|leadership|everyone) (?:\w+ )?(?:decide|decided|agree|agreed|land|landed|settle|settled|choose|chosen|pick|picked|approve|approved|sign off|signed off)\b/,
  /\b(?:not sure|unsure|unclear|wondering|i wonder|curious (?:if|whether)|do you know|does anyone know|can (?:someone|anyone|you) confirm|is it true|remind me|correct me)\b/,
  /\b(?:i heard|i've heard|rumou?rs?|apparently|supposedly|allegedly|pretty sure|fairly sure|idk|dunno|no idea|afaik|iirc)\b/,
  /\b(?:don't|do not|doesn't|didn't|still) (?:understand|know|remember|get) why\b|\bconfused (?:why|about)\b/,
  /\bor not\b/,
];

const HYPOTHETICAL: readonly RegExp[] = [
  /^(?:if|suppose|supposing|imagine|hypothetically|assuming|say we|in theory)\b/,
  /\bwhat if\b|\b(?:suppose|supposing|hypothetically|in theory|in a world where|imagine if)\b/,
  /\bif (?:we|the team|leadership) (?:were to |ever |eventually |do |did )?(?:decide|decided|go|went|choose|chose|pick|picked|agree|agreed)\b/,
  /\bwe(?:'d| would)\b(?! (?:decided|agreed|landed|settled))/,
];

const PROPOSAL: readonly RegExp[] = [
  /\bi (?:propose|suggest|recommend|vote|think|feel|believe|guess|reckon|prefer|lean|like the idea)\b/,
  /\bi'd (?:go|vote|suggest|recommend|prefer|rather|lean|say|love|like|argue|push)\b/,
  /\bi'm (?:leaning|in favou?r|for|against|proposing|suggesting)\b/,
  /\b(?:proposal|proposed|suggestion|recommendation|rfc|straw ?man|idea|pitch|options|draft|hot take)\s*:/,
  /\b(?:proposing|suggesting|recommending)\b/,
  /\b(?:imo|imho|in my opinion|personally|my (?:take|vote|two cents|2c|preference|opinion|gut|recommendation|suggestion|proposal))\b/,
  /\b(?:maybe|perhaps) (?:we|let's|it's)\b/,
  /\b(?:should|shall|could|can|do) we\b|\bhow about\b|\bwhat about\b|\bwhy (?:don't|not) we\b/,
  /\blet's (?:vote|discuss|debate|talk|chat|sync|meet|revisit|decide|think|consider|explore|brainstorm|poll|see)\b/,
  /\b(?:vote|poll)\b(?<!\b(?:the|after|of|per|[\w-]+'s) (?:vote|poll))(?!'s closed| (?:results?|closed|is closed|is in|outcome|picked|went|chose|won|was)\b)|\breact with\b|\bthumbs up if\b|\b(?:thoughts|opinions|feedback welcome|open to)\b/,
  /\b(?:option|plan|approach|variant) [a-z0-9]+ or (?:option |plan |approach |variant )?[a-z0-9]+\b/,
];

const PENDING: readonly RegExp[] = [
  /\b(?:will|'ll|to|shall|must|gonna|going to|need to|needs to|have to|has to|let's|yet to|still|can't|cannot|couldn't|before we|until we|once we|when we|after we) (?:\w+ )?decide\b/,
  /\bdecide (?:on|by|between|whether|if|next|later|tomorrow|today)\b/,
  /\b(?:tbd|tba|tbc|to be (?:decided|determined|confirmed|agreed|discussed))\b/,
  /\b(?:not|never|nothing|haven't|hasn't|hadn't|didn't|isn't|wasn't|aren't|weren't|no one|nobody|none) (?:\w+ ){0,2}(?:decided|agreed|approved|picked|chose|chosen|final|finali[sz]ed|settled|landed|signed off|locked|confirmed|official)\b/,
  /\bundecided\b|\bno (?:final |clear |firm )?(?:decision|call|consensus|agreement)\b/,
  /:\s*(?:none|nothing|n\/a)\b/,
  /\bdecisions? (?:pending|needed|required|due|to make|to be made|by|before|point)\b/,
  /\b(?:open|pending|upcoming|outstanding|remaining) decisions?\b/,
  /(?<!\bno longer )\bpending\b|\bawait\w*|\bwaiting (?:on|for)\b|\bblocked (?:on|by)\b|\bdepend\w* on\b/,
  /\blean(?:ing|s)? (?:towards?|to)\b/,
  /\bstill (?:deciding|discussing|debating|figuring|thinking|weighing|evaluating|undecided|open|exploring)\b/,
  /\bopen question\b|\b(?:up for|under) (?:discussion|debate|review|consideration)\b|\bon the table\b/,
  /\bnot (?:final|set in stone|locked|confirmed|official)\b|\btentative(?:ly)?\b/,
  /\bneed(?:s|ed)? (?:a |the |your |an )?(?:decision|sign-?off|approval|green ?light|answer|call)\b/,
  /\b(?:to|will|'ll) (?:be )?(?:discussed|finali[sz]ed)\b/,
  /\b(?:once|when|after|until|before) (?:we|they|legal|leadership) (?:get|have|hear)\b/,
];

const REVISIT: readonly RegExp[] = [
  /\b(?:revisit\w*|reconsider\w*|rethink\w*|re-?open\w*|re-?litigat\w*|overturn\w*|second-guess\w*|push ?back on|walk back|challeng\w*)\b/,
  /\b(?:disagree|don't agree|do not agree|not on board) with\b|\bnot (?:a )?fan of\b|\b(?:felt|feels|was) rushed\b/,
];

/** The decision was someone else's, named at the start ("Figma decided to change their rate limits"). */
const OWN_GROUP = `(?:we|i|the team|our team|everyone|everybody|all of us|exec|execs|the board|founders|growth|data|${DEPARTMENTS})`;
/** A retracted message ("we decided to— nvm, wrong channel") announces nothing. */
/** A rule restated ("Reminder: deploy freeze on Fridays, same as always") is not a rule being set. */
const REMINDER: readonly RegExp[] = [
  /^(?:\w+ )?reminder\b|\b(?:same as (?:always|usual|before|ever)|as (?:always|usual))\b/,
];
/**
 * Doubt about whether a decision quoted or mentioned in the message is real ("> we'll sunset v1 in may" then "is this
 * confirmed or still a proposal?"): it holds for the whole message, not only its own sentence.
 */
const DOUBT: readonly RegExp[] = [
  /\bis (?:this|that) (?:real|confirmed|final|official|decided|true|settled|(?:still |just )?a (?:proposal|draft|plan))\b|\bor (?:still |just )?a (?:proposal|draft)\b/,
];

const RETRACTED: readonly RegExp[] = [
  /\b(?:nvm|never ?mind|ignore (?:that|this|me|my last)|wrong (?:channel|thread|chat)|disregard (?:that|this)|scratch that)\b/,
];
/** A decision referred to in passing ("status on the stuff we decided last sprint") is not announced again. */
const REFERENCE: readonly RegExp[] = [
  /\b(?:stuff|things|items|work|everything) (?:that )?we (?:decided|agreed)\b/,
  /\bwhat we (?:decided|agreed)(?: on)? (?:last|yesterday|earlier|in|at|during|this|before|on)\b(?![^:]*:\s*\S)/,
];

const OUTSIDER =
  '(?:customers?|clients?|vendors?|suppliers?|competitors?|competition|regulators?|government|authorities|partners?|prospects?|users?|auditors?|landlord|stripe|aws|amazon|google|apple|microsoft|github|slack|salesforce|atlassian|openai|twilio|they|he|she|their (?:team|cfo|ceo|cto|board|legal|procurement))';
const THIRD_PARTY: readonly RegExp[] = [
  re(
    `\\b${OUTSIDER}(?: (?:has|have|had|just|finally|officially|already))* (?:decided|chose|chosen|agreed|approved|picked|went with|opted|landed on|settled on|signed off|is going with|are going with|is moving|are moving|is deprecating|are deprecating|is sunsetting|are sunsetting|is raising|are raising|announced)\\b`,
  ),
  re(`^(?:the |our )?${OUTSIDER} (?:will|won't|is going to|are going to)\\b`),
  re(`\\b(?:decided|approved|chosen|mandated|required|made|agreed|picked) by (?:the |our |a )?${OUTSIDER}\\b`),
  re(
    `(?:^|: )(?!${OWN_GROUP}\\b|(?:it|that|this|which|what|who|everything|all|nothing|everyone|everybody)\\b)[a-z][a-z0-9.-]*(?:'s)? (?:has |have |just |finally |officially )?(?:decided|announced|chose|opted)\\b`,
  ),
];

const SMALL_ADMIN: readonly RegExp[] = [
  /\b(?:pto|time off|vacation|holidays?|leave request|sick (?:day|leave)|ooo|out of office|expense (?:reports?|claims?)|(?:my|your) expenses|reimburs\w*|timesheets?|travel request|wfh|work(?:ing)? from home|lunch|dinner|breakfast|pizza|coffee|snacks|swag|happy hour|team outing|parking|(?<!(?:deal|help|service|front) )desk|headphones|laptops?|wi-?fi)\b/,
  /\bapproved (?:your|his|her|their|my)\b|\bapproved (?:the|this|that) (?:[\w-]+ )?(?:expense|pto|leave|time off|vacation|request|pr|mr|pull request|merge request|access|invoice|purchase|order|timesheet)s?\b/,
  /(?:^|\b(?:your|the|my|his|her|this|that) )(?:pr|pull request|merge request|mr|request|access request|ticket)(?: (?:is|was|has been|got))? approved\b/,
];

const META: readonly RegExp[] = [
  /\b(?:approved|decided|agreed)(?: on)? (?:exactly |absolutely |literally )?nothing\b/,
  /\bdecision[- ](?:fatigue|trees?|making|makers?|matri(?:x|ces)|frameworks?|paralysis|science|theory|journal|template|log template|records? template|doc template)\b/,
  /\b(?:book|article|podcast|talk|blog post|post|paper|course|video|newsletter) (?:on|about) (?:decisions?|decision-making|deciding|making decisions)\b/,
  /\bhow we (?:decided|decide|agreed|made (?:the|that|this) (?:call|decision))\b/,
];

const IDIOM: readonly RegExp[] = [
  /\bgo(?:ing)? with the (?:flow|grain|times)\b|\bgo(?:ing)? with (?:your|my|our|his|her|their) gut\b/,
  /\b(?:final|last) call (?:for|to)\b|\blast call\b/,
  /\bagreed? to disagree\b|\bcall it a day\b|\bget(?:ting)? carried away\b/,
];

/** Maybes, conditions and soft "we should" turn a weak signal into a proposal. */
const HEDGE: readonly RegExp[] = [
  /\b(?:probably|likely|(?<!not a )maybe|perhaps|possibly|hopefully|tentatively|potentially|ideally|presumably)\b/,
  /\b(?:we|i|you|let's) (?:should|could|might|may|would|ought)\b|\bwe'd\b/,
  /\b(?:if|unless|once|assuming|provided|as long as|depending on|depends on|in case)\b/,
  /\bwe(?:'d| would)? (?:want|plan|hope|aim|try|like)(?:ing)? to\b|\btrying to\b/,
  /\bwe(?:'ll| will) (?:see|know|figure|circle back|keep you posted|let you know|think about)\b/,
];

/** A subjectless rule stated by one person is usually about themselves ("from now on I'm in on Fridays"). */
const PERSONAL: readonly RegExp[] = [/(?:^|\s)i(?:'m|'ll|'ve|'d| am| will)?\s/];

/** How status updates and incident notes sound when they use commitment verbs. */
const OPERATIONAL: readonly RegExp[] = [
  /\b(?:incident|outage|sev ?[0-4]|postmortem|post-mortem|root cause|rca|mitigat\w*|degraded|downtime|hotfix|hot fix|fix|fixes|patch|patching|rollback|revert\w*|investigat\w*|crash\w*|bugs?|broken|regression|paged|pager|on fire|spik\w*|failover|restor\w*|recover\w*|status page|eta|in progress|wip|deployed|deploying|merged|is live|went live)\b/,
  /\broll(?:ing|ed)? ?back\b|\d+\s?% done\b/,
  /\b(?:survey|newsletter|digest|invoices?|reminders?|invites?|invitations?|emails?|recap|agenda|report|payslips?|payroll) (?:goes|go|is going|are going|went) out\b/,
];

/** The veto families by name: which kinds of context surround a message's decision words, for the model. */
const FAMILIES: ReadonlyArray<readonly [string, readonly RegExp[]]> = [
  ['question', QUESTION],
  ['hypothetical', HYPOTHETICAL],
  ['proposal', PROPOSAL],
  ['pending', PENDING],
  ['revisit', REVISIT],
  ['third-party', THIRD_PARTY],
  ['small-admin', SMALL_ADMIN],
  ['retracted', RETRACTED],
  ['reference', REFERENCE],
  ['meta', META],
  ['idiom', IDIOM],
  ['hedge', HEDGE],
  ['personal', PERSONAL],
  ['operational', OPERATIONAL],
  ['reminder', REMINDER],
  ['doubt', DOUBT],
];
const FAMILY_PATTERNS = FAMILIES.flatMap(([, patterns]) => patterns);
/** The bit of each pattern's family in a sentence's family mask. */
const FAMILY_BITS = FAMILIES.flatMap(([, patterns], family) => patterns.map(() => 1 << family));
const familyBits = (...names: readonly string[]) =>
  FAMILIES.reduce((bits, [name], family) => (names.includes(name) ? bits | (1 << family) : bits), 0);
const UNIVERSAL_VETOES = familyBits(
  'question',
  'hypothetical',
  'proposal',
  'pending',
  'revisit',
  'third-party',
  'small-admin',
  'retracted',
  'reference',
  'meta',
  'idiom',
  'doubt',
);
/** Families whose context reaches every sentence of the message. */
const MESSAGE_WIDE = familyBits('doubt');

/** Contexts whose veto the model may not overrule (see `DecisionVerdict.overrulesModel`). */
const FINAL_VETOES = familyBits('small-admin', 'operational');

/** The families that veto each strength. */
const VETOES: Readonly<Record<Strength, number>> = {
  explicit: UNIVERSAL_VETOES | familyBits('reminder'),
  committed: UNIVERSAL_VETOES | familyBits('hedge', 'reminder'),
  policy: UNIVERSAL_VETOES | familyBits('hedge', 'personal', 'reminder'),
  commitment: UNIVERSAL_VETOES | familyBits('hedge', 'operational', 'reminder'),
};

/**
 * How terse and implicit announcements read when no signal phrase is there ("The pause offer stays.", "Killing it in
 * the next release."). Too loose to decide on their own (status updates read the same), they are features the model
 * weighs against the rest of the message, and only count in a sentence no veto applies to.
 */
const IMPLICIT_CUES: ReadonlyArray<readonly [string, RegExp]> = [
  ['stays', /\b(?:stays?|remains?|is staying|are staying|stays? (?:on|off|as is|live|put))\b/],
  [
    'goes',
    /\b(?:goes|go|is going|are going|moves?|is moving|are moving) (?:away|to|into|onto|in|ahead|from|back|live|read-only|async|out|up)\b|\bgoing ahead with\b|\b(?:changes?|changing) from [^.;]{1,40} to\b|\b[a-z0-9.-]+ out, [a-z0-9.-]+ in\b|\b[a-z0-9.-]+ in, [a-z0-9.-]+ out\b|\bis gone\b|\bgets? (?:cut|dropped|merged|archived|pulled|replaced|killed|deleted|removed|retired|deprecated|converted|batched|rewritten|(?:turned|switched) off)\b|\b(?:is|are) (?:pulled|protected|capped|locked(?! out)|the default|retired|removed|deprecated)\b|\bbecomes?\b|\bcomes? out\b|\bturns? off\b|\bends? (?:with|on)\b|\b(?:end-of-life|eol)\b/,
  ],
  [
    'final',
    /\b(?:that's|that is|this is|it's|is|are) (?:final|the plan|locked(?! out)|a go|decided|confirmed)\b|\b(?:done deal|case closed|no more debate|done deliberating|and that's that|end of discussion|locked in|green light|closing (?:this|the loop|it)|to close the loop|confirmed|final(?! (?:sign-?off|say|approval|decision|review)))\b/,
  ],
  ['no-more', /\bno (?:more|longer)\b/],
  [
    'ships',
    /\b(?:ships|lands|launches|goes out|slips|is cut|are cut|is on hold|are on hold|is locked|are locked) (?:in|on|for|with|to|next|this|by|as)\b/,
  ],
  ['it-is', /\b[a-z0-9]+ it is\b|^(?:yep|yes|ok|okay|fine|sgtm|lgtm)?[, ]*(?:go|doing it|done|ship it|shipping it)\b/],
  [
    'opening-verb',
    /^(?:sunsetting|keeping|cutting|turning|renaming|rolling|shipping|making|reverting|locking|quarantining|killing|moving|ditching|going|dropping|adding|pulling|pushing|ending|opening|building|launching|switching|removing|pausing|freezing|publishing|hiring|postponing|delaying|deprecating|retiring|replacing|swapping|merging|splitting|capping|raising|lowering)\b/,
  ],
  [
    'we-do',
    /\bwe(?:'re| are| r)? (?:doing|building|keeping|keep|go|build|postpone|ship|drop|cut|kill|add|adding|pulling|pull|publishing|publish|putting|put|ending|end|opening|open|hiring (?:a|an|\d+|two|three)|hire (?:a|an|\d+|two|three)|making|make|saying no|not staffing|using|use)\b/,
  ],
  [
    'from-when',
    re(
      `\\b(?:from|starting|starts|effective|as of|on|by) (?:monday|tuesday|wednesday|thursday|friday|tomorrow|tmrw|tonight|today|next (?:week|sprint|release|month|quarter)|the \\d+(?:st|nd|rd|th)|${MONTH} \\d+|\\d+ ${MONTH}|q[1-4]|h[12]|end of (?:sprint|month|quarter|q[1-4]))\\b(?!'s)`,
    ),
  ],
  [
    'in-effect',
    /\b(?:takes? effect|effective (?:immediately|now|for|from)|(?:with|in|from) the next (?:release|major|minor|version|deploy|build)|from (?:this|next) (?:week|month|sprint|release)|permanently|(?:company|org)-wide)\b/,
  ],
  [
    'outcome',
    /^(?:conclusion|outcome|consensus|tl;?dr|result|the call|the plan|new rule|rule|scope|policy)\b[^:]{0,40}:/,
  ],
];

/** Words that make a "not a decision" verdict less certain even when no signal matched. */
const DECISION_WORDS =
  /\b(?:decid\w*|decision|agreed|approved|going with|final call|landed|from now on|we'll|we will)\b/;

/** One screen for every pattern `readDecisions` may try: a message's words are looked up once. */
const SCREEN = new Screen([
  ...SIGNALS.map((signal) => signal.pattern),
  ...FAMILY_PATTERNS,
  ...IMPLICIT_CUES.map(([, pattern]) => pattern),
  DECISION_WORDS,
]);

/** Text in double quotes is someone else's words (a draft, a customer), not the writer announcing anything. */
const QUOTED_SPEECH = /"[^"]*"/g;

/**
 * A message's sentences as the decision rules read them, with what each rule family can find in them worked out once
 * for all of `judgeDecision`, `decisionContexts` and `implicitCues`.
 */
export interface DecisionReading {
  readonly sentences: readonly string[];
  /** Each sentence with its quoted speech emptied. */
  readonly ownWords: readonly string[];
  /** Per sentence, the bits (see `FAMILIES`) of the veto families found in its own words. */
  readonly families: readonly number[];
  /**
   * Per sentence, which of SCREEN's patterns (signals, families, cues, then decision words) can match it or its own
   * words.
   */
  readonly possible: readonly PossiblePatterns[];
}

const FAMILIES_AT = SIGNALS.length;
const CUES_AT = SIGNALS.length + FAMILY_PATTERNS.length;
const DECISION_WORDS_AT = CUES_AT + IMPLICIT_CUES.length;

/** `scanned` holds the sentences' tokens, one list a sentence (their own words have no word a sentence lacks). */
export function readDecisions(sentences: readonly string[], scanned: Scanned): DecisionReading {
  const ownWords = sentences.map((sentence) =>
    sentence.includes('"') ? sentence.replace(QUOTED_SPEECH, '""') : sentence,
  );
  const possible = sentences.map((sentence, index) => {
    const words = ownWords[index] as string;
    // without quotes a sentence is its own words
    return SCREEN.possibleIn(scanned, index, words === sentence ? sentence : `${sentence}\n${words}`);
  });
  const families = ownWords.map((words, index) => {
    const sentencePossible = possible[index] as PossiblePatterns;
    let found = 0;
    for (let family = 0; family < FAMILY_PATTERNS.length; family += 1) {
      if (!sentencePossible.has(FAMILIES_AT + family)) continue;
      const bit = FAMILY_BITS[family] as number;
      if ((found & bit) === 0 && (FAMILY_PATTERNS[family] as RegExp).test(words)) found |= bit;
    }
    return found;
  });
  const messageWide = families.reduce((all, bits) => all | (bits & MESSAGE_WIDE), 0);
  return {
    sentences,
    ownWords,
    families: messageWide === 0 ? families : families.map((bits) => bits | messageWide),
    possible,
  };
}

export function judgeDecision(reading: DecisionReading): DecisionVerdict {
  const { sentences, ownWords, families, possible } = reading;
  const decisive: string[] = [];
  const accepted = new Set<Strength>();
  const vetoed = new Set<Strength>();
  let everyVetoFinal = true;
  sentences.forEach((sentence, index) => {
    let kept = false;
    for (const strength of matchingStrengths(ownWords[index] as string, possible[index] as PossiblePatterns)) {
      if (((families[index] as number) & VETOES[strength]) !== 0) {
        vetoed.add(strength);
        if (((families[index] as number) & VETOES[strength] & FINAL_VETOES) === 0) everyVetoFinal = false;
      } else {
        accepted.add(strength);
        kept = true;
      }
    }
    if (kept) decisive.push(sentence);
  });
  if (decisive.length > 0) {
    const confidence = Math.max(...[...accepted].map((strength) => CONFIDENCE[strength]));
    return { decision: true, confidence, sentences: decisive, accepted, vetoed, overrulesModel: false };
  }
  const confidence = rejectionConfidence(reading, vetoed.size > 0);
  return {
    decision: false,
    confidence,
    sentences: [],
    accepted,
    vetoed,
    overrulesModel: vetoed.size > 0 && everyVetoFinal,
  };
}

function matchingStrengths(sentence: string, possible: PossiblePatterns): Set<Strength> {
  const strengths = new Set<Strength>();
  for (let index = 0; index < SIGNALS.length; index += 1) {
    const signal = SIGNALS[index] as DecisionSignal;
    if (possible.has(index) && signal.pattern.test(sentence) && !signal.unless?.test(sentence)) {
      strengths.add(signal.strength);
    }
  }
  return strengths;
}

function rejectionConfidence({ sentences, possible }: DecisionReading, vetoed: boolean): number {
  if (vetoed) return VETOED_SIGNAL_CONFIDENCE;
  return sentences.some(
    (sentence, index) => (possible[index] as PossiblePatterns).has(DECISION_WORDS_AT) && DECISION_WORDS.test(sentence),
  )
    ? DECISION_WORDS_ONLY_CONFIDENCE
    : NO_DECISION_LANGUAGE_CONFIDENCE;
}

/** Names of the veto families found anywhere in the message's own words (quotes left out). */
export function decisionContexts({ families }: DecisionReading): string[] {
  const found = families.reduce((all, bits) => all | bits, 0);
  return FAMILIES.filter((_, family) => (found & (1 << family)) !== 0).map(([name]) => name);
}

/** Names of the implicit cues found in sentences no veto of a bare commitment applies to. */
export function implicitCues(reading: DecisionReading): string[] {
  const { sentences, ownWords, families, possible } = reading;
  const cues = new Set<string>();
  sentences.forEach((sentence, index) => {
    const sentencePossible = possible[index] as PossiblePatterns;
    const words = ownWords[index] as string;
    // with nothing quoted the sentence is its own words, and the search below answers this one too
    if (
      words !== sentence &&
      !IMPLICIT_CUES.some(([, pattern], cue) => sentencePossible.has(CUES_AT + cue) && pattern.test(sentence))
    ) {
      return;
    }
    const found = IMPLICIT_CUES.filter(
      ([name, pattern], cue) => !cues.has(name) && sentencePossible.has(CUES_AT + cue) && pattern.test(words),
    );
    if (found.length === 0 || ((families[index] as number) & VETOES.commitment) !== 0) return;
    for (const [name] of found) cues.add(name);
  });
  return [...cues];
}
