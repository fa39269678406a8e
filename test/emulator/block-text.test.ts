import { describe, expect, it } from 'vitest';
import { mutedCard } from '../../src/blocks/answered-card.js';
import { citeInsightModal } from '../../src/blocks/cite-insight-modal.js';
import { decisionCard } from '../../src/blocks/decision-card.js';
import { blockLines, imageFileIds, messageLines, mrkdwnToPlain, viewLines } from '../../src/emulator/block-text.js';

const names = (id: string) => ({ U0MAYA: 'Maya' })[id];

describe('mrkdwnToPlain', () => {
  it('names mentions, turns shortcodes into emoji and drops formatting marks', () => {
    expect(mrkdwnToPlain(':white_check_mark: *Customer insight cited* by <@U0MAYA>. _Thanks_ `now`', names)).toBe(
      '✅ Customer insight cited by @Maya. Thanks now',
    );
  });

  it('leaves snake_case, unknown people and unknown shortcodes as written, and never a live mention', () => {
    const plain = mrkdwnToPlain('see decision_cite_insight, <@U0NOBODY> and :unknown_emoji: <!channel>', names);
    expect(plain).toBe('see decision_cite_insight, @U0NOBODY and :unknown_emoji: @channel');
    expect(plain).not.toMatch(/<[@!#]/);
  });

  it("draws Slack's quotes with a bar, but not a > someone typed", () => {
    expect(mrkdwnToPlain('>We ship it\n&gt; typed')).toBe('▍We ship it\n> typed');
  });

  it('keeps link labels', () => {
    expect(mrkdwnToPlain('*Evidence:* Support tickets · <https://x.example/1|source>')).toBe(
      'Evidence: Support tickets · source',
    );
  });
});

describe('blockLines', () => {
  it('reads a decision card as its question, its source and its buttons', () => {
    const card = decisionCard({ text: 'Who is the customer?', source: 'Working Backwards' }, 7);
    expect(blockLines(card.blocks)).toEqual([
      '👤 The empty chair asks:',
      'Who is the customer?',
      'Working Backwards · Anyone here can answer; the answer counts toward the weekly digest.',
      '[Cite customer insight] [No insight yet] [Not customer-facing] [Mute this channel]',
    ]);
  });

  it('shows an accessory button after its text, an image by its title and leaves unknown blocks out', () => {
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: 'Digest' } },
      { type: 'divider' },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '• We ship' },
        accessory: { type: 'button', text: { type: 'plain_text', text: 'Cite insight' }, action_id: 'x' },
      },
      {
        type: 'image',
        slack_file: { id: 'F1' },
        alt_text: 'long numbers',
        title: { type: 'plain_text', text: 'Chart' },
      },
      { type: 'image', image_url: 'https://x.example/i.png', alt_text: 'only alt' },
      'not a block',
    ];
    expect(blockLines(blocks)).toEqual(['Digest', '• We ship [Cite insight]', '(image: Chart)', '(image: only alt)']);
    expect(imageFileIds(blocks)).toEqual(['F1']);
  });

  it('falls back to the text of a message without blocks, with names', () => {
    expect(messageLines({ text: mutedCard('U0MAYA').text }, names)).toEqual([
      '🔇 @Maya muted the empty chair in this channel. /customer-check unmute brings it back.',
    ]);
    expect(messageLines({ text: 'a\n\nb' })).toEqual(['a', 'b']);
    expect(messageLines({})).toEqual([]);
  });
});

describe('viewLines', () => {
  it('reads a modal as its title, then each input with its label and what is chosen', () => {
    expect(viewLines(citeInsightModal({ decisionId: 1 }, 'We ship it.', ['interview']))).toEqual([
      'Cite customer insight',
      'Decision: We ship it.',
      'What kind of evidence?: [Customer interview ▾]',
      'Link to it: ____',
      'Who is the customer?: ____',
      'What do they gain?: ____',
    ]);
    expect(viewLines(undefined)).toEqual([]);
  });
});
