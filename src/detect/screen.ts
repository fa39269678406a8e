import { type Term, termOf } from './terms.js';

/**
 * Rules a pattern out for a whole message before it scans any sentence. Large alternations cost V8 a few hundred
 * nanoseconds a sentence even when nothing matches, and most messages can match few of them: every match must
 * contain some word or literal the pattern spells out, and a message without any of them is never scanned.
 *
 * What a match must contain is read off the pattern's source at module load, so it cannot drift from the pattern.
 * The reading is conservative: whatever it does not understand (a flag, `\w+`, a negated class) it takes to match
 * anything, which leaves the pattern always scanned.
 */

/** A point where a run of a-z letters must end: `\b`, `^`, `$`, or a character that is not a-z. */
const EDGE = '\0';
/** Characters the reading does not know (`\w+`, `[^:]{0,50}`, `.`): none of them may be taken for an edge. */
const UNKNOWN = '\u0001';
const MAX_LISTED = 256;

/**
 * What a part of a pattern can match. `listed`: every string it matches, when there are few (EDGE standing for a
 * letter-run boundary). `required`: strings one of which every match contains; null when nothing is required.
 */
interface Reading {
  readonly listed: ReadonlySet<string> | null;
  readonly required: ReadonlySet<string> | null;
}

const listing = (strings: Iterable<string>): Reading => {
  const listed = new Set(strings);
  return { listed, required: listed.has('') ? null : listed };
};
const NOTHING = listing(['']);
const ANYTHING = listing([UNKNOWN]);
const AN_EDGE = listing([EDGE]);
const NOT_A_TO_Z = /[^a-z]+/;
const ANY_LETTER = /[a-z]/;

class PatternReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Reading {
    const reading = this.alternation();
    if (this.at !== this.source.length) throw new Error(`Cannot read /${this.source}/ past ${this.at}`);
    return reading;
  }

  private alternation(): Reading {
    const branches = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at += 1;
      branches.push(this.sequence());
    }
    if (branches.length === 1) return branches[0] as Reading;
    const listed = new Set<string>();
    const required = new Set<string>();
    let allListed = true;
    let allRequire = true;
    for (const branch of branches) {
      if (branch.listed === null) allListed = false;
      else for (const string of branch.listed) listed.add(string);
      if (branch.required === null) allRequire = false;
      else for (const string of branch.required) required.add(string);
    }
    if (allListed && listed.size <= MAX_LISTED) return listing(listed);
    return { listed: null, required: allRequire ? required : null };
  }

  /** Adjacent listed parts are joined while the list stays short; any part's requirement holds for the sequence. */
  private sequence(): Reading {
    const requirements: ReadonlySet<string>[] = [];
    let run = new Set(['']);
    let whole = true;
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') {
      const part = this.quantified();
      if (part.required !== null) requirements.push(part.required);
      if (part.listed !== null) {
        const joined = new Set<string>();
        for (const head of run) for (const tail of part.listed) joined.add(head + tail);
        if (joined.size <= MAX_LISTED) {
          run = joined;
          continue;
        }
      }
      whole = false;
      if (!run.has('')) requirements.push(run);
      // the run so far ends where a letter run cannot go on ("not ", "we "): what follows starts at a word's edge
      const afterEdge = part.listed !== null && [...run].every(endsAtEdge);
      run = new Set(
        part.listed === null ? [''] : [...part.listed].map((string) => (afterEdge ? EDGE + string : string)),
      );
    }
    if (whole) return listing(run);
    if (!run.has('')) requirements.push(run);
    return { listed: null, required: mostSelective(requirements) };
  }

  private quantified(): Reading {
    const atom = this.atom();
    const quantifier = /^(?:([?*+])|\{(\d+)(,?)(\d*)\})\??/.exec(this.source.slice(this.at));
    if (quantifier === null) return atom;
    this.at += quantifier[0].length;
    const [, symbol, min = '1', comma] = quantifier;
    if (atom.listed !== null && atom.listed.size === 1 && atom.listed.has(UNKNOWN)) return ANYTHING;
    // `\s*`, `[ :]+`: any number of characters that are not letters is still one edge between letter runs
    if (atom.listed !== null && atom.listed.size === 1 && atom.listed.has(EDGE)) {
      return symbol === '*' || symbol === '?' || Number(min) === 0 ? listing(['', EDGE]) : AN_EDGE;
    }
    if (symbol === '?') return atom.listed === null ? ANYTHING : listing([...atom.listed, '']);
    // none, or whatever the first repetitions add and then a last one: `(?:\w+ ){0,2}` still ends with a space
    if (symbol === '*' || Number(min) === 0) {
      return atom.listed === null ? ANYTHING : listing(['', ...[...atom.listed].map((string) => UNKNOWN + string)]);
    }
    if (symbol === undefined && comma === '' && Number(min) === 1) return atom;
    // at least one repetition, then whatever the others add
    return atom.listed === null
      ? { listed: null, required: atom.required }
      : listing([...atom.listed].map((string) => string + UNKNOWN));
  }

  private atom(): Reading {
    const char = this.source[this.at] as string;
    if (char === '(') return this.group();
    if (char === '[') return this.characterClass();
    this.at += 1;
    if (char === '\\') return this.escape();
    if (char === '^' || char === '$') return AN_EDGE;
    if (char === '.') return ANYTHING;
    return listing([char]);
  }

  private group(): Reading {
    const opening = /^\((\?(?:<?[=!]|:|<[A-Za-z]\w*>))?/.exec(this.source.slice(this.at)) as RegExpExecArray;
    this.at += opening[0].length;
    const inner = this.alternation();
    this.at += 1;
    // a lookaround's text is not part of the match; ignoring it only loses precision
    return /^\?<?[=!]$/.test(opening[1] ?? '') ? NOTHING : inner;
  }

  private characterClass(): Reading {
    const chars: string[] = [];
    let letterClass = false;
    let edgeClass = false;
    const negated = this.source[this.at + 1] === '^';
    this.at += negated ? 2 : 1;
    while (this.source[this.at] !== ']') {
      let char = this.source[this.at] as string;
      this.at += 1;
      if (char === '\\') {
        const letter = this.source[this.at] as string;
        this.at += 1;
        if ('sdW'.includes(letter)) {
          edgeClass = true;
          continue;
        }
        if ('wSDpPbB'.includes(letter)) {
          letterClass = true;
          continue;
        }
        char = controlCharacter(letter);
      }
      if (this.source[this.at] === '-' && this.source[this.at + 1] !== ']') {
        let last = this.source[this.at + 1] as string;
        this.at += 2;
        if (last === '\\') {
          last = controlCharacter(this.source[this.at] as string);
          this.at += 1;
        }
        for (let code = char.charCodeAt(0); code <= last.charCodeAt(0); code += 1)
          chars.push(String.fromCharCode(code));
      } else {
        chars.push(char);
      }
    }
    this.at += 1;
    if (negated || letterClass) return ANYTHING;
    if (!chars.some((char) => ANY_LETTER.test(char))) return AN_EDGE;
    return !edgeClass && chars.length <= 12 ? listing(chars) : ANYTHING;
  }

  private escape(): Reading {
    const letter = this.source[this.at] as string;
    this.at += 1;
    if (letter === 'b' || letter === 's' || letter === 'd' || letter === 'W') return AN_EDGE;
    if (letter === 'B') return NOTHING;
    if (letter === 'w' || letter === 'S' || letter === 'D') return ANYTHING;
    if (letter === 'p' || letter === 'P') {
      this.at = this.source.indexOf('}', this.at) + 1;
      return ANYTHING;
    }
    if (letter === 'u' || /\d/.test(letter)) throw new Error(`Cannot read \\${letter} in /${this.source}/`);
    return listing([controlCharacter(letter)]);
  }
}

