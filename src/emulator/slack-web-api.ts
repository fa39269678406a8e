import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHANNEL_PAGE_HTML } from './channel-page.js';
import { buildChannelView, type ChannelView, type StoredEphemeral } from './channel-view.js';

export const DEFAULT_TEAM_ID = 'T0FAKETEAM';
export const DEFAULT_BOT_USER_ID = 'UBOT';
export const FAKE_BOT_ID = 'BBOT';
const BOT_USER_NAME = 'empty-chair';
const WORKSPACE_URL = 'https://fake.slack.test/';

export interface RecordedCall {
  method: string;
  /**
   * Arguments as the app sent them, without `token`. Form-encoded scalars stay strings (`limit: '200'`,
   * `unfurl_links: 'false'`), exactly as Slack receives them; JSON-encoded objects and arrays are decoded.
   */
  args: Record<string, unknown>;
  token: string | undefined;
  at: number;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 } | { error: string };

export interface FakeChannel {
  id: string;
  name: string;
  is_private?: boolean;
  /** Whether the bot is in the channel. */
  is_member?: boolean;
  /** People in the channel, for users.conversations. */
  members?: string[];
}

/** Message metadata as Slack stores it: https://docs.slack.dev/messaging/message-metadata */
export interface FakeMessageMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A person in the workspace, for users.info and for names on the page. */
export interface FakeUser {
  id: string;
  /** The display name, e.g. 'Maya'. */
  name: string;
  tz?: string;
}

/** A message in a channel, as the fake keeps it: posted by the bot, or by a person through postUserMessage(). */
export interface FakeMessage {
  type: 'message';
  ts: string;
  channel: string;
  text: string;
  blocks?: unknown;
  /** The parent's ts on a thread reply, as posted; conversations.history adds it to parents with replies. */
  thread_ts?: string;
  metadata?: FakeMessageMetadata;
  subtype?: string;
  user: string;
  /** Set on the bot's own messages only. */
  bot_id?: string;
}

/** What a person says in a channel; see {@link FakeSlackApi.postUserMessage}. */
export interface UserMessage {
  channel: string;
  user: string;
  text: string;
  /** Defaults to the next ts the fake would give a message. */
  ts?: string;
  thread_ts?: string;
  subtype?: string;
}

/** A withheld response; see {@link FakeSlackApi.hold}. */
export interface HeldResponse {
  /** Resolves with the held call once it has come in and been handled (so its effects are visible). */
  arrived: Promise<RecordedCall>;
  /** Sends the withheld response. Calling it again, or after close(), does nothing. */
  release(): void;
}

export interface FakeSlackApiOptions {
  channels?: FakeChannel[];
  users?: FakeUser[];
  botUserId?: string;
  teamId?: string;
  /**
   * Where message ts come from, in ms since the epoch; each ts is still later than every earlier one. Without it, ts
   * count up from a fixed point in 2023, so tests see the same ts on every run.
   */
  now?: () => number;
  /** The time zone the page shows times in; UTC by default. */
  timeZone?: string;
}

type Args = Record<string, unknown>;
type ResponseBody = Record<string, unknown>;
type MethodHandler = (args: Args) => ResponseBody;

interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CALL_RECORDED = 'call';
const STATE_CHANGED = 'change';
export const RESPONSE_URL_METHOD = 'response_url';
/**
 * The upload step of files.uploadV2 (a POST to the upload_url), recorded with the file's bytes decoded as UTF-8 text
 * as `content` and their count as `length`. The exact bytes are kept: {@link FakeSlackApi.fileBytes}.
 */
export const FILE_UPLOAD_METHOD = 'file_upload';
const FIRST_TS_SECONDS = 1_700_000_000;
const SLACK_DEFAULT_PAGE_SIZE = 100;

function jsonReply(body: ResponseBody, status = 200, headers: Record<string, string> = {}): HttpReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

