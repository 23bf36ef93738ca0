import WebSocket from 'ws';

// A Direct Line 3.0 client for the tests, speaking to the widget's endpoint the way botframework-directlinejs
// (inside Web Chat) does: over real HTTP, and a real WebSocket for the stream.

export type Json = Record<string, unknown>;

export interface HttpAnswer<T = Json> {
  status: number;
  body: T;
}

export async function call<T = Json>(url: string, init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpAnswer<T>> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  let body: FormData | string | undefined;
  if (init.body instanceof FormData) body = init.body;
  else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, ...(body ? { body } : {}) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed as T };
}

export interface WidgetToken {
  mode: string;
  domain: string;
  buyerId: string;
  conversationId: string;
  token: string;
  expiresIn: number;
  resumed: boolean;
}

export async function widgetToken(baseUrl: string, body: Json): Promise<WidgetToken> {
  const answer = await call<WidgetToken>(`${baseUrl}/api/widget/token`, { body });
  if (answer.status !== 200) throw new Error(`widget token refused: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

let clientIds = 0;

/** One page's conversation: the token and conversation it was given, and its own watermark for polling. */
export class DirectLineClient {
  watermark = '';
  streamUrl = '';
  constructor(
    readonly domain: string,
    public token: string,
    readonly conversationId: string,
  ) {}

  static async open(baseUrl: string, buyer: Json): Promise<DirectLineClient> {
    const issued = await widgetToken(baseUrl, buyer);
    const client = new DirectLineClient(issued.domain, issued.token, issued.conversationId);
    const started = await client.start();
    if (started.status !== 201) throw new Error(`conversation not started: ${started.status}`);
    return client;
  }

  async start(body: Json = {}): Promise<HttpAnswer> {
    const answer = await call(`${this.domain}/conversations`, { token: this.token, body });
    if (typeof answer.body.streamUrl === 'string') this.streamUrl = answer.body.streamUrl;
    return answer;
  }

  async reconnect(watermark = this.watermark): Promise<HttpAnswer> {
    const answer = await call(`${this.domain}/conversations/${this.conversationId}?watermark=${watermark}`, { token: this.token });
    if (typeof answer.body.streamUrl === 'string') this.streamUrl = answer.body.streamUrl;
    if (typeof answer.body.token === 'string') this.token = answer.body.token;
    return answer;
  }

  post(activity: Json, token = this.token): Promise<HttpAnswer> {
    return call(`${this.domain}/conversations/${this.conversationId}/activities`, {
      token,
      body: { from: { id: 'someone-else', role: 'user' }, channelData: { clientActivityID: `client-${++clientIds}` }, ...activity },
    });
  }

  say(text: string, extra: Json = {}): Promise<HttpAnswer> {
    return this.post({ type: 'message', text, locale: 'zh-CN', ...extra });
  }

  click(value: Json, extra: Json = {}): Promise<HttpAnswer> {
    return this.post({ type: 'message', value, locale: 'zh-CN', ...extra });
  }

  /** As directlinejs uploads: one "file" part per file, and the message as an "activity" part. */
  upload(files: { name: string; type: string; bytes: Buffer }[], activity: Json | null = { type: 'message', locale: 'zh-CN' }, token = this.token): Promise<HttpAnswer> {
    const form = new FormData();
    if (activity) {
      const withList = { ...activity, attachments: files.map((f) => ({ contentType: f.type, name: f.name })) };
      form.append('activity', new Blob([JSON.stringify(withList)], { type: 'application/vnd.microsoft.activity' }));
    }
    for (const f of files) form.append('file', new Blob([f.bytes], { type: f.type }), f.name);
    return call(`${this.domain}/conversations/${this.conversationId}/upload?userId=someone-else`, { token, body: form });
  }

  /** The polling read: activities after the watermark; moves the watermark on. */
  async poll(watermark = this.watermark, token = this.token): Promise<HttpAnswer<{ activities: Json[]; watermark: string }>> {
    const answer = await call<{ activities: Json[]; watermark: string }>(`${this.domain}/conversations/${this.conversationId}/activities?watermark=${watermark}`, { token });
    if (answer.status === 200) this.watermark = answer.body.watermark;
    return answer;
  }

  /** Sends and returns what the conversation got since the last read (the echo and the bot's answers). */
  async turn(send: () => Promise<HttpAnswer>): Promise<Json[]> {
    const sent = await send();
    if (sent.status !== 200) throw new Error(`post refused: ${sent.status} ${JSON.stringify(sent.body)}`);
    return (await this.poll()).body.activities;
  }
}

/** Frames from a stream WebSocket, kept in arrival order. */
export class StreamReader {
  readonly frames: { activities: Json[]; watermark: string }[] = [];
  readonly keepAlives: number[] = [];
  private waiters: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      if (text === '') this.keepAlives.push(Date.now());
      else this.frames.push(JSON.parse(text) as { activities: Json[]; watermark: string });
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(url: string): Promise<StreamReader> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      const reader = new StreamReader(ws);
      ws.once('open', () => resolve(reader));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`stream refused: ${res.statusCode}`), { statusCode: res.statusCode })));
      ws.once('error', reject);
    });
  }

  get activities(): Json[] {
    return this.frames.flatMap((f) => f.activities);
  }

  async waitFor(predicate: (a: Json) => boolean, timeoutMs = 5_000): Promise<Json> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(predicate);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`nothing matching on the stream within ${timeoutMs} ms; got ${JSON.stringify(this.activities.map((a) => a.text ?? a.type))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.ws.readyState === WebSocket.CLOSED) return resolve();
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

/** All text a buyer sees in activities: message text, suggested actions and card text. */
export function visibleText(activities: Json[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Json;
    for (const key of ['text', 'title', 'value', 'label']) if (typeof o[key] === 'string') out.push(o[key] as string);
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
    for (const v of Object.values(o)) if (v && typeof v === 'object') walk(v);
  };
  for (const a of activities) {
    if (typeof a.text === 'string') out.push(a.text);
    walk(a.suggestedActions);
    walk((a.attachments as Json[] | undefined)?.map((x) => x.content));
  }
  return out.join('\n');
}

/** The data of the card button titled `title` (Action.Submit) in the activities, with card inputs filled in. */
export function submitData(activities: Json[], title: string, inputs: Json = {}): Json {
  let found: Json | null = null;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Json;
    if (o.type === 'Action.Submit' && o.title === title) {
      found = o.data as Json;
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(activities.map((a) => a.attachments));
  if (!found) throw new Error(`no button "${title}" in:\n${visibleText(activities)}`);
  return { ...(found as Json), ...inputs };
}

export const fromBot = (a: Json): boolean => (a.from as Json | undefined)?.role === 'bot';
