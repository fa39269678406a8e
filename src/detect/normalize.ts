import { slackMarkupToPlainText } from '../text/plain-text.js';

/** Code is never a decision, even when it says `// we decided`: fenced blocks and inline spans go first. */
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
const SPACES = /[ \t\u00a0\u2000-\u200b]+/g;
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
  ['weve', "we've"],
  ['im', "i'm"],
  ['ive', "i've"],
  ...['that', 'here', 'what'].map((word) => [`${word}s`, `${word}'s`] as const),
  ...['don', 'can', 'won', 'didn', 'isn', 'aren', 'haven', 'hasn', 'wasn', 'weren', 'shouldn'].map(
    (stem) => [`${stem}t`, `${stem}'t`] as const,
  ),
]);
const MISSPELLING = new RegExp(`(?<!\\w)(?:${[...RESPELLINGS.keys()].join('|')})(?!\\w)`, 'g');

/**
 * Plain, lower-case text for matching, one line per input line (blank lines kept: they end sections).
 * Markup, emoji, formatting, bullets and block-quote markers are gone.
 */
export function normalizeMessage(text: string): string {
  const withoutCode = text.replace(FENCED_CODE, '\n').replace(INLINE_CODE, ' ');
  return slackMarkupToPlainText(withoutCode)
    .replace(BLOCK_QUOTE_MARKER, '')
    .replace(BULLET_MARKER, '')
    .replace(EMOJI_SHORTCODE, ' ')
    .replace(EMOJI_GLYPH, ' ')
    .replace(BOLD_OR_STRIKE_MARKER, '')
    .replace(ITALIC_MARKER, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(SPACES, ' ')
    .replace(EDGE_SPACES, '')
    .toLowerCase()
    .replace(MISSPELLING, (typo) => RESPELLINGS.get(typo) ?? typo);
}
