import type { DomainEvent } from '../refunds/case';

export interface MemoryOutboxOptions {
  /** Oldest events beyond this many are dropped, like the Redis stream's MAXLEN. */
  maxLength?: number;
  now?: () => number;
}

export interface OutboxDelivery {
  seq: number;
  event: DomainEvent;
}

interface Pending {
  consumer: string;
  deliveredAt: number;
}

interface Group {
  /** Sequence number of the next event never delivered to the group. */
  cursor: number;
  /** Delivered, not yet acknowledged (the stream's pending entries list). */
  pending: Map<number, Pending>;
}

/**
 * The in-memory outbox: an append-only log of domain events with consumer groups, shared by
 * MemoryCaseStore (which appends in the same step as the case write) and MemoryEventSource (which reads).
 * Mirrors the Redis stream: a group starts at the oldest event, each event goes to one consumer of a group,
 * stays pending until acknowledged, and is handed to any consumer once it has been idle long enough.
 * Not durable: everything is lost when the process ends.
 */
export class MemoryOutbox {
  private readonly maxLength: number;
  private readonly now: () => number;
  private log: string[] = [];
  /** Sequence number of log[0]. */
  private firstSeq = 0;
  private readonly groups = new Map<string, Group>();
  private appended!: Promise<void>;
  private signalAppended!: () => void;

  constructor(options: MemoryOutboxOptions = {}) {
    this.maxLength = options.maxLength ?? 100_000;
    this.now = options.now ?? Date.now;
    this.resetSignal();
  }

  append(event: DomainEvent): void {
    this.log.push(JSON.stringify(event));
    if (this.log.length > this.maxLength) {
      const drop = this.log.length - this.maxLength;
      this.log = this.log.slice(drop);
      this.firstSeq += drop;
    }
    const signal = this.signalAppended;
    this.resetSignal();
    signal();
  }

  /** The events still held, oldest first (copies). */
  events(): DomainEvent[] {
    return this.log.map((json) => JSON.parse(json) as DomainEvent);
  }

  get length(): number {
    return this.log.length;
  }

  /** Resolves at the next append. */
  nextAppend(): Promise<void> {
    return this.appended;
  }

  /** Creates the group at the oldest event if it does not exist yet. */
  ensureGroup(group: string): void {
    if (!this.groups.has(group)) this.groups.set(group, { cursor: this.firstSeq, pending: new Map() });
  }

  /**
   * The next event for `consumer`: first a pending one idle for at least `claimIdleMs` (a failed handler's, or
   * one left by a consumer that stopped), which it takes over; else the next event new to the group.
   */
  take(group: string, consumer: string, claimIdleMs: number): OutboxDelivery | null {
    const g = this.group(group);
    const now = this.now();
    for (const [seq, p] of g.pending) {
      const json = this.at(seq);
      if (json === undefined) {
        g.pending.delete(seq); // trimmed away while pending, as XAUTOCLAIM drops deleted entries
        continue;
      }
      if (now - p.deliveredAt >= claimIdleMs) {
        g.pending.set(seq, { consumer, deliveredAt: now });
        return { seq, event: JSON.parse(json) as DomainEvent };
      }
    }
    g.cursor = Math.max(g.cursor, this.firstSeq);
    const json = this.at(g.cursor);
    if (json === undefined) return null;
    const seq = g.cursor++;
    g.pending.set(seq, { consumer, deliveredAt: now });
    return { seq, event: JSON.parse(json) as DomainEvent };
  }

  ack(group: string, seq: number): void {
    this.group(group).pending.delete(seq);
  }

  /** Number of delivered, unacknowledged events of a group. */
  pendingCount(group: string): number {
    return this.groups.get(group)?.pending.size ?? 0;
  }

  private at(seq: number): string | undefined {
    return seq < this.firstSeq ? undefined : this.log[seq - this.firstSeq];
  }

  private group(name: string): Group {
    const g = this.groups.get(name);
    if (!g) throw new Error(`outbox group ${name} does not exist`);
    return g;
  }

  private resetSignal(): void {
    this.appended = new Promise((resolve) => (this.signalAppended = resolve));
  }
}
