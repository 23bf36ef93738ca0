/** A value written together with giving a lease up (one atomic step where the store supports it). */
export interface LeaseWrite {
  key: string;
  value: string;
  /** Expiry in ms; 0 or absent: none. */
  ttlMs?: number;
}

export interface LeaseAcquired {
  acquired: boolean;
  /** The values of the keys asked to be fetched with the lease (null when absent), when acquired. */
  fetched: (string | null)[];
}

/** Where a lock's lease lives: the part of a turn lock that differs between Redis and memory. */
export interface LeaseStore {
  /**
   * Takes the lease if nobody holds it; it lapses by itself after ttlMs. Stores that can read other keys in the
   * same step return their values (one round trip for the lease and what the turn needs first).
   */
  tryAcquire(name: string, token: string, ttlMs: number, fetch: readonly string[]): Promise<LeaseAcquired>;
  /**
   * Writes `writes` (whoever holds the lease: they are the turn's results) and gives the lease up only if
   * `token` still holds it; false when it had lapsed or passed to another.
   */
  release(name: string, token: string, writes: readonly LeaseWrite[]): Promise<boolean>;
}
