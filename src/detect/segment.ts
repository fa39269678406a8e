/** A line that only labels what follows, e.g. `decisions:` or `agreed in today's sync:`. */
const SECTION_HEADER = /^[^.!?:]{1,60}:$/;
/** A line that already has its own label (`decision: …`, `owner: …`) does not belong to the header above it. */
const LABELLED_LINE = /^[^.!?:]{1,60}:\s/;
/** Where a sentence ends: its punctuation, then the blanks before the next one (a lookbehind would make V8 try every position). */
const SENTENCE_END = /[.!?]\s+(?=\S)/g;
/** Greetings, mentions and framing words in front of a sentence hide anchored phrases like `decision:`. */
const LEADING_NOISE =
  /^(?:(?:@[\w.-]+|ok|okay|alright|so|fyi|heads[- ]up|psa|tl;?dr)[\s,:!.\-–—]+(?!and\b)|(?:update|quick update|note|team|folks|all|everyone|y'all|hey(?: all| team| folks| everyone)?|hi(?: all| team| folks| everyone)?|morning|gm)[,:!.\-–—]+\s*)+/;
const LEADING_PUNCTUATION = /^[^\p{L}\p{N}@"]+/u;

/**
 * Splits a normalised message into sentences. Lines under a section header (`decisions:` followed by
 * bullets) carry the header, so each bullet of a meeting summary reads as `decisions: <item>`.
 */
export function splitSentences(normalized: string): string[] {
  const sentences: string[] = [];
  let header: string | null = null;
  for (const line of normalized.split('\n')) {
    if (line === '') {
      header = null;
      continue;
    }
    const content = stripLeadingNoise(line);
    if (content === '') continue;
    if (content.endsWith(':') && SECTION_HEADER.test(content)) {
      header = content;
      continue;
    }
    const [first = '', ...rest] = splitAtSentenceEnds(content);
    const inSection = header !== null && !LABELLED_LINE.test(first);
    sentences.push(inSection ? `${header} ${first}` : first, ...rest);
  }
  return sentences;
}

function splitAtSentenceEnds(line: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const end of line.matchAll(SENTENCE_END)) {
    parts.push(line.slice(start, end.index + 1));
    start = end.index + end[0].length;
  }
  parts.push(line.slice(start));
  return parts;
}

function stripLeadingNoise(text: string): string {
  return withoutLeadingPunctuation(withoutLeadingPunctuation(text).replace(LEADING_NOISE, ''));
}

/** Most lines start with a lower-case letter, and then there is nothing to strip and no regex to run. */
function withoutLeadingPunctuation(text: string): string {
  const code = text.charCodeAt(0);
  return code >= 97 && code <= 122 ? text : text.replace(LEADING_PUNCTUATION, '');
}
