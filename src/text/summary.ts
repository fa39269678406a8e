import { slackMarkupToPlainText } from './plain-text.js';

export const SUMMARY_LENGTH = 280;

/**
 * The only message text the store keeps (design.md, privacy by default): the first 280 characters,
 * as plain text with mentions and broadcasts made harmless so a digest can never ping anyone.
 */
export function summarize(text: string): string {
  const plain = slackMarkupToPlainText(text).replace(/\s+/g, ' ').trim();
  const characters = Array.from(plain);
  if (characters.length <= SUMMARY_LENGTH) return plain;
  return `${characters
    .slice(0, SUMMARY_LENGTH - 1)
    .join('')
    .trimEnd()}…`;
}
