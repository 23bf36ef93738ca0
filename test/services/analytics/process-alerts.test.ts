import type { CaseReader, ProcessAlert } from '../../../services/analytics';
import { MemoryAlertState, MemoryPaymentFailureLog, ProcessAlerts, RedisAlertState } from '../../../services/analytics';
import type { CaseQuery, DomainEvent, RefundCase } from '../../../services/refunds';
import { DEFAULT_POLICY } from '../../../services/refunds';
import type { RedisClient } from '../../../services/store';
import { aCase } from '../../support/case-builder';
import { FakeClock } from '../../support/fake-clock';
import { connectRedis, deleteKeysUnder, uniquePrefix } from '../../support/refund-harness';

// The process alerts' runner with hand-written fakes: each condition posted once, again only after it clears;
// a failed post is retried; the digest once a day; several instances on one Redis post once between them.

const H = 3_600_000;
const START = '2026-03-05T02:00:00.000Z'; // 10:00 in Shanghai

/** Cases in memory, answering the queries the runner makes. */
class FakeCases implements CaseReader {
  cases: RefundCase[] = [];
  async listCases(query: CaseQuery = {}): Promise<RefundCase[]> {
    return this.cases.filter(
      (c) =>
        (!query.status || c.status === query.status) &&
        (!query.createdFrom || Date.parse(c.createdAt) >= query.createdFrom.getTime()) &&
        (!query.createdTo || Date.parse(c.createdAt) < query.createdTo.getTime()),
    );
  }
  async getCase(id: string): Promise<RefundCase | null> {
    return this.cases.find((c) => c.id === id) ?? null;
  }
  async auditTrail(): Promise<never[]> {
    return [];
  }
}

let n = 0;
/** Closed cases (nothing overdue) filed against a shop. */
function closedCases(shopId: string, count: number, at: string): RefundCase[] {
  return Array.from({ length: count }, () => aCase({ id: `RD-${String(++n).padStart(6, '0')}`, shopId, status: 'closed', closeReason: 'buyer_cancelled', createdAt: at }));
}

function event(id: string, type: string, at: string): DomainEvent {
  return { id, caseId: id.split(':')[0]!, version: 1, at, actor: { role: 'system', id: 'system' }, type, from: 'refunding', to: 'refunding' };
}

function setup(options: { post?: (a: ProcessAlert) => Promise<boolean> } = {}) {
  const clock = new FakeClock(START);
  const cases = new FakeCases();
  const posted: ProcessAlert[] = [];
  const errors: string[] = [];
  const alerts = new ProcessAlerts({
    cases,
    policy: DEFAULT_POLICY,
    clock,
    failures: new MemoryPaymentFailureLog(),
    state: new MemoryAlertState(),
    options: { paymentFailureThreshold: 3 },
    post:
      options.post ??
      (async (a) => {
        posted.push(a);
        return true;
      }),
    onPostError: (err) => errors.push(String(err)),
  });
  return { clock, cases, posted, errors, alerts };
}

