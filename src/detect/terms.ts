/**
 * A message's tokens as terms: one object a distinct token, kept across messages, which the screens and the model
 * each annotate once (the patterns it makes possible, its number in the model's vocabulary). A token is then looked up once a message rather than once by
 * every reader of it, and a message's distinct words are listed without building a set.
 */
export interface Term {
  /** The token, or `0` for every number: the model reads all numbers as one word, and no screen reads digits. */
  readonly text: string;
  /** Whether the term is kept across messages; past TERMS_KEPT distinct tokens, new ones live for one message. */
  readonly kept: boolean;
  /** Which of every screen's patterns its a-z runs make possible, one bit a pattern (see screen.ts). */
  screenBits: Int32Array;
  /** Its number in the model's vocabulary, the words it weighs alone or in a pair (see model.ts); -1 outside it. */
  modelWord: number;
  /** The last message it was counted in (see `distinctTerms`). */
  countedIn: number;
}

/**
 * How many distinct tokens are kept: a workspace's vocabulary, with every number one term, fits many times over, and
 * a 2 GB export full of typos and names cannot grow the table (and the memory analyze is held to) without bound.
 */
const TERMS_KEPT = 50_000;
const TERMS = new Map<string, Term>();

/** Until the screens first read a term: no screen's bits, so they are worked out then. */
const NO_BITS = new Int32Array(0);

const newTerm = (text: string, kept: boolean): Term => ({
  text,
  kept,
  screenBits: NO_BITS,
  modelWord: -1,
  countedIn: 0,
});

const NUMBER = '0';

export function termOf(token: string): Term {
  const code = token.charCodeAt(0);
  const text = code >= 48 && code <= 57 ? NUMBER : token;
  const known = TERMS.get(text);
  if (known !== undefined) return known;
  const kept = TERMS.size < TERMS_KEPT;
  const term = newTerm(text, kept);
  if (kept) TERMS.set(text, term);
  return term;
}

let counting = 0;

/** The distinct terms of `sentences` (each a list of terms), in the order they first occur. */
export function distinctTerms(sentences: readonly (readonly Term[])[]): Term[] {
  counting += 1;
  const distinct: Term[] = [];
  // terms past TERMS_KEPT are new objects each time they occur, so only their text tells repeats apart
  let unkeptSeen: Set<string> | undefined;
  for (const terms of sentences) {
    for (const term of terms) {
      if (term.kept) {
        if (term.countedIn === counting) continue;
        term.countedIn = counting;
      } else {
        unkeptSeen ??= new Set();
        if (unkeptSeen.has(term.text)) continue;
        unkeptSeen.add(term.text);
      }
      distinct.push(term);
    }
  }
  return distinct;
}
