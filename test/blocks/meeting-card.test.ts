import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BLOCKS, meetingCard } from '../../src/blocks/meeting-card.js';
import { BUILT_IN_PROMPTS_DIR, loadPromptLibrary } from '../../src/prompts/load.js';
import { meetingQuestions } from '../../src/prompts/meeting-questions.js';
import type { Prompt } from '../../src/prompts/schema.js';
import type { DecisionRecord } from '../../src/store/decisions.js';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const QUESTIONS = meetingQuestions(loadPromptLibrary([BUILT_IN_PROMPTS_DIR]));
const MEETING = { topic: 'Pricing review', createdBy: 'U0ALICE' };

const decision = (fields: Partial<DecisionRecord> = {}): DecisionRecord => ({
  id: 1,
  source: 'message',
  meetingId: 7,
  teamId: 'T1',
  channelId: 'C1',
  messageTs: '1763900000.000100',
  threadTs: '1763899999.000100',
  authorId: 'U0BOB',
  permalink: null,
  summary: 'Decision: we ship the importer first.',
  category: 'roadmap',
  oneWayDoor: false,
  confidence: 0.9,
  detectedEvidence: [],
  promptId: null,
  cardTs: null,
  status: 'pending',
  evidenceKind: null,
  evidenceLink: null,
  customerWho: null,
  benefit: null,
  answeredBy: null,
  answeredAt: null,
  createdAt: NOW,
  updatedAt: NOW,
  importedAt: null,
  ...fields,
});

/** Each block's mrkdwn or plain text, in order; a divider reads as '---'. */
function blockTexts(blocks: readonly types.KnownBlock[]): string[] {
  return blocks.map((block) => {
    if (block.type === 'section') return block.text?.text ?? '';
    if (block.type === 'context')
      return block.elements.map((element) => ('text' in element ? element.text : '')).join(' ');
    if (block.type === 'divider') return '---';
    throw new Error(`unexpected block ${block.type}`);
  });
}

const many = (count: number) =>
  Array.from({ length: count }, (_, index) => decision({ id: index + 1, summary: `Decision number ${index + 1}.` }));

