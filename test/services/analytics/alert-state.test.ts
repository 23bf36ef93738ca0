import type { AlertState, PaymentFailureLog } from '../../../services/analytics';
import { MemoryAlertState, MemoryPaymentFailureLog, RedisAlertState, RedisPaymentFailureLog } from '../../../services/analytics';
import type { RedisClient } from '../../../services/store';
import { connectRedis, deleteKeysUnder, uniquePrefix } from '../../support/refund-harness';

// One contract for the in-memory and Redis stores of the process alerts: the "alerted already" claims and the
// payment failure log.

let redis: RedisClient;
const prefix = uniquePrefix('alert-state');
let n = 0;

beforeAll(async () => {
  redis = await connectRedis('alert-state-test');
});

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.close();
});

const T = new Date('2026-03-05T02:00:00.000Z');

describe.each<[string, () => AlertState, () => AlertState]>([
  ['memory', () => new MemoryAlertState(), () => new MemoryAlertState()],
  [
    'redis',
    () => new RedisAlertState({ client: redis, prefix: `${prefix}${++n}:` }),
    // A second instance on the same keys (claimed by the previous factory's prefix).
    () => new RedisAlertState({ client: redis, prefix: `${prefix}${n}:` }),
  ],
])('alert state (%s)', (name, make, sameStore) => {
  it('claims a condition once, until released', async () => {
    const s = make();
    expect(await s.claim('payment_failures', T)).toBe(true);
    expect(await s.claim('payment_failures', T)).toBe(false);
    expect(await s.claim('refund_rate:shop-a', T)).toBe(true);
    expect([...(await s.claimed()).entries()].sort()).toEqual([
      ['payment_failures', T.toISOString()],
      ['refund_rate:shop-a', T.toISOString()],
    ]);
    await s.release('payment_failures');
    expect(await s.claim('payment_failures', T)).toBe(true);
    await s.release('never-claimed');
  });

  if (name === 'redis') {
    it('is shared by every instance: exactly one of racing claims wins', async () => {
      const a = make();
      const b = sameStore();
      const results = await Promise.all([a.claim('digest:2026-03-05', T), b.claim('digest:2026-03-05', T), a.claim('digest:2026-03-05', T)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await b.claimed()).has('digest:2026-03-05')).toBe(true);
    });
  }
});

describe.each<[string, () => PaymentFailureLog]>([
  ['memory', () => new MemoryPaymentFailureLog()],
  ['redis', () => new RedisPaymentFailureLog({ client: redis, prefix: `${prefix}${++n}:` })],
])('payment failure log (%s)', (_name, make) => {
  const at = (h: number) => new Date(T.getTime() + h * 3_600_000);

  it('counts failures in a window by kind, each event once', async () => {
    const log = make();
    await log.record('RD-1:4', 'declined', at(0));
    await log.record('RD-1:4', 'declined', at(0)); // redelivered
    await log.record('RD-2:3', 'transient', at(1));
    await log.record('RD-3:3', 'declined', at(5));
    expect(await log.count(at(0), at(5))).toEqual({ declined: 2, transient: 1 });
    expect(await log.count(at(0.5), at(4))).toEqual({ declined: 0, transient: 1 });
  });

  it('forgets what is older than the prune time', async () => {
    const log = make();
    await log.record('RD-1:4', 'declined', at(0));
    await log.record('RD-2:4', 'declined', at(2));
    await log.prune(at(1));
    expect(await log.count(at(-100), at(100))).toEqual({ declined: 1, transient: 0 });
  });
});
