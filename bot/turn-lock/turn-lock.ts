import type { LeaseWrite } from './lease-store';

export interface TurnLockAcquireOptions {
  /** How long to wait for the turn before giving up; default set by the lock (15 s). */
  waitMs?: number;
  /** Keys to read in the same step as taking the lock (stores that cannot: all null). */
  fetch?: readonly string[];
}

export interface TurnLockHeld {
  ok: true;
  /** The values of the `fetch` keys, read atomically with taking the lock. */
  fetched: (string | null)[];
  /**
   * Ends the turn, writing `writes` in the same step. Safe to call twice (the second call does nothing); never
   * releases a lock someone else holds now.
   */
  release(writes?: readonly LeaseWrite[]): Promise<void>;
}

export interface TurnLockTimedOut {
  ok: false;
  kind: 'timeout';
}

export type TurnLockResult = TurnLockHeld | TurnLockTimedOut;

/**
 * Lets the turns of one conversation run one at a time, across bot instances. A held lock lapses after a
 * lease time, so a crashed instance cannot block a conversation for good.
 */
export interface TurnLock {
  acquire(conversationId: string, options?: TurnLockAcquireOptions): Promise<TurnLockResult>;
}
