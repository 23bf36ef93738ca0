import { createClient, type RedisClientType } from 'redis';

export type RedisClient = RedisClientType;

/** What the store needs from a connection: any node-redis client fits as it is. */
export interface RedisCommandSender {
  sendCommand<T = unknown>(args: ReadonlyArray<string>): Promise<T>;
}

/** A connection of its own, for blocking reads that must not hold up other commands. */
export interface RedisDedicatedConnection extends RedisCommandSender {
  connect(): Promise<unknown>;
  close(): Promise<void>;
  /** Drops the connection at once, failing the commands in flight. */
  destroy(): void;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

export interface RedisDuplicable extends RedisCommandSender {
  duplicate(): RedisDedicatedConnection;
}

export interface CreateRedisOptions {
  /** redis[s]://[[user][:password]@]host[:port][/db] */
  url: string;
  /** CLIENT SETNAME, shown by CLIENT LIST: helps find which instance holds a connection. */
  name?: string;
  /**
   * Connection errors (refused, reset, timeouts). node-redis crashes the process on an `error` event with no
   * listener, so one is always attached; by default it writes to stderr.
   */
  onError?: (err: Error) => void;
  connectTimeoutMs?: number;
  /** Upper bound of the wait between reconnection attempts. */
  maxReconnectDelayMs?: number;
}

const DEFAULTS = { connectTimeoutMs: 5_000, maxReconnectDelayMs: 5_000 };

/**
 * Wait before reconnection attempt `retries` (0-based): exponential from 100 ms, capped, with up to 20%
 * jitter so a fleet of instances does not reconnect in lockstep after a failover. Never gives up: a bot
 * without its store is useless, and an outage is reported through onError on every failed attempt.
 */
export function reconnectDelay(retries: number, maxDelayMs: number, random: () => number = Math.random): number {
  const base = Math.min(100 * 2 ** Math.min(retries, 20), maxDelayMs);
  return Math.round(base * (0.8 + 0.2 * random()));
}

/** Creates a client (not yet connected: call `connect()`). */
export function createRedis(options: CreateRedisOptions): RedisClient {
  const o = { ...DEFAULTS, ...options };
  const onError = o.onError ?? ((err: Error) => console.error(`redis: ${err.message}`));
  const client = createClient({
    url: o.url,
    ...(o.name ? { name: o.name } : {}),
    // While the connection is down, commands fail at once instead of waiting in a queue for the reconnection: a
    // turn then answers 503 "retry, nothing is lost" right away rather than hanging for the whole outage, and
    // timers and consumers retry on their next round.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: o.connectTimeoutMs,
      reconnectStrategy: (retries: number) => reconnectDelay(retries, o.maxReconnectDelayMs),
    },
  });
  client.on('error', onError);
  return client;
}
