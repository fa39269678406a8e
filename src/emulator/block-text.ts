import { slackMarkupToPlainText } from '../text/plain-text.js';

/** A person's display name for a user id, when it is known. */
export type NameOf = (userId: string) => string | undefined;

/** The emoji the app's messages use; any other shortcode is left as written, as Slack shows unknown ones. */
const EMOJI: Readonly<Record<string, string>> = {
  bust_in_silhouette: '👤',
  white_check_mark: '✅',
  wave: '👋',
  warning: '⚠️',
  mute: '🔇',
  hourglass_flowing_sand: '⏳',
  grey_question: '❔',
  gear: '⚙️',
  tada: '🎉',
  spiral_calendar_pad: '🗓️',
  speech_balloon: '💬',
  memo: '📝',
  inbox_tray: '📥',
  eyes: '👀',
  chair: '🪑',
};

const UNLABELLED_MENTION = /<@([A-Z0-9]+)>/g;
const SHORTCODE = /:([a-z0-9_+-]+):/g;
// Bold, italic, strike and code markers only where Slack reads them as such: around words, not inside snake_case.
const EMPHASIS = /(^|[^\w*_~`])([*_~`])([^\n*_~`]+?)\2(?!\w)/g;
/** A quoted line, which Slack draws with a bar. */
const QUOTE = /^>\s?/gm;

/** Slack mrkdwn as the plain text a reader sees: names for mentions, emoji for shortcodes, no formatting marks. */
export function mrkdwnToPlain(text: string, nameOf: NameOf = () => undefined): string {
  // Quotes first: a `>` typed by a person arrives as `&gt;` and is decoded below, so only Slack's own marks match.
  const named = text.replace(QUOTE, '▍').replace(UNLABELLED_MENTION, (token, id: string) => {
    const name = nameOf(id);
    return name === undefined ? token : `<@${id}|${name}>`;
  });
  return slackMarkupToPlainText(named)
    .replace(SHORTCODE, (code, name: string) => EMOJI[name] ?? code)
    .replace(EMPHASIS, (_match, before: string, _marker: string, inner: string) => `${before}${inner}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function records(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** A text object (plain_text or mrkdwn) as plain text; '' for anything else. */
function textOf(value: unknown, nameOf: NameOf): string {
  if (!isRecord(value) || typeof value.text !== 'string') return '';
  return value.type === 'mrkdwn' ? mrkdwnToPlain(value.text, nameOf) : value.text;
}

/** An interactive element as Slack draws it: a button's label in brackets, a menu with its arrow. */
function elementText(element: Record<string, unknown>, nameOf: NameOf): string | undefined {
  switch (element.type) {
    case 'button':
      return `[${textOf(element.text, nameOf)}]`;
    case 'static_select':
    case 'external_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select': {
      const chosen = isRecord(element.initial_option) ? textOf(element.initial_option.text, nameOf) : '';
      return `[${chosen || textOf(element.placeholder, nameOf) || 'Choose'} ▾]`;
    }
    case 'image':
      return typeof element.alt_text === 'string' ? `(image: ${element.alt_text})` : undefined;
    case 'mrkdwn':
    case 'plain_text':
      return textOf(element, nameOf);
    default:
      return undefined;
  }
}

function blockText(block: Record<string, unknown>, nameOf: NameOf): string {
  switch (block.type) {
    case 'header':
      return textOf(block.text, nameOf);
    case 'section': {
      const parts = [textOf(block.text, nameOf), ...records(block.fields).map((field) => textOf(field, nameOf))];
      const accessory = isRecord(block.accessory) ? elementText(block.accessory, nameOf) : undefined;
      const text = parts.filter((part) => part !== '').join('\n');
      return accessory === undefined ? text : `${text} ${accessory}`;
    }
    case 'context':
      return records(block.elements)
        .map((element) => elementText(element, nameOf))
        .filter((part) => part !== undefined && part !== '')
        .join(' · ');
    case 'actions':
      return records(block.elements)
        .map((element) => elementText(element, nameOf))
        .filter((part) => part !== undefined)
        .join(' ');
    case 'image': {
      // The title is what Slack shows above the image; the alt text is for screen readers and often long.
      const title = textOf(block.title, nameOf) || (typeof block.alt_text === 'string' ? block.alt_text : '');
      return `(image: ${title})`;
    }
    case 'input': {
      const element = isRecord(block.element) ? elementText(block.element, nameOf) : undefined;
      const label = textOf(block.label, nameOf);
      return element === undefined ? `${label}: ____` : `${label}: ${element}`;
    }
    default:
      return '';
  }
}

/** Block Kit blocks as the lines a reader sees, top to bottom; empty lines left out. */
export function blockLines(blocks: unknown, nameOf: NameOf = () => undefined): string[] {
  return records(blocks)
    .flatMap((block) => blockText(block, nameOf).split('\n'))
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** A message as a reader sees it: its blocks when it has any, else its text. */
export function messageLines(
  message: { text?: unknown; blocks?: unknown },
  nameOf: NameOf = () => undefined,
): string[] {
  const fromBlocks = blockLines(message.blocks, nameOf);
  if (fromBlocks.length > 0) return fromBlocks;
  return typeof message.text === 'string'
    ? mrkdwnToPlain(message.text, nameOf)
        .split('\n')
        .filter((line) => line.trim() !== '')
    : [];
}

/** The ids of the uploaded files a message's image blocks show. */
export function imageFileIds(blocks: unknown): string[] {
  return records(blocks).flatMap((block) => {
    const file = block.type === 'image' && isRecord(block.slack_file) ? block.slack_file.id : undefined;
    return typeof file === 'string' ? [file] : [];
  });
}

/** A modal: its title, then its blocks. */
export function viewLines(view: unknown, nameOf: NameOf = () => undefined): string[] {
  if (!isRecord(view)) return [];
  const title = textOf(view.title, nameOf);
  return [...(title === '' ? [] : [title]), ...blockLines(view.blocks, nameOf)];
}
