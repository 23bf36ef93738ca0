import type { RedisCommandSender } from '../../services/store';

// "Conversation X has new activities": how an open WebSocket learns that it has something to read. The message
// carries only the conversation id; each stream reads the log from its own watermark, so a lost or doubled
// notice costs at most a read. With Redis it goes through pub/sub, so a reply appended by one instance reaches
// a WebSocket held by another.

export type ActivityListener = (conversationId: string) => void;

export interface ActivityBus {
  publish(conversationId: string): Promise<void>;
  subscribe(listener: ActivityListener): () => void;
  close(): Promise<void>;
}

export class MemoryActivityBus implements ActivityBus {
  private readonly listeners = new Set<ActivityListener>();

  async publish(conversationId: string): Promise<void> {
    for (const listener of [...this.listeners]) listener(conversationId);
  }

  subscribe(listener: ActivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}

/** A connection of its own for SUBSCRIBE (node-redis's duplicate() of the main client). */
export interface PubSubConnection {
  on(event: 'error', listener: (err: Error) => void): unknown;
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string) => void): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  close(): Promise<unknown>;
  destroy(): void;
}

export interface RedisActivityBusOptions {
  client: RedisCommandSender & { duplicate(): PubSubConnection };
  prefix: string;
  onError?: (err: Error) => void;
}

export class RedisActivityBus implements ActivityBus {
  private readonly local = new MemoryActivityBus();
  private readonly channel: string;
  private subscriber: PubSubConnection | null = null;

  private constructor(private readonly options: RedisActivityBusOptions) {
    this.channel = `${options.prefix}dl:activity`;
  }

  /** Connects the subscribing connection (pub/sub needs one of its own). */
  static async start(options: RedisActivityBusOptions): Promise<RedisActivityBus> {
    const bus = new RedisActivityBus(options);
    const conn = options.client.duplicate();
    conn.on('error', (err: Error) => (options.onError ?? ((e: Error) => console.error(`redis: ${e.message}`)))(err));
    try {
      await conn.connect();
      await conn.subscribe(bus.channel, (message: string) => void bus.local.publish(message));
    } catch (err) {
      conn.destroy();
      throw err;
    }
    bus.subscriber = conn;
    return bus;
  }

  async publish(conversationId: string): Promise<void> {
    await this.options.client.sendCommand(['PUBLISH', this.channel, conversationId]);
  }

  subscribe(listener: ActivityListener): () => void {
    return this.local.subscribe(listener);
  }

  async close(): Promise<void> {
    await this.local.close();
    const conn = this.subscriber;
    this.subscriber = null;
    if (!conn) return;
    try {
      await conn.unsubscribe(this.channel);
      await conn.close();
    } catch {
      conn.destroy();
    }
  }
}
