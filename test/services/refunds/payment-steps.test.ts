import { MemoryCaseStore } from '../../../services/store';
import { createRefundCore, type PaymentStep } from '../../../services/refunds';
import { BUYER, refundHarness } from '../../support/refund-harness';

// The payment path's step hook (fault injection stops processes there): called at each durable boundary, in order,
// and never when nothing was accepted.

function world(confirmAfterMs: number) {
  const steps: [PaymentStep, string][] = [];
  const h = refundHarness({ store: new MemoryCaseStore(), gateway: { confirmAfterMs } });
  const core = createRefundCore({ ...h.deps, onPaymentStep: (step, caseId) => void steps.push([step, caseId]) });
  return { h, core, steps };
}

const cancellation = { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' };

describe('payment step hook', () => {
  it('a payment confirmed in the reply passes every step once, in order', async () => {
    const { core, steps } = world(0);
    const filed = await core.service.file(BUYER, cancellation, 'k1');
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const id = filed.value.case.id;
    const paid = await core.payments.advance(filed.value.case);
    expect(paid?.status).toBe('refunded');
    expect(steps).toEqual([
      ['after_intent', id],
      ['after_gateway_accept', id],
      ['before_confirm_commit', id],
    ]);
  });

  it('an accepted payment stops after the acceptance; the confirmation comes with a later poll', async () => {
    const { h, core, steps } = world(60_000);
    const filed = await core.service.file(BUYER, cancellation, 'k1');
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const accepted = await core.payments.advance(filed.value.case);
    expect(accepted?.payment?.status).toBe('accepted');
    expect(steps.map(([s]) => s)).toEqual(['after_intent', 'after_gateway_accept']);
    h.clock.advance(60_000);
    expect((await core.payments.advance(accepted!))?.status).toBe('refunded');
    expect(steps.map(([s]) => s)).toEqual(['after_intent', 'after_gateway_accept', 'after_gateway_accept', 'before_confirm_commit']);
  });

  it('a transient failure or a decline passes only the intent', async () => {
    const { h, core, steps } = world(0);
    const filed = await core.service.file(BUYER, cancellation, 'k1');
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    h.gateway.script(filed.value.case.payment?.key ?? `refund:${filed.value.case.id}:g1`, ['transient', 'declined']);
    const retry = await core.payments.advance(filed.value.case);
    expect(retry?.payment?.status).toBe('retry_wait');
    expect((await core.payments.advance(retry!))?.status).toBe('refund_failed');
    expect(steps.map(([s]) => s)).toEqual(['after_intent']);
  });
});