/** Whether a string the reader listed ends with something that is not an a-z letter and not unknown. */
function endsAtEdge(string: string): boolean {
  const last = string.at(-1);
  return last !== undefined && last !== UNKNOWN && !ANY_LETTER.test(last);
}

function controlCharacter(letter: string): string {
  return ({ t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' } as Readonly<Record<string, string>>)[letter] ?? letter;
}

/**
 * Prefers the requirement whose least telling clue tells the most (see `clueValue`), then fewer clues, then the later:
 * a run read later holds a part's strings with what is known around them ("we decided" after reading "decided").
 */
function mostSelective(requirements: readonly ReadonlySet<string>[]): ReadonlySet<string> | null {
  let chosen: ReadonlySet<string> | null = null;
  let chosenScore = Number.NEGATIVE_INFINITY;
  for (const requirement of requirements) {
    const clues = [...requirement].map(clueOf);
    const weakest = Math.min(...clues.map((clue) => (clue === null ? Number.NEGATIVE_INFINITY : clueValue(clue))));
    const score = weakest * MAX_LISTED * 4 - new Set(clues.map((clue) => clue?.join(':'))).size;
    if (score >= chosenScore) {
      chosen = requirement;
      chosenScore = score;
    }
  }
  return chosen;
}

/**
 * Words nearly every message has: a clue made of one of them rules almost nothing out ("the" in "ok'd by the"), so
 * any other word of the pattern is a better clue.
 */
const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about after all also am an and any are as at be been before but by can could d did do does for from get got had
  has have he her here his how i if in into is it its just ll m me more most my no not now of on one or our out re s
  she should so some t than that the their them then there these they this those to up us ve was we were what when
  where which who why will with would you your`.split(/\s+/),
);

/**
 * How much a clue rules out, and how cheaply: an uncommon word or a word's beginning or ending, then an uncommon
 * two-letter word ("vp"), then a common or one-letter word, the longer first; a substring ("?", "a/b") last.
 */
function clueValue([kind, key]: readonly [ClueKind, string]): number {
  if (kind === 'word') {
    if (key.length === 1 || COMMON_WORDS.has(key)) return key.length;
    return (key.length === 2 ? MAX_LISTED / 4 : MAX_LISTED) + key.length;
  }
  // a substring is searched for in each text screened, where a word is one look-up: the last resort
  if (kind === 'substring') return Math.min(key.length, AFFIX) / AFFIX;
  return MAX_LISTED + AFFIX / 2;
}

/** Words are also looked up by their first and last few letters, for patterns that fix only one end of a word. */
const AFFIX = 4;

type ClueKind = 'word' | 'prefix' | 'suffix' | 'substring';

/**
 * What a message must contain for a pattern to match: any one of these words (whole a-z runs), word beginnings or
 * endings (AFFIX letters), or substrings. Null when the pattern spells out nothing it must contain.
 */
function cluesOf(pattern: RegExp): ReadonlyArray<readonly [ClueKind, string]> | null {
  if (pattern.flags !== '') return null;
  const required = new PatternReader(pattern.source).read().required;
  if (required === null) return null;
  const clues = new Map<string, readonly [ClueKind, string]>();
  for (const string of required) {
    const clue = clueOf(string);
    if (clue === null) return null;
    clues.set(clue.join(':'), clue);
  }
  return [...clues.values()];
}

/**
 * The most telling thing a required string says about the message (see `clueValue`): an a-z run with an edge on both
 * sides (a whole word), a run with an edge on one side (a word's beginning or end), or its longest known stretch (a
 * substring).
 */
function clueOf(string: string): readonly [ClueKind, string] | null {
  let best: readonly [ClueKind, string] | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  // between clues of equal value, the one cut from the longer run: "decisions" says more than "today"
  const consider = (clue: readonly [ClueKind, string], run: string) => {
    const score = clueValue(clue) + run.length / MAX_LISTED;
    if (score > bestScore) {
      best = clue;
      bestScore = score;
    }
  };
  for (const run of string.matchAll(/[a-z]+/g)) {
    const before = run.index === 0 ? UNKNOWN : (string[run.index - 1] as string);
    const after = string[run.index + run[0].length] ?? UNKNOWN;
    if (before !== UNKNOWN && after !== UNKNOWN) consider(['word', run[0]], run[0]);
    else if (run[0].length >= AFFIX && before !== UNKNOWN) consider(['prefix', run[0].slice(0, AFFIX)], run[0]);
    else if (run[0].length >= AFFIX && after !== UNKNOWN) consider(['suffix', run[0].slice(-AFFIX)], run[0]);
  }
  const stretch = string
    .split(EDGE)
    .flatMap((part) => part.split(UNKNOWN))
    .reduce((longest, part) => (part.length > longest.length ? part : longest), '');
  if (stretch !== '') consider(['substring', stretch], stretch);
  return best;
}

/** Every screen's word, beginning and ending clues, numbered. */
const CLUE_NUMBERS: Readonly<Record<Exclude<ClueKind, 'substring'>, Map<string, number>>> = {
  word: new Map(),
  prefix: new Map(),
  suffix: new Map(),
};

function clueNumber(kind: Exclude<ClueKind, 'substring'>, key: string): number {
  const known = CLUE_NUMBERS[kind].get(key);
  if (known !== undefined) return known;
  const number = CLUE_NUMBERS.word.size + CLUE_NUMBERS.prefix.size + CLUE_NUMBERS.suffix.size;
  CLUE_NUMBERS[kind].set(key, number);
  return number;
}

const A_TO_Z_RUN = /[a-z]+/g;

/** The clue numbers a token's a-z runs give. */
function cluesOfText(text: string): number[] {
  const clues: number[] = [];
  for (const [word] of text.matchAll(A_TO_Z_RUN)) {
    const whole = CLUE_NUMBERS.word.get(word);
    if (whole !== undefined) clues.push(whole);
    if (word.length < AFFIX) continue;
    const prefix = CLUE_NUMBERS.prefix.get(word.slice(0, AFFIX));
    if (prefix !== undefined) clues.push(prefix);
    const suffix = CLUE_NUMBERS.suffix.get(word.slice(-AFFIX));
    if (suffix !== undefined) clues.push(suffix);
  }
  return clues;
}

/** Every screen built, in order; each owns `words` 32-bit words of a term's bits, from its `offset`. */
const SCREENS: Screen[] = [];
let bitWords = 0;

/**
 * Which patterns of every screen a term's words make possible, one bit a pattern, worked out once a term (again when
 * a screen built later adds patterns): a sentence's possible patterns are then an OR of its terms' bits, one small
 * array a term, rather than a walk over each term's clues and each clue's patterns.
 */
function bitsOfTerm(term: Term): Int32Array {
  if (term.screenBits.length === bitWords) return term.screenBits;
  const bits = new Int32Array(bitWords);
  const clues = cluesOfText(term.text);
  for (const screen of SCREENS) screen.addClueBits(clues, bits);
  term.screenBits = bits;
  return bits;
}

/** A message's terms (words, numbers, punctuation) a sentence, split once and shared by every screen and the model. */
export class Scanned {
  constructor(readonly terms: readonly (readonly Term[])[]) {}
}

/** `text` as one sentence of its a-z words. */
export function scan(text: string): Scanned {
  return new Scanned([text.split(NOT_A_TO_Z).map(termOf)]);
}

/** Which of a screen's patterns can match: one bit a pattern. */
export class PossiblePatterns {
  constructor(private readonly bits: Int32Array) {}

  has(pattern: number): boolean {
    return ((this.bits[pattern >>> 5] as number) & (1 << (pattern & 31))) !== 0;
  }

  any(): boolean {
    for (const word of this.bits) if (word !== 0) return true;
    return false;
  }
}

/** Screens a fixed list of patterns: which of them can match anywhere in a message. */
export class Screen {
  private readonly offset: number;
  private readonly words: number;
  /** The bits of the patterns each clue number is a clue of. */
  private readonly byClue: ReadonlyMap<number, Int32Array>;
  private readonly bySubstring: ReadonlyArray<readonly [string, Int32Array]>;
  /** What `possible` starts from: only the patterns that spell out nothing they need are possible in any text. */
  private readonly unscreened: Int32Array;

  constructor(readonly patterns: readonly RegExp[]) {
    this.words = Math.ceil(patterns.length / 32);
    this.offset = bitWords;
    const unscreened = new Int32Array(this.words);
    const byClue = new Map<number, Int32Array>();
    const bySubstring = new Map<string, Int32Array>();
    const add = <Key>(index: Map<Key, Int32Array>, key: Key, pattern: number) => {
      const bits = index.get(key) ?? new Int32Array(this.words);
      setBit(bits, pattern);
      index.set(key, bits);
    };
    patterns.forEach((pattern, index) => {
      const clues = cluesOf(pattern);
      if (clues === null) {
        setBit(unscreened, index);
        return;
      }
      for (const [kind, key] of clues) {
        if (kind === 'substring') add(bySubstring, key, index);
        else add(byClue, clueNumber(kind, key), index);
      }
    });
    this.unscreened = unscreened;
    this.byClue = byClue;
    this.bySubstring = [...bySubstring];
    SCREENS.push(this);
    bitWords += this.words;
  }

  /** Sets, in a term's bits, the bits of this screen's patterns that `clues` are clues of. */
  addClueBits(clues: readonly number[], termBits: Int32Array): void {
    for (const clue of clues) {
      const bits = this.byClue.get(clue);
      if (bits === undefined) continue;
      for (let word = 0; word < this.words; word += 1) {
        const at = this.offset + word;
        termBits[at] = (termBits[at] as number) | (bits[word] as number);
      }
    }
  }

  /** The patterns that can match anywhere in `text`, whose words are `scanned`'s. */
  possible(scanned: Scanned, text: string): PossiblePatterns {
    const bits = this.unscreened.slice();
    for (const terms of scanned.terms) this.addTermBits(terms, bits);
    return this.withSubstrings(bits, text);
  }

  /**
   * `possible` for one sentence of `scanned`, whose text (and any other text it is read as) is `text`: most patterns
   * a message allows can match in only one of its sentences, and the others need not try them.
   */
  possibleIn(scanned: Scanned, sentence: number, text: string): PossiblePatterns {
    const bits = this.unscreened.slice();
    this.addTermBits(scanned.terms[sentence] ?? [], bits);
    return this.withSubstrings(bits, text);
  }

  private addTermBits(terms: readonly Term[], bits: Int32Array): void {
    const { offset, words } = this;
    for (const term of terms) {
      const termBits = bitsOfTerm(term);
      for (let word = 0; word < words; word += 1)
        bits[word] = (bits[word] as number) | (termBits[offset + word] as number);
    }
  }

  private withSubstrings(bits: Int32Array, text: string): PossiblePatterns {
    for (const [substring, substringBits] of this.bySubstring) {
      if (!allSet(bits, substringBits) && text.includes(substring)) {
        for (let word = 0; word < this.words; word += 1) {
          bits[word] = (bits[word] as number) | (substringBits[word] as number);
        }
      }
    }
    return new PossiblePatterns(bits);
  }
}

function setBit(bits: Int32Array, index: number): void {
  bits[index >>> 5] = (bits[index >>> 5] as number) | (1 << (index & 31));
}

function allSet(bits: Int32Array, wanted: Int32Array): boolean {
  for (let word = 0; word < wanted.length; word += 1) {
    const want = wanted[word] as number;
    if (((bits[word] as number) & want) !== want) return false;
  }
  return true;
}
