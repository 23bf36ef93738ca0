import { hostname } from 'node:os';
import type { DomainEvent, EventSource } from '../../services/refunds';

/** This process's name in a consumer group: events are shared between the instances of a group. */
export function consumerName(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * One outbox consumer's subscription: started once, stopped once. The handler's outcome is its own business; a
 * handler that throws leaves the event pending for redelivery.
 */
export class OutboxSubscription {
  private unsubscribe: (() => Promise<void>) | null = null;

  constructor(
    private readonly events: EventSource,
    private readonly group: string,
    private readonly handler: (event: DomainEvent) => Promise<unknown>,
    private readonly consumer: string = consumerName(),
  ) {}

  async start(): Promise<void> {
    if (this.unsubscribe) return;
    this.unsubscribe = await this.events.subscribe(this.group, this.consumer, async (event) => {
      await this.handler(event);
    });
  }

  async stop(): Promise<void> {
    const stop = this.unsubscribe;
    this.unsubscribe = null;
    await stop?.();
  }
}
