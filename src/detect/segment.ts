/** A line that only labels what follows, e.g. `decisions:` or `agreed in today's sync:`. */
const SECTION_HEADER = /^[^.!?:]{1,60}:$/;
/** A line that already has its own label (`decision: …`, `owner: …`) does not belong to the header above it. */
const LABELLED_LINE = /^[^.!?:]{1,60}:\s/;
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=\S)/;
/** Greetings, mentions and framing words in front of a sentence hide anchored phrases like `decision:`. */
const LEADING_NOISE =
  /^(?:(?:@[\w.-]+|ok|okay|alright|so|fyi|heads[- ]up|psa|tl;?dr)[\s,:!.\-–—]+(?!and\b)|(?:update|quick update|reminder|note|team|folks|all|everyone|y'all|hey(?: all| team| folks| everyone)?|hi(?: all| team| folks| everyone)?|morning|gm)[,:!.\-–—]+\s*)+/;
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
    if (SECTION_HEADER.test(content)) {
      header = content;
      continue;
    }
    const [first = '', ...rest] = content.split(SENTENCE_BREAK);
    const inSection = header !== null && !LABELLED_LINE.test(first);
    sentences.push(inSection ? `${header} ${first}` : first, ...rest);
  }
  return sentences;
}

function stripLeadingNoise(text: string): string {
  return text.replace(LEADING_PUNCTUATION, '').replace(LEADING_NOISE, '').replace(LEADING_PUNCTUATION, '');
}
