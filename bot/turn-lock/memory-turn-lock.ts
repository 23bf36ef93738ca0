import type { LeaseAcquired, LeaseStore, LeaseWrite } from './lease-store';
import { QueuedTurnLock, type QueuedTurnLockOptions } from './queued-turn-lock';
import type { TurnLock, TurnLockAcquireOptions, TurnLockResult } from './turn-lock';

/** Leases by conversation; hand one map to several InMemoryTurnLocks to act as several instances. */
export type MemoryLeaseMap = Map<string, { token: string; lapsesAt: number }>;

export interface InMemoryTurnLockOptions extends QueuedTurnLockOptions {
  leases?: MemoryLeaseMap;
}

class MemoryLeaseStore implements LeaseStore {
  constructor(private readonly leases: MemoryLeaseMap) {}

  async tryAcquire(name: string, token: string, ttlMs: number, fetch: readonly string[]): Promise<LeaseAcquired> {
    const current = this.leases.get(name);
    if (current && current.lapsesAt > Date.now()) return { acquired: false, fetched: [] };
    this.leases.set(name, { token, lapsesAt: Date.now() + ttlMs });
    // Nothing to read alongside: in memory, the turn reads its state where it lives.
    return { acquired: true, fetched: fetch.map(() => null) };
  }

  async release(name: string, token: string, writes: readonly LeaseWrite[]): Promise<boolean> {
    if (writes.length > 0) throw new Error('the in-memory lease store keeps no values: write them where they live');
    const current = this.leases.get(name);
    if (!current || current.token !== token) return false;
    this.leases.delete(name);
    return current.lapsesAt > Date.now();
  }
}

/** Non-durable turn lock with the same semantics as RedisTurnLock, for a single process. */
export class InMemoryTurnLock implements TurnLock {
  private readonly lock: QueuedTurnLock;

  constructor(options: InMemoryTurnLockOptions = {}) {
    const { leases = new Map(), ...lockOptions } = options;
    this.lock = new QueuedTurnLock(new MemoryLeaseStore(leases), lockOptions);
  }

  acquire(conversationId: string, options?: TurnLockAcquireOptions): Promise<TurnLockResult> {
    return this.lock.acquire(conversationId, options);
  }
}
