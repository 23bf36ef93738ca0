import { RedisScript, type RedisScriptClient } from '../storage/redis-script';
import type { LeaseAcquired, LeaseStore, LeaseWrite } from './lease-store';
import { QueuedTurnLock, type QueuedTurnLockOptions } from './queued-turn-lock';
import type { TurnLock, TurnLockAcquireOptions, TurnLockResult } from './turn-lock';

/** The commands RedisTurnLock uses; a node-redis v6 client satisfies it. */
export type RedisTurnLockClient = RedisScriptClient;

export interface RedisTurnLockOptions extends QueuedTurnLockOptions {
  client: RedisTurnLockClient;
  /** Namespace of the lock keys: `<prefix>turn-lock:<conversationId>`. */
  prefix?: string;
}

// Takes the lease (SET NX PX) and, when taken, reads the keys the turn needs first, in the same round trip.
// KEYS[1] = lease, KEYS[2..] = keys to read; ARGV[1] = token, ARGV[2] = ttl ms. Returns {1, values...} or {0}.
const ACQUIRE_SCRIPT = new RedisScript(`
if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return {0} end
local out = {1}
for i = 2, #KEYS do out[i] = redis.call('GET', KEYS[i]) end
return out
`);

// Writes the turn's results, then compare-and-delete: a turn whose lease lapsed must not release the lease of
// the turn that replaced it. KEYS[1] = lease, KEYS[2..] = keys to write; ARGV[1] = token, then per write:
// value, ttl ms (0: none). Returns 1 when the lease was released.
const RELEASE_SCRIPT = new RedisScript(`
for i = 2, #KEYS do
  local ttl = tonumber(ARGV[2 * i - 1])
  if ttl > 0 then
    redis.call('SET', KEYS[i], ARGV[2 * i - 2], 'PX', ttl)
  else
    redis.call('SET', KEYS[i], ARGV[2 * i - 2])
  end
end
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

  async tryAcquire(name: string, token: string, ttlMs: number, fetch: readonly string[]): Promise<LeaseAcquired> {
    const reply = (await ACQUIRE_SCRIPT.run(this.client, {
      keys: [this.prefix + name, ...fetch],
      arguments: [token, String(Math.ceil(ttlMs))],
    })) as unknown[];
    if (Number(reply[0]) !== 1) return { acquired: false, fetched: [] };
    return { acquired: true, fetched: fetch.map((_key, i) => (typeof reply[i + 1] === 'string' ? (reply[i + 1] as string) : null)) };
  }

  async release(name: string, token: string, writes: readonly LeaseWrite[]): Promise<boolean> {
    const args = [token];
    for (const w of writes) args.push(w.value, String(Math.max(0, Math.ceil(w.ttlMs ?? 0))));
    const deleted = await RELEASE_SCRIPT.run(this.client, { keys: [this.prefix + name, ...writes.map((w) => w.key)], arguments: args });
    return Number(deleted) === 1;
  }
}

/**
 * Turn lock shared by every bot instance on one Redis: a script takes the lease (and reads what the turn needs
 * first), another writes the turn's results and gives the lease back. An uncontended turn costs two round trips.
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
