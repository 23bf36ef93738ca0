import { RedisCaseStore, storeKeys, type RedisCommandSender } from '../../../services/store';
import { aCase } from '../../support/case-builder';
import { changed, writeOf } from './case-writes';
import { connectTestRedis, type TestRedis } from './redis-fixture';

// What only the Redis implementation has: round-trip accounting, the script cache fallback, key layout.

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('redis-case-store');
});
afterAll(async () => {
  await redis.close();
});

/** Passes commands to the real client, recording them; can answer the next EVALSHA with an error. */
class RecordingSender implements RedisCommandSender {
  readonly sent: string[][] = [];
  failNextEvalSha: string | null = null;
  constructor(private readonly inner: RedisCommandSender) {}
  async sendCommand<T = unknown>(args: ReadonlyArray<string>): Promise<T> {
    this.sent.push([...args]);
    if (args[0] === 'EVALSHA' && this.failNextEvalSha) {
      const message = this.failNextEvalSha;
      this.failNextEvalSha = null;
      throw new Error(message);
    }
    return this.inner.sendCommand<T>(args);
  }
}

/** Every key under the prefix: SCAN to the end of its cursor (one call only covers part of a busy keyspace). */
const keysUnder = async (prefix: string): Promise<string[]> => {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '10000']);
    found.push(...keys.map(String));
    cursor = String(next);
  } while (cursor !== '0');
  return found.sort();
};

describe('RedisCaseStore', () => {
  it('counts one round trip per command: commit, get, audit, due, case numbers and find take one', async () => {
    const store = new RedisCaseStore({ client: redis.client, prefix: redis.nextPrefix() });
    // Scripts are loaded on first use (a NOSCRIPT answer costs one more trip): warm them first.
    await store.find({ buyerId: 'nobody' });
    await store.commit(writeOf(aCase({ id: 'RD-000999', buyerId: 'warm-up', orderId: 'warm-up' })));
    const steps: [string, () => Promise<unknown>, number][] = [
      ['commit', () => store.commit(writeOf(aCase())), 1],
      ['get', () => store.get('RD-000001'), 1],
      ['audit', () => store.audit('RD-000001'), 1],
      ['find with a match', () => store.find({ buyerId: 'buyer-1' }), 1],
      ['find with no match', () => store.find({ buyerId: 'buyer-9' }), 1],
      ['due', () => store.due(new Date(), 10), 1],
      ['nextCaseNumber', () => store.nextCaseNumber(), 1],
      ['filingsOnOrder', () => store.filingsOnOrder('order-1'), 1],
    ];
    for (const [what, step, trips] of steps) {
      const before = store.roundTrips;
      await step();
      expect({ what, trips: store.roundTrips - before }).toEqual({ what, trips });
    }
  });

  it('loads the script again when the server lost it (NOSCRIPT) and still writes once', async () => {
    const sender = new RecordingSender(redis.client);
    const store = new RedisCaseStore({ client: sender, prefix: redis.nextPrefix() });
    sender.failNextEvalSha = 'NOSCRIPT No matching script. Please use EVAL.';
    expect(await store.commit(writeOf(aCase()))).toEqual({ ok: true });
    expect(sender.sent.map((c) => c[0])).toEqual(['EVALSHA', 'EVAL']);
    expect(store.roundTrips).toBe(2);
    expect(await store.audit('RD-000001')).toHaveLength(1);
  });

  it('does not retry other script errors', async () => {
    const sender = new RecordingSender(redis.client);
    const store = new RedisCaseStore({ client: sender, prefix: redis.nextPrefix() });
    sender.failNextEvalSha = 'BUSY Redis is busy running a script';
    await expect(store.commit(writeOf(aCase()))).rejects.toThrow('BUSY');
    expect(sender.sent.map((c) => c[0])).toEqual(['EVALSHA']);
  });

  it('passes every key the script touches as KEYS, all under the prefix', async () => {
    const sender = new RecordingSender(redis.client);
    const prefix = redis.nextPrefix();
    const store = new RedisCaseStore({ client: sender, prefix });
    const c = aCase();
    await store.commit(
      writeOf(c, {
        idempotency: { key: 'buyer:buyer-1:order:order-1:file:a1', record: { fingerprint: 'f', result: null } },
        orderGuard: { orderId: 'order-1', expectedFilings: 0 },
        wakeAt: Date.parse('2026-03-06T02:00:00.000Z'),
      }),
    );
    const [, , numKeys, ...rest] = sender.sent[0]!;
    const passed = rest.slice(0, Number(numKeys));
    expect(passed.every((k) => k.startsWith(prefix))).toBe(true);
    const written = await keysUnder(prefix);
    expect(written.every((k) => passed.includes(k))).toBe(true);
    const k = storeKeys(prefix);
    expect(written).toEqual(
      [
        k.caseDoc(c.id),
        k.audit(c.id),
        k.idempotency('buyer:buyer-1:order:order-1:file:a1'),
        k.filings('order-1'),
        k.deadlines,
        k.outbox,
        k.byCreated,
        k.byBuyer('buyer-1'),
        k.byShop('shop-1'),
        k.byOrder('order-1'),
        k.byStatus('pending_merchant'),
      ].sort(),
    );
  });

  it('removes the case from its old status index when the status changes', async () => {
    const prefix = redis.nextPrefix();
    const store = new RedisCaseStore({ client: redis.client, prefix });
    const v1 = aCase();
    await store.commit(writeOf(v1));
    await store.commit(writeOf(changed(v1, { status: 'refund_pending' }), { from: v1.status }));
    const k = storeKeys(prefix);
    expect(await redis.client.sendCommand(['EXISTS', k.byStatus('pending_merchant')])).toBe(0);
    expect(await redis.client.sendCommand(['ZRANGE', k.byStatus('refund_pending'), '0', '-1'])).toEqual([v1.id]);
  });

  it('keeps idempotency records for 7 days by default', async () => {
    const prefix = redis.nextPrefix();
    const store = new RedisCaseStore({ client: redis.client, prefix });
    await store.commit(writeOf(aCase(), { idempotency: { key: 'k1', record: { fingerprint: 'f', result: 1 } } }));
    const ttl = Number(await redis.client.sendCommand(['PTTL', storeKeys(prefix).idempotency('k1')]));
    expect(ttl).toBeGreaterThan(7 * 86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(7 * 86_400_000);
  });

  it('caps the outbox stream near its configured length', async () => {
    const prefix = redis.nextPrefix();
    const store = new RedisCaseStore({ client: redis.client, prefix, outboxMaxLength: 10 });
    let c = aCase();
    await store.commit(writeOf(c));
    for (let i = 0; i < 249; i++) {
      c = changed(c, { notices: [`n${i}`] });
      await store.commit(writeOf(c));
    }
    const length = Number(await redis.client.sendCommand(['XLEN', storeKeys(prefix).outbox]));
    expect(length).toBeLessThan(250);
    expect(length).toBeGreaterThanOrEqual(10);
  });

  it('uses the rd: prefix unless told otherwise', () => {
    expect(storeKeys().caseDoc('RD-000001')).toBe('rd:case:RD-000001');
    expect(storeKeys('other:').outbox).toBe('other:events');
  });
});
