import { MemoryCaseStore } from '../../../services/store';
import { BUYER, CS, MERCHANT, MERCHANT_2, photo, refundHarness } from '../../support/refund-harness';
import { aNeverShippedOrder, anOrderLine } from '../../support/builders';

// A command refused because the case moved on is a lost race only when the command fitted the state the case was
// in until someone else moved it; otherwise it is simply not possible in this state.

const RETURN_B = { orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '屏幕有划痕', evidence: [photo('c')] };
const EXCHANGE_A = { orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'exchange', reason: 'quality_issue', description: '左耳没声音', evidence: [photo('d')] };

function setup() {
  return refundHarness({ store: new MemoryCaseStore() });
}

async function filed(h: ReturnType<typeof setup>, request: unknown, key: string) {
  const r = await h.core.service.file(BUYER, request, key);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.case;
}

describe('conflict or invalid state', () => {
  it('tells the second merchant who decided first', async () => {
    const h = setup();
    const c = await filed(h, RETURN_B, 'f-1');
    expect((await h.core.service.execute(MERCHANT, c.id, { kind: 'merchant_approve' }, 'inv-1')).ok).toBe(true);
    const late = await h.core.service.execute(MERCHANT_2, c.id, { kind: 'merchant_reject', code: 'other', remark: '不同意' }, 'inv-2');
    expect(late).toMatchObject({ ok: false, error: { kind: 'conflict', by: { id: MERCHANT.id }, event: 'merchant_approve' } });
  });

  it('answers invalid_state, not conflict, to a command that was never possible after the last change', async () => {
    const h = setup();
    const c = await filed(h, EXCHANGE_A, 'f-2');
    await h.core.service.execute(MERCHANT, c.id, { kind: 'merchant_approve' }, 'inv-3');
    await h.core.service.execute(BUYER, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890123' }, 'm-1');
    h.clock.advance(10 * 60_000);
    await h.core.timers.pollReturns();
    await h.core.service.execute(MERCHANT, c.id, { kind: 'inspection_ok' }, 'inv-4');
    const rate = await h.core.service.execute(BUYER, c.id, { kind: 'rate', stars: 5 }, 'm-2');
    expect(rate).toMatchObject({ ok: false, error: { kind: 'invalid_state', status: 'exchange_shipping' } });
  });

  it('keeps the recorded amount under the payment key when CS sends a case back to payment', async () => {
    const h = setup();
    // Two lines, never shipped: the case that completes the order also carries the ¥8.00 shipping.
    h.catalogue.putOrder(
      aNeverShippedOrder({ id: 'ORD-77', buyerId: BUYER.id, shopId: 'shop-201', shippingFee: 800, lines: [anOrderLine(0), anOrderLine(1)] }),
    );
    const first = await filed(h, { orderId: 'ORD-77', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, 'f-3');
    h.gateway.script(`refund:${first.id}:g1`, ['transient']);
    await h.core.timers.sweep();
    const paying = await h.core.service.getCase(CS, first.id);
    if (!paying.ok) throw new Error('case missing');
    expect(paying.value.payment?.amount).toBe(10000);
    await h.core.service.execute(CS, first.id, { kind: 'cs_intervene', remark: '核实付款' }, 'cs-1');
    // Meanwhile the other line is refunded in full.
    const second = await filed(h, { orderId: 'ORD-77', lines: [{ lineIndex: 1, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, 'f-4');
    await h.core.timers.sweep();
    expect((await h.core.service.getCase(CS, second.id)).ok).toBe(true);
    await h.core.service.execute(CS, first.id, { kind: 'cs_approve' }, 'cs-2');
    h.clock.advance(60 * 60_000);
    await h.core.timers.sweep();
    await h.core.timers.sweep();
    const done = await h.core.service.getCase(CS, first.id);
    expect(done.ok && done.value.status).toBe('refunded');
    const paid = Object.fromEntries(h.gateway.ledger().map((row) => [row.caseId, row.amount]));
    expect(paid[first.id]).toBe(10000);
    expect(h.gateway.paidTwice()).toEqual([]);
  });
});

describe('payment retry backoff', () => {
  it('counts only failures in a row: a timeout after accepted polls waits the first delay again', async () => {
    const h = setup();
    const c = await filed(h, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, 'f-9');
    const key = `refund:${c.id}:g1`;
    h.gateway.script(key, ['accepted_unconfirmed']);
    await h.core.timers.sweep();
    for (let i = 0; i < 3; i++) {
      h.clock.advance(3 * 60 * 60_000);
      await h.core.timers.sweep();
    }
    const polled = await h.core.service.getCase(CS, c.id);
    if (!polled.ok || !polled.value.payment) throw new Error('case missing');
    expect(polled.value.payment.status).toBe('accepted');
    h.calls.failNextStatus = true;
    h.clock.advance(3 * 60 * 60_000);
    await h.core.timers.sweep();
    const failed = await h.core.service.getCase(CS, c.id);
    if (!failed.ok || !failed.value.payment) throw new Error('case missing');
    const waited = Date.parse(failed.value.payment.nextAttemptAt!) - h.clock.now().getTime();
    expect(waited).toBe(60_000);
  });
});
