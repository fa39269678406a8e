/** Builds a pattern from a source string, for patterns assembled from shared word lists. */
export const re = (source: string): RegExp => new RegExp(source);

/**
 * One alternation of many patterns. A single scan of a sentence is several times cheaper than one scan
 * per pattern, which matters because most sentences match none of them.
 */
export const anyOf = (patterns: readonly RegExp[]): RegExp =>
  new RegExp(patterns.map(({ source }) => `(?:${source})`).join('|'));
