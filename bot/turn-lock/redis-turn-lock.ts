import { RedisScript, type RedisScriptClient } from '../storage/redis-script';
import type { LeaseStore } from './lease-store';
import { QueuedTurnLock, type QueuedTurnLockOptions } from './queued-turn-lock';
import type { TurnLock, TurnLockAcquireOptions, TurnLockResult } from './turn-lock';

/** The commands RedisTurnLock uses; a node-redis v6 client satisfies it. */
export interface RedisTurnLockClient extends RedisScriptClient {
  set(
    key: string,
    value: string,
    options: { condition: 'NX'; expiration: { type: 'PX'; value: number } },
  ): Promise<string | null>;
}

export interface RedisTurnLockOptions extends QueuedTurnLockOptions {
  client: RedisTurnLockClient;
  /** Namespace of the lock keys: `<prefix>turn-lock:<conversationId>`. */
  prefix?: string;
}

// Compare-and-delete: a turn whose lease lapsed must not release the lease of the turn that replaced it.
const RELEASE_SCRIPT = new RedisScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`);

class RedisLeaseStore implements LeaseStore {
  constructor(
    private readonly client: RedisTurnLockClient,
    private readonly prefix: string,
  ) {}

  async tryAcquire(name: string, token: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(this.prefix + name, token, {
      condition: 'NX',
      expiration: { type: 'PX', value: Math.ceil(ttlMs) },
    });
    return reply === 'OK';
  }

  async release(name: string, token: string): Promise<boolean> {
    const deleted = await RELEASE_SCRIPT.run(this.client, { keys: [this.prefix + name], arguments: [token] });
    return Number(deleted) === 1;
  }
}

/**
 * Turn lock shared by every bot instance on one Redis: SET NX PX takes the lease, a compare-and-delete
 * script gives it back. An uncontended turn costs two round trips.
 */
export class RedisTurnLock implements TurnLock {
  private readonly lock: QueuedTurnLock;

  constructor(options: RedisTurnLockOptions) {
    const { client, prefix = 'rd:bot:', ...lockOptions } = options;
    this.lock = new QueuedTurnLock(new RedisLeaseStore(client, `${prefix}turn-lock:`), lockOptions);
  }

  acquire(conversationId: string, options?: TurnLockAcquireOptions): Promise<TurnLockResult> {
    return this.lock.acquire(conversationId, options);
  }
}
