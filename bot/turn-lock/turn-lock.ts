export interface TurnLockAcquireOptions {
  /** How long to wait for the turn before giving up; default set by the lock (15 s). */
  waitMs?: number;
}

export interface TurnLockHeld {
  ok: true;
  /** Ends the turn. Safe to call twice; never releases a lock someone else holds now. */
  release(): Promise<void>;
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
