// What a failed Bot Connector call says (botframework-connector throws a RestError with `statusCode`, and the
// Teams error code in the body).

/** Teams' answer when the user blocked the bot or removed the app: retrying cannot help. */
export const BLOCKED_CODES: ReadonlySet<string> = new Set(['MessageWritesBlocked', 'BotNotInConversationRoster']);

export function statusOf(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return null;
}

export function errorCodeOf(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; body?: { error?: { code?: unknown } }; response?: { parsedBody?: { error?: { code?: unknown } }; bodyAsText?: unknown } };
  const fromBody = e.body?.error?.code ?? e.response?.parsedBody?.error?.code;
  if (typeof fromBody === 'string') return fromBody;
  if (typeof e.response?.bodyAsText === 'string') {
    try {
      const parsed = JSON.parse(e.response.bodyAsText) as { error?: { code?: unknown } };
      if (typeof parsed.error?.code === 'string') return parsed.error.code;
    } catch {
      // not JSON
    }
  }
  return typeof e.code === 'string' ? e.code : undefined;
}

export type SendFailure =
  /** The merchant blocked or removed the app. */
  | { kind: 'blocked'; code: string }
  /** Will not pass by retrying (another 4xx): dropped for this merchant. */
  | { kind: 'rejected'; status: number; code?: string }
  /** May pass (5xx, timeout, network, throttling): the event is delivered again. */
  | { kind: 'transient'; error: unknown };

export function classifyFailure(error: unknown): SendFailure {
  const status = statusOf(error);
  const code = errorCodeOf(error);
  if (status === 403 && code && BLOCKED_CODES.has(code)) return { kind: 'blocked', code };
  if (status !== null && status >= 400 && status < 500 && status !== 408 && status !== 429) return { kind: 'rejected', status, ...(code ? { code } : {}) };
  return { kind: 'transient', error };
}