describe('process alerts', () => {
  it('posts a shop far above the median once, however often it is checked', async () => {
    const { cases, posted, alerts } = setup();
    cases.cases = [...closedCases('shop-a', 1, START), ...closedCases('shop-b', 1, START), ...closedCases('shop-c', 1, START), ...closedCases('shop-x', 4, START)];
    const first = await alerts.check();
    await alerts.check();
    await alerts.check();
    expect(first.posted).toEqual(['refund_rate:shop-x']);
    expect(posted.map((a) => a.key)).toEqual(['refund_rate:shop-x']);
    expect(posted[0]).toMatchObject({ kind: 'refund_rate', shopId: 'shop-x', cases: 4, median: 1, factor: 3, windowDays: 30 });
  });

  it('re-arms when the condition clears and alerts again when it comes back', async () => {
    const { clock, cases, posted, alerts } = setup();
    cases.cases = [...closedCases('shop-a', 1, START), ...closedCases('shop-b', 1, START), ...closedCases('shop-x', 5, START)];
    await alerts.check();
    clock.advance(31 * 24 * H); // everything has left the 30-day window
    const cleared = await alerts.check();
    expect(cleared.rearmed).toEqual(['refund_rate:shop-x']);
    await alerts.check();
    const now = clock.now().toISOString();
    cases.cases.push(...closedCases('shop-a', 1, now), ...closedCases('shop-b', 1, now), ...closedCases('shop-x', 4, now));
    await alerts.check();
    expect(posted.map((a) => a.key)).toEqual(['refund_rate:shop-x', 'refund_rate:shop-x']);
  });

  it('counts payment failures from the outbox over 24 hours, each event once', async () => {
    const { clock, posted, alerts } = setup();
    await alerts.onEvent(event('RD-1:4', 'payment_declined', START));
    await alerts.onEvent(event('RD-1:4', 'payment_declined', START)); // redelivered
    await alerts.onEvent(event('RD-2:3', 'payment_retry_scheduled', START));
    await alerts.onEvent(event('RD-3:3', 'payment_confirmed', START));
    expect((await alerts.check()).active).toEqual([]);
    await alerts.onEvent(event('RD-4:4', 'payment_declined', START));
    await alerts.check();
    await alerts.check();
    expect(posted).toEqual([{ kind: 'payment_failures', key: 'payment_failures', declined: 2, transient: 1, threshold: 3, windowHours: 24 }]);
    clock.advance(24 * H + 1);
    expect((await alerts.check()).rearmed).toEqual(['payment_failures']);
  });

  it('sends the digest of overdue cases once a day, from the digest hour on', async () => {
    const { clock, cases, posted, alerts } = setup();
    clock.set('2026-03-05T00:30:00.000Z'); // 08:30
    cases.cases = [aCase({ id: 'RD-9', shopId: 'shop-a', createdAt: '2026-03-03T02:00:00.000Z', stateEnteredAt: '2026-03-03T02:00:00.000Z' })];
    await alerts.check();
    expect(posted).toEqual([]);
    clock.set('2026-03-05T01:00:00.000Z'); // 09:00
    await alerts.check();
    clock.advance(6 * H);
    await alerts.check();
    clock.set('2026-03-06T02:00:00.000Z'); // the next day, 10:00
    await alerts.check();
    expect(posted.map((a) => a.key)).toEqual(['digest:2026-03-05', 'digest:2026-03-06']);
    expect(posted[0]).toMatchObject({ total: 1, shops: [{ shopId: 'shop-a', cases: 1, byState: { pending_merchant: 1 } }] });
  });

  it('retries a post that failed or threw at the next check', async () => {
    const outcomes: (boolean | Error)[] = [false, new Error('connector down'), true];
    const posted: string[] = [];
    const { cases, errors, alerts } = setup({
      post: async (a) => {
        const next = outcomes.shift()!;
        if (next instanceof Error) throw next;
        if (next) posted.push(a.key);
        return next;
      },
    });
    cases.cases = [...closedCases('shop-a', 1, START), ...closedCases('shop-b', 1, START), ...closedCases('shop-x', 4, START)];
    expect((await alerts.check()).failed).toEqual(['refund_rate:shop-x']);
    expect((await alerts.check()).failed).toEqual(['refund_rate:shop-x']);
    expect((await alerts.check()).posted).toEqual(['refund_rate:shop-x']);
    expect((await alerts.check()).posted).toEqual([]);
    expect(posted).toEqual(['refund_rate:shop-x']);
    expect(errors).toEqual(['Error: connector down']);
  });
});

describe('process alerts on several instances', () => {
  let redis: RedisClient;
  const prefix = uniquePrefix('process-alerts');

  beforeAll(async () => {
    redis = await connectRedis('process-alerts-test');
  });
  afterAll(async () => {
    await deleteKeysUnder(redis, prefix);
    await redis.close();
  });

  it('post each condition once between them', async () => {
    const clock = new FakeClock(START);
    const cases = new FakeCases();
    cases.cases = [
      ...closedCases('shop-a', 1, START),
      ...closedCases('shop-b', 1, START),
      ...closedCases('shop-c', 1, START),
      ...closedCases('shop-d', 1, START),
      // Cases per shop 1, 1, 1, 2 (shop-a, with the overdue one), 5, 6: median 1.5, alert above 4.5.
      ...closedCases('shop-x', 5, START),
      ...closedCases('shop-y', 6, START),
      aCase({ id: 'RD-OVERDUE', shopId: 'shop-a', createdAt: '2026-03-03T02:00:00.000Z', stateEnteredAt: '2026-03-03T02:00:00.000Z' }),
    ];
    const posted: string[] = [];
    const instance = () =>
      new ProcessAlerts({
        cases,
        policy: DEFAULT_POLICY,
        clock,
        failures: new MemoryPaymentFailureLog(),
        state: new RedisAlertState({ client: redis, prefix }),
        post: async (a) => {
          posted.push(a.key);
          return true;
        },
      });
    const instances = [instance(), instance(), instance()];
    await Promise.all(instances.flatMap((i) => [i.check(), i.check()]));
    expect(posted.sort()).toEqual(['digest:2026-03-05', 'refund_rate:shop-x', 'refund_rate:shop-y']);
  });
});
