import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import type { TurnLock } from '../turn-lock';
import { IncomingActivitySchema, describeIssues } from './activity-schema';
import type { CachedReply, ReplyCache } from './reply-cache';

// POST /api/messages: shape check (400), duplicate deliveries (the first answer again), one turn at a time per
// conversation (a per-conversation lock), infrastructure trouble (503 so the channel retries; nothing is lost).

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  lock: TurnLock;
  replies: ReplyCache;
  log: Logger;
  lockWaitMs?: number;
}

/** Captures what the adapter answers so a duplicate delivery can get the same answer. */
function capturingResponse(res: Response): { res: Response; captured: () => CachedReply } {
  let status = 200;
  let body: unknown;
  const proxy = new Proxy(res, {
    get(target, prop, receiver) {
      if (prop === 'status') return (code: number) => ((status = code), target.status(code));
      if (prop === 'send') return (b: unknown) => ((body = b), target.send(b as never));
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { res: proxy, captured: () => ({ status, ...(body !== undefined ? { body } : {}) }) };
}

function unavailable(res: Response, retryAfterSeconds: number, message: string): void {
  res.header('Retry-After', String(retryAfterSeconds));
  res.status(503);
  res.json({ error: 'temporarily_unavailable', message });
}

export function messagesRoute(deps: MessagesRouteDeps) {
  return async (req: Request, res: Response): Promise<void> => {
    const started = Date.now();
    const correlationId = randomUUID();
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      res.status(400);
      res.json({ error: 'bad_request', message: 'The body must be a JSON Bot Framework activity object.' });
      return;
    }
    const parsed = IncomingActivitySchema.safeParse(body);
    if (!parsed.success) {
      res.status(400);
      res.json({ error: 'bad_request', message: 'Not a valid Bot Framework activity.', issues: describeIssues(parsed.error) });
      return;
    }
    const activity = parsed.data;
    const conversationId = activity.conversation?.id;
    const activityId = activity.id;
    const logTurn = (outcome: string, extra: Record<string, unknown> = {}) =>
      deps.log.info(
        { correlationId, activityType: activity.type, channel: activity.channelId, ms: Date.now() - started, outcome, ...extra },
        'turn',
      );

    let release: (() => Promise<void>) | undefined;
    try {
      if (conversationId) {
        const held = await deps.lock.acquire(conversationId, { waitMs: deps.lockWaitMs ?? 15_000 });
        if (!held.ok) {
          logTurn('busy');
          unavailable(res, 2, 'The conversation is busy with an earlier message; retry shortly.');
          return;
        }
        release = held.release;
        if (activityId) {
          const cached = await deps.replies.get(conversationId, activityId);
          if (cached) {
            res.status(cached.status);
            if (cached.body !== undefined) res.send(cached.body as never);
            res.end();
            logTurn('duplicate');
            return;
          }
        }
      }
      (req as { body: unknown }).body = { ...activity, correlationId };
      const capture = capturingResponse(res);
      await deps.adapter.process(req, capture.res, deps.logic);
      const reply = capture.captured();
      if (conversationId && activityId && reply.status < 500) await deps.replies.put(conversationId, activityId, reply);
      logTurn(reply.status < 400 ? 'ok' : 'error', { status: reply.status });
    } catch (err) {
      deps.log.error({ correlationId, err: err instanceof Error ? err.message : String(err) }, 'turn could not run');
      if (!res.headersSent) unavailable(res, 5, 'Temporarily unavailable: nothing is lost, please retry.');
      logTurn('unavailable');
    } finally {
      if (release) await release().catch((err: unknown) => deps.log.warn({ correlationId, err: String(err) }, 'turn lock release failed'));
    }
  };
}