describe('meetingCard', () => {
  it('shows the topic, who opened it, the empty seat and the chair’s questions, with no decisions yet', () => {
    const card = meetingCard(MEETING, QUESTIONS, []);
    const texts = blockTexts(card.blocks);
    const all = texts.join('\n');

    expect(texts[0]).toContain('*Meeting: Pricing review*');
    expect(texts[0]).toContain('Opened by <@U0ALICE>');
    expect(all).toContain(":chair: *This seat is the customer's.*");
    expect(all).toContain(`*The bread-line question*\n${QUESTIONS.breadLine?.text}`);
    const numbered = QUESTIONS.workingBackwards.map((prompt, index) => `${index + 1}. ${prompt.text}`);
    expect(numbered).toHaveLength(5);
    expect(all).toContain(`*Working Backwards*\n${numbered.join('\n')}`);
    expect(texts.slice(-2)).toEqual(['---', '*Decisions in this meeting*\nNone yet.']);
    expect(card.text).toBe('Meeting: Pricing review. The empty chair is here for the customer.');
  });

  it('lists each decision with its status emoji, summary and answer, oldest first', () => {
    const decisions = [
      decision({ id: 1, summary: 'Decision: we raise Pro to $49.' }),
      decision({
        id: 2,
        summary: 'Decision: annual plans get a discount.',
        status: 'cited',
        evidenceKind: 'interview',
        permalink: 'https://fake.slack.test/archives/C1/p1763900000000200',
      }),
      decision({ id: 3, summary: 'Decision: no free tier.', status: 'none' }),
      decision({ id: 4, summary: 'Decision: invoices move to Stripe.', status: 'not-customer-facing' }),
      decision({ id: 5, summary: 'Decision: we keep the old logo.', status: 'dismissed' }),
    ];
    const texts = blockTexts(meetingCard(MEETING, QUESTIONS, decisions).blocks);

    expect(texts.slice(-6)).toEqual([
      '*Decisions in this meeting*\n5 decisions, 1 citing customer insight.',
      ':grey_question: Decision: we raise Pro to $49. · _waiting for an answer_',
      ':white_check_mark: <https://fake.slack.test/archives/C1/p1763900000000200|Decision: annual plans get a discount.> · _customer insight cited: Customer interview_',
      ':hourglass_flowing_sand: Decision: no free tier. · _no insight yet_',
      ':gear: Decision: invoices move to Stripe. · _not customer-facing_',
      ':wave: Decision: we keep the old logo. · _dismissed_',
    ]);
  });

  it('says "1 decision" for one', () => {
    const texts = blockTexts(meetingCard(MEETING, QUESTIONS, [decision()]).blocks);
    expect(texts).toContain('*Decisions in this meeting*\n1 decision, 0 citing customer insight.');
  });

  it('escapes the topic, summaries and questions, so nothing typed can ping, link or format as markup', () => {
    const question = (id: string, text: string): Prompt => ({ id, text, source: 'Test', fits: ['any'], file: 'x.yml' });
    const card = meetingCard(
      { topic: 'Q&A <!channel> <https://evil.example|click>', createdBy: 'U0ALICE' },
      { breadLine: question('b', 'Who pays <@U0BOB>?'), workingBackwards: [question('w', 'Tell <!here> & more')] },
      [decision({ summary: 'Decision: <!everyone> we ship & <#C1> wins' })],
    );
    const shown = JSON.stringify(card);

    expect(shown).toContain('Q&amp;A &lt;!channel&gt; &lt;https://evil.example|click&gt;');
    expect(shown).toContain('Who pays &lt;@U0BOB&gt;?');
    expect(shown).toContain('Tell &lt;!here&gt; &amp; more');
    expect(shown).toContain('Decision: &lt;!everyone&gt; we ship &amp; &lt;#C1&gt; wins');
    expect(shown).not.toMatch(/<[!#]|<@U0BOB|<https:\/\/evil/);
    expect(card.text).toBe(
      'Meeting: Q&amp;A &lt;!channel&gt; &lt;https://evil.example|click&gt;. The empty chair is here for the customer.',
    );
  });

  it('leaves out the question sections a library does not have', () => {
    const texts = blockTexts(meetingCard(MEETING, { breadLine: undefined, workingBackwards: [] }, []).blocks);
    expect(texts.join('\n')).not.toMatch(/bread-line|Working Backwards/);
    expect(texts.at(-1)).toBe('*Decisions in this meeting*\nNone yet.');
  });

  describe('block cap', () => {
    const fixedBlocks = meetingCard(MEETING, QUESTIONS, []).blocks.length;
    const room = MAX_MESSAGE_BLOCKS - fixedBlocks;

    it('lists every decision while they fit in Slack’s 50 blocks', () => {
      const card = meetingCard(MEETING, QUESTIONS, many(room));
      expect(card.blocks).toHaveLength(MAX_MESSAGE_BLOCKS);
      expect(blockTexts(card.blocks).at(-1)).toContain(`Decision number ${room}.`);
      expect(JSON.stringify(card)).not.toContain('more in this thread');
    });

    it('past that, lists the oldest and says how many more there are, still within 50 blocks', () => {
      const card = meetingCard(MEETING, QUESTIONS, many(room + 1));
      const texts = blockTexts(card.blocks);
      expect(card.blocks).toHaveLength(MAX_MESSAGE_BLOCKS);
      expect(texts.at(-2)).toContain(`Decision number ${room - 1}.`);
      expect(texts.at(-1)).toBe('…and 2 more in this thread.');
    });

    it('counts every decision in the heading even when most are summarised', () => {
      const card = meetingCard(MEETING, QUESTIONS, many(300));
      const texts = blockTexts(card.blocks);
      expect(card.blocks.length).toBeLessThanOrEqual(MAX_MESSAGE_BLOCKS);
      expect(texts).toContain('*Decisions in this meeting*\n300 decisions, 0 citing customer insight.');
      expect(texts.at(-1)).toBe(`…and ${300 - (room - 1)} more in this thread.`);
    });
  });
});
