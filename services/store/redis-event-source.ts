import type { DomainEvent } from '../refunds/case';
import type { EventSource } from '../refunds/ports';
import { reportDeliveryErrorToStderr, type DeliveryErrorHook } from './delivery-errors';
import { DEFAULT_PREFIX, storeKeys } from './keys';
import type { RedisCommandSender, RedisDuplicable } from './redis-client';

export interface RedisEventSourceOptions {
  /** Used for group creation; each subscription reads on a duplicate of it (a blocking read holds a connection). */
  client: RedisDuplicable;
  prefix?: string;
  /** How long one XREADGROUP waits for new events; also bounds how long stopping takes. */
  blockMs?: number;
  /** Events fetched per read. */
  batchSize?: number;
  /** A pending event idle this long (its handler failed, or its consumer died) is claimed and redelivered. */
  claimIdleMs?: number;
  /** How often a consumer looks for such events. */
  claimIntervalMs?: number;
  /** After stop, a handler still running past blockMs + this is abandoned (its event stays pending). */
  stopGraceMs?: number;
  onError?: DeliveryErrorHook;
}

type StreamEntry = [id: string, fields: string[]];

/** Reads the outbox stream through Redis consumer groups: at least once, acknowledged after the handler resolves. */
export class RedisEventSource implements EventSource {
  private readonly client: RedisDuplicable;
  private readonly stream: string;
  private readonly blockMs: number;
  private readonly batchSize: number;
  private readonly claimIdleMs: number;
  private readonly claimIntervalMs: number;
  private readonly stopGraceMs: number;
  private readonly onError: DeliveryErrorHook;

  constructor(options: RedisEventSourceOptions) {
    this.client = options.client;
    this.stream = storeKeys(options.prefix ?? DEFAULT_PREFIX).outbox;
    this.blockMs = Math.max(1, options.blockMs ?? 1_000);
    this.batchSize = options.batchSize ?? 10;
    this.claimIdleMs = options.claimIdleMs ?? 30_000;
    this.claimIntervalMs = options.claimIntervalMs ?? Math.min(this.claimIdleMs, 5_000);
    this.stopGraceMs = options.stopGraceMs ?? 5_000;
    this.onError = options.onError ?? reportDeliveryErrorToStderr;
  }

  async subscribe(
    group: string,
    consumer: string,
    handler: (event: DomainEvent) => Promise<void>,
  ): Promise<() => Promise<void>> {
    await this.ensureGroup(group);
    const conn = this.client.duplicate();
    conn.on('error', (err) => this.onError(err, { group, consumer }));
    try {
      await conn.connect();
    } catch (err) {
      conn.destroy();
      throw err;
    }

    let running = true;
    let wake!: () => void;
    const stopped = new Promise<void>((resolve) => (wake = resolve));

    const deliver = async ([id, fields]: StreamEntry): Promise<void> => {
      let event: DomainEvent;
      try {
        event = JSON.parse(fieldValue(fields, 'event')) as DomainEvent;
      } catch (err) {
        // Not an event this store wrote: redelivering it cannot help, so it is reported and acknowledged.
        this.onError(err, { group, consumer, eventId: id });
        await conn.sendCommand(['XACK', this.stream, group, id]);
        return;
      }
      try {
        await handler(event);
      } catch (err) {
        this.onError(err, { group, consumer, eventId: event.id });
        return; // stays pending: claimed again once idle for claimIdleMs
      }
      await conn.sendCommand(['XACK', this.stream, group, id]);
    };

    const loop = async (): Promise<void> => {
      let nextClaimAt = 0;
      let failures = 0;
      while (running) {
        try {
          if (Date.now() >= nextClaimAt) {
            const claimed = await this.claim(conn, group, consumer);
            for (const entry of claimed) await deliver(entry);
            // A full batch may mean more are waiting: claim again right away.
            nextClaimAt = claimed.length >= this.batchSize ? 0 : Date.now() + this.claimIntervalMs;
            if (nextClaimAt === 0) continue;
          }
          const block = Math.max(1, Math.min(this.blockMs, nextClaimAt - Date.now()));
          const entries = await this.read(conn, group, consumer, block);
          for (const entry of entries) await deliver(entry);
          failures = 0;
        } catch (err) {
          if (!running) break;
          this.onError(err, { group, consumer });
          failures += 1;
          await raceTimeout(stopped, Math.min(100 * 2 ** failures, 5_000));
        }
      }
    };
    const done = loop();

    return async () => {
      if (!running) return done;
      running = false;
      wake();
      const finished = await raceTimeout(done.then(() => true), this.blockMs + this.stopGraceMs);
      if (finished) {
        await conn.close();
      } else {
        conn.destroy();
        await done;
      }
    };
  }

  private async ensureGroup(group: string): Promise<void> {
    try {
      await this.client.sendCommand(['XGROUP', 'CREATE', this.stream, group, '0', 'MKSTREAM']);
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('BUSYGROUP')) throw err;
    }
  }

  private async read(conn: RedisCommandSender, group: string, consumer: string, blockMs: number): Promise<StreamEntry[]> {
    const reply = await conn.sendCommand<unknown>([
      'XREADGROUP', 'GROUP', group, consumer,
      'COUNT', String(this.batchSize),
      'BLOCK', String(blockMs),
      'STREAMS', this.stream, '>',
    ]);
    return streamEntries(reply, this.stream);
  }

  private async claim(conn: RedisCommandSender, group: string, consumer: string): Promise<StreamEntry[]> {
    const reply = await conn.sendCommand<[string, (StreamEntry | null)[], string[]?]>([
      'XAUTOCLAIM', this.stream, group, consumer, String(this.claimIdleMs), '0-0', 'COUNT', String(this.batchSize),
    ]);
    // Entries trimmed from the stream while pending come back as nil (Redis 6.2) or in the third element.
    return reply[1].filter((e): e is StreamEntry => e !== null);
  }
}

/** XREADGROUP answers a map of stream -> entries in RESP3 and a list of [stream, entries] pairs in RESP2. */
function streamEntries(reply: unknown, stream: string): StreamEntry[] {
  if (reply === null || reply === undefined) return [];
  if (reply instanceof Map) return (reply.get(stream) as StreamEntry[] | undefined) ?? [];
  if (Array.isArray(reply)) {
    const pair = (reply as [string, StreamEntry[]][]).find(([name]) => String(name) === stream);
    return pair ? pair[1] : [];
  }
  return ((reply as Record<string, StreamEntry[]>)[stream] ?? []);
}

function fieldValue(fields: string[], name: string): string {
  for (let i = 0; i + 1 < fields.length; i += 2) if (String(fields[i]) === name) return String(fields[i + 1]);
  throw new Error(`stream entry has no ${name} field`);
}

/** What `promise` resolves to, or undefined after `ms`; the timer never outlives the race. */
async function raceTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
