import { AsyncLocalStorage } from 'node:async_hooks';

// One bot turn's view of its state in Redis: what was read together with taking the turn lock (so reading it
// again costs nothing), and the writes to make together with releasing it (so saving costs nothing extra).
// Safe because the turn holds the conversation's lock: nobody else writes these keys meanwhile.

export interface TurnScope {
  /** Raw stored values by full Redis key (null: absent), read with the lock. */
  readonly prefetched: Map<string, string | null>;
  /** Full Redis keys whose unconditional writes wait for the end of the turn. */
  readonly deferrable: Set<string>;
  /** Raw values to write at the end of the turn, by full Redis key, with their expiry. */
  readonly deferred: Map<string, { value: string; ttlMs: number }>;
}

const storage = new AsyncLocalStorage<TurnScope>();

export function newTurnScope(): TurnScope {
  return { prefetched: new Map(), deferrable: new Set(), deferred: new Map() };
}

export function runInTurnScope<T>(scope: TurnScope, fn: () => Promise<T>): Promise<T> {
  return storage.run(scope, fn);
}

export function currentTurnScope(): TurnScope | undefined {
  return storage.getStore();
}
