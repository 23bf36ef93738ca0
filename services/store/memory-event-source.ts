import type { DomainEvent } from '../refunds/case';
import type { EventSource } from '../refunds/ports';
import { reportDeliveryErrorToStderr, type DeliveryErrorHook } from './delivery-errors';
import type { MemoryOutbox } from './memory-outbox';

export interface MemoryEventSourceOptions {
  outbox: MemoryOutbox;
  /** A delivered event unacknowledged for this long (its handler failed, or its consumer stopped) is redelivered. */
  claimIdleMs?: number;
  onError?: DeliveryErrorHook;
}

/** Reads a MemoryOutbox with the delivery rules of RedisEventSource. */
export class MemoryEventSource implements EventSource {
  private readonly outbox: MemoryOutbox;
  private readonly claimIdleMs: number;
  private readonly onError: DeliveryErrorHook;

  constructor(options: MemoryEventSourceOptions) {
    this.outbox = options.outbox;
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.onError = options.onError ?? reportDeliveryErrorToStderr;
  }

  async subscribe(
    group: string,
    consumer: string,
    handler: (event: DomainEvent) => Promise<void>,
  ): Promise<() => Promise<void>> {
    this.outbox.ensureGroup(group);
    let running = true;
    let wake!: () => void;
    const stopped = new Promise<void>((resolve) => (wake = resolve));
    // Idle entries become claimable with no append to signal it: look again at least this often.
    const recheckMs = Math.max(5, Math.min(1_000, this.claimIdleMs));

    const loop = async (): Promise<void> => {
      // Never deliver inside subscribe() or inside the commit that appended: always on a later turn.
      await new Promise((resolve) => setImmediate(resolve));
      while (running) {
        const delivery = this.outbox.take(group, consumer, this.claimIdleMs);
        if (!delivery) {
          await waitFor([this.outbox.nextAppend(), stopped], recheckMs);
          continue;
        }
        try {
          await handler(delivery.event);
          this.outbox.ack(group, delivery.seq);
        } catch (err) {
          this.onError(err, { group, consumer, eventId: delivery.event.id });
        }
      }
    };
    const done = loop();

    return async () => {
      running = false;
      wake();
      await done;
    };
  }
}

async function waitFor(signals: Promise<void>[], timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  try {
    await Promise.race([...signals, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
