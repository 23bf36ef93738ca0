import { RedisTurnLock, type RedisTurnLockClient, type TurnLockResult } from '../../../bot/turn-lock';
import type { ScriptArguments } from '../../../bot/storage/redis-script';
import { connectTestRedis, deleteKeysUnder, uniquePrefix, type TestRedisClient } from '../storage/redis-fixture';

/** Passes every command to the real client and counts them; can be told to fail the next script call. */
class CountingClient implements RedisTurnLockClient {
  readonly calls: string[] = [];
  failNext = false;

  constructor(private readonly inner: RedisTurnLockClient) {}

  async evalSha(sha1: string, options: ScriptArguments) {
    this.calls.push('EVALSHA');
    if (this.failNext) {
      this.failNext = false;
      throw new Error('connection lost');
    }
    return this.inner.evalSha(sha1, options);
  }

  eval(script: string, options: ScriptArguments) {
    this.calls.push('EVAL');
    return this.inner.eval(script, options);
  }
}

function held(result: TurnLockResult) {
  if (!result.ok) throw new Error('expected the lock');
  return result;
}

describe('RedisTurnLock on Redis', () => {
  const prefix = uniquePrefix('redis-turn-lock');
  let client: TestRedisClient;
  let counting: CountingClient;
  let lock: RedisTurnLock;

  beforeAll(async () => {
    client = await connectTestRedis();
  });

  beforeEach(async () => {
    counting = new CountingClient(client);
    lock = new RedisTurnLock({ client: counting, prefix });
    await held(await lock.acquire('warm-up')).release(); // loads both scripts
    counting.calls.length = 0;
  });

  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    client.destroy();
  });

  it('costs two round trips for an uncontended turn', async () => {
    await held(await lock.acquire('conv-1')).release();
    expect(counting.calls).toEqual(['EVALSHA', 'EVALSHA']);
  });

  it('reads the keys asked for when it takes the lock, and writes the results when it gives it up', async () => {
    await client.set(`${prefix}state:a`, 'stored state');
    const lease = held(await lock.acquire('conv-9', { fetch: [`${prefix}state:a`, `${prefix}state:missing`] }));
    expect(lease.fetched).toEqual(['stored state', null]);
    await lease.release([
      { key: `${prefix}state:a`, value: 'new state', ttlMs: 60_000 },
      { key: `${prefix}reply:x`, value: 'reply', ttlMs: 0 },
    ]);
    expect(await client.get(`${prefix}state:a`)).toBe('new state');
    expect(await client.pTTL(`${prefix}state:a`)).toBeGreaterThan(59_000);
    expect(await client.get(`${prefix}reply:x`)).toBe('reply');
    expect(await client.exists(`${prefix}turn-lock:conv-9`)).toBe(0);
    expect(counting.calls).toEqual(['EVALSHA', 'EVALSHA']);
  });

  it('does not poll Redis while waiting behind a turn of this same process', async () => {
    const first = held(await lock.acquire('conv-2'));
    const second = lock.acquire('conv-2');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await first.release();
    await held(await second).release();
    expect(counting.calls).toEqual(['EVALSHA', 'EVALSHA', 'EVALSHA', 'EVALSHA']);
  });

  it('keeps the lock under <prefix>turn-lock:<conversation id> with a 30-second lease by default', async () => {
    const lease = held(await lock.acquire('19:abc@thread.v2'));
    const ttl = await client.pTTL(`${prefix}turn-lock:19:abc@thread.v2`);
    expect(ttl).toBeGreaterThan(29_000);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await lease.release();
    expect(await client.exists(`${prefix}turn-lock:19:abc@thread.v2`)).toBe(0);
  });

  it('rejects the acquire when Redis fails, and serves the next turn', async () => {
    counting.failNext = true;
    const failing = lock.acquire('conv-3');
    const next = lock.acquire('conv-3', { waitMs: 1_000 });
    await expect(failing).rejects.toThrow('connection lost');
    await held(await next).release();
  });
});
