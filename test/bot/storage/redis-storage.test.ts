import { DEFAULT_STATE_TTL_SECONDS, RedisStorage, type RedisStorageClient } from '../../../bot/storage';
import type { ScriptArguments } from '../../../bot/storage/redis-script';
import { connectTestRedis, deleteKeysUnder, uniquePrefix, type TestRedisClient } from './redis-fixture';

/** Passes every command to the real client and counts them: each call is one round trip. */
class CountingClient implements RedisStorageClient {
  readonly calls: string[] = [];
  noScriptOnce = false;

  constructor(private readonly inner: RedisStorageClient) {}

  mGet(keys: string[]) {
    this.calls.push('MGET');
    return this.inner.mGet(keys);
  }

  del(keys: string[]) {
    this.calls.push('DEL');
    return this.inner.del(keys);
  }

  async evalSha(sha1: string, options: ScriptArguments) {
    this.calls.push('EVALSHA');
    if (this.noScriptOnce) {
      this.noScriptOnce = false;
      throw new Error('NOSCRIPT No matching script. Please use EVAL.');
    }
    return this.inner.evalSha(sha1, options);
  }

  eval(script: string, options: ScriptArguments) {
    this.calls.push('EVAL');
    return this.inner.eval(script, options);
  }
}

describe('RedisStorage on Redis', () => {
  const prefix = uniquePrefix('redis-storage');
  let client: TestRedisClient;
  let counting: CountingClient;
  let storage: RedisStorage;

  beforeAll(async () => {
    client = await connectTestRedis();
  });

  beforeEach(async () => {
    counting = new CountingClient(client);
    storage = new RedisStorage({ client: counting, prefix });
    await storage.write({ warm: { n: 0 } }); // loads the script, so counts below are the steady state
    counting.calls.length = 0;
  });

  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    client.destroy();
  });

  it('writes a batch of keys in one round trip', async () => {
    await storage.write({ 'conv/1': { n: 1 }, 'user/1': { n: 2 }, 'conv/1/private': { n: 3 } });
    expect(counting.calls).toEqual(['EVALSHA']);
  });

  it('reads several keys in one MGET', async () => {
    await storage.read(['conv/1', 'user/1', 'missing']);
    expect(counting.calls).toEqual(['MGET']);
  });

  it('deletes several keys in one DEL', async () => {
    await storage.delete(['conv/1', 'user/1']);
    expect(counting.calls).toEqual(['DEL']);
  });

  it('sends nothing to Redis for empty reads, writes and deletes', async () => {
    await storage.read([]);
    await storage.write({});
    await storage.delete([]);
    expect(counting.calls).toEqual([]);
  });

  it('reloads the script when Redis has forgotten it', async () => {
    counting.noScriptOnce = true;
    await storage.write({ reloaded: { n: 1 } });
    expect(counting.calls).toEqual(['EVALSHA', 'EVAL']);
    expect((await storage.read(['reloaded'])).reloaded.n).toBe(1);
  });

  it('keeps items under <prefix>state:<key> with a 30-day expiry by default', async () => {
    await storage.write({ 'msteams/conversations/a:b': { n: 1 } });
    const ttl = await client.ttl(`${prefix}state:msteams/conversations/a:b`);
    expect(ttl).toBeGreaterThan(DEFAULT_STATE_TTL_SECONDS - 60);
    expect(ttl).toBeLessThanOrEqual(DEFAULT_STATE_TTL_SECONDS);
  });

  it('renews the expiry on every write and honours a configured one', async () => {
    const short = new RedisStorage({ client, prefix, ttlSeconds: 120 });
    await short.write({ renewed: { n: 1 } });
    await client.expire(`${prefix}state:renewed`, 5);
    await short.write({ renewed: { n: 2 } });
    expect(await client.ttl(`${prefix}state:renewed`)).toBeGreaterThan(100);
  });

  it('keeps items forever with ttlSeconds 0', async () => {
    const forever = new RedisStorage({ client, prefix, ttlSeconds: 0 });
    await forever.write({ forever: { n: 1 } });
    expect(await client.ttl(`${prefix}state:forever`)).toBe(-1);
  });

  it('refuses a ttl that is not a whole number of seconds', () => {
    expect(() => new RedisStorage({ client, prefix, ttlSeconds: 1.5 })).toThrow(RangeError);
    expect(() => new RedisStorage({ client, prefix, ttlSeconds: -1 })).toThrow(RangeError);
  });

  it('refuses to read a key that holds something else', async () => {
    await client.set(`${prefix}state:foreign`, 'not an item');
    await expect(storage.read(['foreign'])).rejects.toThrow(/does not hold a bot state item/);
  });
});
