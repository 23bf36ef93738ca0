import type { RedisStorage } from '../storage';
import { newTurnScope, runInTurnScope } from '../storage';
import type { TurnLock } from '../turn-lock';
import type { CachedReply, MemoryReplyCache } from './reply-cache';

// The way into and out of a turn: the conversation's lock, the first answer to a resent activity, and (on Redis)
// the turn's state read with the lock and saved with its release, so a plain turn costs two round trips.

export interface TurnRequest {
  conversationId: string;
  activityId?: string;
  channelId?: string;
}

export type TurnEntry =
  | { ok: false; kind: 'timeout' }
  | {
      ok: true;
      /** The stored answer when this activity id was handled before. */
      replay: CachedReply | null;
      /** Runs the turn with its state at hand. */
      run<T>(fn: () => Promise<T>): Promise<T>;
      /** Saves the turn's results (state, the answer for resends) and releases the conversation. */
      end(reply: CachedReply | null): Promise<void>;
    };

export interface TurnGate {
  enter(request: TurnRequest, waitMs: number): Promise<TurnEntry>;
}

const REPLY_TTL_MS = 10 * 60_000;

/** botbuilder's ConversationState key for a conversation (its namespace is empty: the key ends with '/'). */
function conversationStateKey(request: TurnRequest): string | null {
  return request.channelId ? `${request.channelId}/conversations/${request.conversationId}/` : null;
}

export class RedisTurnGate implements TurnGate {
  constructor(
    private readonly options: {
      lock: TurnLock;
      storage: RedisStorage;
      prefix: string;
      replyTtlMs?: number;
      /** More keys a turn of the conversation reads first (full keys): read with the lock, in the turn's scope. */
      alsoRead?: (conversationId: string) => readonly string[];
    },
  ) {}

  private replyKey(request: TurnRequest): string | null {
    return request.activityId ? `${this.options.prefix}reply:${request.conversationId}:${request.activityId}` : null;
  }

  async enter(request: TurnRequest, waitMs: number): Promise<TurnEntry> {
    const replyKey = this.replyKey(request);
    const stateKey = conversationStateKey(request);
    const stateFullKey = stateKey ? this.options.storage.keyOf(stateKey) : null;
    const extra = this.options.alsoRead?.(request.conversationId) ?? [];
    const fetch = [replyKey, stateFullKey, ...extra].filter((k): k is string => k !== null);
    const held = await this.options.lock.acquire(request.conversationId, { waitMs, fetch });
    if (!held.ok) return held;
    const fetched = new Map(fetch.map((key, i) => [key, held.fetched[i] ?? null]));
    const stored = replyKey ? fetched.get(replyKey) : null;
    const scope = newTurnScope();
    if (stateFullKey) {
      scope.prefetched.set(stateFullKey, fetched.get(stateFullKey) ?? null);
      scope.deferrable.add(stateFullKey);
    }
    for (const key of extra) scope.prefetched.set(key, fetched.get(key) ?? null);
    return {
      ok: true,
      replay: stored ? (JSON.parse(stored) as CachedReply) : null,
      run: (fn) => runInTurnScope(scope, fn),
      end: async (reply) => {
        const writes = [...scope.deferred].map(([key, w]) => ({ key, value: w.value, ttlMs: w.ttlMs }));
        if (reply && replyKey) writes.push({ key: replyKey, value: JSON.stringify(reply), ttlMs: this.options.replyTtlMs ?? REPLY_TTL_MS });
        await held.release(writes);
      },
    };
  }
}

export class MemoryTurnGate implements TurnGate {
  constructor(private readonly options: { lock: TurnLock; replies: MemoryReplyCache }) {}

  async enter(request: TurnRequest, waitMs: number): Promise<TurnEntry> {
    const held = await this.options.lock.acquire(request.conversationId, { waitMs });
    if (!held.ok) return held;
    const replay = request.activityId ? await this.options.replies.get(request.conversationId, request.activityId) : null;
    return {
      ok: true,
      replay,
      run: (fn) => fn(),
      end: async (reply) => {
        try {
          if (reply && request.activityId) await this.options.replies.put(request.conversationId, request.activityId, reply);
        } finally {
          await held.release();
        }
      },
    };
  }
}
