/** Where a lock's lease lives: the part of a turn lock that differs between Redis and memory. */
export interface LeaseStore {
  /** Takes the lease if nobody holds it; it lapses by itself after ttlMs. */
  tryAcquire(name: string, token: string, ttlMs: number): Promise<boolean>;
  /** Gives the lease up only if `token` still holds it; false when it had lapsed or passed to another. */
  release(name: string, token: string): Promise<boolean>;
}