function slackError(error: string): ResponseBody {
  return { ok: false, error };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringArg(args: Args, key: string): string | undefined {
  const value = args[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The WebClient JSON-encodes nested values (blocks, view, attachments) inside a form body; undo that for assertions. */
function decodeNestedJson(value: string): unknown {
  const trimmed = value.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return value;
  }
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null ? parsed : value;
  } catch {
    return value;
  }
}

function parseBody(contentType: string | undefined, raw: string): Args | undefined {
  if (contentType?.startsWith('application/json')) {
    try {
      const parsed: unknown = JSON.parse(raw === '' ? '{}' : raw);
      return isRecord(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const args: Args = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    args[key] = decodeNestedJson(value);
  }
  return args;
}

/** Slack's metadata shape, or undefined when the value is not one. */
function messageMetadata(value: unknown): FakeMessageMetadata | undefined {
  if (!isRecord(value) || typeof value.event_type !== 'string' || !isRecord(value.event_payload)) return undefined;
  return { event_type: value.event_type, event_payload: value.event_payload };
}

/** Form encoding turns `true` into 'true'; Slack also accepts '1'. */
function booleanArg(args: Args, key: string): boolean {
  const value = args[key];
  return value === true || value === 'true' || value === '1' || value === 1;
}

/** A message ts ("seconds.micros", or a bare or shorter-fraction bound like "0" or "1700000000.5") in microseconds. */
function tsMicros(ts: string): bigint | undefined {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts);
  if (match?.[1] === undefined) return undefined;
  return BigInt(match[1]) * 1_000_000n + BigInt((match[2] ?? '').padEnd(6, '0'));
}

/** Slack's `limit`: a positive integer, sent as a string in form bodies. */
function pageLimit(args: Args): number | undefined {
  const limit = Number(args.limit ?? SLACK_DEFAULT_PAGE_SIZE);
  return Number.isInteger(limit) && limit >= 1 ? limit : undefined;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function readBody(request: IncomingMessage): Promise<string> {
  return (await readBytes(request)).toString('utf8');
}

/**
 * files.uploadV2 posts the file as multipart/form-data; keep the file's bytes, not the form around them. Parsed from
 * the raw bytes: decoding the body as text first would mangle binary files (a PNG's 0x89, invalid UTF-8).
 */
async function readUploadedFile(request: IncomingMessage): Promise<Buffer> {
  const raw = await readBytes(request);
  const contentType = request.headers['content-type'];
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const [file] = form.values();
  if (file === undefined) return Buffer.alloc(0);
  return typeof file === 'string' ? Buffer.from(file, 'utf8') : Buffer.from(await file.arrayBuffer());
}

/**
 * Slack cursors are opaque base64 strings. conversations.list pages by `offset`; conversations.history by `next_ts`,
 * the ts (in microseconds) of the newest message on the next page, as Slack's own history cursors do.
 */
type CursorKind = 'offset' | 'next_ts';

function encodeCursor(kind: CursorKind, position: number | bigint): string {
  return Buffer.from(`${kind}:${position}`).toString('base64');
}

function decodeCursor(kind: CursorKind, cursor: string): bigint | undefined {
  const match = /^(\w+):(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === kind && match[2] !== undefined ? BigInt(match[2]) : undefined;
}

function describeCall(call: RecordedCall): string {
  const args = JSON.stringify(call.args);
  return `${call.method} ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
}

/**
 * A loopback stand-in for https://slack.com/api/ that records every call. Point the app at it with
 * `clientOptions: { slackApiUrl: fake.url }`. The tests drive the app against it, and `npm run demo` runs the real
 * bot against it; `/` on the same port is a page showing the channels as they fill.
 */
export class FakeSlackApi {
  readonly url: string;
  /** Give commands and actions this as `response_url`: what the app posts there is recorded as method 'response_url'. */
  readonly responseUrl: string;
  readonly calls: RecordedCall[] = [];

  private readonly server: Server;
  private readonly botUserId: string;
  private readonly teamId: string;
  private readonly channels: Map<string, FakeChannel>;
  private readonly users: Map<string, FakeUser>;
  private readonly now: (() => number) | undefined;
  private readonly timeZone: string;
  /** The latest ts given to any message, in microseconds, so the next one is later. */
  private latestTs = 0n;
  private readonly ephemerals: StoredEphemeral[] = [];
  /** Requests being answered right now, and when the last one ended: see whenQuiet(). */
  private inFlight = 0;
  private lastActivityAt = 0;
  private readonly pendingFailures = new Map<string, Failure[]>();
  private readonly reactions = new Set<string>();
  private readonly recorded = new EventEmitter();
  private messageCount = 0;
  private fileCount = 0;
  private readonly uploads = new Map<string, Buffer>();
  private viewCount = 0;
  /** Posted messages per channel, oldest first. */
  private readonly messages = new Map<string, FakeMessage[]>();
  /** hold() requests not yet taken by a call, in the order they were made. */
  private readonly holds: { method: string; arrive: (call: RecordedCall) => void; released: Promise<void> }[] = [];
  /** Releases of responses being withheld right now, so close() can let their handlers finish. */
  private readonly withheld = new Set<() => void>();
  private closed = false;

  private constructor(server: Server, options: FakeSlackApiOptions) {
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/`;
    this.responseUrl = `http://127.0.0.1:${port}/respond/`;
    this.botUserId = options.botUserId ?? DEFAULT_BOT_USER_ID;
    this.teamId = options.teamId ?? DEFAULT_TEAM_ID;
    // Copies, because joining mutates membership and the caller's fixtures may be shared between tests.
    this.channels = new Map((options.channels ?? []).map((channel) => [channel.id, { ...channel }]));
    this.users = new Map((options.users ?? []).map((user) => [user.id, user]));
    this.now = options.now;
    this.timeZone = options.timeZone ?? 'UTC';
    // Page viewers may stay connected for long; each one listens for changes.
    this.recorded.setMaxListeners(0);
    server.on('request', (request, response) => void this.handle(request, response));
  }

  static async start(options: FakeSlackApiOptions = {}): Promise<FakeSlackApi> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new FakeSlackApi(server, options);
  }

  /** Where the app should answer a command or action run by `user` in `channel`: kept and shown as an ephemeral. */
  responseUrlFor(channel: string, user: string): string {
    return `${this.responseUrl}${encodeURIComponent(channel)}/${encodeURIComponent(user)}`;
  }

  /**
   * Keeps a message a person wrote, as Slack would before sending the app its event: it shows in
   * conversations.history and on the page. Sending the event is the caller's.
   */
  postUserMessage(message: UserMessage): FakeMessage {
    const ts = message.ts ?? this.nextTs();
    const micros = tsMicros(ts);
    if (micros === undefined) throw new Error(`not a Slack ts: ${ts}`);
    if (micros > this.latestTs) this.latestTs = micros;
    const stored: FakeMessage = {
      type: 'message',
      ts,
      channel: message.channel,
      text: message.text,
      ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
      ...(message.subtype === undefined ? {} : { subtype: message.subtype }),
      user: message.user,
    };
    this.keep(stored);
    this.recorded.emit(STATE_CHANGED);
    return structuredClone(stored);
  }

  /** The channels, threads, reactions and ephemerals as the page shows them. */
  channelView(): ChannelView {
    return buildChannelView({
      channels: [...this.channels.values()],
      messages: [...this.messages.values()].flat(),
      ephemerals: this.ephemerals,
      reactions: [...this.reactions].map((key) => {
        const [channel, ts, name] = JSON.parse(key) as [string, string, string];
        return { channel, ts, name };
      }),
      nameOf: (id) => (id === this.botUserId ? BOT_USER_NAME : this.users.get(id)?.name),
      fileUrl: (id) => (this.uploads.has(id) ? `/files/${encodeURIComponent(id)}` : undefined),
      botName: BOT_USER_NAME,
      timeZone: this.timeZone,
    });
  }

  /**
   * Resolves once no request has been in flight for `quietMs`, counted from `since` at the earliest: how a caller
   * that cannot see into the app knows it has finished reacting to something.
   */
  async whenQuiet(quietMs: number, since = Date.now()): Promise<void> {
    for (;;) {
      const quietFor = Date.now() - Math.max(since, this.lastActivityAt);
      if (this.inFlight === 0 && quietFor >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, this.inFlight === 0 ? quietMs - quietFor : quietMs));
    }
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  failNext(method: string, failure: Failure, times = 1): void {
    const queue = this.pendingFailures.get(method) ?? [];
    for (let i = 0; i < times; i++) {
      queue.push(failure);
    }
    this.pendingFailures.set(method, queue);
  }

  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 2000,
  ): Promise<RecordedCall> {
    const matches = (call: RecordedCall): boolean => call.method === method && predicate(call);
    const earlier = this.calls.find(matches);
    if (earlier) {
      return Promise.resolve(earlier);
    }
    return new Promise((resolve, reject) => {
      const stopWaiting = (): void => {
        clearTimeout(timer);
        this.recorded.off(CALL_RECORDED, onCall);
      };
      const onCall = (call: RecordedCall): void => {
        try {
          if (!matches(call)) {
            return;
          }
          stopWaiting();
          resolve(call);
        } catch (error) {
          // A throwing predicate must fail the waiting test, not the fake's request handler.
          stopWaiting();
          reject(error);
        }
      };
      const timer = setTimeout(() => {
        stopWaiting();
        const seen =
          this.calls.length === 0 ? '  (none)' : this.calls.map((call) => `  - ${describeCall(call)}`).join('\n');
        reject(
          new Error(`Timed out after ${timeoutMs}ms waiting for a matching ${method} call. Calls so far:\n${seen}`),
        );
      }, timeoutMs);
      this.recorded.on(CALL_RECORDED, onCall);
    });
  }

  /**
   * Withholds the response to the next call to `method` (an API method, RESPONSE_URL_METHOD or FILE_UPLOAD_METHOD)
   * until `release()`. The call is recorded and handled as usual, so a held chat.postMessage is already in
   * messagesIn() and conversations.history while its poster still waits: Slack got the post, the app never heard.
   * Several holds on one method take the next calls in turn.
   */
  hold(method: string): HeldResponse {
    let arrive: (call: RecordedCall) => void = () => {};
    const arrived = new Promise<RecordedCall>((resolve) => {
      arrive = resolve;
    });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.holds.push({ method, arrive, released });
    return { arrived, release };
  }

  /** Messages posted to `channel` and not deleted, oldest first, thread replies included; copies. */
  messagesIn(channel: string): FakeMessage[] {
    return structuredClone(this.messages.get(channel) ?? []);
  }

  /** The exact bytes uploaded for a file id from files.getUploadURLExternal; a copy. */
  fileBytes(fileId: string): Buffer | undefined {
    const bytes = this.uploads.get(fileId);
    return bytes === undefined ? undefined : Buffer.from(bytes);
  }

  /**
   * Forgets recorded calls, pending failures and holds no call has taken yet; channel membership, reactions,
   * messages, ephemerals and uploads persist.
   */
  reset(): void {
    this.calls.length = 0;
    this.pendingFailures.clear();
    this.holds.length = 0;
  }

  close(): Promise<void> {
    this.closed = true;
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      // fetch keeps connections alive, which would otherwise hold close() open until they idle out.
      this.server.closeAllConnections();
      // Their sockets are gone now; let the handlers of withheld responses finish instead of waiting forever.
      for (const release of this.withheld) release();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === 'GET' && this.servePage(request, response)) return;
    this.inFlight += 1;
    const reply = await this.reply(request).catch(
      (error: unknown): HttpReply => ({
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `fake Slack API failed: ${error instanceof Error ? error.stack : String(error)}`,
      }),
    );
    this.inFlight -= 1;
    this.lastActivityAt = Date.now();
    this.recorded.emit(STATE_CHANGED);
    // A held response may outlive its client (killed meanwhile) or the server (closed meanwhile).
    if (response.destroyed || request.socket.destroyed) return;
    response.writeHead(reply.status, reply.headers).end(reply.body);
  }

  /** The page (`/`), its data (`/state`), its live feed (`/live`) and uploaded files; false for any other path. */
  private servePage(request: IncomingMessage, response: ServerResponse): boolean {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = path.startsWith('/files/')
      ? this.uploads.get(decodeURIComponent(path.slice('/files/'.length)))
      : undefined;
    if (file !== undefined) {
      const png = file.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE);
      response.writeHead(200, { 'content-type': png ? 'image/png' : 'application/octet-stream' }).end(file);
      return true;
    }
    if (path === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(CHANNEL_PAGE_HTML);
      return true;
    }
    if (path === '/state') {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(this.channelView()));
      return true;
    }
    if (path !== '/live') return false;
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    const send = (): void => {
      response.write(`data: ${JSON.stringify(this.channelView())}\n\n`);
    };
    send();
    this.recorded.on(STATE_CHANGED, send);
    response.on('close', () => this.recorded.off(STATE_CHANGED, send));
    return true;
  }

  /** Waits for release() when a hold() is waiting for this call; handle the call first, so its effects are visible. */
  private async holdIfAsked(call: RecordedCall): Promise<void> {
    const index = this.holds.findIndex((hold) => hold.method === call.method);
    const hold = this.holds[index];
    if (hold === undefined || this.closed) return;
    this.holds.splice(index, 1);
    let release: () => void = () => {};
    const closing = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.withheld.add(release);
    hold.arrive(call);
    await Promise.race([hold.released, closing]);
    this.withheld.delete(release);
  }

  private async reply(request: IncomingMessage): Promise<HttpReply> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/upload/')) {
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      const bytes = await readUploadedFile(request);
      this.uploads.set(fileId, bytes);
      const call: RecordedCall = {
        method: FILE_UPLOAD_METHOD,
        args: { file_id: fileId, content: bytes.toString('utf8'), length: bytes.length },
        token: undefined,
        at: Date.now(),
      };
      this.record(call);
      await this.holdIfAsked(call);
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `OK - ${bytes.length}` };
    }
    if (path.startsWith('/respond/')) {
      const args = parseBody(request.headers['content-type'], await readBody(request)) ?? {};
      const call: RecordedCall = { method: RESPONSE_URL_METHOD, args, token: undefined, at: Date.now() };
      this.record(call);
      const [channel, user] = path.slice('/respond/'.length).split('/').map(decodeURIComponent);
      if (channel && user) this.keepResponse(channel, user, args);
      await this.holdIfAsked(call);
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
    }
    if (!path.startsWith('/api/')) {
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found' };
    }
    const method = decodeURIComponent(path.slice('/api/'.length));
    const parsed = parseBody(request.headers['content-type'], await readBody(request));
    const { token: bodyToken, ...args } = parsed ?? {};
    const call: RecordedCall = {
      method,
      args,
      token: bearerToken(request.headers.authorization) ?? (typeof bodyToken === 'string' ? bodyToken : undefined),
      at: Date.now(),
    };
    this.record(call);
    const reply = this.apiReply(method, parsed === undefined ? undefined : args);
    await this.holdIfAsked(call);
    return reply;
  }

  /** `args` is undefined when the body could not be parsed. */
  private apiReply(method: string, args: Args | undefined): HttpReply {
    const failure = this.pendingFailures.get(method)?.shift();
    if (failure) {
      return this.failureReply(failure);
    }
    if (args === undefined) {
      return jsonReply(slackError('invalid_json'));
    }
    // hasOwn, so that a method named like an Object.prototype member ('toString') is still unknown.
    const handler = Object.hasOwn(this.handlers, method) ? this.handlers[method] : undefined;
    return jsonReply(handler ? handler(args) : slackError('unknown_method'));
  }

  private record(call: RecordedCall): void {
    this.calls.push(call);
    this.recorded.emit(CALL_RECORDED, call);
  }

  private failureReply(failure: Failure): HttpReply {
    if ('error' in failure) {
      return jsonReply(slackError(failure.error));
    }
    if (failure.status === 429) {
      return jsonReply(slackError('ratelimited'), 429, { 'retry-after': String(failure.retryAfter) });
    }
    return { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Internal Server Error' };
  }

  /** Slack message timestamps are "seconds.microseconds"; step 100µs so every message gets a distinct, ordered ts. */
  private nextTs(): string {
    if (this.now === undefined) {
      this.messageCount += 1;
      const micros = this.messageCount * 100;
      const seconds = FIRST_TS_SECONDS + Math.floor(micros / 1_000_000);
      return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
    }
    const fromClock = BigInt(Math.floor(this.now())) * 1000n;
    this.latestTs = fromClock > this.latestTs ? fromClock : this.latestTs + 100n;
    return `${this.latestTs / 1_000_000n}.${String(this.latestTs % 1_000_000n).padStart(6, '0')}`;
  }

  private keep(message: FakeMessage): void {
    const list = this.messages.get(message.channel) ?? [];
    list.push(message);
    this.messages.set(message.channel, list);
  }

  /** An answer through a response_url: ephemeral unless the app asked for it in the channel, as Slack does. */
  private keepResponse(channel: string, user: string, args: Args): void {
    const text = typeof args.text === 'string' ? args.text : '';
    const message = {
      ts: this.nextTs(),
      channel,
      text,
      ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
      user: this.botUserId,
      bot_id: FAKE_BOT_ID,
    };
    if (args.response_type === 'in_channel') this.keep({ type: 'message', ...message });
    else this.ephemerals.push({ ...message, visibleTo: user });
  }

  private nextViewId(): string {
    this.viewCount += 1;
    return `V${String(this.viewCount).padStart(10, '0')}`;
  }

  private viewResponse(args: Args, id: string): ResponseBody {
    const view = args.view;
    if (!isRecord(view)) {
      return slackError('invalid_arguments');
    }
    return { ok: true, view: { id, team_id: this.teamId, ...view } };
  }

  /** One page of channels as Slack pages them: `limit` (default 100) and an opaque `cursor`. */
  private channelPage(channels: readonly FakeChannel[], args: Args): ResponseBody {
    const limit = pageLimit(args);
    if (limit === undefined) {
      return slackError('invalid_limit');
    }
    const cursor = stringArg(args, 'cursor');
    const position = cursor === undefined ? 0n : decodeCursor('offset', cursor);
    if (position === undefined) {
      return slackError('invalid_cursor');
    }
    const offset = Number(position);
    const end = offset + limit;
    return {
      ok: true,
      channels: channels.slice(offset, end).map((channel) => this.channelResponse(channel)),
      response_metadata: { next_cursor: end < channels.length ? encodeCursor('offset', end) : '' },
    };
  }

  /** The message with `ts` in `channel`, with its index in the channel's list. */
  private findMessage(args: Args): { list: FakeMessage[]; index: number } | undefined {
    const list = this.messages.get(stringArg(args, 'channel') ?? '');
    const ts = stringArg(args, 'ts');
    const index = list?.findIndex((message) => message.ts === ts) ?? -1;
    return list === undefined || index === -1 ? undefined : { list, index };
  }

  /**
   * conversations.history: top-level messages newest first, within the exclusive `oldest`/`latest` bounds, paged by
   * `limit` and a `next_ts` cursor. Like Slack, metadata only with `include_all_metadata`, and a thread's parent shows
   * its `thread_ts` and `reply_count`.
   */
  private history(args: Args): ResponseBody {
    const channel = stringArg(args, 'channel');
    const stored = channel === undefined ? undefined : this.messages.get(channel);
    if (channel === undefined || (stored === undefined && !this.channels.has(channel) && !channel.startsWith('D'))) {
      return slackError('channel_not_found');
    }
    const limit = pageLimit(args);
    if (limit === undefined) return slackError('invalid_limit');
    const oldestArg = stringArg(args, 'oldest');
    const latestArg = stringArg(args, 'latest');
    const oldest = oldestArg === undefined ? undefined : tsMicros(oldestArg);
    const latest = latestArg === undefined ? undefined : tsMicros(latestArg);
    if (oldestArg !== undefined && oldest === undefined) return slackError('invalid_ts_oldest');
    if (latestArg !== undefined && latest === undefined) return slackError('invalid_ts_latest');
    const cursorArg = stringArg(args, 'cursor');
    const cursor = cursorArg === undefined ? undefined : decodeCursor('next_ts', cursorArg);
    if (cursorArg !== undefined && cursor === undefined) return slackError('invalid_cursor');

    const messages = stored ?? [];
    const newestFirst = messages
      .map((message) => ({ message, at: tsMicros(message.ts) ?? 0n }))
      .filter(
        ({ message, at }) =>
          (message.thread_ts === undefined || message.thread_ts === message.ts) &&
          (oldest === undefined || at > oldest) &&
          (latest === undefined || at < latest) &&
          (cursor === undefined || at <= cursor),
      )
      .reverse();
    const page = newestFirst.slice(0, limit);
    const next = newestFirst[limit];
    const includeMetadata = booleanArg(args, 'include_all_metadata');
    return {
      ok: true,
      messages: page.map(({ message }) => {
        const { channel: _channel, metadata, ...shown } = message;
        const replyCount = messages.filter((reply) => reply.thread_ts === message.ts && reply.ts !== message.ts).length;
        return {
          ...shown,
          ...(replyCount > 0 ? { thread_ts: message.ts, reply_count: replyCount } : {}),
          ...(includeMetadata && metadata !== undefined ? { metadata } : {}),
        };
      }),
      has_more: next !== undefined,
      pin_count: 0,
      ...(next === undefined ? {} : { response_metadata: { next_cursor: encodeCursor('next_ts', next.at) } }),
    };
  }

  private channelResponse(channel: FakeChannel): ResponseBody {
    return {
      id: channel.id,
      name: channel.name,
      is_channel: true,
      is_private: channel.is_private ?? false,
      is_member: channel.is_member ?? false,
    };
  }

  private readonly handlers: Record<string, MethodHandler> = {
    'auth.test': () => ({
      ok: true,
      url: WORKSPACE_URL,
      team: 'Fake Team',
      team_id: this.teamId,
      user: BOT_USER_NAME,
      user_id: this.botUserId,
      bot_id: FAKE_BOT_ID,
      is_enterprise_install: false,
    }),

    'chat.postMessage': (args) => {
      const channel = stringArg(args, 'channel');
      if (channel === undefined) {
        return slackError('channel_not_found');
      }
      // The WebClient sends metadata JSON-encoded inside the form body; parseBody has decoded it to an object.
      const metadata = messageMetadata(args.metadata);
      if (args.metadata !== undefined && metadata === undefined) {
        return slackError('invalid_metadata_format');
      }
      const ts = this.nextTs();
      const threadTs = stringArg(args, 'thread_ts');
      const stored: FakeMessage = {
        type: 'message',
        ts,
        channel,
        text: typeof args.text === 'string' ? args.text : '',
        ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        ...(metadata === undefined ? {} : { metadata }),
        user: this.botUserId,
        bot_id: FAKE_BOT_ID,
      };
      this.keep(stored);
      return {
        ok: true,
        channel,
        ts,
        message: { type: 'message', ...args, ts, bot_id: FAKE_BOT_ID, user: this.botUserId },
      };
    },

    'chat.update': (args) => {
      const found = this.findMessage(args);
      const message = found?.list[found.index];
      if (message !== undefined) {
        if (typeof args.text === 'string') message.text = args.text;
        if (args.blocks !== undefined) message.blocks = args.blocks;
        const metadata = messageMetadata(args.metadata);
        if (metadata !== undefined) message.metadata = metadata;
      }
      return {
        ok: true,
        channel: args.channel,
        ts: args.ts,
        text: typeof args.text === 'string' ? args.text : '',
      };
    },

    'chat.delete': (args) => {
      const found = this.findMessage(args);
      found?.list.splice(found.index, 1);
      return { ok: true, channel: args.channel, ts: args.ts };
    },

    'conversations.history': (args) => this.history(args),

    'chat.postEphemeral': (args) => {
      const channel = stringArg(args, 'channel');
      const user = stringArg(args, 'user');
      if (channel === undefined) return slackError('channel_not_found');
      if (user === undefined) return slackError('user_not_found');
      const ts = this.nextTs();
      const threadTs = stringArg(args, 'thread_ts');
      this.ephemerals.push({
        ts,
        channel,
        text: typeof args.text === 'string' ? args.text : '',
        ...(args.blocks === undefined ? {} : { blocks: args.blocks }),
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
        user: this.botUserId,
        bot_id: FAKE_BOT_ID,
        visibleTo: user,
      });
      return { ok: true, message_ts: ts };
    },

    'chat.getPermalink': (args) => {
      const channel = stringArg(args, 'channel');
      const messageTs = stringArg(args, 'message_ts');
      if (channel === undefined || messageTs === undefined) {
        return slackError('message_not_found');
      }
      return {
        ok: true,
        channel,
        permalink: `${WORKSPACE_URL}archives/${channel}/p${messageTs.replace('.', '')}`,
      };
    },

    'reactions.add': (args) => {
      const key = JSON.stringify([args.channel, args.timestamp, args.name]);
      if (this.reactions.has(key)) {
        return slackError('already_reacted');
      }
      this.reactions.add(key);
      return { ok: true };
    },

    'views.open': (args) => this.viewResponse(args, this.nextViewId()),
    'views.push': (args) => this.viewResponse(args, this.nextViewId()),
    'views.publish': (args) => this.viewResponse(args, this.nextViewId()),
    // Slack keeps the id of the view being updated.
    'views.update': (args) => this.viewResponse(args, stringArg(args, 'view_id') ?? this.nextViewId()),

    'conversations.join': (args) => {
      const channel = this.channels.get(stringArg(args, 'channel') ?? '');
      if (channel === undefined) {
        return slackError('channel_not_found');
      }
      if (channel.is_private) {
        return slackError('method_not_supported_for_channel_type');
      }
      const alreadyMember = channel.is_member ?? false;
      channel.is_member = true;
      const joined = { ok: true, channel: this.channelResponse(channel) };
      return alreadyMember
        ? { ...joined, warning: 'already_in_channel', response_metadata: { warnings: ['already_in_channel'] } }
        : joined;
    },

    'conversations.list': (args) => {
      // Like Slack, only public channels are listed unless `types` asks for private ones.
      const types = (stringArg(args, 'types') ?? 'public_channel').split(',').map((type) => type.trim());
      const listed = [...this.channels.values()].filter((channel) =>
        types.includes(channel.is_private ? 'private_channel' : 'public_channel'),
      );
      return this.channelPage(listed, args);
    },

    'conversations.info': (args) => {
      const channel = this.channels.get(stringArg(args, 'channel') ?? '');
      return channel === undefined
        ? slackError('channel_not_found')
        : { ok: true, channel: this.channelResponse(channel) };
    },

    'users.conversations': (args) => {
      const user = stringArg(args, 'user') ?? this.botUserId;
      const types = stringArg(args, 'types') ?? 'public_channel';
      const channels = [...this.channels.values()].filter(
        (channel) =>
          types.includes(channel.is_private ? 'private_channel' : 'public_channel') &&
          (user === this.botUserId ? channel.is_member === true : (channel.members ?? []).includes(user)),
      );
      // Paged like conversations.list, so a caller that ignores next_cursor misses channels.
      return this.channelPage(channels, args);
    },
    'conversations.open': (args) => {
      const users = stringArg(args, 'users');
      return users === undefined ? slackError('users_list_not_supplied') : { ok: true, channel: { id: `D${users}` } };
    },
    'files.getUploadURLExternal': (args) => {
      const filename = stringArg(args, 'filename');
      if (filename === undefined || stringArg(args, 'length') === undefined) return slackError('invalid_arguments');
      this.fileCount += 1;
      const fileId = `F${String(this.fileCount).padStart(8, '0')}`;
      return { ok: true, file_id: fileId, upload_url: `${this.url.replace(/api\/$/, 'upload/')}${fileId}` };
    },
    'files.completeUploadExternal': (args) => {
      const files = Array.isArray(args.files) ? (args.files as { id?: string; title?: string }[]) : [];
      if (files.length === 0 || files.some((file) => file.id === undefined || !this.uploads.has(file.id))) {
        return slackError('file_not_found');
      }
      return { ok: true, files: files.map((file) => ({ id: file.id, title: file.title })) };
    },
    'users.info': (args) => {
      const userId = stringArg(args, 'user');
      if (userId === undefined) {
        return slackError('user_not_found');
      }
      const isBot = userId === this.botUserId;
      const known = this.users.get(userId);
      return {
        ok: true,
        user: {
          id: userId,
          team_id: this.teamId,
          name: isBot ? BOT_USER_NAME : (known?.name ?? `user-${userId.toLowerCase()}`),
          tz: known?.tz ?? 'Europe/Berlin',
          is_bot: isBot,
        },
      };
    },
  };
}
