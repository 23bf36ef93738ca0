import type { Actor, AuditEntry, RefundCase, RefundCore } from '../../../services/refunds';
import type { Order } from '../../../services/refunds/order';
import { RedisCaseStore, RedisEventSource, type RedisClient } from '../../../services/store';
import { FakeClock } from '../../support/fake-clock';
import { MERCHANT, connectRedis, deleteKeysUnder, drainEvents, refundHarness, uniquePrefix, type RefundHarness } from '../../support/refund-harness';

// Two instances of the service share one Redis, each with its own connection and store, and sweep the same
// deadline index at the same time while the clock runs over nine days: every deadline, reminder and payment
// must happen exactly once (DESIGN.md §3: timers stay correct with several instances running).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.parse('2025-06-18T02:00:00.000Z'); // Wednesday 10:00 Shanghai

const REFUND_ONLY = 30;
const RETURNS = 20;
/** Refund-only cases whose merchant approves at the very moment the 24 h run out. */
const RACED = 5;

let clientA: RedisClient;
let clientB: RedisClient;
const prefix = uniquePrefix('sweepers');

beforeAll(async () => {
  clientA = await connectRedis('sweepers-a');
  clientB = await connectRedis('sweepers-b');
});

afterAll(async () => {
  await deleteKeysUnder(clientA, prefix);
  await clientA.close();
  await clientB.close();
});

function orderFor(i: number): Order {
  return {
    id: `SW-${i}`,
    buyerId: `buyer-s-${i}`,
    shopId: 'shop-201',
    currency: 'CNY',
    paid: true,
    paidAt: new Date(T0 - 6 * DAY).toISOString(),
    shippedAt: new Date(T0 - 5 * DAY).toISOString(),
    deliveredAt: new Date(T0 - 2 * DAY).toISOString(),
    lines: [{ index: 0, sku: `SKU-${i}`, title: `商品 ${i}`, unitPrice: 10_000 + i * 37, quantity: 2 }],
    deductions: { coupon: 500, redPacket: 0, points: 100 },
    shippingFee: 0,
    paymentMethod: 'alipay',
  };
}

const count = (trail: AuditEntry[], event: string): number => trail.filter((a) => a.event === event).length;

