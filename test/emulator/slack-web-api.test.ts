import type { AddressInfo } from 'node:net';
import { App, LogLevel, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type SlackRequestTarget,
  sendCommand,
  sendEvent,
  sendInteraction,
  signSlackRequest,
} from '../../src/emulator/slack-requests.js';
import {
  DEFAULT_BOT_USER_ID,
  DEFAULT_TEAM_ID,
  FAKE_BOT_ID,
  type FakeChannel,
  FakeSlackApi,
  FILE_UPLOAD_METHOD,
  RESPONSE_URL_METHOD,
} from '../../src/emulator/slack-web-api.js';

const TOKEN = 'xoxb-fake-token';
const DIGEST_METADATA = { event_type: 'empty_chair_digest', event_payload: { key: 'T1/channel/C001/2024-W01' } };

const CHANNELS: FakeChannel[] = [
  { id: 'C001', name: 'general', is_member: true },
  { id: 'C002', name: 'product' },
  { id: 'C003', name: 'design' },
  { id: 'G004', name: 'leadership', is_private: true },
  { id: 'C005', name: 'support' },
  { id: 'C006', name: 'random' },
];

describe('FakeSlackApi', () => {
  let fake: FakeSlackApi;
  let client: webApi.WebClient;

  beforeEach(async () => {
    fake = await FakeSlackApi.start({ channels: CHANNELS });
    client = new webApi.WebClient(TOKEN, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logLevel: webApi.LogLevel.ERROR,
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  it('listens on loopback with a Slack-style API url', () => {
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/$/);
  });

  it('answers auth.test as the bot and records the bearer token', async () => {
    const result = await client.auth.test();

    expect(result).toMatchObject({
      ok: true,
      team_id: DEFAULT_TEAM_ID,
      user: 'empty-chair',
      user_id: DEFAULT_BOT_USER_ID,
      bot_id: FAKE_BOT_ID,
    });
    expect(fake.callsTo('auth.test')).toEqual([
      { method: 'auth.test', args: {}, token: TOKEN, at: expect.any(Number) },
    ]);
  });

  it('records chat.postMessage with blocks decoded and echoes the message with increasing ts', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Who is this for?*' } }];

    const first = await client.chat.postMessage({ channel: 'C001', text: 'Who is this for?', blocks });
    const second = await client.chat.postMessage({ channel: 'C001', text: 'again', unfurl_links: false });

    const [recorded] = fake.callsTo('chat.postMessage');
    expect(recorded?.args).toEqual({ channel: 'C001', text: 'Who is this for?', blocks });
    expect(first.message).toMatchObject({ text: 'Who is this for?', blocks, bot_id: FAKE_BOT_ID, user: 'UBOT' });
    expect(first.ts).toMatch(/^\d{10}\.\d{6}$/);
    expect(first.message?.ts).toBe(first.ts);
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    // Form encoding turns scalars into strings; the fake keeps them as Slack receives them.
    expect(fake.callsTo('chat.postMessage')[1]?.args.unfurl_links).toBe('false');
  });

  it('answers the other chat methods with their Slack shapes', async () => {
    const posted = await client.chat.postMessage({ channel: 'C001', text: 'hello' });
    const ts = posted.ts ?? '';

    await expect(client.chat.update({ channel: 'C001', ts, text: 'edited' })).resolves.toMatchObject({
      ok: true,
      channel: 'C001',
      ts,
      text: 'edited',
    });
    await expect(client.chat.getPermalink({ channel: 'C001', message_ts: ts })).resolves.toMatchObject({
      permalink: `https://fake.slack.test/archives/C001/p${ts.replace('.', '')}`,
    });
    const ephemeral = await client.chat.postEphemeral({ channel: 'C001', user: 'U1', text: 'only you' });
    expect(ephemeral.message_ts).toMatch(/^\d{10}\.\d{6}$/);
    await expect(client.chat.delete({ channel: 'C001', ts })).resolves.toMatchObject({ ok: true, channel: 'C001', ts });
  });

  it('rejects a repeated identical reaction with already_reacted', async () => {
    const reaction = { channel: 'C001', timestamp: '1700000000.000100', name: 'eyes' };

    await expect(client.reactions.add(reaction)).resolves.toMatchObject({ ok: true });
    await expect(client.reactions.add(reaction)).rejects.toMatchObject({ data: { error: 'already_reacted' } });
    await expect(client.reactions.add({ ...reaction, name: 'thumbsup' })).resolves.toMatchObject({ ok: true });
  });

  it('echoes views with an id, keeping the id on views.update', async () => {
    const view = { type: 'modal' as const, title: { type: 'plain_text' as const, text: 'Ask' }, blocks: [] };

    const opened = await client.views.open({ trigger_id: 'trigger', view });
    const viewId = opened.view?.id ?? '';
    const updated = await client.views.update({ view_id: viewId, view });
    const published = await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } });

    expect(opened.view).toMatchObject({ id: expect.stringMatching(/^V/), type: 'modal', title: view.title });
    expect(updated.view?.id).toBe(viewId);
    expect(published.view).toMatchObject({ type: 'home' });
    expect(fake.callsTo('views.open')[0]?.args.view).toEqual(view);
  });

  it('joins public channels, warns when already a member and refuses unknown or private ones', async () => {
    await expect(client.conversations.join({ channel: 'C002' })).resolves.toMatchObject({
      ok: true,
      channel: { id: 'C002', name: 'product', is_member: true },
    });
    const again = await client.conversations.join({ channel: 'C002' });
    expect(again).toMatchObject({ warning: 'already_in_channel' });
    expect(again.response_metadata?.warnings).toEqual(['already_in_channel']);
    await expect(client.conversations.info({ channel: 'C002' })).resolves.toMatchObject({
      channel: { is_member: true },
    });

    await expect(client.conversations.join({ channel: 'C999' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.conversations.join({ channel: 'G004' })).rejects.toMatchObject({
      data: { error: 'method_not_supported_for_channel_type' },
    });
    await expect(client.conversations.info({ channel: 'C999' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('paginates conversations.list across pages, private channels only when asked for', async () => {
    const publicIds: string[] = [];
    for await (const page of client.paginate('conversations.list', { limit: 2 })) {
      // paginate() is not generic over the method, so its pages are untyped.
      const { channels = [] } = page as webApi.ConversationsListResponse;
      publicIds.push(...channels.map((channel) => channel.id ?? ''));
    }
    const pageRequests = fake.callsTo('conversations.list').map((call) => call.args.cursor);
    const allIds: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.conversations.list({ types: 'public_channel,private_channel', limit: 4, cursor });
      allIds.push(...(page.channels ?? []).map((channel) => channel.id ?? ''));
      cursor = page.response_metadata?.next_cursor;
    } while (cursor);

    expect(publicIds).toEqual(['C001', 'C002', 'C003', 'C005', 'C006']);
    expect(pageRequests).toEqual([undefined, expect.any(String), expect.any(String)]);
    expect(allIds).toEqual(['C001', 'C002', 'C003', 'G004', 'C005', 'C006']);
    await expect(client.conversations.list({ cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject({
      data: { error: 'invalid_cursor' },
    });
  });

  it('answers users.info with a Berlin-based human', async () => {
    await expect(client.users.info({ user: 'U123' })).resolves.toMatchObject({
      user: { id: 'U123', tz: 'Europe/Berlin', is_bot: false },
    });
  });

  it('answers unknown methods with unknown_method and still records them', async () => {
    await expect(client.apiCall('does.notExist', { foo: 'bar' })).rejects.toMatchObject({
      data: { ok: false, error: 'unknown_method' },
    });
    expect(fake.callsTo('does.notExist')).toMatchObject([{ args: { foo: 'bar' } }]);
  });

  it('parses JSON bodies and takes the token from the body when there is no Authorization header', async () => {
    const response = await fetch(`${fake.url}chat.postMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ token: 'xoxb-in-body', channel: 'C001', blocks: [{ type: 'divider' }] }),
    });

    await expect(response.json()).resolves.toMatchObject({ ok: true, channel: 'C001' });
    expect(fake.callsTo('chat.postMessage')).toMatchObject([
      { token: 'xoxb-in-body', args: { channel: 'C001', blocks: [{ type: 'divider' }] } },
    ]);
  });

  describe('failNext', () => {
    it('rate-limits with 429 and Retry-After, then lets the next call through', async () => {
      fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });

      await expect(client.chat.postMessage({ channel: 'C001', text: 'hi' })).rejects.toMatchObject({
        code: webApi.ErrorCode.RateLimitedError,
        retryAfter: 7,
      });
      await expect(client.chat.postMessage({ channel: 'C001', text: 'hi' })).resolves.toMatchObject({ ok: true });
      expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    });

    it('fails with an HTTP 500 that the WebClient throws', async () => {
      fake.failNext('conversations.join', { status: 500 });

      await expect(client.conversations.join({ channel: 'C002' })).rejects.toMatchObject({
        code: webApi.ErrorCode.HTTPError,
        statusCode: 500,
      });
      expect(fake.callsTo('conversations.join')).toHaveLength(1);
    });

    it('fails with a Slack error the given number of times', async () => {
      fake.failNext('users.info', { error: 'user_not_visible' }, 2);

      await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ data: { error: 'user_not_visible' } });
      await expect(client.users.info({ user: 'U1' })).rejects.toMatchObject({ data: { error: 'user_not_visible' } });
      await expect(client.users.info({ user: 'U1' })).resolves.toMatchObject({ ok: true });
    });
  });

  describe('waitForCall', () => {
    it('resolves for a call that is already recorded', async () => {
      await client.auth.test();

      await expect(fake.waitForCall('auth.test')).resolves.toMatchObject({ method: 'auth.test' });
    });

    it('resolves when a matching call arrives later', async () => {
      const waiting = fake.waitForCall('chat.postMessage', (call) => call.args.text === 'second');

      await client.chat.postMessage({ channel: 'C001', text: 'first' });
      await client.chat.postMessage({ channel: 'C001', text: 'second' });

      await expect(waiting).resolves.toMatchObject({ args: { text: 'second' } });
    });

    it('rejects on timeout with the calls seen so far', async () => {
      await client.chat.postMessage({ channel: 'C001', text: 'not the one' });

      const waiting = fake.waitForCall('reactions.add', undefined, 50);

      await expect(waiting).rejects.toThrow(/Timed out after 50ms waiting for a matching reactions\.add call/);
      await expect(waiting).rejects.toThrow(/chat\.postMessage \{"channel":"C001","text":"not the one"\}/);
    });
  });

  describe('messages', () => {
    it('keeps posted messages per channel, oldest first, with metadata decoded, and follows updates and deletes', async () => {
      const blocks = [{ type: 'divider' }];
      const first = await client.chat.postMessage({ channel: 'C001', text: 'one', blocks, metadata: DIGEST_METADATA });
      const second = await client.chat.postMessage({ channel: 'C001', text: 'two' });
      const reply = await client.chat.postMessage({ channel: 'C001', text: 'in thread', thread_ts: first.ts ?? '' });
      await client.chat.postMessage({ channel: 'C002', text: 'elsewhere' });

      expect(fake.messagesIn('C001')).toEqual([
        {
          type: 'message',
          ts: first.ts,
          channel: 'C001',
          text: 'one',
          blocks,
          metadata: DIGEST_METADATA,
          user: 'UBOT',
          bot_id: 'BBOT',
        },
        { type: 'message', ts: second.ts, channel: 'C001', text: 'two', user: 'UBOT', bot_id: 'BBOT' },
        expect.objectContaining({ ts: reply.ts, text: 'in thread', thread_ts: first.ts }),
      ]);
      expect(fake.messagesIn('C999')).toEqual([]);

      await client.chat.update({ channel: 'C001', ts: first.ts ?? '', text: 'one, edited', blocks: [] });
      await client.chat.delete({ channel: 'C001', ts: second.ts ?? '' });

      expect(fake.messagesIn('C001').map(({ text, blocks }) => ({ text, blocks }))).toEqual([
        { text: 'one, edited', blocks: [] },
        { text: 'in thread', blocks: undefined },
      ]);
    });

    it('refuses metadata that is not Slack-shaped', async () => {
      await expect(
        client.apiCall('chat.postMessage', { channel: 'C001', text: 'x', metadata: { event_type: 'x' } }),
      ).rejects.toMatchObject({ data: { error: 'invalid_metadata_format' } });
      expect(fake.messagesIn('C001')).toEqual([]);
    });
  });

  describe('conversations.history', () => {
    async function post(channel: string, count: number): Promise<string[]> {
      const posted: string[] = [];
      for (let i = 1; i <= count; i++) {
        posted.push((await client.chat.postMessage({ channel, text: `m${i}` })).ts ?? '');
      }
      return posted;
    }

    it('pages top-level messages newest first, with thread parents marked and replies left out', async () => {
      const [m1, m2, m3, m4, m5] = await post('C001', 5);
      await client.chat.postMessage({ channel: 'C001', text: 'reply', thread_ts: m2 ?? '' });

      const pages: string[][] = [];
      for await (const page of client.paginate('conversations.history', { channel: 'C001', limit: 2 })) {
        pages.push(((page as webApi.ConversationsHistoryResponse).messages ?? []).map((message) => message.ts ?? ''));
      }
      const first = await client.conversations.history({ channel: 'C001', limit: 2 });
      const all = await client.conversations.history({ channel: 'C001' });

      expect(pages).toEqual([[m5, m4], [m3, m2], [m1]]);
      expect(fake.callsTo('conversations.history')[0]?.args.limit).toBe('2');
      expect(first).toMatchObject({ has_more: true, response_metadata: { next_cursor: expect.any(String) } });
      expect(all.has_more).toBe(false);
      expect(all.messages?.find((message) => message.ts === m2)).toMatchObject({ thread_ts: m2, reply_count: 1 });
      expect(all.messages?.[0]).toEqual({ type: 'message', ts: m5, text: 'm5', user: 'UBOT', bot_id: 'BBOT' });
    });

    it('keeps a page boundary when a message is posted between pages', async () => {
      const [m1, m2, m3] = await post('C001', 3);

      const first = await client.conversations.history({ channel: 'C001', limit: 2 });
      await post('C001', 1);
      const second = await client.conversations.history({
        channel: 'C001',
        limit: 2,
        cursor: first.response_metadata?.next_cursor ?? '',
      });

      expect(first.messages?.map((message) => message.ts)).toEqual([m3, m2]);
      expect(second.messages?.map((message) => message.ts)).toEqual([m1]);
    });

    it('bounds by oldest and latest, both exclusive', async () => {
      const [m1, m2, m3, m4] = await post('C001', 4);

      const after = await client.conversations.history({ channel: 'C001', oldest: m2 ?? '' });
      const between = await client.conversations.history({ channel: 'C001', oldest: m1 ?? '', latest: m4 ?? '' });
      const fromZero = await client.conversations.history({ channel: 'C001', oldest: '0' });

      expect(after.messages?.map((message) => message.ts)).toEqual([m4, m3]);
      expect(between.messages?.map((message) => message.ts)).toEqual([m3, m2]);
      expect(fromZero.messages).toHaveLength(4);
    });

    it('includes metadata only with include_all_metadata', async () => {
      await client.chat.postMessage({ channel: 'DUALICE', text: 'digest', metadata: DIGEST_METADATA });
      await client.chat.postMessage({ channel: 'DUALICE', text: 'plain' });

      const without = await client.conversations.history({ channel: 'DUALICE' });
      const withMetadata = await client.conversations.history({ channel: 'DUALICE', include_all_metadata: true });
      const formOne = await client.apiCall('conversations.history', { channel: 'DUALICE', include_all_metadata: '1' });

      expect(without.messages?.some((message) => 'metadata' in message)).toBe(false);
      expect(withMetadata.messages?.map((message) => message.metadata)).toEqual([undefined, DIGEST_METADATA]);
      expect(fake.callsTo('conversations.history')[1]?.args.include_all_metadata).toBe('true');
      expect((formOne as webApi.ConversationsHistoryResponse).messages?.[1]?.metadata).toEqual(DIGEST_METADATA);
    });

    it('answers an empty history for known channels and DMs, channel_not_found for anything else', async () => {
      await expect(client.conversations.history({ channel: 'C002' })).resolves.toMatchObject({
        ok: true,
        messages: [],
        has_more: false,
      });
      await expect(client.conversations.history({ channel: 'DUBOB' })).resolves.toMatchObject({ messages: [] });
      await expect(client.conversations.history({ channel: 'C999' })).rejects.toMatchObject({
        data: { error: 'channel_not_found' },
      });
      await expect(client.conversations.history({ channel: 'C001', cursor: 'bm90LWEtY3Vyc29y' })).rejects.toMatchObject(
        {
          data: { error: 'invalid_cursor' },
        },
      );
    });
  });

  describe('hold', () => {
    it('handles the held call at once but answers only on release', async () => {
      const held = fake.hold('chat.postMessage');
      let answered = false;
      const posting = client.chat.postMessage({ channel: 'C001', text: 'digest' }).then((result) => {
        answered = true;
        return result;
      });

      const call = await held.arrived;
      const history = await client.conversations.history({ channel: 'C001' });
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(call).toMatchObject({ method: 'chat.postMessage', args: { text: 'digest' } });
      expect(fake.messagesIn('C001')).toMatchObject([{ text: 'digest' }]);
      expect(history.messages).toMatchObject([{ text: 'digest' }]);
      expect(answered).toBe(false);

      held.release();

      await expect(posting).resolves.toMatchObject({ ok: true, ts: fake.messagesIn('C001')[0]?.ts });
      await expect(client.chat.postMessage({ channel: 'C001', text: 'next' })).resolves.toMatchObject({ ok: true });
    });

    it('survives the client going away before release', async () => {
      const held = fake.hold('chat.postMessage');
      const abort = new AbortController();
      const posting = fetch(`${fake.url}chat.postMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ channel: 'C001', text: 'lost' }),
        signal: abort.signal,
      });

      await held.arrived;
      abort.abort();
      await expect(posting).rejects.toThrow();
      held.release();

      await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
      expect(fake.messagesIn('C001')).toMatchObject([{ text: 'lost' }]);
    });

    it('does not keep close() from finishing', async () => {
      const other = await FakeSlackApi.start({ channels: CHANNELS });
      const held = other.hold('auth.test');
      const calling = fetch(`${other.url}auth.test`, { method: 'POST' });

      await held.arrived;

      await expect(other.close()).resolves.toBeUndefined();
      await expect(calling).rejects.toThrow();
      held.release();
    });
  });

  describe('files.uploadV2', () => {
    it('keeps a binary upload byte for byte, without a channel', async () => {
      const png = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
        Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 151) % 256)),
      ]);

      const uploaded = await client.files.uploadV2({ file: png, filename: 'x.png', alt_text: 'A rising line' });

      const fileId = (uploaded as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id ?? '';
      expect(fileId).toMatch(/^F/);
      expect(fake.fileBytes(fileId)).toEqual(png);
      expect(fake.fileBytes('F_UNKNOWN')).toBeUndefined();
      expect(fake.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
        filename: 'x.png',
        length: String(png.length),
        alt_text: 'A rising line',
      });
      expect(fake.callsTo(FILE_UPLOAD_METHOD)[0]?.args).toMatchObject({ file_id: fileId, length: png.length });
      expect(fake.callsTo('files.completeUploadExternal')[0]?.args).toEqual({
        files: [{ id: fileId, title: 'x.png' }],
      });
    });

    it('records text uploads as content', async () => {
      const csv = 'id,summary\n1,"Straße, café"\n';

      await client.files.uploadV2({ content: csv, filename: 'decisions.csv', channel_id: 'DUALICE' });

      const [upload] = fake.callsTo(FILE_UPLOAD_METHOD);
      expect(upload?.args.content).toBe(csv);
      expect(fake.fileBytes(String(upload?.args.file_id))?.toString('utf8')).toBe(csv);
    });
  });

  it('reset forgets calls and pending failures', async () => {
    await client.auth.test();
    fake.failNext('auth.test', { status: 500 });

    fake.reset();

    expect(fake.calls).toEqual([]);
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });
});

