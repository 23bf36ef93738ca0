import type { ActivityLike } from './render';

// Sends one activity to the bot. With deliveryMode "expectReplies" (the buyer's client) the replies come back in
// the HTTP body; an invoke (a Teams card click) gets its answer there too. A busy conversation (503) is retried
// with the same activity id, which the server answers only once.

export type SendResult =
  /** `body`: the parsed response body, e.g. the answer to an invoke (a Teams card click). */
  | { ok: true; replies: ActivityLike[]; body?: unknown }
  | { ok: false; error: { kind: 'unreachable' | 'rejected' | 'busy' | 'server_error'; message: string; status?: number } };

export interface BotTransport {
  post(activity: Record<string, unknown>): Promise<SendResult>;
}

export interface HttpBotClientOptions {
  /** The bot's base address; the endpoint is `<url>/api/messages`. */
  url: string;
  /** Resends of one activity while the server answers 503. */
  retries?: number;
  /** Upper bound of the wait before a resend, whatever Retry-After says. */
  maxRetryDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export class HttpBotClient implements BotTransport {
  private readonly o: Required<HttpBotClientOptions>;

  constructor(options: HttpBotClientOptions) {
    this.o = {
      retries: 3,
      maxRetryDelayMs: 5_000,
      fetch: globalThis.fetch.bind(globalThis),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
  }

  async post(activity: Record<string, unknown>): Promise<SendResult> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await this.o.fetch(`${this.o.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        return { ok: false, error: { kind: 'unreachable', message: `cannot reach ${this.o.url}${cause ? ` (${cause})` : ''}: is the server running? (npm start)` } };
      }
      const text = await res.text();
      const body = parseJson(text);
      if (res.status === 503 && attempt < this.o.retries) {
        const seconds = Number(res.headers.get('retry-after'));
        await this.o.sleep(Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000, this.o.maxRetryDelayMs));
        continue;
      }
      if (res.status >= 200 && res.status < 300) {
        const activities = isRecord(body) && Array.isArray(body.activities) ? (body.activities as ActivityLike[]) : [];
        return { ok: true, replies: activities, ...(body === undefined ? {} : { body }) };
      }
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : text.slice(0, 200) || res.statusText;
      if (res.status === 503) return { ok: false, error: { kind: 'busy', message, status: res.status } };
      if (res.status >= 400 && res.status < 500) return { ok: false, error: { kind: 'rejected', message, status: res.status } };
      return { ok: false, error: { kind: 'server_error', message, status: res.status } };
    }
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
