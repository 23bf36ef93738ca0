import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response } from 'restify';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from '../logger';
import { IncomingActivitySchema, describeIssues } from './activity-schema';
import type { IncomingActivity } from './activity-schema';
import type { CachedReply } from './reply-cache';
import type { TurnGate } from './turn-gate';

// POST /api/messages: shape check (400), duplicate deliveries (the first answer again), one turn at a time per
// conversation (a per-conversation lock), infrastructure trouble (503 so the channel retries; nothing is lost).

export interface MessagesRouteDeps {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  gate: TurnGate;
  log: Logger;
  lockWaitMs?: number;
}

/**
 * Captures what the adapter answers, so a resend can get the same answer. With `hold`, nothing reaches the
 * client until `flush`: the turn's results are saved first.
 */
function capturingResponse(res: Response, options: { hold: boolean }): { res: Response; captured: () => CachedReply; flush: () => void } {
  let status = 200;
  let body: unknown;
  let ended = false;
  const proxy = new Proxy(res, {
    get(target, prop, receiver) {
      if (prop === 'status') return (code: number) => ((status = code), options.hold ? proxy : target.status(code));
      if (prop === 'send') return (b: unknown) => ((body = b), options.hold ? proxy : target.send(b as never));
      if (prop === 'end') return () => ((ended = true), options.hold ? proxy : target.end());
      const value = Reflect.get(target, prop, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    res: proxy,
    captured: () => ({ status, ...(body !== undefined ? { body } : {}) }),
    flush: () => {
      if (!options.hold) return;
      res.status(status);
      if (body !== undefined) res.send(body as never);
      if (ended || body === undefined) res.end();
    },
  };
}

/** A digest of who sent the activity: its sender's ids and the buyer token it carries (never stored as such). */
function senderOf(activity: IncomingActivity): string {
  const token = (activity.channelData as { buyerToken?: unknown } | undefined)?.buyerToken;
  const who = JSON.stringify([activity.from?.id ?? null, activity.from?.aadObjectId ?? null, typeof token === 'string' ? token : null]);
  return createHash('sha256').update(who).digest('base64url').slice(0, 22);
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
    const sender = senderOf(activity);
    const logTurn = (outcome: string, extra: Record<string, unknown> = {}) =>
      deps.log.info(
        { correlationId, activityType: activity.type, channel: activity.channelId, ms: Date.now() - started, outcome, ...extra },
        'turn',
      );

    if (!conversationId) {
      // Nothing to serialise or replay (a conversation-less event): just run it.
      try {
        await deps.adapter.process(req, res, deps.logic);
        logTurn('ok');
      } catch (err) {
        deps.log.error({ correlationId, err: err instanceof Error ? err.message : String(err) }, 'turn could not run');
        if (!res.headersSent) unavailable(res, 5, 'Temporarily unavailable: nothing is lost, please retry.');
      }
      return;
    }

    let end: ((reply: CachedReply | null) => Promise<void>) | undefined;
    try {
      const entry = await deps.gate.enter(
        { conversationId, ...(activityId ? { activityId } : {}), ...(activity.channelId ? { channelId: activity.channelId } : {}) },
        deps.lockWaitMs ?? 15_000,
      );
      if (!entry.ok) {
        logTurn('busy');
        unavailable(res, 2, 'The conversation is busy with an earlier message; retry shortly.');
        return;
      }
      end = entry.end;
      if (entry.replay && entry.replay.sender !== undefined && entry.replay.sender !== sender) {
        // Someone else reusing the id (with the conversation id, enough to fetch another buyer's answer).
        res.status(409);
        res.json({ error: 'conflict', message: 'This activity id was already used by another sender.' });
        logTurn('id_reused');
        await takeEnd()(null);
        return;
      }
      if (entry.replay) {
        res.status(entry.replay.status);
        if (entry.replay.body !== undefined) res.send(entry.replay.body as never);
        res.end();
        logTurn('duplicate');
        await takeEnd()(null);
        return;
      }
      (req as { body: unknown }).body = { ...activity, correlationId };
      const capture = capturingResponse(res, { hold: true });
      await entry.run(() => deps.adapter.process(req, capture.res, deps.logic));
      const reply = capture.captured();
      // The turn's state and the answer for resends are saved with the lock's release, before the answer goes out:
      // if that fails, the channel gets 503 and retries (commands are idempotent by activity id).
      await takeEnd()(activityId && reply.status < 500 ? { ...reply, sender } : null);
      capture.flush();
      logTurn(reply.status < 400 ? 'ok' : 'error', { status: reply.status });
    } catch (err) {
      deps.log.error({ correlationId, err: err instanceof Error ? err.message : String(err) }, 'turn could not run');
      if (!res.headersSent) unavailable(res, 5, 'Temporarily unavailable: nothing is lost, please retry.');
      logTurn('unavailable');
    } finally {
      if (end) await takeEnd()(null).catch((err: unknown) => deps.log.warn({ correlationId, err: String(err) }, 'turn lock release failed'));
    }

    /** The end of the turn, at most once. */
    function takeEnd(): (reply: CachedReply | null) => Promise<void> {
      const fn = end;
      end = undefined;
      return fn ?? (async () => undefined);
    }
  };
}
