import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for the Bot Connector service: a real HTTP server that answers the REST calls a bot makes to send
// proactive messages and replies. Test activities use its URL as their `serviceUrl`, so whatever the bot sends
// lands here, where tests can wait for it. No authentication: the bot runs without an app id in tests.

export type ConnectorCallKind = 'send' | 'reply' | 'update' | 'create';

export interface RecordedActivity {
  kind: ConnectorCallKind;
  conversationId: string;
  /** The activity replied to or updated, for replies and updates. */
  activityId?: string;
  /** The id the connector gave the activity. */
  id: string;
  activity: Record<string, unknown>;
  at: number;
}

export interface FakeFailure {
  status: number;
  body: unknown;
  /** How many calls fail before the conversation works again; Infinity (default) keeps failing. */
  times?: number;
}

export class FakeConnector {
  private readonly server: Server;
  private readonly recorded: RecordedActivity[] = [];
  private readonly failures = new Map<string, FakeFailure & { left: number }>();
  private readonly members = new Map<string, { id: string; name?: string }[]>();
  private readonly waiters = new Set<() => void>();
  private sequence = 0;
  private baseUrl = '';
  /** Every request that reached the server, failed or not: method, path. */
  readonly requests: { method: string; path: string; status: number }[] = [];

  private constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.statusCode = 500;
        res.end(JSON.stringify({ error: { code: 'FakeConnectorBug', message: String(err) } }));
      });
    });
  }

  static async start(): Promise<FakeConnector> {
    const fake = new FakeConnector();
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    fake.baseUrl = `http://127.0.0.1:${port}`;
    return fake;
  }

  /** The `serviceUrl` to put on test activities. */
  get url(): string {
    return `${this.baseUrl}/`;
  }

  get activities(): readonly RecordedActivity[] {
    return this.recorded;
  }

  /** Activities sent into one conversation (new messages and replies), oldest first. */
  sentTo(conversationId: string): RecordedActivity[] {
    return this.recorded.filter((r) => r.conversationId === conversationId && (r.kind === 'send' || r.kind === 'reply'));
  }

  /** The next calls for the conversation answer this error instead of recording the activity. */
  failConversation(conversationId: string, failure: FakeFailure): void {
    this.failures.set(conversationId, { ...failure, left: failure.times ?? Infinity });
  }

  /** The user blocked or removed the bot (Teams answers 403 MessageWritesBlocked). */
  blockConversation(conversationId: string): void {
    this.failConversation(conversationId, { status: 403, body: { error: { code: 'MessageWritesBlocked', message: 'The user blocked the bot.' } } });
  }

  heal(conversationId: string): void {
    this.failures.delete(conversationId);
  }

  setMembers(conversationId: string, members: { id: string; name?: string }[]): void {
    this.members.set(conversationId, members);
  }

  /** Resolves with the first recorded activity matching, waiting up to `timeoutMs` for it to arrive. */
  async waitFor(predicate: (r: RecordedActivity) => boolean, timeoutMs = 5_000): Promise<RecordedActivity> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.recorded.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`fake connector: nothing matching arrived within ${timeoutMs} ms; got ${JSON.stringify(this.recorded.map(summary))}`);
      }
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** Waits `ms` and returns what arrived matching in the meantime (to check that nothing more came). */
  async settle(ms: number, predicate: (r: RecordedActivity) => boolean = () => true): Promise<RecordedActivity[]> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.recorded.filter(predicate);
  }

  clear(): void {
    this.recorded.length = 0;
    this.requests.length = 0;
  }

  async stop(): Promise<void> {
    for (const wake of this.waiters) wake();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', this.baseUrl);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const body = await readJson(req);
    const answer = (status: number, payload: unknown): void => {
      this.requests.push({ method, path: url.pathname, status });
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(payload));
    };

    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return answer(404, { error: { code: 'NotFound', message: url.pathname } });
    const conversationId = parts[2];

    if (method === 'POST' && !conversationId) {
      const id = `fake-conv-${++this.sequence}`;
      const params = (body ?? {}) as Record<string, unknown>;
      if (params.activity && typeof params.activity === 'object') {
        this.record({ kind: 'create', conversationId: id, activity: params.activity as Record<string, unknown> });
      }
      return answer(200, { id, serviceUrl: this.url, activityId: params.activity ? `fake-act-${this.sequence}` : undefined });
    }
    if (!conversationId) return answer(404, { error: { code: 'NotFound', message: url.pathname } });

    const failure = this.failures.get(conversationId);
    if (failure && failure.left > 0) {
      failure.left -= 1;
      return answer(failure.status, failure.body);
    }

    if (parts[3] === 'members' && method === 'GET') return answer(200, this.members.get(conversationId) ?? []);
    if (parts[3] !== 'activities') return answer(404, { error: { code: 'NotFound', message: url.pathname } });
    const activityId = parts[4];
    const activity = (body ?? {}) as Record<string, unknown>;
    if (method === 'POST' && !activityId) return answer(200, { id: this.record({ kind: 'send', conversationId, activity }) });
    if (method === 'POST' && activityId) return answer(200, { id: this.record({ kind: 'reply', conversationId, activityId, activity }) });
    if (method === 'PUT' && activityId) {
      this.record({ kind: 'update', conversationId, activityId, activity, id: activityId });
      return answer(200, { id: activityId });
    }
    if (method === 'DELETE' && activityId) return answer(200, {});
    return answer(405, { error: { code: 'MethodNotAllowed', message: `${method} ${url.pathname}` } });
  }

  private record(r: Omit<RecordedActivity, 'id' | 'at'> & { id?: string }): string {
    const id = r.id ?? `fake-act-${++this.sequence}`;
    this.recorded.push({ ...r, id, at: Date.now() });
    for (const wake of [...this.waiters]) {
      this.waiters.delete(wake);
      wake();
    }
    return id;
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function summary(r: RecordedActivity): Record<string, unknown> {
  return { kind: r.kind, conversationId: r.conversationId, text: r.activity.text };
}

/** Every visible text of a recorded activity: its text and the text of its cards. */
export function recordedText(r: RecordedActivity): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  if (typeof r.activity.text === 'string') out.push(r.activity.text);
  walk((r.activity.attachments as { content?: unknown }[] | undefined)?.map((a) => a.content));
  return out.join('\n');
}
