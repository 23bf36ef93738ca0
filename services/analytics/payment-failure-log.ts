import type { RedisCommandSender } from '../store';

// Payment failures as they happen, from the outbox: definitive declines (`payment_declined`) and transient
// trouble retried under the same key (`payment_retry_scheduled`). Recorded by event id, so a redelivered
// event counts once. The process alert counts them over a sliding window.

export type PaymentFailureKind = 'declined' | 'transient';

export interface PaymentFailureCounts {
  declined: number;
  transient: number;
}

export interface PaymentFailureLog {
  record(eventId: string, kind: PaymentFailureKind, at: Date): Promise<void>;
  /** Failures with `from <= at <= to`. */
  count(from: Date, to: Date): Promise<PaymentFailureCounts>;
  /** Forgets failures before `before`. */
  prune(before: Date): Promise<void>;
}

export class MemoryPaymentFailureLog implements PaymentFailureLog {
  private readonly entries = new Map<string, { kind: PaymentFailureKind; at: number }>();

  async record(eventId: string, kind: PaymentFailureKind, at: Date): Promise<void> {
    if (!this.entries.has(eventId)) this.entries.set(eventId, { kind, at: at.getTime() });
  }

  async count(from: Date, to: Date): Promise<PaymentFailureCounts> {
    const out: PaymentFailureCounts = { declined: 0, transient: 0 };
    for (const e of this.entries.values()) if (e.at >= from.getTime() && e.at <= to.getTime()) out[e.kind]++;
    return out;
  }

  async prune(before: Date): Promise<void> {
    for (const [id, e] of this.entries) if (e.at < before.getTime()) this.entries.delete(id);
  }
}

export interface RedisPaymentFailureLogOptions {
  client: RedisCommandSender;
  /** Key namespace, e.g. `rd:`; one sorted set per kind under `<prefix>ops:payfail:`. */
  prefix?: string;
}

export class RedisPaymentFailureLog implements PaymentFailureLog {
  private readonly client: RedisCommandSender;
  private readonly base: string;

  constructor(options: RedisPaymentFailureLogOptions) {
    this.client = options.client;
    this.base = `${options.prefix ?? 'rd:'}ops:payfail:`;
  }

  async record(eventId: string, kind: PaymentFailureKind, at: Date): Promise<void> {
    await this.client.sendCommand(['ZADD', this.base + kind, 'NX', String(at.getTime()), eventId]);
  }

  async count(from: Date, to: Date): Promise<PaymentFailureCounts> {
    const range = [String(from.getTime()), String(to.getTime())];
    const [declined, transient] = await Promise.all([
      this.client.sendCommand(['ZCOUNT', this.base + 'declined', ...range]),
      this.client.sendCommand(['ZCOUNT', this.base + 'transient', ...range]),
    ]);
    return { declined: Number(declined), transient: Number(transient) };
  }

  async prune(before: Date): Promise<void> {
    const max = `(${before.getTime()}`;
    await Promise.all([
      this.client.sendCommand(['ZREMRANGEBYSCORE', this.base + 'declined', '-inf', max]),
      this.client.sendCommand(['ZREMRANGEBYSCORE', this.base + 'transient', '-inf', max]),
    ]);
  }
}

/** The kind of payment failure an outbox event records, if any. */
export function paymentFailureOf(eventType: string): PaymentFailureKind | null {
  if (eventType === 'payment_declined') return 'declined';
  if (eventType === 'payment_retry_scheduled') return 'transient';
  return null;
}
