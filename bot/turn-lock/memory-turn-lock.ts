import type { LeaseStore } from './lease-store';
import { QueuedTurnLock, type QueuedTurnLockOptions } from './queued-turn-lock';
import type { TurnLock, TurnLockAcquireOptions, TurnLockResult } from './turn-lock';

/** Leases by conversation; hand one map to several InMemoryTurnLocks to act as several instances. */
export type MemoryLeaseMap = Map<string, { token: string; lapsesAt: number }>;

export interface InMemoryTurnLockOptions extends QueuedTurnLockOptions {
  leases?: MemoryLeaseMap;
}

class MemoryLeaseStore implements LeaseStore {
  constructor(private readonly leases: MemoryLeaseMap) {}

  async tryAcquire(name: string, token: string, ttlMs: number): Promise<boolean> {
    const current = this.leases.get(name);
    if (current && current.lapsesAt > Date.now()) return false;
    this.leases.set(name, { token, lapsesAt: Date.now() + ttlMs });
    return true;
  }

  async release(name: string, token: string): Promise<boolean> {
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
