import { describe, expect, it } from 'vitest';
import { citeInsightModal } from '../../src/blocks/cite-insight-modal.js';
import { decisionCard } from '../../src/blocks/decision-card.js';
import type { Happening } from '../../src/demo/replay.js';
import { colourStyle, plainStyle, styleFor, wantsColour } from '../../src/demo/style.js';
import { renderDigest, renderHappening, renderHeader, type World } from '../../src/demo/transcript.js';
import type { Person } from '../../src/demo/week-script.js';
import { RESPONSE_URL_METHOD, type RecordedCall } from '../../src/emulator/slack-web-api.js';

const maya: Person = { handle: 'maya', id: 'U0MAYA', name: 'Maya', role: 'product manager' };
const jonas: Person = { handle: 'jonas', id: 'U0JONAS', name: 'Jonas', role: undefined };
// Monday 16 November 2026, 14:30 in Berlin.
const MONDAY_1430 = Date.parse('2026-11-16T13:30:00Z');
const DECISION_TS = '1794835800.040000';
const HUDDLE_TS = '1794900000.080000';
const CARD_TS = '1794835800.040100';

const world: World = {
  timeZone: 'Europe/Berlin',
  nameOf: (id) => ({ U0MAYA: 'Maya', U0JONAS: 'Jonas', UBOT: 'empty-chair' })[id],
  channelName: (id) => (id === 'C0PRODUCT' ? 'product' : id),
  message: (_channel, ts) =>
    ({
      [DECISION_TS]: { user: 'U0MAYA', threadTs: undefined },
      [CARD_TS]: { user: 'UBOT', threadTs: DECISION_TS },
    })[ts],
  huddleTitle: (_channel, ts) => (ts === HUDDLE_TS ? 'Roadmap sync' : undefined),
};

function call(method: string, args: Record<string, unknown>): RecordedCall {
  return { method, args, token: 'xoxb-demo', at: 0 };
}

function happening(act: Happening['act'], calls: RecordedCall[]): Happening {
  return { at: MONDAY_1430, channel: 'C0PRODUCT', act, calls };
}

const card = decisionCard({ text: 'Who is the customer?', source: 'Working Backwards' }, 3);
const render = (each: Happening) => renderHappening(each, world, plainStyle);

describe('renderHappening', () => {
  it('tells what was said where, then the card the bot posted in its thread, leaving out lookups', () => {
    const text = 'Decision: we drop the annual-only plan.';
    expect(
      render(
        happening({ kind: 'say', who: maya, text, thread: undefined }, [
          call('chat.postMessage', { channel: 'C0PRODUCT', thread_ts: DECISION_TS, ...card }),
          call('chat.getPermalink', { channel: 'C0PRODUCT', message_ts: DECISION_TS }),
        ]),
      ),
    ).toEqual([
      'Mon 14:30  Maya in #product:',
      '             Decision: we drop the annual-only plan.',
      '           → empty-chair replies in the thread:',
      '             │ 👤 The empty chair asks:',
      '             │ Who is the customer?',
      '             │ Working Backwards · Anyone here can answer; the answer counts toward the weekly digest.',
      '             │ [Cite customer insight] [No insight yet] [Not customer-facing] [Mute this channel]',
      '',
    ]);
  });

  it('names whose message the bot reacted to', () => {
    const lines = render(
      happening({ kind: 'say', who: maya, text: 'Decision: x. 9 of 12 interviews asked for it.', thread: undefined }, [
        call('reactions.add', { channel: 'C0PRODUCT', timestamp: DECISION_TS, name: 'bust_in_silhouette' }),
      ]),
    );
    expect(lines[2]).toBe("           → empty-chair reacts 👤 to Maya's message.");
  });

  it('says the bot stayed silent when it only looked things up, or did nothing', () => {
    for (const calls of [[], [call('auth.test', {}), call('users.info', { user: 'U0MAYA' })]]) {
      expect(render(happening({ kind: 'say', who: jonas, text: 'lunch?', thread: undefined }, calls))).toEqual([
        'Mon 14:30  Jonas in #product:',
        '             lunch?',
        '           → empty-chair stays silent.',
        '',
      ]);
    }
  });

  it('tells which thread a reply was in, and that the card went to the huddle’s thread', () => {
    const lines = render(
      happening(
        {
          kind: 'say',
          who: jonas,
          text: 'Agreed in the huddle: we ship it.',
          thread: { kind: 'huddle', title: 'Roadmap sync' },
        },
        [call('chat.postMessage', { channel: 'C0PRODUCT', thread_ts: HUDDLE_TS, ...card })],
      ),
    );
    expect(lines[0]).toBe('Mon 14:30  Jonas in #product, in the thread of the huddle “Roadmap sync”:');
    expect(lines[2]).toBe("           → empty-chair replies in the huddle's thread:");

    const reply = render(
      happening(
        {
          kind: 'say',
          who: jonas,
          text: 'fwiw',
          thread: { kind: 'message', author: 'Maya', text: `Decision: ${'a very long decision '.repeat(5)}` },
        },
        [],
      ),
    );
    expect(reply[0]).toBe(
      "Mon 14:30  Jonas in #product, in the thread of Maya's “Decision: a very long decision a very long decision a very…”:",
    );
  });

  it('shows the answer to a command as seen only by whoever ran it', () => {
    const lines = render(
      happening({ kind: 'command', who: maya, command: '/customer-check', text: 'stats week' }, [
        call('conversations.info', { channel: 'C0PRODUCT' }),
        call(RESPONSE_URL_METHOD, { response_type: 'ephemeral', text: '*#product, this week:* 3 decisions' }),
      ]),
    );
    expect(lines).toEqual([
      'Mon 14:30  Maya runs in #product:',
      '             /customer-check stats week',
      '           → empty-chair answers only Maya:',
      '             │ #product, this week: 3 decisions',
      '',
    ]);
  });

  it('follows a click through the form it opens to the card it changes', () => {
    const clicked = render(
      happening(
        {
          kind: 'click',
          who: maya,
          button: 'Cite customer insight',
          on: { kind: 'card', author: 'Jonas', text: 'Decision: x.' },
        },
        [call('views.open', { trigger_id: 't', view: citeInsightModal({ decisionId: 3 }, 'Decision: x.', []) })],
      ),
    );
    expect(clicked.slice(0, 4)).toEqual([
      "Mon 14:30  Maya clicks [Cite customer insight] on the card under Jonas' “Decision: x.”",
      '           → empty-chair opens a form for Maya:',
      '             │ Cite customer insight',
      '             │ Decision: Decision: x.',
    ]);

    const saved = render(
      happening(
        { kind: 'submit', who: maya, form: 'Cite customer insight', fields: ['Support tickets', 'Finance admins'] },
        [
          call('chat.update', {
            channel: 'C0PRODUCT',
            ts: CARD_TS,
            text: 'cited',
            blocks: [
              {
                type: 'section',
                text: { type: 'mrkdwn', text: ':white_check_mark: *Customer insight cited* by <@U0MAYA>.' },
              },
            ],
          }),
        ],
      ),
    );
    expect(saved).toEqual([
      'Mon 14:30  Maya fills in “Cite customer insight” and saves:',
      '             Support tickets · Finance admins',
      '           → empty-chair turns its card in the thread into:',
      '             │ ✅ Customer insight cited by @Maya.',
      '',
    ]);
  });

  it('marks up times, people, channels and the bot in colour when asked, and nothing without', () => {
    const each = happening({ kind: 'say', who: maya, text: 'hi', thread: undefined }, []);
    const coloured = renderHappening(each, world, colourStyle).join('\n');
    expect(coloured).toContain('\u001b[1mMaya\u001b[22m');
    expect(coloured).toContain('\u001b[36m#product\u001b[39m');
    expect(render(each).join('\n')).not.toContain('\u001b[');
  });
});

