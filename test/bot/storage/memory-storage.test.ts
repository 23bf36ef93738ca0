import { InMemoryStorage, type MemoryStorageMap } from '../../../bot/storage';

describe('InMemoryStorage expiry', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = Date.UTC(2026, 0, 1);
  });

  it('forgets an item 30 days after its last write by default', async () => {
    const storage = new InMemoryStorage({ now: clock });
    await storage.write({ conv: { n: 1 } });

    now += 30 * 24 * 3600 * 1000 - 1;
    expect((await storage.read(['conv'])).conv.n).toBe(1);
    now += 1;
    expect(await storage.read(['conv'])).toEqual({});
  });

  it('renews the expiry on every write', async () => {
    const storage = new InMemoryStorage({ now: clock, ttlSeconds: 10 });
    await storage.write({ conv: { n: 1 } });
    now += 9_000;
    await storage.write({ conv: { n: 2 } });
    now += 9_000;
    expect((await storage.read(['conv'])).conv.n).toBe(2);
  });

  it('treats an expired item as absent when a write carries its old eTag', async () => {
    const data: MemoryStorageMap = new Map();
    const storage = new InMemoryStorage({ data, now: clock, ttlSeconds: 10 });
    await storage.write({ conv: { n: 1 } });
    const loaded = (await storage.read(['conv'])).conv;
    now += 10_000;
    await storage.write({ conv: { ...loaded, n: 2 } });
    expect((await storage.read(['conv'])).conv.n).toBe(2);
  });

  it('keeps items forever with ttlSeconds 0', async () => {
    const storage = new InMemoryStorage({ now: clock, ttlSeconds: 0 });
    await storage.write({ conv: { n: 1 } });
    now += 10 * 365 * 24 * 3600 * 1000;
    expect((await storage.read(['conv'])).conv.n).toBe(1);
  });
});
