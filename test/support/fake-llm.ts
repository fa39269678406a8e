import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One scripted answer to the next chat completion request. */
export type FakeLlmReply =
  /** 200 with this as `choices[0].message.content`; an object is sent as its JSON, after `delayMs` if given. */
  | { content: string | object; delayMs?: number }
  /** This HTTP status with an OpenAI-style error body. */
  | { status: number };

export interface LlmRequest {
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    temperature: number;
    response_format: unknown;
    messages: { role: string; content: string }[];
  };
}

/** An OpenAI-compatible endpoint on loopback: POST /v1/chat/completions answers from a queue and is recorded. */
export class FakeLlm {
  readonly requests: LlmRequest[] = [];
  private readonly replies: FakeLlmReply[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    /** The base URL to configure, ending in `/v1/`. */
    readonly url: string,
  ) {}

  static async start(): Promise<FakeLlm> {
    let fake: FakeLlm | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
          res.writeHead(404).end();
          return;
        }
        fake?.answer(req.headers, Buffer.concat(chunks).toString('utf8'), (status, body) => {
          if (res.destroyed) return;
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        });
      });
    });
    server.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    fake = new FakeLlm(server, `http://127.0.0.1:${port}/v1/`);
    return fake;
  }

  /** Queues answers for the next requests, in order; a request with none queued gets a 500. */
  reply(...replies: FakeLlmReply[]): void {
    this.replies.push(...replies);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private answer(headers: IncomingHttpHeaders, body: string, send: (status: number, body: unknown) => void): void {
    this.requests.push({ headers, body: JSON.parse(body) });
    const reply = this.replies.shift();
    if (reply === undefined) {
      send(500, { error: { message: 'fake LLM: no reply scripted', type: 'server_error' } });
      return;
    }
    if ('status' in reply) {
      send(reply.status, { error: { message: `fake LLM: scripted ${reply.status}`, type: 'server_error' } });
      return;
    }
    const content = typeof reply.content === 'string' ? reply.content : JSON.stringify(reply.content);
    const completion = {
      id: `chatcmpl-${this.requests.length}`,
      object: 'chat.completion',
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    };
    if (reply.delayMs === undefined) {
      send(200, completion);
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send(200, completion);
    }, reply.delayMs);
    this.timers.add(timer);
  }
}
