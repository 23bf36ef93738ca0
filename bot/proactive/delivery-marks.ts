import type { RedisCommandSender } from '../../services/store';

// "Already told the buyer about this event": the outbox delivers at least once, so a consumer remembers which
// event ids it has sent. The mark is written only after a successful send, so a crash before sending means
// the event is redelivered and sent then.

export interface DeliveryMarks {
  has(eventId: string): Promise<boolean>;
  /** Records the event as sent; false when it was already marked (another delivery sent it too). */
  mark(eventId: string): Promise<boolean>;
}

/** In-process marks for running without Redis; the oldest are forgotten past `max`. */
export class MemoryDeliveryMarks implements DeliveryMarks {
  private readonly marks = new Set<string>();

  constructor(private readonly max = 100_000) {}

  async has(eventId: string): Promise<boolean> {
    return this.marks.has(eventId);
  }

  async mark(eventId: string): Promise<boolean> {
    if (this.marks.has(eventId)) return false;
    this.marks.add(eventId);
    if (this.marks.size > this.max) {
      const oldest = this.marks.values().next().value;
      if (oldest !== undefined) this.marks.delete(oldest);
    }
    return true;
  }
}

export interface RedisDeliveryMarksOptions {
  client: RedisCommandSender;
  /** Key namespace; marks live under `<prefix>sent:<eventId>`. */
  prefix: string;
  /** How long a mark is kept: longer than any redelivery can happen (pending events are claimed within minutes). */
  ttlSeconds?: number;
}

export class RedisDeliveryMarks implements DeliveryMarks {
  private readonly client: RedisCommandSender;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(options: RedisDeliveryMarksOptions) {
    this.client = options.client;
    this.prefix = `${options.prefix}sent:`;
    this.ttlSeconds = options.ttlSeconds ?? 30 * 24 * 3600;
  }

  async has(eventId: string): Promise<boolean> {
    return Number(await this.client.sendCommand(['EXISTS', this.prefix + eventId])) > 0;
  }

  async mark(eventId: string): Promise<boolean> {
    const reply = await this.client.sendCommand(['SET', this.prefix + eventId, '1', 'NX', 'EX', String(this.ttlSeconds)]);
    return reply !== null && reply !== undefined;
  }
}
