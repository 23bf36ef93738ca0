import { randomUUID } from 'node:crypto';
import type { LeaseAcquired, LeaseStore, LeaseWrite } from './lease-store';
import type { TurnLock, TurnLockAcquireOptions, TurnLockResult } from './turn-lock';

export interface QueuedTurnLockOptions {
  /** Lease time: how long a lock held by a crashed or stuck turn blocks the conversation. Default 30 s. */
  ttlMs?: number;
  /** Default wait for a turn before acquire answers timeout. Default 15 s. */
  waitMs?: number;
  /** Polling the lease while another instance holds it: first and longest pause. Default 10 and 50 ms. */
  pollMinMs?: number;
  pollMaxMs?: number;
}

interface Waiter {
  readonly deadline: number;
  readonly fetch: readonly string[];
  settled: boolean;
  resolve(result: TurnLockResult): void;
  reject(error: unknown): void;
  timer?: NodeJS.Timeout;
}

interface Holder {
  readonly token: string;
  /** When the lease lapses at the latest, by this process' clock. */
  readonly lapsesAt: number;
}

/** The turns of one conversation waiting in this process, oldest first. */
interface ConversationQueue {
  readonly waiters: Waiter[];
  holder: Holder | null;
  serving: boolean;
  /** The waiter whose lease request is in flight: its own timeout waits for the answer. */
  attempting: Waiter | null;
  wake: (() => void) | null;
}

/**
 * A turn lock over a lease store. Within this process, waiting turns form a FIFO per conversation and only
 * the oldest asks the store, so turns are served in arrival order and a turn waiting behind a turn of this
 * same process costs no round trips: it is woken when that turn releases (or its lease lapses). While
 * another instance holds the lease, the oldest waiter polls with a short, growing pause.
 */
export class QueuedTurnLock implements TurnLock {
  private readonly ttlMs: number;
  private readonly waitMs: number;
  private readonly pollMinMs: number;
  private readonly pollMaxMs: number;
  private readonly queues = new Map<string, ConversationQueue>();

  constructor(
    private readonly store: LeaseStore,
    options: QueuedTurnLockOptions = {},
  ) {
    this.ttlMs = positive('ttlMs', options.ttlMs ?? 30_000);
    this.waitMs = nonNegative('waitMs', options.waitMs ?? 15_000);
    this.pollMinMs = positive('pollMinMs', options.pollMinMs ?? 10);
    this.pollMaxMs = Math.max(this.pollMinMs, positive('pollMaxMs', options.pollMaxMs ?? 50));
  }

  acquire(conversationId: string, options: TurnLockAcquireOptions = {}): Promise<TurnLockResult> {
    if (typeof conversationId !== 'string' || conversationId === '') {
      return Promise.reject(new TypeError('A turn lock needs a conversation id.'));
    }
    const waitMs = nonNegative('waitMs', options.waitMs ?? this.waitMs);
    const queue = this.queueOf(conversationId);
    return new Promise<TurnLockResult>((resolve, reject) => {
      const waiter: Waiter = { deadline: Date.now() + waitMs, fetch: options.fetch ?? [], settled: false, resolve, reject };
      waiter.timer = setTimeout(() => this.giveUp(queue, waiter), waitMs);
      queue.waiters.push(waiter);
      if (!queue.serving) void this.serve(conversationId, queue);
    });
  }

  private queueOf(conversationId: string): ConversationQueue {
    let queue = this.queues.get(conversationId);
    if (!queue) {
      queue = { waiters: [], holder: null, serving: false, attempting: null, wake: null };
      this.queues.set(conversationId, queue);
    }
    return queue;
  }

  private async serve(conversationId: string, queue: ConversationQueue): Promise<void> {
    queue.serving = true;
    let pause = this.pollMinMs;
    try {
      while (queue.waiters.length > 0) {
        const head = queue.waiters[0];
        const now = Date.now();
        if (queue.holder && queue.holder.lapsesAt > now) {
          if (now >= head.deadline) this.giveUp(queue, head);
          else await this.sleep(queue, Math.min(queue.holder.lapsesAt, head.deadline) - now);
          continue;
        }
        if (await this.attempt(conversationId, queue, head)) {
          pause = this.pollMinMs;
          continue;
        }
        // Held elsewhere (another instance, or a lapsed holder of ours that another instance replaced).
        if (Date.now() >= head.deadline) {
          this.giveUp(queue, head);
          continue;
        }
        // Jitter keeps instances polling one conversation from doing so in step.
        await this.sleep(queue, Math.min(pause * (0.75 + Math.random() / 2), head.deadline - Date.now()));
        pause = Math.min(pause * 2, this.pollMaxMs);
      }
    } finally {
      queue.serving = false;
      this.forgetIfIdle(conversationId, queue);
    }
  }

  /** Asks the store for the lease on behalf of the oldest waiter; true when that waiter has its answer. */
  private async attempt(conversationId: string, queue: ConversationQueue, head: Waiter): Promise<boolean> {
    const token = randomUUID();
    // Measured before asking: the lease starts when the store grants it, so this errs on the early side.
    const askedAt = Date.now();
    queue.attempting = head;
    let acquired: LeaseAcquired;
    try {
      acquired = await this.store.tryAcquire(conversationId, token, this.ttlMs, head.fetch);
    } catch (error) {
      this.settle(queue, head);
      head.reject(error);
      return true;
    } finally {
      queue.attempting = null;
    }
    if (!acquired.acquired) return false;
    queue.holder = { token, lapsesAt: askedAt + this.ttlMs };
    this.settle(queue, head);
    head.resolve({ ok: true, fetched: acquired.fetched, release: once((writes) => this.release(conversationId, queue, token, writes ?? [])) });
    return true;
  }

  private async release(conversationId: string, queue: ConversationQueue, token: string, writes: readonly LeaseWrite[]): Promise<void> {
    try {
      await this.store.release(conversationId, token, writes);
    } finally {
      // Even if the store could not be reached: the next turn here then polls, and gets in once the lease lapses.
      if (queue.holder?.token === token) queue.holder = null;
      queue.wake?.();
      this.forgetIfIdle(conversationId, queue);
    }
  }

  private giveUp(queue: ConversationQueue, waiter: Waiter): void {
    if (waiter.settled || queue.attempting === waiter) return;
    const wasOldest = queue.waiters[0] === waiter;
    this.settle(queue, waiter);
    waiter.resolve({ ok: false, kind: 'timeout' });
    if (wasOldest) queue.wake?.();
  }

  private settle(queue: ConversationQueue, waiter: Waiter): void {
    waiter.settled = true;
    clearTimeout(waiter.timer);
    const index = queue.waiters.indexOf(waiter);
    if (index >= 0) queue.waiters.splice(index, 1);
  }

  private sleep(queue: ConversationQueue, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (queue.wake === done) queue.wake = null;
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      queue.wake = done;
    });
  }

  private forgetIfIdle(conversationId: string, queue: ConversationQueue): void {
    if (!queue.serving && !queue.holder && queue.waiters.length === 0 && this.queues.get(conversationId) === queue) {
      this.queues.delete(conversationId);
    }
  }
}

function once(action: (writes?: readonly LeaseWrite[]) => Promise<void>): (writes?: readonly LeaseWrite[]) => Promise<void> {
  let result: Promise<void> | undefined;
  return (writes) => (result ??= action(writes));
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number of ms, got ${value}`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a number of ms >= 0, got ${value}`);
  return value;
}
