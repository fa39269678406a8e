import { describe, expect, it } from 'vitest';
import { buildChannelView, type ChannelViewInput } from '../../src/emulator/channel-view.js';

const MONDAY_0940_BERLIN = '1794818400';

function input(overrides: Partial<ChannelViewInput>): ChannelViewInput {
  return {
    channels: [{ id: 'C0PRODUCT', name: 'product' }],
    messages: [],
    ephemerals: [],
    reactions: [],
    nameOf: (id) => ({ U0MAYA: 'Maya', U0LEA: 'Lea' })[id],
    fileUrl: () => undefined,
    botName: 'empty-chair',
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

describe('buildChannelView', () => {
  it('nests replies under their parents in ts order, with reactions, and lists channels by their names', () => {
    const decision = `${MONDAY_0940_BERLIN}.000100`;
    const view = buildChannelView(
      input({
        messages: [
          {
            ts: `${MONDAY_0940_BERLIN}.000300`,
            channel: 'C0PRODUCT',
            user: 'U0LEA',
            text: 'me too',
            thread_ts: decision,
          },
          { ts: decision, channel: 'C0PRODUCT', user: 'U0MAYA', text: 'Decision: we *ship* it.' },
          {
            ts: `${MONDAY_0940_BERLIN}.000200`,
            channel: 'C0PRODUCT',
            user: 'UBOT',
            bot_id: 'BBOT',
            text: 'asks',
            blocks: [{ type: 'section', text: { type: 'mrkdwn', text: ':bust_in_silhouette: Who?' } }],
            thread_ts: decision,
          },
          { ts: '1794818500.000100', channel: 'C0OTHER', user: 'U0NEW', text: 'hi' },
        ],
        reactions: [{ channel: 'C0PRODUCT', ts: decision, name: 'bust_in_silhouette' }],
      }),
    );

    expect(view.channels.map((channel) => channel.name)).toEqual(['product', 'C0OTHER']);
    const [message] = view.channels[0]?.messages ?? [];
    expect(message).toMatchObject({
      time: 'Mon 09:40',
      author: 'Maya',
      bot: false,
      lines: ['Decision: we ship it.'],
      reactions: ['👤'],
    });
    expect(message?.replies.map((reply) => [reply.author, reply.bot, reply.lines])).toEqual([
      ['empty-chair', true, ['👤 Who?']],
      ['Lea', false, ['me too']],
    ]);
    expect(view.channels[1]?.messages[0]?.author).toBe('U0NEW');
  });

  it('shows an ephemeral where it was posted, marked with who alone sees it', () => {
    const view = buildChannelView(
      input({
        messages: [{ ts: `${MONDAY_0940_BERLIN}.000100`, channel: 'C0PRODUCT', user: 'U0MAYA', text: 'hello' }],
        ephemerals: [
          {
            ts: `${MONDAY_0940_BERLIN}.000200`,
            channel: 'C0PRODUCT',
            user: 'UBOT',
            bot_id: 'BBOT',
            text: 'only for you',
            visibleTo: 'U0LEA',
          },
        ],
      }),
    );
    expect(view.channels[0]?.messages.map((message) => [message.lines[0], message.onlyVisibleTo])).toEqual([
      ['hello', undefined],
      ['only for you', 'Lea'],
    ]);
  });

  it('links the images the emulator has', () => {
    const view = buildChannelView(
      input({
        messages: [
          {
            ts: `${MONDAY_0940_BERLIN}.000100`,
            channel: 'C0PRODUCT',
            user: 'UBOT',
            bot_id: 'BBOT',
            text: 'digest',
            blocks: [
              { type: 'image', slack_file: { id: 'F1' }, alt_text: 'a' },
              { type: 'image', slack_file: { id: 'F2' }, alt_text: 'b' },
            ],
          },
        ],
        fileUrl: (id) => (id === 'F1' ? '/files/F1' : undefined),
      }),
    );
    expect(view.channels[0]?.messages[0]?.images).toEqual(['/files/F1']);
  });
});
