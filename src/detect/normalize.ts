import { slackMarkupToPlainText } from '../text/plain-text.js';

/**
 * Code is never a decision, even when it says `// we decided`: fenced blocks and inline spans go first. An inline span
 * is a name in the sentence ("`main` is protected"), so a word stands in for it and the sentence still parses.
 */
const FENCED_CODE = /```[\s\S]*?```/g;
const INLINE_CODE = /`[^`\n]*`/g;
/** Dropped rather than kept: a quoted meeting outcome still counts as a decision. */
const BLOCK_QUOTE_MARKER = /^[ \t]*(?:>+[ \t]?)+/gm;
/** `-`, `*`, `•` or `1.` in front of a line: a bulleted item reads like any other line of its section. */
const BULLET_MARKER = /^[ \t]*(?:[-*•◦▪‣–—+]|\d{1,2}[.)])[ \t]+/gm;
/** `:rocket:`, `:white_check_mark:`, `::skin-tone-2:`; names need a letter so times like `10:30:45` survive. */
const EMOJI_SHORTCODE = /:(?:[a-z0-9_+'-]*[a-z][a-z0-9_+'-]*|\+1|-1|100):/gi;
const EMOJI_GLYPH = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D/gu;
const BOLD_OR_STRIKE_MARKER = /[*~]/g;
/** Underscores only as italic markers, so identifiers like `snake_case` keep theirs. */
const ITALIC_MARKER = /(?<!\w)_+|_+(?!\w)/g;
const SINGLE_QUOTES = /[‘’‛′]/g;
const DOUBLE_QUOTES = /[“”„″]/g;
/** Runs of spaces and any other blank become one space; a lone space is left alone, so most text is not rewritten. */
const SPACES = /[ \t\u00a0\u2000-\u200b]{2,}|[\t\u00a0\u2000-\u200b]/g;
/** Emoji glyphs and typographic quotes are all outside ASCII, and Slack messages mostly are not. */
const NON_ASCII = /[^\0-\x7f]/;
const EDGE_SPACES = /^ | $/gm;

/** Slack is typed fast; the words the detectors hinge on are respelled so one typo does not hide a decision. */
const RESPELLINGS: ReadonlyMap<string, string> = new Map([
  ...['decison', 'desicion', 'descision', 'decsion', 'decisoin', 'decission'].flatMap((typo) => [
    [typo, 'decision'] as const,
    [`${typo}s`, 'decisions'] as const,
  ]),
  ...['decidd', 'decieded', 'deicded', 'decidied', 'desided', 'decdied'].map((typo) => [typo, 'decided'] as const),
  ['agred', 'agreed'],
  ['w/', 'with'],
  ['lets', "let's"],
  ['ppl', 'people'],
  ['pls', 'please'],
  ['plz', 'please'],
  ['weve', "we've"],
  ['im', "i'm"],
  ['ive', "i've"],
  ...['that', 'here', 'what'].map((word) => [`${word}s`, `${word}'s`] as const),
  ...['don', 'can', 'won', 'didn', 'isn', 'aren', 'haven', 'hasn', 'wasn', 'weren', 'shouldn'].map(
    (stem) => [`${stem}t`, `${stem}'t`] as const,
  ),
]);
/** `\b` rather than a lookbehind, which V8 scans for slower: every respelled word starts with a letter. */
const MISSPELLING = new RegExp(`\\b(?:${[...RESPELLINGS.keys()].join('|')})(?!\\w)`, 'g');
/** "we r going with b": `r` and `u` stand for "are" and "you" only after a pronoun, where no other reading fits. */
const TEXTSPEAK_ARE = /\b(we|you|they) r\b/g;

/**
 * Plain, lower-case text for matching, one line per input line (blank lines kept: they end sections).
 * Markup, emoji, formatting, bullets and block-quote markers are gone.
 */
export function normalizeMessage(text: string): string {
  // each pass that cannot apply is skipped: a regex scan of the whole text costs more than looking for its marker
  const withoutCode = text.includes('`') ? text.replace(FENCED_CODE, '\n').replace(INLINE_CODE, ' code ') : text;
  // markup is written with `<…>` and `&…;`: text with neither is already plain
  let plain =
    withoutCode.includes('<') || withoutCode.includes('&') ? slackMarkupToPlainText(withoutCode) : withoutCode;
  if (plain.includes('>')) plain = plain.replace(BLOCK_QUOTE_MARKER, '');
  plain = plain.replace(BULLET_MARKER, '');
  if (plain.includes(':')) plain = plain.replace(EMOJI_SHORTCODE, ' ');
  const nonAscii = NON_ASCII.test(plain);
  if (nonAscii) plain = plain.replace(EMOJI_GLYPH, ' ');
  if (plain.includes('*') || plain.includes('~')) plain = plain.replace(BOLD_OR_STRIKE_MARKER, '');
  if (plain.includes('_')) plain = plain.replace(ITALIC_MARKER, '');
  if (nonAscii) plain = plain.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  // blanks to squeeze are two spaces, a tab or a wider blank (outside ASCII); edge spaces touch a line's end
  if (nonAscii || plain.includes('  ') || plain.includes('\t')) plain = plain.replace(SPACES, ' ');
  if (plain.startsWith(' ') || plain.endsWith(' ') || plain.includes(' \n') || plain.includes('\n ')) {
    plain = plain.replace(EDGE_SPACES, '');
  }
  const lower = plain.toLowerCase().replace(MISSPELLING, (typo) => RESPELLINGS.get(typo) ?? typo);
  return lower.includes(' r ') || lower.endsWith(' r') ? lower.replace(TEXTSPEAK_ARE, '$1 are') : lower;
}
