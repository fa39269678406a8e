import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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

export interface FakeSlackApiOptions {
  channels?: FakeChannel[];
  botUserId?: string;
  teamId?: string;
}

type Args = Record<string, unknown>;
type ResponseBody = Record<string, unknown>;
type MethodHandler = (args: Args) => ResponseBody;

interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const CALL_RECORDED = 'call';
export const RESPONSE_URL_METHOD = 'response_url';
/** The upload step of files.uploadV2 (a POST to the upload_url), recorded with the file's text as `content`. */
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

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** files.uploadV2 posts the file as multipart/form-data; record the file's text, not the form around it. */
async function readUploadedFile(request: IncomingMessage): Promise<string> {
  const raw = await readBody(request);
  const contentType = request.headers['content-type'];
  if (!contentType?.startsWith('multipart/form-data')) return raw;
  const [file] = (await new Response(raw, { headers: { 'content-type': contentType } }).formData()).values();
  return typeof file === 'string' || file === undefined ? (file ?? '') : file.text();
}

/** Slack cursors are opaque base64 strings; this one carries the offset of the next page. */
function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function describeCall(call: RecordedCall): string {
  const args = JSON.stringify(call.args);
  return `${call.method} ${args.length > 200 ? `${args.slice(0, 200)}…` : args}`;
}

/**
 * A loopback stand-in for https://slack.com/api/ that records every call. Point the app at it with
 * `clientOptions: { slackApiUrl: fake.url }`.
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
  private readonly pendingFailures = new Map<string, Failure[]>();
  private readonly reactions = new Set<string>();
  private readonly recorded = new EventEmitter();
  private messageCount = 0;
  private fileCount = 0;
  private readonly uploads = new Map<string, string>();
  private viewCount = 0;

  private constructor(server: Server, options: FakeSlackApiOptions) {
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}/api/`;
    this.responseUrl = `http://127.0.0.1:${port}/respond/`;
    this.botUserId = options.botUserId ?? DEFAULT_BOT_USER_ID;
    this.teamId = options.teamId ?? DEFAULT_TEAM_ID;
    // Copies, because joining mutates membership and the caller's fixtures may be shared between tests.
    this.channels = new Map((options.channels ?? []).map((channel) => [channel.id, { ...channel }]));
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

  /** Forgets recorded calls and pending failures; channel membership and reactions persist. */
  reset(): void {
    this.calls.length = 0;
    this.pendingFailures.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.close((error) => (error ? reject(error) : resolve()));
      // fetch keeps connections alive, which would otherwise hold close() open until they idle out.
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const reply = await this.reply(request).catch(
      (error: unknown): HttpReply => ({
        status: 500,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: `fake Slack API failed: ${error instanceof Error ? error.stack : String(error)}`,
      }),
    );
    response.writeHead(reply.status, reply.headers).end(reply.body);
  }

  private async reply(request: IncomingMessage): Promise<HttpReply> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path.startsWith('/upload/')) {
      const fileId = decodeURIComponent(path.slice('/upload/'.length));
      const content = await readUploadedFile(request);
      this.uploads.set(fileId, content);
      this.record({ method: FILE_UPLOAD_METHOD, args: { file_id: fileId, content }, token: undefined, at: Date.now() });
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `OK - ${content.length}` };
    }
    if (path.startsWith('/respond/')) {
      const args = parseBody(request.headers['content-type'], await readBody(request)) ?? {};
      this.record({ method: RESPONSE_URL_METHOD, args, token: undefined, at: Date.now() });
      return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
    }
    if (!path.startsWith('/api/')) {
      return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'not found' };
    }
    const method = decodeURIComponent(path.slice('/api/'.length));
    const parsed = parseBody(request.headers['content-type'], await readBody(request));
    const { token: bodyToken, ...args } = parsed ?? {};
    this.record({
      method,
      args,
      token: bearerToken(request.headers.authorization) ?? (typeof bodyToken === 'string' ? bodyToken : undefined),
      at: Date.now(),
    });

    const failure = this.pendingFailures.get(method)?.shift();
    if (failure) {
      return this.failureReply(failure);
    }
    if (parsed === undefined) {
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
    this.messageCount += 1;
    const micros = this.messageCount * 100;
    const seconds = FIRST_TS_SECONDS + Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, '0')}`;
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
    const limit = Number(args.limit ?? SLACK_DEFAULT_PAGE_SIZE);
    if (!Number.isInteger(limit) || limit < 1) {
      return slackError('invalid_limit');
    }
    const cursor = stringArg(args, 'cursor');
    const offset = cursor === undefined ? 0 : decodeCursor(cursor);
    if (offset === undefined) {
      return slackError('invalid_cursor');
    }
    const end = offset + limit;
    return {
      ok: true,
      channels: channels.slice(offset, end).map((channel) => this.channelResponse(channel)),
      response_metadata: { next_cursor: end < channels.length ? encodeCursor(end) : '' },
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
      const ts = this.nextTs();
      return {
        ok: true,
        channel,
        ts,
        message: { type: 'message', ...args, ts, bot_id: FAKE_BOT_ID, user: this.botUserId },
      };
    },

    'chat.update': (args) => ({
      ok: true,
      channel: args.channel,
      ts: args.ts,
      text: typeof args.text === 'string' ? args.text : '',
    }),

    'chat.delete': (args) => ({ ok: true, channel: args.channel, ts: args.ts }),

    'chat.postEphemeral': () => ({ ok: true, message_ts: this.nextTs() }),

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
      return {
        ok: true,
        user: {
          id: userId,
          team_id: this.teamId,
          name: isBot ? BOT_USER_NAME : `user-${userId.toLowerCase()}`,
          tz: 'Europe/Berlin',
          is_bot: isBot,
        },
      };
    },
  };
}
