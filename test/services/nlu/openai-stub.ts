import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local OpenAI-compatible chat-completions server for tests. It answers in whichever structured-output
// style the request asks for: response_format json_schema (content is the JSON) or a forced tool call.

export interface StubRequest {
  path: string;
  body: any;
  raw: string;
}

export type StubReply =
  | { kind: 'json'; value: unknown; delayMs?: number }
  | { kind: 'content'; content: string; delayMs?: number }
  | { kind: 'status'; status: number; delayMs?: number };

export class OpenAiStub {
  readonly requests: StubRequest[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<import('node:net').Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  reply: (req: StubRequest) => StubReply = () => ({ kind: 'status', status: 500 });

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = req.url ?? '';
    if (req.method !== 'POST' || !/^(\/v1)?\/chat\/completions$/.test(path)) {
      // Not chained: restify, loaded by other suites in the same jest worker, patches writeHead.
      res.writeHead(404);
      res.end();
      return;
    }
    const request: StubRequest = { path, body: JSON.parse(raw), raw };
    this.requests.push(request);
    const reply = this.reply(request);
    if (reply.delayMs) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.timers.delete(t);
          resolve();
        }, reply.delayMs);
        this.timers.add(t);
        // A client that gave up closes the socket: stop waiting for nothing.
        res.on('close', () => {
          clearTimeout(t);
          this.timers.delete(t);
          resolve();
        });
      });
    }
    if (res.destroyed) return;
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
      return;
    }
    const content = reply.kind === 'json' ? JSON.stringify(reply.value) : reply.content;
    const tool = request.body.tools?.[0]?.function?.name as string | undefined;
    const message = tool
      ? { role: 'assistant', content: null, refusal: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: tool, arguments: content } }] }
      : { role: 'assistant', content, refusal: null };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: 'chatcmpl-stub',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: request.body.model,
        choices: [{ index: 0, message, finish_reason: tool ? 'tool_calls' : 'stop', logprobs: null }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
  }
}
