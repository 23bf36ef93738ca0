import type { CommandError, CommandOutcome, DomainEvent, PaymentGateway, RefundCase, Result } from '../../../services/refunds';
import { scheduleOf } from '../../../services/refunds';
import type { Actor } from '../../../services/refunds/case';
import type { CaseStore, EventSource } from '../../../services/refunds/ports';
import {
  BUYER,
  CS,
  MERCHANT,
  MERCHANT_2,
  OTHER_BUYER,
  OTHER_SHOP_MERCHANT,
  drainEvents,
  photo,
  refundHarness,
  sleep,
  steps,
  type RefundHarness,
} from '../../support/refund-harness';

// The refund service end to end (DESIGN.md §2) on a real case store: filing, idempotency, races, every lifecycle,
// deadlines on a fake clock, payments, access and the outbox. One suite, run against every CaseStore.

export interface StoreUnderTest {
  store: CaseStore;
  /** Reads the outbox the store writes. */
  events: EventSource;
  cleanup(): Promise<void>;
}

export interface ServiceContractSetup {
  makeStore(): StoreUnderTest | Promise<StoreUnderTest>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTE = 60_000;

// The clock starts at 2025-06-18T02:00:00Z: Wednesday 10:00 in Shanghai.
const T0 = Date.parse('2025-06-18T02:00:00.000Z');

/** Paid, never shipped: a cancellation. */
const CANCEL_1001 = { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase', description: '买错了' };
/** One charger (line B of the E3 order), a quality complaint with a photo: the merchant decides, 48 h (inspection). */
const QUALITY_B = {
  orderId: 'DEMO-1002',
  lines: [{ lineIndex: 1, quantity: 1 }],
  type: 'return_refund',
  reason: 'quality_issue',
  description: '充电器不充电',
  evidence: [photo('a')],
};
const QUALITY_B2 = { ...QUALITY_B, lines: [{ lineIndex: 1, quantity: 2 }] };
/** Shipped, promised 3 days ago, no scan for 4 days: a confirmed logistics delay. */
const DELAY_1004 = { orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'logistics_delay', description: '一直没到' };
/** Delivered 30 days ago, never arrived says the buyer: refund only, the merchant decides within 24 h. */
const NOT_RECEIVED_1005 = { orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '没收到' };
/** An exchange of the earbuds (line A of the E3 order). */
const EXCHANGE_A = { orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'exchange', reason: 'quality_issue', description: '左耳没声音', evidence: [photo('b')] };
/** One cable (line C), returned for no particular reason: not special, 24 h. */
const OTHER_C = { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'other', description: '不想要了' };

const VOUCHER = 'c'.repeat(64);

function mustOk(outcome: CommandOutcome): RefundCase {
  if (!outcome.ok) throw new Error(`expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.value.case;
}

function mustFail<K extends CommandError['kind']>(outcome: Result<unknown>, kind: K): Extract<CommandError, { kind: K }> {
  if (outcome.ok) throw new Error(`expected ${kind}, got success: ${JSON.stringify(outcome.value).slice(0, 300)}`);
  expect(outcome.error.kind).toBe(kind);
  return outcome.error as Extract<CommandError, { kind: K }>;
}

/**
 * A command the state does not allow. Someone else moved the case there, so the service may word it as a
 * conflict (who moved it, when) or as a plain wrong state: either way it reports the state and changes nothing.
 */
function mustRefuse(outcome: CommandOutcome, status: RefundCase['status']): void {
  if (outcome.ok) throw new Error(`expected a refusal in ${status}, got success`);
  expect(['conflict', 'invalid_state']).toContain(outcome.error.kind);
  expect(outcome.error).toMatchObject({ status });
}

export function refundServiceContract(name: string, setup: ServiceContractSetup): void {
  describe(`refund service on ${name}`, () => {
    let sut: StoreUnderTest;
    let h: RefundHarness;
    let n = 0;
    const key = (): string => `act-${++n}`;

    beforeEach(async () => {
      sut = await setup.makeStore();
      h = refundHarness({ store: sut.store });
    });

    afterEach(async () => {
      try {
        expect(h.gateway.paidTwice()).toEqual([]);
      } finally {
        await sut.cleanup();
      }
    });

    const file = (input: unknown, idempotencyKey = key(), actor: Actor = BUYER): Promise<CommandOutcome> =>
      h.core.service.file(actor, input, idempotencyKey);
    const fileOk = async (input: unknown, idempotencyKey = key(), actor: Actor = BUYER): Promise<RefundCase> =>
      mustOk(await file(input, idempotencyKey, actor));
    const run = (actor: Actor, caseId: string, command: unknown, idempotencyKey = key()): Promise<CommandOutcome> =>
      h.core.service.execute(actor, caseId, command, idempotencyKey);
    const runOk = async (actor: Actor, caseId: string, command: unknown, idempotencyKey = key()): Promise<RefundCase> =>
      mustOk(await run(actor, caseId, command, idempotencyKey));
    const get = async (caseId: string): Promise<RefundCase> => {
      const c = await h.store.get(caseId);
      if (!c) throw new Error(`case ${caseId} is gone`);
      return c;
    };
    const trail = (caseId: string) => h.store.audit(caseId);
    const at = (ms: number): void => h.clock.set(T0 + ms);
    const sweepFired = async (): Promise<number> => (await h.core.timers.sweep()).fired;
    const reject = (c: RefundCase, by: Actor = MERCHANT) =>
      runOk(by, c.id, { kind: 'merchant_reject', code: 'evidence_insufficient', remark: '照片看不出问题' });
    const approve = (c: RefundCase, by: Actor = MERCHANT) => runOk(by, c.id, { kind: 'merchant_approve' });
    /** Approve, ship back, let the parcel arrive: the case ends in return_received. */
    const receiveReturn = async (c: RefundCase): Promise<RefundCase> => {
      await approve(c);
      await runOk(BUYER, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' });
      h.clock.advance(3 * MINUTE);
      expect(await h.core.timers.pollReturns()).toBe(1);
      return get(c.id);
    };

    // ---- filing ---------------------------------------------------------------------------------------------

    describe('filing', () => {
      it('fast-tracks a cancellation before shipment, asks the shop not to ship, and pays goods plus shipping', async () => {
        const c = await fileOk(CANCEL_1001);
        expect(c).toMatchObject({ status: 'refund_pending', fastTrack: 'before_shipment', version: 1, buyerId: 'buyer-1001', shopId: 'shop-201' });
        expect(c.interceptionFailed).toBeUndefined();
        expect((await h.catalogue.getOrder('DEMO-1001'))?.doNotShip).toBe(true);
        expect(c.quote).toMatchObject({ goodsCash: 19900, shippingRefunded: 800, cash: 20700, completesOrder: true });

        expect(await sweepFired()).toBe(1);
        const paid = await get(c.id);
        expect(paid.status).toBe('refunded');
        expect(paid.payment).toMatchObject({ status: 'confirmed', amount: 20700, generation: 1, key: `refund:${c.id}:g1` });
        expect(h.gateway.ledger()).toEqual([expect.objectContaining({ caseId: c.id, amount: 20700, key: `refund:${c.id}:g1` })]);
        expect(steps(await trail(c.id))).toEqual(['file:refund_pending', 'payment_submitted:refunding', 'payment_confirmed:refunded']);
      });

      it('sends a quality complaint to the merchant with the first unit of line B quoted (E3) and 48 h to answer', async () => {
        const c = await fileOk(QUALITY_B);
        expect(c).toMatchObject({ status: 'pending_merchant', special: true, priority: 'high', lines: [{ lineIndex: 1, units: [1] }] });
        expect(c.fastTrack).toBeUndefined();
        expect(c.quote).toMatchObject({ cash: 5216, goodsCash: 5216, pointsRestored: 172, shippingRefunded: 0, returnFreightPaidBy: 'merchant', completesOrder: false });
        expect(scheduleOf(c, h.core.service.policy).deadline?.getTime()).toBe(T0 + 48 * HOUR);
        expect(c.evidence).toHaveLength(1);
      });

      it('fast-tracks a logistics delay the tracking data confirms', async () => {
        const c = await fileOk(DELAY_1004);
        expect(c).toMatchObject({ status: 'refund_pending', fastTrack: 'logistics_delay', priority: 'high' });
        expect(c.quote.cash).toBe(37900);
        const audit = await trail(c.id);
        expect(audit[0]?.data).toMatchObject({ fastTrack: 'logistics_delay' });
      });

      it('refuses with every reason at once, as codes with data, and files nothing', async () => {
        const many = await file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 7, quantity: 1 }, { lineIndex: 1, quantity: 3 }], type: 'return_refund', reason: 'quality_issue' });
        expect(mustFail(many, 'refused').refusals).toEqual(
          expect.arrayContaining([
            { code: 'line_not_found', lineIndex: 7 },
            { code: 'quantity_invalid', lineIndex: 1, quantity: 3, max: 2 },
            { code: 'evidence_required' },
          ]),
        );
        expect(mustFail(many, 'refused').refusals).toHaveLength(3);

        const unpaid = await file({ orderId: 'DEMO-1006', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'other' });
        expect(mustFail(unpaid, 'refused').refusals).toEqual([{ code: 'order_not_paid' }]);

        const perishable = await file({ orderId: 'DEMO-1003', lines: [{ lineIndex: 0, quantity: 1 }, { lineIndex: 1, quantity: 2 }], type: 'return_refund', reason: 'no_reason_7_days' });
        expect(mustFail(perishable, 'refused').refusals).toEqual([
          { code: 'no_reason_excluded', lineIndex: 0, exclusion: 'perishable' },
          { code: 'no_reason_excluded', lineIndex: 1, exclusion: 'perishable' },
        ]);

        const late = await file({ orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
        expect(mustFail(late, 'refused').refusals.map((r) => r.code)).toEqual(['no_reason_window_expired']);

        const inTransit = await file({ ...DELAY_1004, type: 'return_refund', reason: 'quality_issue', evidence: [photo()] });
        expect(mustFail(inTransit, 'refused').refusals).toEqual([
          { code: 'type_not_allowed', reason: 'quality_issue', type: 'return_refund', shipping: 'in_transit', allowed: [] },
        ]);

        expect(await h.core.service.listCases(CS)).toEqual([]);
        expect(await h.store.filingsOnOrder('DEMO-1002')).toBe(0);
      });

      it("reports another buyer's order as unknown, and lets only buyers file", async () => {
        const foreign = await file(CANCEL_1001, key(), OTHER_BUYER);
        expect(mustFail(foreign, 'refused').refusals).toEqual([{ code: 'order_not_found', orderId: 'DEMO-1001' }]);
        expect((await h.catalogue.getOrder('DEMO-1001'))?.doNotShip).toBeUndefined();
        expect(mustFail(await file(CANCEL_1001, key(), MERCHANT), 'forbidden').reason).toBe('not_a_buyer');
        expect(mustFail(await file({ orderId: 'DEMO-1001' }), 'invalid_input').issues.length).toBeGreaterThan(0);
        expect(await h.core.service.listCases(CS)).toEqual([]);
      });

      it('previews the quote and the routing without filing anything or touching the order', async () => {
        const p = await h.core.service.preview(BUYER, QUALITY_B);
        if (!p.ok) throw new Error(JSON.stringify(p.error));
        expect(p.value).toMatchObject({ firstStatus: 'pending_merchant', special: true, fastTrack: null, merchantDeadline: new Date(T0 + 48 * HOUR).toISOString() });
        expect(p.value.quote.cash).toBe(5216);

        const cancel = await h.core.service.preview(BUYER, CANCEL_1001);
        if (!cancel.ok) throw new Error(JSON.stringify(cancel.error));
        expect(cancel.value).toMatchObject({ firstStatus: 'refund_pending', fastTrack: 'before_shipment', merchantDeadline: null });
        expect(cancel.value.quote.cash).toBe(20700);

        const refused = await h.core.service.preview(BUYER, { ...QUALITY_B, evidence: [] });
        expect(refused.ok ? [] : refused.error.kind === 'refused' ? refused.error.refusals : []).toEqual([{ code: 'evidence_required' }]);

        expect((await h.catalogue.getOrder('DEMO-1001'))?.doNotShip).toBeUndefined();
        expect(await h.core.service.listCases(CS)).toEqual([]);
        expect(await h.store.due(new Date(T0 + 365 * DAY), 10)).toEqual([]);
        expect(await drainEvents(sut.events, 0)).toEqual([]);
      });

      it('allows at most 5 submissions on a line; refused requests do not count', async () => {
        for (let i = 0; i < 5; i++) {
          mustFail(await file({ ...QUALITY_B, evidence: [] }), 'refused');
          const c = await fileOk(QUALITY_B);
          await runOk(BUYER, c.id, { kind: 'buyer_cancel' });
        }
        const sixth = await file(QUALITY_B);
        expect(mustFail(sixth, 'refused').refusals).toEqual([{ code: 'submission_limit_reached', lineIndex: 1, submissions: 5, max: 5 }]);
        // Other lines of the order are not affected.
        expect((await fileOk(OTHER_C)).status).toBe('pending_merchant');
      });
    });

    // ---- idempotency ----------------------------------------------------------------------------------------

    describe('idempotency', () => {
      it('answers a repeated filing with the first result: one case, one audit entry, one event', async () => {
        const first = await file(CANCEL_1001, 'act-1');
        const again = await file(CANCEL_1001, 'act-1');
        const c = mustOk(first);
        expect(first.ok && first.value.replayed).toBe(false);
        expect(again.ok && again.value.replayed).toBe(true);
        expect(mustOk(again)).toEqual(c);

        expect((await h.core.service.listCases(BUYER)).map((x) => x.id)).toEqual([c.id]);
        expect(await trail(c.id)).toHaveLength(1);
        expect(await h.store.filingsOnOrder('DEMO-1001')).toBe(1);
        const events = await drainEvents(sut.events, 1);
        expect(events.map((e) => e.id)).toEqual([`${c.id}:1`]);
      });

      it('refuses the same key with another payload, for filings and for commands', async () => {
        const c = await fileOk(QUALITY_B, 'act-1');
        mustFail(await file({ ...QUALITY_B, description: '换个说法' }, 'act-1'), 'key_reused');

        await runOk(MERCHANT, c.id, { kind: 'merchant_approve', remark: '同意' }, 'invoke-1');
        mustFail(await run(MERCHANT, c.id, { kind: 'merchant_approve', remark: '不同的备注' }, 'invoke-1'), 'key_reused');
        expect((await get(c.id)).version).toBe(2);
        expect(await trail(c.id)).toHaveLength(2);
      });

      it('files exactly one case when two filings race for the same units', async () => {
        const [a, b] = await Promise.all([file(QUALITY_B2, 'act-1'), file(QUALITY_B2, 'act-2')]);
        const outcomes = [a, b];
        const won = outcomes.filter((o) => o.ok);
        const lost = outcomes.filter((o) => !o.ok);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        const refusals = mustFail(lost[0]!, 'refused').refusals;
        expect(refusals).toEqual([{ code: 'units_unavailable', lineIndex: 1, requested: 2, available: 0 }]);
        expect(await h.store.find({ orderId: 'DEMO-1002' })).toHaveLength(1);
        expect(await h.store.filingsOnOrder('DEMO-1002')).toBe(1);
      });

      it('files both when two filings race for different units of one order', async () => {
        const [a, b] = await Promise.all([file(QUALITY_B, 'act-1'), file(OTHER_C, 'act-2')]);
        const cases = [mustOk(a), mustOk(b)];
        expect(new Set(cases.map((c) => c.id)).size).toBe(2);
        expect(await h.store.filingsOnOrder('DEMO-1002')).toBe(2);
      });

      it('answers a repeated invoke with the first result, sequential or concurrent, and decides once', async () => {
        const c = await fileOk(QUALITY_B);
        const [x, y] = await Promise.all([
          run(MERCHANT, c.id, { kind: 'merchant_approve' }, 'invoke-7'),
          run(MERCHANT, c.id, { kind: 'merchant_approve' }, 'invoke-7'),
        ]);
        expect([x, y].map((o) => o.ok && o.value.replayed).sort()).toEqual([false, true]);
        expect(mustOk(x)).toEqual(mustOk(y));
        const later = await run(MERCHANT, c.id, { kind: 'merchant_approve' }, 'invoke-7');
        expect(later.ok && later.value.replayed).toBe(true);
        expect((await trail(c.id)).filter((a) => a.event === 'merchant_approve')).toHaveLength(1);
        expect((await get(c.id)).version).toBe(2);
      });
    });

    // ---- races ----------------------------------------------------------------------------------------------

    describe('races', () => {
      it('lets exactly one of two merchants approve; the other learns who decided, when, and the state', async () => {
        const c = await fileOk(QUALITY_B);
        const outcomes = await Promise.all([
          run(MERCHANT, c.id, { kind: 'merchant_approve' }, 'invoke-a'),
          run(MERCHANT_2, c.id, { kind: 'merchant_approve' }, 'invoke-b'),
        ]);
        const winners = outcomes.filter((o) => o.ok);
        expect(winners).toHaveLength(1);
        const won = mustOk(winners[0]!);
        const loser = outcomes.find((o) => !o.ok)!;
        const conflict = mustFail(loser, 'conflict');
        expect(conflict).toMatchObject({ status: 'awaiting_return_shipment', by: won.lastChange.actor, at: won.lastChange.at, version: 2 });
        expect([MERCHANT.id, MERCHANT_2.id]).toContain(conflict.by.id);
        expect(await trail(c.id)).toHaveLength(2);
      });

      it('lets exactly one of an approval and a rejection win', async () => {
        const c = await fileOk(QUALITY_B);
        const outcomes = await Promise.all([
          run(MERCHANT, c.id, { kind: 'merchant_approve' }),
          run(MERCHANT_2, c.id, { kind: 'merchant_reject', code: 'not_as_claimed', remark: '商品无问题' }),
        ]);
        const winners = outcomes.filter((o) => o.ok).map(mustOk);
        expect(winners).toHaveLength(1);
        const current = await get(c.id);
        expect(current.status).toBe(winners[0]!.status);
        expect(['awaiting_return_shipment', 'merchant_rejected']).toContain(current.status);
        const conflict = mustFail(outcomes.find((o) => !o.ok)!, 'conflict');
        expect(conflict).toMatchObject({ status: current.status, by: current.lastChange.actor, at: current.lastChange.at, event: current.lastChange.event });
        expect(await trail(c.id)).toHaveLength(2);
      });

      it('has exactly one winner among 100 concurrent commands on one case', async () => {
        const c = await fileOk(QUALITY_B);
        const merchants: Actor[] = Array.from({ length: 100 }, (_, i) => ({ role: 'merchant', id: `m-${100 + i}`, shopId: 'shop-201' }));
        const outcomes = await Promise.all(
          merchants.map((m, i) =>
            run(m, c.id, i % 2 === 0 ? { kind: 'merchant_approve' } : { kind: 'merchant_reject', code: 'other', remark: `拒绝 ${i}` }, `invoke-${i}`),
          ),
        );
        const winners = outcomes.filter((o) => o.ok);
        expect(winners).toHaveLength(1);
        const current = await get(c.id);
        expect(current.version).toBe(2);
        for (const o of outcomes.filter((x) => !x.ok)) {
          expect(mustFail(o, 'conflict')).toMatchObject({ status: current.status, by: current.lastChange.actor });
        }
        expect(await trail(c.id)).toHaveLength(2);
      });

      it('reports a conflict when the card the merchant clicked is out of date', async () => {
        const c = await fileOk(QUALITY_B);
        await runOk(BUYER, c.id, { kind: 'add_evidence', evidence: [photo('d')] });
        const stale = await h.core.service.execute(MERCHANT, c.id, { kind: 'merchant_approve' }, key(), { expectedVersion: 1 });
        expect(mustFail(stale, 'conflict')).toMatchObject({ status: 'pending_merchant', by: BUYER, version: 2, event: 'add_evidence' });
        expect((await get(c.id)).version).toBe(2);
      });
    });

    // ---- lifecycles -----------------------------------------------------------------------------------------

    describe('lifecycles', () => {
      it('runs a return end to end with exact amounts and a full audit trail', async () => {
        const c = await fileOk(QUALITY_B);
        const approved = await approve(c);
        expect(approved.status).toBe('awaiting_return_shipment');
        const shop = await h.catalogue.getShop('shop-201');
        expect(approved.returnAddress).toEqual(shop?.returnAddress);
        expect(approved.merchantDecision).toMatchObject({ outcome: 'approved', by: MERCHANT });

        const shipped = await runOk(BUYER, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' });
        expect(shipped.status).toBe('return_in_transit');
        expect(shipped.returnShipment).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890123' });
        expect(await h.core.timers.pollReturns()).toBe(0); // still on the way
        h.clock.advance(3 * MINUTE);
        expect(await h.core.timers.pollReturns()).toBe(1);
        expect(await h.core.timers.pollReturns()).toBe(0);
        const received = await get(c.id);
        expect(received.status).toBe('return_received');
        expect(received.returnShipment?.deliveredAt).toBeDefined();

        expect((await runOk(MERCHANT, c.id, { kind: 'inspection_ok', remark: '已验收' })).status).toBe('refund_pending');
        expect(await sweepFired()).toBe(1);
        const done = await get(c.id);
        expect(done.status).toBe('refunded');
        expect(done.payment).toMatchObject({ amount: 5216, pointsRestored: 172, status: 'confirmed' });
        expect(h.gateway.ledger()).toEqual([expect.objectContaining({ caseId: c.id, amount: 5216, pointsRestored: 172 })]);

        const audit = await trail(c.id);
        expect(audit.map((a) => [a.event, a.from, a.to, a.actor.role, a.actor.id, a.version])).toEqual([
          ['file', null, 'pending_merchant', 'buyer', 'buyer-1001', 1],
          ['merchant_approve', 'pending_merchant', 'awaiting_return_shipment', 'merchant', 'm-1', 2],
          ['return_shipped', 'awaiting_return_shipment', 'return_in_transit', 'buyer', 'buyer-1001', 3],
          ['return_delivered', 'return_in_transit', 'return_received', 'system', 'system', 4],
          ['inspection_ok', 'return_received', 'refund_pending', 'merchant', 'm-1', 5],
          ['payment_submitted', 'refund_pending', 'refunding', 'system', 'system', 6],
          ['payment_confirmed', 'refunding', 'refunded', 'system', 'system', 7],
        ]);
        expect(audit[4]?.remark).toBe('已验收');
        expect(audit[5]?.data).toMatchObject({ key: `refund:${c.id}:g1`, amount: 5216 });
        expect(await h.store.due(new Date(T0 + 365 * DAY), 10)).toEqual([]);
      });

      it('uses the return address the merchant gives instead of the shop default', async () => {
        const c = await fileOk(QUALITY_B);
        const address = { recipient: '王师傅', phone: '13800000000', address: '深圳市福田区 1 号' };
        expect((await runOk(MERCHANT, c.id, { kind: 'merchant_approve', returnAddress: address })).returnAddress).toEqual(address);
      });

      it('rejects, takes a resubmission with a fresh clock, rejects again, then escalates to CS who approves', async () => {
        const c = await fileOk(QUALITY_B);
        h.clock.advance(20 * HOUR);
        const rejected = await reject(c);
        expect(rejected).toMatchObject({ status: 'merchant_rejected', merchantDecision: { outcome: 'rejected', code: 'evidence_insufficient', remark: '照片看不出问题' } });
        mustFail(await run(MERCHANT, c.id, { kind: 'merchant_reject', code: 'other', remark: '   ' }), 'invalid_input');

        h.clock.advance(1 * HOUR);
        const resubmitted = await runOk(BUYER, c.id, { kind: 'buyer_resubmit', description: '补充了视频', evidence: [photo('e')] });
        expect(resubmitted).toMatchObject({ status: 'pending_merchant', resubmissions: 1, description: '补充了视频' });
        expect(resubmitted.merchantDecision).toBeUndefined();
        expect(resubmitted.evidence).toHaveLength(2);
        expect(resubmitted.stateEnteredAt).toBe(new Date(T0 + 21 * HOUR).toISOString());
        // The 48 h run from the resubmission: the first filing's deadline has passed, nothing fires.
        at(49 * HOUR);
        expect(await sweepFired()).toBe(1); // the 50% reminder of the new window only
        expect((await get(c.id)).status).toBe('pending_merchant');

        await reject(c, MERCHANT_2);
        const escalated = await runOk(BUYER, c.id, { kind: 'buyer_escalate', remark: '商家不讲理' });
        expect(escalated.status).toBe('platform_review');
        mustFail(await run(MERCHANT, c.id, { kind: 'cs_approve' }), 'forbidden');
        const approved = await runOk(CS, c.id, { kind: 'cs_approve', remark: '证据充分' });
        expect(approved).toMatchObject({ status: 'awaiting_return_shipment', platformDecision: { outcome: 'approved', by: CS } });
        expect(steps(await trail(c.id))).toEqual([
          'file:pending_merchant',
          'merchant_reject:merchant_rejected',
          'buyer_resubmit:pending_merchant',
          'notice:pending_merchant',
          'merchant_reject:merchant_rejected',
          'buyer_escalate:platform_review',
          'cs_approve:awaiting_return_shipment',
        ]);
      });

      it('closes when the buyer accepts the rejection, and when CS rejects', async () => {
        const a = await fileOk(QUALITY_B);
        await reject(a);
        expect(await runOk(BUYER, a.id, { kind: 'buyer_accept_rejection' })).toMatchObject({ status: 'closed', closeReason: 'buyer_accepted_rejection' });

        const b = await fileOk(OTHER_C);
        await reject(b);
        await runOk(BUYER, b.id, { kind: 'buyer_escalate' });
        mustFail(await run(CS, b.id, { kind: 'cs_reject' }), 'invalid_input');
        expect(await runOk(CS, b.id, { kind: 'cs_reject', remark: '不符合退货条件' })).toMatchObject({ status: 'closed', closeReason: 'platform_rejected' });
      });

      const cancellable: [string, (c: RefundCase) => Promise<unknown>][] = [
        ['pending_merchant', async () => undefined],
        ['merchant_rejected', (c) => reject(c)],
        ['platform_review', async (c) => {
          await reject(c);
          await runOk(BUYER, c.id, { kind: 'buyer_escalate' });
        }],
        ['awaiting_return_shipment', (c) => approve(c)],
      ];
      it.each(cancellable)('lets the buyer cancel in %s', async (status, reach) => {
        const c = await fileOk(QUALITY_B);
        await reach(c);
        expect((await get(c.id)).status).toBe(status);
        const closed = await runOk(BUYER, c.id, { kind: 'buyer_cancel', remark: '不退了' });
        expect(closed).toMatchObject({ status: 'closed', closeReason: 'buyer_cancelled' });
        const last = (await trail(c.id)).at(-1);
        expect(last).toMatchObject({ event: 'buyer_cancel', from: status, to: 'closed', remark: '不退了', actor: BUYER });
        expect(await h.store.due(new Date(T0 + 365 * DAY), 10)).toEqual([]);
        // The units are free again.
        expect((await fileOk(QUALITY_B)).lines).toEqual([{ lineIndex: 1, units: [1] }]);
      });

      it('refuses a cancellation once a refund-only case is approved for payment', async () => {
        const c = await fileOk(NOT_RECEIVED_1005);
        expect(c.status).toBe('pending_merchant');
        expect((await approve(c)).status).toBe('refund_pending');
        mustRefuse(await run(BUYER, c.id, { kind: 'buyer_cancel' }), 'refund_pending');
        expect(await get(c.id)).toMatchObject({ status: 'refund_pending', version: 2 });

        const fast = await fileOk(CANCEL_1001);
        mustFail(await run(BUYER, fast.id, { kind: 'buyer_cancel' }), 'invalid_state');
        expect((await get(fast.id)).status).toBe('refund_pending');
      });

      it('lets CS intervene in any open case, with a remark', async () => {
        const c = await fileOk(QUALITY_B);
        await approve(c);
        mustFail(await run(CS, c.id, { kind: 'cs_intervene' }), 'invalid_input');
        expect(mustFail(await run(MERCHANT, c.id, { kind: 'cs_intervene', remark: '我来' }), 'forbidden').reason).toBe('role_not_allowed');
        const taken = await runOk(CS, c.id, { kind: 'cs_intervene', remark: '买家投诉，平台介入' });
        expect(taken).toMatchObject({ status: 'platform_review', platformDecision: { outcome: 'intervened', remark: '买家投诉，平台介入' } });
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('awaiting_return_shipment');
      });

      it('resumes a return where it was when CS approves after intervening: the parcel is still on its way', async () => {
        const c = await fileOk(QUALITY_B);
        await approve(c);
        await runOk(BUYER, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' });
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '买家反映快递异常' });
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('return_in_transit');
        h.clock.advance(3 * MINUTE);
        expect(await h.core.timers.pollReturns()).toBe(1);
        expect((await get(c.id)).status).toBe('return_received');
      });

      it('resumes the payment of an inspected return when CS approves after intervening in it', async () => {
        const c = await fileOk(QUALITY_B);
        await receiveReturn(c);
        await runOk(MERCHANT, c.id, { kind: 'inspection_ok' });
        h.gateway.script(`refund:${c.id}:g1`, ['accepted_unconfirmed']);
        await h.core.timers.sweep();
        expect((await get(c.id)).status).toBe('refunding');
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '核实金额' });
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('refund_pending');
        h.gateway.confirm(`refund:${c.id}:g1`);
        for (let i = 0; i < 5 && (await get(c.id)).status !== 'refunded'; i++) {
          h.clock.advance(10 * MINUTE);
          await h.core.timers.sweep();
        }
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { amount: 5216 } });
        expect(h.gateway.ledger()).toHaveLength(1);
      });

      it('resumes an exchange at the replacement when CS approves after intervening', async () => {
        const c = await fileOk(EXCHANGE_A);
        await receiveReturn(c);
        await runOk(MERCHANT, c.id, { kind: 'inspection_ok' });
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '催促商家发货' });
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('exchange_shipping');
      });

      it('refunds goods the merchant already holds when CS upholds an escalation against a failed inspection', async () => {
        const c = await fileOk(QUALITY_B);
        await receiveReturn(c);
        const failed = await runOk(MERCHANT, c.id, { kind: 'inspection_failed', problem: 'damaged', remark: '外壳有摔痕', evidence: [photo('8')] });
        expect(failed).toMatchObject({ status: 'merchant_rejected', inspection: { outcome: 'damaged' } });
        await runOk(BUYER, c.id, { kind: 'buyer_escalate', remark: '寄出时完好' });
        expect((await runOk(CS, c.id, { kind: 'cs_approve', remark: '物流照片显示完好' })).status).toBe('refund_pending');
        await h.core.timers.sweep();
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { amount: 5216 } });
      });

      it('refunds only the units received when the return is short', async () => {
        const c = await fileOk(QUALITY_B2);
        expect(c.quote.cash).toBe(10433);
        await receiveReturn(c);
        mustFail(await run(MERCHANT, c.id, { kind: 'inspection_short', received: [{ lineIndex: 1, quantity: 2 }], remark: '都收到了' }), 'invalid_input');
        const short = await runOk(MERCHANT, c.id, { kind: 'inspection_short', received: [{ lineIndex: 1, quantity: 1 }], remark: '只收到一个' });
        expect(short).toMatchObject({ status: 'refund_pending', lines: [{ lineIndex: 1, units: [1] }], inspection: { outcome: 'short' } });
        expect((await trail(c.id)).at(-1)?.data).toMatchObject({ missing: [{ lineIndex: 1, units: [2] }] });

        expect(await sweepFired()).toBe(1);
        const done = await get(c.id);
        expect(done.status).toBe('refunded');
        expect(done.payment?.amount).toBe(5216);
        expect(h.gateway.ledger().map((r) => r.amount)).toEqual([5216]);
      });

      it('runs an exchange to the replacement, pays nothing, and takes one rating', async () => {
        const c = await fileOk(EXCHANGE_A);
        expect(c).toMatchObject({ status: 'pending_merchant', special: true });
        expect(c.quote.cash).toBe(0);
        await receiveReturn(c);
        expect((await runOk(MERCHANT, c.id, { kind: 'inspection_ok' })).status).toBe('exchange_shipping');
        mustRefuse(await run(BUYER, c.id, { kind: 'rate', stars: 5 }), 'exchange_shipping');
        const exchanged = await runOk(MERCHANT, c.id, { kind: 'replacement_shipped', carrier: 'SF', trackingNumber: 'SF9876543210987' });
        expect(exchanged).toMatchObject({ status: 'exchanged', replacement: { carrier: 'SF', trackingNumber: 'SF9876543210987' } });
        expect(await sweepFired()).toBe(0);
        expect(h.gateway.ledger()).toEqual([]);

        const rated = await runOk(BUYER, c.id, { kind: 'rate', stars: 4, comment: '换得挺快' });
        expect(rated.rating).toMatchObject({ stars: 4, comment: '换得挺快' });
        expect(rated.status).toBe('exchanged');
        mustFail(await run(BUYER, c.id, { kind: 'rate', stars: 1 }), 'invalid_input');
        expect((await get(c.id)).rating?.stars).toBe(4);
      });

      it('refunds without a return when the merchant approves so', async () => {
        const c = await fileOk(QUALITY_B);
        const approved = await runOk(MERCHANT, c.id, { kind: 'merchant_approve_without_return', remark: '不用寄回了' });
        expect(approved).toMatchObject({ status: 'refund_pending', refundWithoutReturn: true, merchantDecision: { outcome: 'approved_without_return' } });
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { amount: 5216 } });
      });

      it('keeps the merchant clock running while evidence is requested and added', async () => {
        const c = await fileOk(QUALITY_B);
        h.clock.advance(2 * HOUR);
        const asked = await runOk(MERCHANT, c.id, { kind: 'request_evidence', message: '请拍一下充电口' });
        expect(asked).toMatchObject({ status: 'pending_merchant', stateEnteredAt: c.stateEnteredAt });
        expect(asked.evidenceRequests).toEqual([expect.objectContaining({ remark: '请拍一下充电口', code: 'buyer' })]);
        const added = await runOk(BUYER, c.id, { kind: 'add_evidence', evidence: [photo('f'), photo('a')] });
        expect(added.evidence.map((e) => e.sha256[0])).toEqual(['a', 'f']);
        expect(added.stateEnteredAt).toBe(c.stateEnteredAt);
      });
    });

    // ---- deadlines ------------------------------------------------------------------------------------------

    describe('deadlines', () => {
      it('reminds the merchant at 50% and 80% of 24 h, once each, then auto-approves and confirms', async () => {
        const c = await fileOk(NOT_RECEIVED_1005);
        expect(c.special).toBe(false);
        const checkpoints: [number, number][] = [
          [0, 0],
          [12 * HOUR - 1, 0],
          [12 * HOUR, 1],
          [12 * HOUR + 1, 0],
          [19.2 * HOUR - 1, 0],
          [19.2 * HOUR, 1],
          [20 * HOUR, 0],
          [24 * HOUR - 1, 0],
        ];
        for (const [t, fired] of checkpoints) {
          at(t);
          expect([t, await sweepFired()]).toEqual([t, fired]);
        }
        at(24 * HOUR);
        expect(await sweepFired()).toBe(1);
        const approved = await get(c.id);
        expect(approved).toMatchObject({ status: 'refund_pending', merchantDecision: { outcome: 'auto_approved', by: { role: 'system' }, waitedMs: 24 * HOUR } });
        expect(approved.expired).toEqual(['merchant_timeout']);
        expect(await sweepFired()).toBe(1);
        expect((await get(c.id)).status).toBe('refunded');
        expect(h.gateway.ledger().map((r) => r.amount)).toEqual([29400]);

        const audit = await trail(c.id);
        expect(steps(audit)).toEqual([
          'file:pending_merchant',
          'notice:pending_merchant',
          'notice:pending_merchant',
          'merchant_timeout:refund_pending',
          'payment_submitted:refunding',
          'payment_confirmed:refunded',
        ]);
        expect(audit[3]?.data).toMatchObject({ confirmation: ['auto_confirmed'] });
        const events = await drainEvents(sut.events, audit.length);
        const notices = events.filter((e) => e.type === 'notice');
        expect(notices.map((e) => [e.notice, e.data?.to, e.at])).toEqual([
          ['reminder:50', 'merchant', new Date(T0 + 12 * HOUR).toISOString()],
          ['reminder:80', 'merchant', new Date(T0 + 19.2 * HOUR).toISOString()],
        ]);
      });

      it('gives a special case 48 h: nothing at 24 h', async () => {
        const c = await fileOk(QUALITY_B);
        at(24 * HOUR);
        expect(await sweepFired()).toBe(1); // the 50% reminder
        expect((await get(c.id)).status).toBe('pending_merchant');
        at(48 * HOUR);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'awaiting_return_shipment', merchantDecision: { outcome: 'auto_approved' } });
        expect((await get(c.id)).returnAddress).toEqual((await h.catalogue.getShop('shop-201'))?.returnAddress);
      });

      it('closes a rejection nobody escalated at 23:59:59 local of day 7, reminding the buyer 48 h before', async () => {
        const c = await fileOk(QUALITY_B);
        await reject(c); // Wednesday 2025-06-18 10:00 Shanghai
        const end = Date.parse('2025-06-25T15:59:59.000Z'); // 2025-06-25 23:59:59 Shanghai
        h.clock.set(end - 48 * HOUR - 1);
        expect(await sweepFired()).toBe(0);
        h.clock.set(end - 48 * HOUR);
        expect(await sweepFired()).toBe(1);
        expect(await sweepFired()).toBe(0);
        h.clock.set(end - 1);
        expect(await sweepFired()).toBe(0);
        h.clock.set(end);
        expect(await sweepFired()).toBe(1);
        const closed = await get(c.id);
        expect(closed).toMatchObject({ status: 'closed', closeReason: 'escalation_window_expired', expired: ['rejection_window_expired'] });
        mustRefuse(await run(BUYER, c.id, { kind: 'buyer_escalate' }), 'closed');
        const events = await drainEvents(sut.events, 4);
        expect(events).toHaveLength(4);
        expect(events.filter((e) => e.type === 'notice').map((e) => [e.notice, e.data?.to])).toEqual([['reminder:escalate', 'buyer']]);
      });

      it('closes a return never shipped at 23:59:59 local of day 7', async () => {
        const c = await fileOk(QUALITY_B);
        await approve(c);
        const end = Date.parse('2025-06-25T15:59:59.000Z');
        h.clock.set(end - 48 * HOUR);
        expect(await sweepFired()).toBe(1);
        h.clock.set(end - 1);
        expect(await sweepFired()).toBe(0);
        h.clock.set(end);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'closed', closeReason: 'return_not_shipped' });
        expect(steps(await trail(c.id)).slice(2)).toEqual(['notice:awaiting_return_shipment', 'return_window_expired:closed']);
      });

      it('accepts a received return by itself after 10 days, with reminders 7 days and 24 h before', async () => {
        const c = await fileOk(QUALITY_B);
        await receiveReturn(c); // arrives 2025-06-18 ~10:03 Shanghai
        const end = Date.parse('2025-06-28T15:59:59.000Z');
        h.clock.set(end - 7 * DAY);
        expect(await sweepFired()).toBe(1);
        h.clock.set(end - 24 * HOUR);
        expect(await sweepFired()).toBe(1);
        h.clock.set(end - 1);
        expect(await sweepFired()).toBe(0);
        h.clock.set(end);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refund_pending', inspection: { outcome: 'ok', by: { role: 'system' } } });
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { amount: 5216 } });
        const audit = await trail(c.id);
        expect(audit.filter((a) => a.event === 'notice').map((a) => a.data?.dueAt)).toEqual([
          new Date(end - 7 * DAY).toISOString(),
          new Date(end - 24 * HOUR).toISOString(),
        ]);
        expect(audit.filter((a) => a.event === 'inspection_timeout')).toHaveLength(1);
      });

      it('alerts CS instead of accepting an exchange nobody inspected', async () => {
        const c = await fileOk(EXCHANGE_A);
        await receiveReturn(c);
        h.clock.set(Date.parse('2025-06-28T15:59:59.000Z'));
        expect(await sweepFired()).toBe(1);
        expect(await sweepFired()).toBe(0);
        const still = await get(c.id);
        expect(still.status).toBe('return_received');
        expect(still.notices).toContain('alert:inspection_overdue');
      });

      it('sends an auto-approval above the auto-confirm threshold to platform review', async () => {
        const delivered = (await h.catalogue.getOrder('DEMO-1005'))!;
        h.catalogue.putOrder({
          ...delivered,
          id: 'BIG-1',
          lines: [{ index: 0, sku: 'DS-TV-85', title: '85 寸电视', unitPrice: 250_000, quantity: 1 }],
          deductions: { coupon: 0, redPacket: 0, points: 0 },
        });
        const c = await fileOk({ ...NOT_RECEIVED_1005, orderId: 'BIG-1' });
        expect(c).toMatchObject({ status: 'pending_merchant', special: true });
        at(48 * HOUR);
        expect(await sweepFired()).toBe(1);
        const review = await get(c.id);
        expect(review.status).toBe('platform_review');
        expect((await trail(c.id)).at(-1)).toMatchObject({ event: 'merchant_timeout', data: { confirmation: ['amount_above_auto_confirm'] } });
        expect(await sweepFired()).toBe(0);
        expect(h.gateway.ledger()).toEqual([]);

        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('refund_pending');
        expect(await sweepFired()).toBe(1);
        expect(h.gateway.ledger().map((r) => r.amount)).toEqual([250_000]);
      });

      it('sends a buyer with 5 cases in the last 30 days to platform review', async () => {
        for (const [lineIndex, n] of [[0, 1], [1, 2], [2, 2]] as const) {
          for (let i = 0; i < n; i++) await fileOk({ ...QUALITY_B, lines: [{ lineIndex, quantity: 1 }] });
        }
        expect(await h.core.service.listCases(BUYER)).toHaveLength(5);
        const flagged = await fileOk(CANCEL_1001);
        expect(flagged).toMatchObject({ status: 'platform_review', fastTrack: 'before_shipment' });
        // Thirty days on, the earlier cases no longer count.
        at(31 * DAY);
        const later = await fileOk({ ...QUALITY_B, lines: [{ lineIndex: 2, quantity: 1 }] });
        expect((await runOk(MERCHANT, later.id, { kind: 'merchant_approve' })).status).toBe('awaiting_return_shipment');
      });

      it('sends a fast-tracked cancellation above the threshold to platform review at once', async () => {
        const unshipped = (await h.catalogue.getOrder('DEMO-1001'))!;
        h.catalogue.putOrder({ ...unshipped, id: 'BIG-2', lines: [{ index: 0, sku: 'DS-PC', title: '笔记本电脑', unitPrice: 200_001, quantity: 1 }], shippingFee: 0 });
        const c = await fileOk({ ...CANCEL_1001, orderId: 'BIG-2' });
        expect(c).toMatchObject({ status: 'platform_review', fastTrack: 'before_shipment' });
        // 200000 exactly passes.
        h.catalogue.putOrder({ ...unshipped, id: 'EDGE-1', lines: [{ index: 0, sku: 'DS-PC', title: '笔记本电脑', unitPrice: 200_000, quantity: 1 }], shippingFee: 0 });
        expect((await fileOk({ ...CANCEL_1001, orderId: 'EDGE-1' })).status).toBe('refund_pending');
      });
    });

    // ---- payments -------------------------------------------------------------------------------------------

    describe('payments', () => {
      const payable = async (): Promise<RefundCase> => {
        const c = await fileOk(CANCEL_1001);
        expect(c.status).toBe('refund_pending');
        return c;
      };

      it('retries transient failures after 1 and 5 minutes under the same key and pays once', async () => {
        const c = await payable();
        const k = `refund:${c.id}:g1`;
        h.gateway.script(k, ['transient', 'transient', 'confirmed']);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunding', payment: { status: 'retry_wait', attempts: 1, nextAttemptAt: new Date(T0 + MINUTE).toISOString() } });
        at(MINUTE - 1);
        expect(await sweepFired()).toBe(0);
        at(MINUTE);
        expect(await sweepFired()).toBe(1);
        expect((await get(c.id)).payment?.nextAttemptAt).toBe(new Date(T0 + 6 * MINUTE).toISOString());
        at(6 * MINUTE - 1);
        expect(await sweepFired()).toBe(0);
        at(6 * MINUTE);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', attempts: 3, key: k } });
        expect(h.calls.keysSubmittedFor(c.id)).toEqual([k, k, k]);
        expect(h.gateway.ledger()).toHaveLength(1);
        expect(steps(await trail(c.id))).toEqual([
          'file:refund_pending',
          'payment_submitted:refunding',
          'payment_retry_scheduled:refunding',
          'payment_retry_scheduled:refunding',
          'payment_confirmed:refunded',
        ]);
      });

      it('fails on a definitive decline; a CS retry pays under a new key generation', async () => {
        const c = await payable();
        h.gateway.script(`refund:${c.id}:g1`, ['declined']);
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refund_failed', paymentFailures: 1, payment: { status: 'declined', lastError: 'simulated_decline' } });
        expect(await sweepFired()).toBe(0);
        expect(mustFail(await run(BUYER, c.id, { kind: 'cs_retry_payment' }), 'forbidden').reason).toBe('role_not_allowed');

        const retried = await runOk(CS, c.id, { kind: 'cs_retry_payment', remark: '买家换了收款账户' });
        expect(retried).toMatchObject({ status: 'refunding', payment: { generation: 2, key: `refund:${c.id}:g2`, status: 'submitting' } });
        expect((await trail(c.id)).at(-1)).toMatchObject({ event: 'cs_retry_payment', actor: CS, data: { generation: 2, previousKey: `refund:${c.id}:g1` } });
        expect(await sweepFired()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', amount: 20700 } });
        expect(h.calls.keysSubmittedFor(c.id)).toEqual([`refund:${c.id}:g1`, `refund:${c.id}:g2`]);
        expect(h.gateway.ledger().map((r) => [r.key, r.amount])).toEqual([[`refund:${c.id}:g2`, 20700]]);
      });

      it('settles a failed payment offline with a voucher', async () => {
        const c = await payable();
        h.gateway.script(`refund:${c.id}:g1`, [{ kind: 'declined', code: 'account_closed' }]);
        await h.core.timers.sweep();
        mustFail(await run(CS, c.id, { kind: 'cs_settle_offline', voucher: VOUCHER }), 'invalid_input');
        const settled = await runOk(CS, c.id, { kind: 'cs_settle_offline', voucher: VOUCHER, remark: '已线下转账' });
        expect(settled).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', offlineVoucher: VOUCHER } });
        expect(await sweepFired()).toBe(0);
        expect(h.gateway.ledger()).toEqual([]);
      });

      it('waits for the confirmation of an accepted payment by polling it', async () => {
        const slow = refundHarness({ store: sut.store, clock: h.clock, gateway: { confirmAfterMs: 10 * MINUTE } });
        const c = mustOk(await slow.core.service.file(BUYER, CANCEL_1001, key()));
        await slow.core.timers.sweep();
        expect(await get(c.id)).toMatchObject({ status: 'refunding', payment: { status: 'accepted' } });
        let minutes = 0;
        while ((await get(c.id)).status === 'refunding' && minutes < 120) {
          h.clock.advance(MINUTE);
          minutes++;
          await slow.core.timers.sweep();
        }
        // Never confirmed before the gateway confirms (10 min); found by a later poll (backoff 5 s, 30 s, 5 min, 30 min).
        expect(minutes).toBeGreaterThanOrEqual(10);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', amount: 20700 } });
        expect(slow.calls.keysSubmittedFor(c.id)).toHaveLength(1);
        expect(slow.calls.statusChecks.length).toBeGreaterThan(0);
        expect(new Set(slow.calls.statusChecks)).toEqual(new Set([`refund:${c.id}:g1`]));
        expect(slow.gateway.ledger()).toHaveLength(1);
        expect(slow.gateway.paidTwice()).toEqual([]);
      });

      it('lets a live instance finish a dead instance\'s payment once its lease runs out, under the same key', async () => {
        const c = await payable();
        const hanging: PaymentGateway = {
          submit: async (request) => {
            await h.calls.submit(request);
            return new Promise(() => undefined); // the process died waiting
          },
          status: (k) => h.calls.status(k),
        };
        void h.newCore({ payments: hanging }).payments.advance(c);
        for (let i = 0; i < 200 && h.gateway.ledger().length === 0; i++) await sleep(5);
        expect(await get(c.id)).toMatchObject({ status: 'refunding', payment: { status: 'submitting' } });
        at(h.core.service.policy.paymentLeaseMs - 1);
        expect(await sweepFired()).toBe(0);
        at(h.core.service.policy.paymentLeaseMs);
        expect(await sweepFired()).toBe(1);
        expect((await get(c.id)).status).toBe('refunded');
        expect(h.gateway.ledger()).toHaveLength(1);
        expect(h.calls.keysSubmittedFor(c.id)).toEqual([`refund:${c.id}:g1`, `refund:${c.id}:g1`]);
      });

      it('pays once when the gateway paid but its answer was lost', async () => {
        const c = await payable();
        h.gateway.script(`refund:${c.id}:g1`, ['paid_reply_lost']);
        await h.core.timers.sweep();
        expect((await get(c.id)).status).toBe('refunding');
        expect(h.gateway.ledger()).toHaveLength(1);
        at(MINUTE);
        expect(await sweepFired()).toBe(1);
        expect((await get(c.id)).status).toBe('refunded');
        expect(h.gateway.ledger()).toHaveLength(1);
        expect(new Set(h.calls.keysSubmittedFor(c.id))).toEqual(new Set([`refund:${c.id}:g1`]));
      });

      it('finishes, on start-up of a new process, a payment whose process died mid-call', async () => {
        const c = await payable();
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        // Pays through the real gateway, then the process "dies": the reply never reaches the case.
        const dying: PaymentGateway = {
          submit: async (request) => {
            const reply = await h.calls.submit(request);
            await gate;
            return reply;
          },
          status: (k) => h.calls.status(k),
        };
        const doomed = h.newCore({ payments: dying });
        const inFlight = doomed.payments.advance(c);
        for (let i = 0; i < 200 && h.gateway.ledger().length === 0; i++) await sleep(5);
        expect(h.gateway.ledger()).toHaveLength(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunding', payment: { status: 'submitting' } });

        const restarted = h.newCore();
        expect(await restarted.payments.reconcile()).toBe(1);
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', amount: 20700 } });
        expect(await restarted.payments.reconcile()).toBe(0);

        release();
        expect(await inFlight).toBeNull(); // the dead process's late answer loses the compare-and-set
        expect((await get(c.id)).status).toBe('refunded');
        expect((await trail(c.id)).filter((a) => a.event === 'payment_confirmed')).toHaveLength(1);
        expect(h.gateway.ledger()).toHaveLength(1);
        expect(new Set(h.calls.keysSubmittedFor(c.id))).toEqual(new Set([`refund:${c.id}:g1`]));
      });
    });

    // ---- money across cases and instances ---------------------------------------------------------------------

    describe('money across cases', () => {
      it('pays the E3 order back case by case to exactly what was paid (unit by unit for line B)', async () => {
        const refundNow = async (request: unknown): Promise<RefundCase> => {
          const c = await fileOk(request);
          await runOk(MERCHANT, c.id, { kind: 'merchant_approve_without_return' });
          expect(await sweepFired()).toBe(1);
          return get(c.id);
        };
        const b1 = await refundNow(QUALITY_B);
        const b2 = await refundNow(QUALITY_B);
        expect([b1.lines, b2.lines]).toEqual([[{ lineIndex: 1, units: [1] }], [{ lineIndex: 1, units: [2] }]]);
        expect([b1.payment?.amount, b2.payment?.amount]).toEqual([5216, 5217]);
        const a = await refundNow({ ...QUALITY_B, lines: [{ lineIndex: 0, quantity: 1 }] });
        const c = await refundNow({ ...QUALITY_B, lines: [{ lineIndex: 2, quantity: 3 }] });
        expect([a.payment?.amount, c.payment?.amount]).toEqual([17331, 2586]);
        expect(c.quote).toMatchObject({ completesOrder: true, couponReturned: 3000, redPacketReturned: 500 });
        for (const earlier of [b1, b2, a]) expect(earlier.quote).toMatchObject({ completesOrder: false, couponReturned: 0 });
        const ledger = h.gateway.ledger();
        expect(ledger.reduce((sum, r) => sum + r.amount, 0)).toBe(30350);
        expect(ledger.reduce((sum, r) => sum + r.pointsRestored, 0)).toBe(1000);
        mustFail(await file({ ...QUALITY_B, lines: [{ lineIndex: 0, quantity: 1 }] }), 'refused');
      });

      it('refunds the shipping fee once when two instances pay the two halves of a cancelled order at once', async () => {
        const unshipped = (await h.catalogue.getOrder('DEMO-1001'))!;
        h.catalogue.putOrder({
          ...unshipped,
          id: 'TWO-1',
          lines: [
            { index: 0, sku: 'A', title: '耳机', unitPrice: 10_000, quantity: 1 },
            { index: 1, sku: 'B', title: '耳机套', unitPrice: 5_000, quantity: 1 },
          ],
          shippingFee: 800,
        });
        const half = (lineIndex: number) => fileOk({ ...CANCEL_1001, orderId: 'TWO-1', lines: [{ lineIndex, quantity: 1 }] });
        const first = await half(0);
        const second = await half(1);
        expect([first.status, second.status]).toEqual(['refund_pending', 'refund_pending']);
        const other = h.newCore();
        await Promise.all([h.core.payments.advance(first), other.payments.advance(second)]);
        await Promise.all([h.core.timers.sweep(), other.timers.sweep()]);
        const paid = [await get(first.id), await get(second.id)];
        expect(paid.map((c) => c.status)).toEqual(['refunded', 'refunded']);
        expect(paid.filter((c) => c.quote.completesOrder).map((c) => c.quote.shippingRefunded)).toEqual([800]);
        expect(h.gateway.ledger().reduce((sum, r) => sum + r.amount, 0)).toBe(15_800);
      });

      it('pays once when CS intervenes in a payment the gateway has accepted, then approves it again', async () => {
        const c = await fileOk(CANCEL_1001);
        const k = `refund:${c.id}:g1`;
        h.gateway.script(k, ['accepted_unconfirmed']);
        await h.core.timers.sweep();
        expect(await get(c.id)).toMatchObject({ status: 'refunding', payment: { status: 'accepted' } });
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '买家说收款账户有误' });
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('refund_pending');
        h.gateway.confirm(k);
        for (let i = 0; i < 5 && (await get(c.id)).status !== 'refunded'; i++) {
          h.clock.advance(10 * MINUTE);
          await h.core.timers.sweep();
        }
        expect(await get(c.id)).toMatchObject({ status: 'refunded', payment: { key: k, status: 'confirmed' } });
        expect(h.gateway.ledger()).toHaveLength(1);
      });
    });

    describe('money already on its way', () => {
      // A payment submitted to the gateway may have moved the money: closing the case would free its units for a
      // new case, and the same goods would be refunded twice.
      const intervenedDuringPayment = async (): Promise<RefundCase> => {
        const c = await fileOk(CANCEL_1001);
        h.gateway.script(`refund:${c.id}:g1`, ['accepted_unconfirmed']);
        await h.core.timers.sweep();
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '核实收款账户' });
        expect(h.gateway.ledger()).toHaveLength(1);
        return c;
      };

      it('does not let CS reject a case whose payment was submitted', async () => {
        const c = await intervenedDuringPayment();
        mustFail(await run(CS, c.id, { kind: 'cs_reject', remark: '驳回' }), 'invalid_input');
        expect((await get(c.id)).status).toBe('platform_review');
        mustFail(await file(CANCEL_1001), 'refused');
      });

      it('does not let the buyer cancel a case whose payment was submitted', async () => {
        const c = await intervenedDuringPayment();
        mustFail(await run(BUYER, c.id, { kind: 'buyer_cancel' }), 'invalid_input');
        expect((await get(c.id)).status).toBe('platform_review');
        expect((await runOk(CS, c.id, { kind: 'cs_approve' })).status).toBe('refund_pending');
      });

      it('lets CS close a reviewed case whose only payment was declined', async () => {
        const c = await fileOk(CANCEL_1001);
        h.gateway.script(`refund:${c.id}:g1`, ['declined']);
        await h.core.timers.sweep();
        await runOk(CS, c.id, { kind: 'cs_intervene', remark: '买家账户已注销' });
        expect(await runOk(CS, c.id, { kind: 'cs_reject', remark: '改为线下处理' })).toMatchObject({ status: 'closed', closeReason: 'platform_rejected' });
        expect(h.gateway.ledger()).toEqual([]);
      });
    });

    describe('timers meeting people', () => {
      it('lets a merchant decision through when a reminder is written at the same moment', async () => {
        const c = await fileOk(NOT_RECEIVED_1005);
        at(12 * HOUR);
        const [, decided] = await Promise.all([h.core.timers.sweep(), run(MERCHANT, c.id, { kind: 'merchant_approve' })]);
        expect(mustOk(decided).status).toBe('refund_pending');
        expect((await trail(c.id)).filter((a) => a.event === 'merchant_approve')).toHaveLength(1);
      });

      it('fires the merchant timeout or the approval at the deadline, never both', async () => {
        const c = await fileOk(NOT_RECEIVED_1005);
        at(24 * HOUR);
        await Promise.all([h.core.timers.sweep(), run(MERCHANT, c.id, { kind: 'merchant_approve' }), h.newCore().timers.sweep()]);
        const audit = await trail(c.id);
        expect(audit.filter((a) => a.event === 'merchant_approve' || a.event === 'merchant_timeout')).toHaveLength(1);
      });

      it('alerts CS once when a platform review waits 48 h', async () => {
        const unshipped = (await h.catalogue.getOrder('DEMO-1001'))!;
        h.catalogue.putOrder({ ...unshipped, id: 'BIG-3', lines: [{ index: 0, sku: 'DS-PC', title: '笔记本电脑', unitPrice: 300_000, quantity: 1 }] });
        const c = await fileOk({ ...CANCEL_1001, orderId: 'BIG-3' });
        expect(c.status).toBe('platform_review');
        at(48 * HOUR - 1);
        expect(await sweepFired()).toBe(0);
        at(48 * HOUR);
        expect(await sweepFired()).toBe(1);
        at(96 * HOUR);
        expect(await sweepFired()).toBe(0);
        expect((await get(c.id)).notices).toEqual(['alert:review_overdue']);
      });

      it('alerts CS once when a return parcel is not scanned for 5 days', async () => {
        const stalled = refundHarness({ store: sut.store, clock: h.clock, returnTransitMs: Number.POSITIVE_INFINITY });
        const c = mustOk(await stalled.core.service.file(BUYER, QUALITY_B, key()));
        mustOk(await stalled.core.service.execute(MERCHANT, c.id, { kind: 'merchant_approve' }, key()));
        mustOk(await stalled.core.service.execute(BUYER, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' }, key()));
        at(5 * DAY - 1);
        expect(await stalled.core.timers.pollReturns()).toBe(0);
        expect((await stalled.core.timers.sweep()).fired).toBe(0);
        at(5 * DAY);
        expect((await stalled.core.timers.sweep()).fired).toBe(1);
        expect((await stalled.core.timers.sweep()).fired).toBe(0);
        expect(await get(c.id)).toMatchObject({ status: 'return_in_transit', notices: ['alert:return_stalled'] });
      });

      it('alerts CS once when an accepted payment is not confirmed within 24 h', async () => {
        const c = await fileOk(CANCEL_1001);
        h.gateway.script(`refund:${c.id}:g1`, ['accepted_unconfirmed']);
        for (let t = 0; t <= 30 * HOUR; t += 30 * MINUTE) {
          at(t);
          await h.core.timers.sweep();
          await h.core.timers.sweep();
        }
        const still = await get(c.id);
        expect(still).toMatchObject({ status: 'refunding', notices: ['alert:payment_unconfirmed'] });
        const alerts = (await trail(c.id)).filter((a) => a.event === 'notice');
        expect(alerts).toHaveLength(1);
        expect(alerts[0]?.data).toMatchObject({ kind: 'alert', to: 'cs', dueAt: new Date(T0 + 24 * HOUR).toISOString() });
      });

      it('records a failed interception when the shop had shipped already, and the refund stands', async () => {
        const shipsAnyway = { ...h.catalogue, getOrder: (id: string) => h.catalogue.getOrder(id), listOrdersOfBuyer: (id: string) => h.catalogue.listOrdersOfBuyer(id), getShop: (id: string) => h.catalogue.getShop(id), getBuyer: (id: string) => h.catalogue.getBuyer(id), markDoNotShip: async () => false };
        const core = h.newCore({ orders: shipsAnyway });
        const c = mustOk(await core.service.file(BUYER, CANCEL_1001, key()));
        expect(c).toMatchObject({ status: 'refund_pending', fastTrack: 'before_shipment', interceptionFailed: true });
        expect((await trail(c.id))[0]?.data).toMatchObject({ interceptionFailed: true });
        await core.timers.sweep();
        expect((await get(c.id)).status).toBe('refunded');
      });
    });

    // ---- access ---------------------------------------------------------------------------------------------

    describe('access', () => {
      it('hides a case from other buyers, forbids other shops, and lets CS see everything', async () => {
        const c = await fileOk(QUALITY_B);
        mustFail(await h.core.service.getCase(OTHER_BUYER, c.id), 'not_found');
        mustFail(await h.core.service.auditTrail(OTHER_BUYER, c.id), 'not_found');
        mustFail(await run(OTHER_BUYER, c.id, { kind: 'buyer_cancel' }), 'not_found');
        expect((await h.core.service.getCase(OTHER_SHOP_MERCHANT, c.id)).ok).toBe(false);
        const foreign = await h.core.service.getCase(OTHER_SHOP_MERCHANT, c.id);
        expect(foreign.ok ? null : foreign.error).toEqual({ kind: 'forbidden', reason: 'other_shop' });
        expect(mustFail(await run(OTHER_SHOP_MERCHANT, c.id, { kind: 'merchant_approve' }), 'forbidden').reason).toBe('other_shop');
        expect(mustFail(await run(BUYER, c.id, { kind: 'merchant_approve' }), 'forbidden').reason).toBe('role_not_allowed');
        mustFail(await run(CS, 'RD-999999', { kind: 'cs_intervene', remark: 'x' }), 'not_found');
        expect(await get(c.id)).toMatchObject({ version: 1, status: 'pending_merchant' });

        expect((await h.core.service.getCase(CS, c.id)).ok).toBe(true);
        expect((await h.core.service.getCase(MERCHANT, c.id)).ok).toBe(true);
        const audit = await h.core.service.auditTrail(CS, c.id);
        expect(audit.ok && audit.value).toHaveLength(1);
      });

      it('scopes case lists to the buyer, to the shop, or to nobody', async () => {
        const mine1 = await fileOk(QUALITY_B);
        const mine2 = await fileOk({ orderId: 'DEMO-1003', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', evidence: [photo('9')] });
        const theirs = await fileOk({ orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'wrong_item', evidence: [photo('7')] }, key(), OTHER_BUYER);
        const ids = (cases: RefundCase[]): string[] => cases.map((c) => c.id).sort();
        const list = (actor: Actor, query = {}) => h.core.service.listCases(actor, query);

        expect(ids(await list(BUYER))).toEqual([mine1.id, mine2.id].sort());
        expect(ids(await list(BUYER, { buyerId: 'buyer-1002' }))).toEqual([mine1.id, mine2.id].sort());
        expect(ids(await list(OTHER_BUYER))).toEqual([theirs.id]);
        expect(ids(await list(MERCHANT))).toEqual([mine1.id, theirs.id].sort());
        expect(ids(await list(OTHER_SHOP_MERCHANT))).toEqual([mine2.id]);
        // Asking for another shop still lists only one's own.
        expect(ids(await list(OTHER_SHOP_MERCHANT, { shopId: 'shop-201' }))).toEqual([mine2.id]);
        expect(await list({ role: 'merchant', id: 'm-0' })).toEqual([]);
        expect(ids(await list(CS))).toEqual([mine1.id, mine2.id, theirs.id].sort());
        expect(ids(await list(CS, { orderId: 'DEMO-2001' }))).toEqual([theirs.id]);
        expect(ids(await list(MERCHANT, { status: 'pending_merchant', buyerId: 'buyer-1002' }))).toEqual([theirs.id]);
      });
    });

    // ---- events ---------------------------------------------------------------------------------------------

    describe('events', () => {
      it('puts exactly one event per commit on the outbox, in version order per case', async () => {
        const ret = await fileOk(QUALITY_B);
        const race = await Promise.all([run(MERCHANT, ret.id, { kind: 'merchant_approve' }), run(MERCHANT_2, ret.id, { kind: 'merchant_approve' })]);
        expect(race.filter((o) => o.ok)).toHaveLength(1);
        await runOk(BUYER, ret.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' });
        const fast = await fileOk(CANCEL_1001);
        mustFail(await file(CANCEL_1001), 'refused');
        const waiting = await fileOk(NOT_RECEIVED_1005);
        at(12 * HOUR);
        await h.core.timers.pollReturns();
        await h.core.timers.sweep();
        await runOk(MERCHANT, ret.id, { kind: 'inspection_ok' });
        await h.core.timers.sweep();
        mustFail(await run(BUYER, waiting.id, { kind: 'merchant_approve' }), 'forbidden');

        const cases = [ret.id, fast.id, waiting.id];
        const audits = new Map<string, string[]>();
        let total = 0;
        for (const id of cases) {
          const a = await trail(id);
          audits.set(id, a.map((x) => x.event));
          total += a.length;
        }
        expect(total).toBe(7 + 3 + 2);

        const events = await drainEvents(sut.events, total);
        expect(events).toHaveLength(total);
        expect(new Set(events.map((e) => e.id)).size).toBe(total);
        for (const id of cases) {
          const mine = events.filter((e: DomainEvent) => e.caseId === id);
          expect(mine.map((e) => e.version)).toEqual(mine.map((_, i) => i + 1));
          expect(mine.map((e) => e.type)).toEqual(audits.get(id));
          expect(mine.map((e) => e.id)).toEqual(mine.map((e) => `${id}:${e.version}`));
        }
        const approval = events.find((e) => e.caseId === ret.id && e.type === 'merchant_approve');
        expect(approval).toMatchObject({ from: 'pending_merchant', to: 'awaiting_return_shipment', actor: { role: 'merchant' } });
      });
    });
  });
}
