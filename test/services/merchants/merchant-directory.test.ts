import { MemoryMerchantDirectory, RedisMerchantDirectory } from '../../../services/merchants';
import { connectTestRedis, type TestRedis } from '../store/redis-fixture';
import { merchantDirectoryContract } from './merchant-directory.contract';

merchantDirectoryContract('MemoryMerchantDirectory', async (options) => new MemoryMerchantDirectory(options));

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('merchant-directory');
});
afterAll(async () => {
  await redis.close();
});

merchantDirectoryContract('RedisMerchantDirectory', async (options) => new RedisMerchantDirectory({ client: redis.client, prefix: redis.nextPrefix(), ...options }));

describe('RedisMerchantDirectory storage', () => {
  const T0 = new Date('2025-06-18T02:00:00.000Z');

  async function dump(prefix: string): Promise<Record<string, string>> {
    const keys = await redis.client.sendCommand<string[]>(['KEYS', `${prefix}*`]);
    const out: Record<string, string> = {};
    for (const key of keys) {
      const type = await redis.client.sendCommand<string>(['TYPE', key]);
      out[key] = type === 'string' ? ((await redis.client.sendCommand<string>(['GET', key])) ?? '') : JSON.stringify(await redis.client.sendCommand(['ZRANGE', key, '0', '-1']));
    }
    return out;
  }

  it('keeps codes only as hashes, and lets Redis drop them once they are forgotten', async () => {
    const prefix = redis.nextPrefix();
    const dir = new RedisMerchantDirectory({ client: redis.client, prefix, demoCodes: false, codeTtlMs: 60_000, codeRetentionMs: 60_000 });
    const { code } = await dir.issue('shop-9', T0);
    await dir.redeem(code, { userId: 'u1' }, T0);
    const stored = await dump(prefix);
    expect(Object.keys(stored).sort()).toEqual([
      expect.stringMatching(new RegExp(`^${prefix}merchant:code:[0-9a-f]{64}$`)),
      `${prefix}merchant:shop:shop-9`,
      `${prefix}merchant:user:u1`,
    ]);
    const everything = JSON.stringify(stored);
    expect(everything).not.toContain(code);
    expect(everything).not.toContain(code.slice(5));
    const codeKey = Object.keys(stored).find((k) => k.includes(':code:'))!;
    // Redis' own clock: the 2-minute life (validity + retention) counted from now, not from the test's T0.
    const ttl = await redis.client.sendCommand<number>(['PTTL', codeKey]);
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('shares one directory between instances on the same prefix', async () => {
    const prefix = redis.nextPrefix();
    const a = new RedisMerchantDirectory({ client: redis.client, prefix, demoCodes: false });
    const b = new RedisMerchantDirectory({ client: redis.client, prefix, demoCodes: false });
    const { code } = await a.issue('shop-9', T0);
    expect(await b.redeem(code, { userId: 'u1' }, T0)).toMatchObject({ ok: true });
    expect(await a.redeem(code, { userId: 'u2' }, T0)).toEqual({ ok: false, error: { kind: 'used' } });
    expect(await a.shopOf('u1')).toBe('shop-9');
  });

  it('keeps the shop sets in step with the bindings when one user races codes of several shops', async () => {
    const prefix = redis.nextPrefix();
    const dir = new RedisMerchantDirectory({ client: redis.client, prefix, demoCodes: true });
    const codes = await Promise.all(['shop-a', 'shop-b', 'shop-c'].map((shop) => dir.issue(shop, T0)));
    const results = await Promise.all([...codes.map((c) => dir.redeem(c.code, { userId: 'u1' }, T0)), dir.redeem('LINK-201', { userId: 'u1' }, T0)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const shop = await dir.shopOf('u1');
    const members: string[] = [];
    for (const s of ['shop-a', 'shop-b', 'shop-c', 'shop-201']) {
      for (const id of await redis.client.sendCommand<string[]>(['ZRANGE', `${prefix}merchant:shop:${s}`, '0', '-1'])) members.push(`${s}/${id}`);
    }
    expect(members).toEqual([`${shop}/u1`]);
  });

  it('keeps deployments on different prefixes apart', async () => {
    const a = new RedisMerchantDirectory({ client: redis.client, prefix: redis.nextPrefix(), demoCodes: true });
    const b = new RedisMerchantDirectory({ client: redis.client, prefix: redis.nextPrefix(), demoCodes: true });
    await a.redeem('LINK-201', { userId: 'u1' }, T0);
    expect(await b.shopOf('u1')).toBeNull();
    expect(await b.merchantsOf('shop-201')).toEqual([]);
  });
});