describe('FakeSlackApi as the demo runs it', () => {
  const PRODUCT: FakeChannel = { id: 'C0PRODUCT', name: 'product', is_member: true };
  const MONDAY = Date.parse('2026-11-16T08:40:00Z');
  let fake: FakeSlackApi;
  let client: webApi.WebClient;
  let now: number;

  beforeEach(async () => {
    now = MONDAY;
    fake = await FakeSlackApi.start({
      channels: [PRODUCT],
      users: [{ id: 'U0MAYA', name: 'Maya', tz: 'Europe/Berlin' }],
      now: () => now,
      timeZone: 'Europe/Berlin',
    });
    client = new webApi.WebClient(TOKEN, {
      slackApiUrl: fake.url,
      retryConfig: { retries: 0 },
      logLevel: webApi.LogLevel.ERROR,
    });
  });

  afterEach(async () => {
    await fake.close();
  });

  const pageUrl = (path: string) => fake.url.replace(/api\/$/, path);

  it('names known people in users.info', async () => {
    const { user } = await client.users.info({ user: 'U0MAYA' });
    expect(user).toMatchObject({ id: 'U0MAYA', name: 'Maya', tz: 'Europe/Berlin', is_bot: false });
  });

  it("keeps people's messages, and gives the bot's replies a ts from the clock, after everything before", async () => {
    const said = fake.postUserMessage({
      channel: 'C0PRODUCT',
      user: 'U0MAYA',
      text: 'Decision: x.',
      ts: '1794818400.050000',
    });
    const reply = await client.chat.postMessage({ channel: 'C0PRODUCT', text: 'q', thread_ts: said.ts });
    now += 60_000;
    const later = await client.chat.postMessage({ channel: 'C0PRODUCT', text: 'later' });

    expect(said).toMatchObject({ user: 'U0MAYA', text: 'Decision: x.' });
    expect(said).not.toHaveProperty('bot_id');
    expect(reply.ts).toBe('1794818400.050100');
    expect(later.ts).toBe('1794818460.000000');
    const history = await client.conversations.history({ channel: 'C0PRODUCT' });
    expect(history.messages?.map((message) => message.text)).toEqual(['later', 'Decision: x.']);
  });

  it('keeps an answer to a response_url made for a person as an ephemeral only they see', async () => {
    const said = fake.postUserMessage({ channel: 'C0PRODUCT', user: 'U0MAYA', text: 'hello' });
    const response = await fetch(fake.responseUrlFor('C0PRODUCT', 'U0MAYA'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: 'only *you*' }),
    });

    expect(response.status).toBe(200);
    expect(fake.callsTo(RESPONSE_URL_METHOD)[0]?.args).toEqual({ response_type: 'ephemeral', text: 'only *you*' });
    const [channel] = fake.channelView().channels;
    expect(channel?.messages.map((message) => [message.ts > said.ts, message.lines, message.onlyVisibleTo])).toEqual([
      [false, ['hello'], undefined],
      [true, ['only you'], 'Maya'],
    ]);
  });

  it('serves a self-contained page, its state, a live feed of changes and the uploaded images', async () => {
    const page = await fetch(pageUrl(''));
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain("new EventSource('/live')");
    expect(html).not.toMatch(/(src|href)="https?:/);

    const live = await fetch(pageUrl('live'));
    expect(live.headers.get('content-type')).toContain('text/event-stream');
    const reader = live.body?.getReader();
    const nextEvent = async () =>
      JSON.parse(new TextDecoder().decode((await reader?.read())?.value).replace(/^data: /, ''));
    expect(await nextEvent()).toEqual({ channels: [] });

    const said = fake.postUserMessage({ channel: 'C0PRODUCT', user: 'U0MAYA', text: 'Decision: we ship it.' });
    expect((await nextEvent()).channels[0].messages[0].lines).toEqual(['Decision: we ship it.']);

    await client.reactions.add({ channel: 'C0PRODUCT', timestamp: said.ts, name: 'bust_in_silhouette' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const uploaded = await client.files.uploadV2({ file: png, filename: 'chart.png' });
    const fileId = (uploaded as { files?: { files?: { id?: string }[] }[] }).files?.[0]?.files?.[0]?.id ?? '';
    await client.chat.postMessage({
      channel: 'C0PRODUCT',
      thread_ts: said.ts,
      text: 'chart',
      blocks: [
        {
          type: 'image',
          slack_file: { id: fileId },
          alt_text: 'numbers',
          title: { type: 'plain_text', text: 'Chart' },
        },
      ],
    });
    await reader?.cancel();

    const state = (await (await fetch(pageUrl('state'))).json()) as ReturnType<FakeSlackApi['channelView']>;
    const [message] = state.channels[0]?.messages ?? [];
    expect(message).toMatchObject({ time: 'Mon 09:40', author: 'Maya', bot: false, reactions: ['👤'] });
    expect(message?.replies).toEqual([
      expect.objectContaining({
        author: 'empty-chair',
        bot: true,
        lines: ['(image: Chart)'],
        images: [`/files/${fileId}`],
      }),
    ]);
    const image = await fetch(pageUrl(`files/${fileId}`));
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer())).toEqual(png);
  });

  it('is quiet once no request has come in for the given time, counted from when asked', async () => {
    const held = fake.hold('auth.test');
    const call = client.auth.test();
    await held.arrived;
    let quiet = false;
    const waiting = fake.whenQuiet(50).then(() => {
      quiet = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(quiet).toBe(false);

    held.release();
    await call;
    await waiting;
    expect(quiet).toBe(true);
  });
});

describe('signSlackRequest', () => {
  it("matches Slack's documented example", () => {
    const body =
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
      '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
      '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
      '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

    expect(signSlackRequest('8f742231b10e8888abcd99yyyzzz85a5', body, 1531420618)).toEqual({
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
      'x-slack-request-timestamp': '1531420618',
    });
  });
});

describe('slack request helpers against a real Bolt app', () => {
  const signingSecret = 'fake-signing-secret';
  let fake: FakeSlackApi;
  let app: App;
  let target: SlackRequestTarget;
  const received: { kind: string; body: unknown; retryNum?: number | undefined }[] = [];

  beforeEach(async () => {
    received.length = 0;
    fake = await FakeSlackApi.start();
    app = new App({
      token: TOKEN,
      signingSecret,
      logLevel: LogLevel.ERROR,
      clientOptions: { slackApiUrl: fake.url, retryConfig: { retries: 0 } },
    });
    app.event('app_mention', async ({ event, context, say }) => {
      received.push({ kind: 'event', body: event, retryNum: context.retryNum });
      await say('heard you');
    });
    app.action('ask', async ({ ack, body }) => {
      await ack();
      received.push({ kind: 'action', body });
    });
    app.command('/empty-chair', async ({ ack, command }) => {
      await ack('seated');
      received.push({ kind: 'command', body: command });
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    target = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`, signingSecret };
  });

  afterEach(async () => {
    await app.stop();
    await fake.close();
  });

  it('delivers a signed event the app handles, with the retry number', async () => {
    const event = { type: 'app_mention', user: 'U1', text: '<@UBOT> hi', channel: 'C001', ts: '1700000001.000100' };

    const response = await sendEvent(target, event, { retryNum: 1 });

    expect(response.status).toBe(200);
    await expect(fake.waitForCall('chat.postMessage')).resolves.toMatchObject({
      args: { channel: 'C001', text: 'heard you' },
      token: TOKEN,
    });
    expect(received).toEqual([{ kind: 'event', body: event, retryNum: 1 }]);
  });

  it('delivers a block action and a slash command', async () => {
    const action = await sendInteraction(target, {
      type: 'block_actions',
      user: { id: 'U1' },
      team: { id: DEFAULT_TEAM_ID },
      channel: { id: 'C001' },
      trigger_id: 'trigger',
      actions: [{ type: 'button', action_id: 'ask', block_id: 'b', value: 'v', action_ts: '1700000002.000100' }],
    });
    const command = await sendCommand(target, {
      command: '/empty-chair',
      text: 'status',
      user_id: 'U1',
      channel_id: 'C1',
    });

    expect(action.status).toBe(200);
    expect(command).toEqual({ status: 200, body: 'seated' });
    expect(received.map((entry) => entry.kind)).toEqual(['action', 'command']);
    expect(received[1]?.body).toMatchObject({ command: '/empty-chair', text: 'status', team_id: DEFAULT_TEAM_ID });
  });

  it('is refused by the app with a bad signature or a stale timestamp', async () => {
    const event = { type: 'app_mention', user: 'U1', text: 'hi', channel: 'C001', ts: '1700000003.000100' };

    const forged = await sendEvent(target, event, { signature: 'v0=deadbeef' });
    const stale = await sendEvent(target, event, { timestampSeconds: Math.floor(Date.now() / 1000) - 600 });

    expect([forged.status, stale.status]).toEqual([401, 401]);
    expect(received).toEqual([]);
  });
});