it('fires every deadline and pays every case exactly once with two sweeping instances', async () => {
  const clock = new FakeClock(T0);
  const storeA = new RedisCaseStore({ client: clientA, prefix });
  const storeB = new RedisCaseStore({ client: clientB, prefix });
  const h: RefundHarness = refundHarness({ store: storeA, clock });
  const a: RefundCore = h.core;
  const b: RefundCore = h.newCore({ store: storeB });

  // 30 refund-only cases (24 h for the merchant, then payment) and 20 returns (24 h, then 7 days to ship back).
  const cases: { id: string; kind: 'refund' | 'return'; buyer: Actor; raced: boolean }[] = [];
  const filings = Array.from({ length: REFUND_ONLY + RETURNS }, async (_, i) => {
    h.catalogue.putOrder(orderFor(i));
    const buyer: Actor = { role: 'buyer', id: `buyer-s-${i}` };
    const refund = i < REFUND_ONLY;
    const request = refund
      ? { orderId: `SW-${i}`, lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received' }
      : { orderId: `SW-${i}`, lines: [{ lineIndex: 0, quantity: 2 }], type: 'return_refund', reason: 'other' };
    const core = i % 2 === 0 ? a : b;
    const outcome = await core.service.file(buyer, request, `act-${i}`);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
    expect(outcome.value.case.status).toBe('pending_merchant');
    cases.push({ id: outcome.value.case.id, kind: refund ? 'refund' : 'return', buyer, raced: refund && i < RACED });
  });
  await Promise.all(filings);
  // Every third refund meets a gateway timeout first: retried a minute later under the same key.
  const flaky = cases.filter((c, i) => c.kind === 'refund' && i % 3 === 0).map((c) => c.id);
  for (const id of flaky) h.gateway.script(`refund:${id}:g1`, ['transient']);

  const fired = { a: 0, b: 0 };
  let lostRaces = 0;
  const merchantOutcomes: boolean[] = [];
  const end = T0 + 9 * DAY;
  while (clock.now().getTime() < end) {
    clock.advance(15 * MINUTE);
    const deadline = clock.now().getTime() === T0 + 24 * HOUR;
    // Both instances sweep at once; they go on until neither finds anything left at this time.
    for (let round = 0; round < 20; round++) {
      const approvals = deadline && round === 0
        ? cases.filter((c) => c.raced).map((c) => a.service.execute(MERCHANT, c.id, { kind: 'merchant_approve' }, `invoke-${c.id}`))
        : [];
      const [ra, rb, ...approved] = await Promise.all([a.timers.sweep(), b.timers.sweep(), ...approvals]);
      for (const o of approved) merchantOutcomes.push((o as { ok: boolean }).ok);
      fired.a += ra!.fired;
      fired.b += rb!.fired;
      lostRaces += ra!.lostRaces + rb!.lostRaces;
      if (ra!.fired + rb!.fired + ra!.lostRaces + rb!.lostRaces === 0) break;
    }
  }
  expect(merchantOutcomes).toHaveLength(RACED);
  expect(fired.a).toBeGreaterThan(0);
  expect(fired.b).toBeGreaterThan(0);

  let totalAudit = 0;
  for (const c of cases) {
    const trail = await storeB.audit(c.id);
    const final = (await storeA.get(c.id)) as RefundCase;
    totalAudit += trail.length;
    // The trail is the case's history: versions 1..n with no gaps or repeats.
    expect(trail.map((t) => t.version)).toEqual(trail.map((_, i) => i + 1));
    expect(final.version).toBe(trail.length);
    const notices = trail.filter((t) => t.event === 'notice').map((t) => String(t.data?.dueAt));
    expect(new Set(notices).size).toBe(notices.length);
    const decisions = count(trail, 'merchant_timeout') + count(trail, 'merchant_approve');
    expect([c.id, decisions]).toEqual([c.id, 1]);
    if (c.kind === 'refund') {
      expect([c.id, final.status]).toEqual([c.id, 'refunded']);
      expect(count(trail, 'payment_submitted')).toBe(1);
      expect(count(trail, 'payment_confirmed')).toBe(1);
      expect(count(trail, 'payment_retry_scheduled')).toBe(flaky.includes(c.id) ? 1 : 0);
      // Both reminders were sent unless the merchant decided first (then they were sent before the decision).
      expect(notices).toEqual([new Date(T0 + 12 * HOUR).toISOString(), new Date(T0 + 19.2 * HOUR).toISOString()]);
      if (!c.raced) expect(count(trail, 'merchant_timeout')).toBe(1);
    } else {
      expect([c.id, final.status, final.closeReason]).toEqual([c.id, 'closed', 'return_not_shipped']);
      expect(count(trail, 'merchant_timeout')).toBe(1);
      expect(count(trail, 'return_window_expired')).toBe(1);
      expect(notices).toHaveLength(3); // 50%, 80%, and the buyer's day-5 reminder to ship
    }
  }

  const ledger = h.gateway.ledger();
  expect(h.gateway.paidTwice()).toEqual([]);
  expect(ledger).toHaveLength(REFUND_ONLY);
  for (const row of ledger) {
    const c = (await storeA.get(row.caseId)) as RefundCase;
    expect(row.amount).toBe(c.payment?.amount);
    expect(row.key).toBe(`refund:${c.id}:g1`);
  }
  expect(await storeA.due(new Date(end + 365 * DAY), 100)).toEqual([]);

  // One event per commit on the shared outbox.
  const events = await drainEvents(new RedisEventSource({ client: clientA, prefix, blockMs: 50, claimIntervalMs: 50, batchSize: 200 }), totalAudit, 20_000);
  expect(events).toHaveLength(totalAudit);
  expect(new Set(events.map((e) => e.id)).size).toBe(totalAudit);
  // Reported, not asserted: how often the two instances reached for the same work.
  console.log(`sweepers: fired a=${fired.a} b=${fired.b}, lost races ${lostRaces}, ${totalAudit} commits, round trips a=${storeA.roundTrips} b=${storeB.roundTrips}`);
}, 180_000);