describe('renderHeader and renderDigest', () => {
  it('names the week, its zone and the people', () => {
    const lines = renderHeader(
      {
        channel: 'product',
        period: '2026-W47',
        week: { start: Date.parse('2026-11-15T23:00:00Z'), end: Date.parse('2026-11-22T23:00:00Z') },
        timeZone: 'Europe/Berlin',
        people: [maya, jonas],
      },
      plainStyle,
    );
    expect(lines[0]).toBe('empty-chair demo: a week in #product, 16 Nov to 20 Nov (2026-W47), times in Europe/Berlin');
    expect(lines[1]).toContain('With Maya (product manager), Jonas.');
  });

  it('prints the digest as the CLI did, then the post shortened to its title', () => {
    const lines = renderDigest(
      {
        command: 'npm run empty-chair -- digest --week 2026-W47 --post',
        output: 'Empty chair digest: #product\n3 decisions\nChart: /tmp/x.png\n',
        calls: [
          call('files.getUploadURLExternal', { filename: 'empty-chair-2026-W47.png', length: '10' }),
          call('file_upload', { file_id: 'F1' }),
          call('chat.postMessage', {
            channel: 'C0PRODUCT',
            text: 'digest',
            blocks: [
              { type: 'header', text: { type: 'plain_text', text: 'Empty chair digest: #product' } },
              { type: 'section', text: { type: 'mrkdwn', text: 'one' } },
              { type: 'section', text: { type: 'mrkdwn', text: 'two' } },
            ],
          }),
        ],
      },
      world,
      plainStyle,
    );
    expect(lines).toEqual([
      'The weekly digest',
      "Monday, as the bot's schedule posts it; here by npm run empty-chair -- digest --week 2026-W47 --post",
      '  Empty chair digest: #product',
      '  3 decisions',
      '  Chart: /tmp/x.png',
      '           → empty-chair uploads empty-chair-2026-W47.png.',
      '           → empty-chair posts in #product:',
      '             │ Empty chair digest: #product',
      '             │ … 2 more lines',
      '',
    ]);
  });
});

describe('colour', () => {
  it('follows FORCE_COLOR, then NO_COLOR, then whether stdout is a terminal', () => {
    expect(wantsColour({}, true)).toBe(true);
    expect(wantsColour({}, false)).toBe(false);
    expect(wantsColour({ TERM: 'dumb' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '1' }, true)).toBe(false);
    expect(wantsColour({ NO_COLOR: '' }, true)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '' }, false)).toBe(true);
    expect(wantsColour({ FORCE_COLOR: '0' }, true)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: 'false' }, true)).toBe(false);
    expect(wantsColour({ FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(styleFor({ NO_COLOR: '1' }, true)).toBe(plainStyle);
    expect(styleFor({}, true)).toBe(colourStyle);
  });
});
