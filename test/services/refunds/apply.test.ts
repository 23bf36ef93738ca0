import type { Actor, EvidenceRef, RefundCase, ReturnAddress } from '../../../services/refunds/case';
import type { Applied, ApplyContext } from '../../../services/refunds/apply';
import { applyCommand, paymentKey } from '../../../services/refunds/apply';
import type { Command } from '../../../services/refunds/commands';
import type { Decision } from '../../../services/refunds/policy';
import { checkTransition } from '../../../services/refunds/state-machine';
import { aCase } from '../../support/case-builder';

// How each command changes a case once the state machine allowed it (DESIGN.md §2 state table). The target is
// taken from checkTransition, as the service does.

const NOW = new Date('2026-03-06T02:00:00.000Z'); // 24 h after aCase() was filed
const BUYER: Actor = { role: 'buyer', id: 'buyer-1' };
const MERCHANT: Actor = { role: 'merchant', id: 'merchant-1', shopId: 'shop-1' };
const CS: Actor = { role: 'cs', id: 'agent-7' };

const PASSED: Decision<boolean> = { value: true, reasons: ['auto_confirmed'] };
const HELD: Decision<boolean> = { value: false, reasons: ['amount_above_auto_confirm'] };
const SHOP_ADDRESS: ReturnAddress = { recipient: '售后部 李娜', phone: '0755-2683-0201', address: '深圳市南山区科苑路 88 号' };

function evidence(n: number, kind: EvidenceRef['kind'] = 'image'): EvidenceRef {
  return {
    sha256: n.toString(16).padStart(64, '0'),
    kind,
    mediaType: kind === 'pdf' ? 'application/pdf' : kind === 'video' ? 'video/mp4' : 'image/jpeg',
    size: 1000 + n,
    addedBy: 'buyer',
    addedAt: NOW.toISOString(),
  };
}

function run(c: RefundCase, command: Command, actor: Actor, extra: Partial<ApplyContext> = {}): Applied {
  const check = checkTransition(c.status, command.kind, actor.role);
  if (!check.ok) throw new Error(`${command.kind} by ${actor.role} in ${c.status}: ${check.kind}`);
  return applyCommand(c, command, { actor, now: NOW, target: check.to, ...extra });
}

function applied(result: Applied): RefundCase {
  if (!result.ok) throw new Error(`refused: ${result.issues.join('; ')}`);
  return result.next;
}

function issues(result: Applied): string[] {
  return result.ok ? [] : result.issues;
}

describe('merchant decisions in pending_merchant', () => {
  it('approves a return: the shop\'s address goes to the buyer, confirmation decides the next state', () => {
    const result = run(aCase(), { kind: 'merchant_approve', remark: '同意退货' }, MERCHANT, { confirmation: PASSED, shopReturnAddress: SHOP_ADDRESS });
    const next = applied(result);
    expect(next.status).toBe('awaiting_return_shipment');
    expect(next.returnAddress).toEqual(SHOP_ADDRESS);
    expect(next.merchantDecision).toEqual({ by: MERCHANT, at: NOW.toISOString(), outcome: 'approved', waitedMs: 24 * 3_600_000, remark: '同意退货' });
    expect(result.ok && result.data).toEqual({ confirmation: ['auto_confirmed'] });
  });

  it('prefers the address the merchant gave', () => {
    const own: ReturnAddress = { recipient: '仓库', phone: '123', address: '杭州' };
    const next = applied(run(aCase(), { kind: 'merchant_approve', returnAddress: own }, MERCHANT, { confirmation: PASSED, shopReturnAddress: SHOP_ADDRESS }));
    expect(next.returnAddress).toEqual(own);
  });

  it('sends a refund-only approval to payment, without a return address', () => {
    const next = applied(run(aCase({ type: 'refund_only', reason: 'missing_parts' }), { kind: 'merchant_approve' }, MERCHANT, { confirmation: PASSED }));
    expect(next.status).toBe('refund_pending');
    expect(next.returnAddress).toBeUndefined();
  });

  it('sends an approval that confirmation holds to platform review', () => {
    expect(applied(run(aCase(), { kind: 'merchant_approve' }, MERCHANT, { confirmation: HELD })).status).toBe('platform_review');
  });

  it('approves a return as refund without return', () => {
    const next = applied(run(aCase(), { kind: 'merchant_approve_without_return' }, MERCHANT, { confirmation: PASSED }));
    expect(next.status).toBe('refund_pending');
    expect(next.refundWithoutReturn).toBe(true);
    expect(next.merchantDecision?.outcome).toBe('approved_without_return');
  });

  it('refuses refund without return for anything but a return', () => {
    expect(issues(run(aCase({ type: 'exchange' }), { kind: 'merchant_approve_without_return' }, MERCHANT, { confirmation: PASSED }))).toEqual([
      'only a return can be approved as refund without return',
    ]);
  });

  it('rejects with a code and a remark', () => {
    const result = run(aCase(), { kind: 'merchant_reject', code: 'evidence_insufficient', remark: '照片看不清' }, MERCHANT);
    const next = applied(result);
    expect(next.status).toBe('merchant_rejected');
    expect(next.merchantDecision).toMatchObject({ outcome: 'rejected', code: 'evidence_insufficient', remark: '照片看不清', waitedMs: 24 * 3_600_000 });
    expect(result.ok && result.remark).toBe('照片看不清');
  });

  it('asks the buyer for evidence: the case stays and the request is kept', () => {
    const next = applied(run(aCase(), { kind: 'request_evidence', from: 'buyer', message: '请拍一张拉链的近照' }, MERCHANT));
    expect(next.status).toBe('pending_merchant');
    expect(next.evidenceRequests).toEqual([{ by: MERCHANT, at: NOW.toISOString(), remark: '请拍一张拉链的近照', code: 'buyer' }]);
  });

  it('fails loudly when confirmation was not evaluated for a command that needs it', () => {
    expect(() => run(aCase(), { kind: 'merchant_approve' }, MERCHANT)).toThrow('platform confirmation was not evaluated');
  });
});

describe('add_evidence', () => {
  const withFiles = (n: number): RefundCase => aCase({ evidence: Array.from({ length: n }, (_, i) => evidence(i + 1)) });

  it('adds new files and ignores ones the case already has', () => {
    const result = run(withFiles(2), { kind: 'add_evidence', evidence: [evidence(2), evidence(3, 'video')] }, BUYER);
    expect(applied(result).evidence.map((e) => e.sha256)).toEqual([evidence(1).sha256, evidence(2).sha256, evidence(3).sha256]);
    expect(result.ok && result.data).toEqual({ added: [evidence(3).sha256] });
    expect(applied(result).status).toBe('pending_merchant');
  });

  it('allows 9 files per case and not a 10th', () => {
    expect(applied(run(withFiles(8), { kind: 'add_evidence', evidence: [evidence(9)] }, BUYER)).evidence).toHaveLength(9);
    expect(issues(run(withFiles(9), { kind: 'add_evidence', evidence: [evidence(10)] }, BUYER))).toEqual(['at most 9 evidence files per case']);
    // A file already there does not count twice.
    expect(applied(run(withFiles(9), { kind: 'add_evidence', evidence: [evidence(9)] }, BUYER)).evidence).toHaveLength(9);
  });
});

describe('platform review', () => {
  const inReview = (overrides: Partial<RefundCase> = {}): RefundCase => aCase({ status: 'platform_review', ...overrides });

  it('approves to the step after confirmation, without a second check', () => {
    expect(applied(run(inReview(), { kind: 'cs_approve' }, CS)).status).toBe('awaiting_return_shipment');
    expect(applied(run(inReview({ type: 'refund_only' }), { kind: 'cs_approve' }, CS)).status).toBe('refund_pending');
    expect(applied(run(inReview({ refundWithoutReturn: true }), { kind: 'cs_approve', remark: '证据充分' }, CS)).platformDecision).toEqual({
      by: CS,
      at: NOW.toISOString(),
      outcome: 'approved',
      remark: '证据充分',
    });
  });

  it('rejects and closes, recording why', () => {
    const next = applied(run(inReview(), { kind: 'cs_reject', remark: '非质量问题' }, CS));
    expect(next.status).toBe('closed');
    expect(next.closeReason).toBe('platform_rejected');
    expect(next.platformDecision?.outcome).toBe('rejected');
  });

  it('takes any open case into review on intervention', () => {
    for (const status of ['pending_merchant', 'return_received', 'refund_failed'] as const) {
      const next = applied(run(aCase({ status }), { kind: 'cs_intervene', remark: '平台介入' }, CS));
      expect(next.status).toBe('platform_review');
      expect(next.platformDecision).toMatchObject({ outcome: 'intervened', remark: '平台介入' });
    }
  });
});

describe('the buyer after a rejection', () => {
  const rejected = aCase({
    status: 'merchant_rejected',
    resubmissions: 1,
    merchantDecision: { by: MERCHANT, at: NOW.toISOString(), outcome: 'rejected', waitedMs: 1000, code: 'other', remark: '不同意' },
  });

  it('resubmits: counted, revised, back to the merchant without the old decision', () => {
    const next = applied(run(rejected, { kind: 'buyer_resubmit', description: '补充了照片', evidence: [evidence(2)] }, BUYER));
    expect(next.status).toBe('pending_merchant');
    expect(next.resubmissions).toBe(2);
    expect(next.description).toBe('补充了照片');
    expect(next.evidence).toHaveLength(2);
    expect(next.merchantDecision).toBeUndefined();
  });

  it('keeps the description when the resubmission gives none, and still respects 9 files', () => {
    expect(applied(run(rejected, { kind: 'buyer_resubmit' }, BUYER)).description).toBe(rejected.description);
    const nine = Array.from({ length: 9 }, (_, i) => evidence(i + 10));
    expect(issues(run(rejected, { kind: 'buyer_resubmit', evidence: nine }, BUYER))).toEqual(['at most 9 evidence files per case']);
  });

  it('escalates to platform review', () => {
    const result = run(rejected, { kind: 'buyer_escalate', remark: '商家不讲理' }, BUYER);
    expect(applied(result).status).toBe('platform_review');
    expect(result.ok && result.remark).toBe('商家不讲理');
  });

  it('accepts the rejection, which closes the case', () => {
    const next = applied(run(rejected, { kind: 'buyer_accept_rejection' }, BUYER));
    expect([next.status, next.closeReason]).toEqual(['closed', 'buyer_accepted_rejection']);
  });

  it.each(['pending_merchant', 'platform_review', 'merchant_rejected', 'awaiting_return_shipment'] as const)(
    'cancels from %s',
    (status) => {
      const next = applied(run(aCase({ status }), { kind: 'buyer_cancel' }, BUYER));
      expect([next.status, next.closeReason]).toEqual(['closed', 'buyer_cancelled']);
    },
  );
});

describe('the return and the inspection', () => {
  it('records the buyer\'s parcel', () => {
    const result = run(aCase({ status: 'awaiting_return_shipment' }), { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF1234567890' }, BUYER);
    const next = applied(result);
    expect(next.status).toBe('return_in_transit');
    expect(next.returnShipment).toEqual({ carrier: 'SF', trackingNumber: 'SF1234567890', shippedAt: NOW.toISOString() });
  });

  it('sends inspected goods to payment, or an exchange to the replacement', () => {
    const ok = applied(run(aCase({ status: 'return_received' }), { kind: 'inspection_ok' }, MERCHANT));
    expect(ok.status).toBe('refund_pending');
    expect(ok.inspection).toEqual({ by: MERCHANT, at: NOW.toISOString(), outcome: 'ok' });
    expect(applied(run(aCase({ status: 'return_received', type: 'exchange' }), { kind: 'inspection_ok' }, MERCHANT)).status).toBe('exchange_shipping');
  });

  it('sends damaged or wrong goods back to a rejection, with the merchant\'s photos', () => {
    const next = applied(
      run(aCase({ status: 'return_received' }), { kind: 'inspection_failed', problem: 'damaged', remark: '外壳碎了', evidence: [evidence(5)] }, MERCHANT),
    );
    expect(next.status).toBe('merchant_rejected');
    expect(next.inspection).toMatchObject({ outcome: 'damaged', remark: '外壳碎了' });
    expect(next.evidence.map((e) => e.sha256)).toContain(evidence(5).sha256);
  });

  describe('a short quantity', () => {
    // 3 units of line 0 and 2 of line 1 were to come back.
    const returned = aCase({
      status: 'return_received',
      lines: [
        { lineIndex: 0, units: [1, 2, 3] },
        { lineIndex: 1, units: [1, 2] },
      ],
    });
    const short = (received: { lineIndex: number; quantity: number }[]): Applied =>
      run(returned, { kind: 'inspection_short', received, remark: '少了一件' }, MERCHANT);

    it('goes on with the units received and names the missing ones', () => {
      const result = short([{ lineIndex: 0, quantity: 2 }, { lineIndex: 1, quantity: 2 }]);
      const next = applied(result);
      expect(next.status).toBe('refund_pending');
      expect(next.lines).toEqual([{ lineIndex: 0, units: [1, 2] }, { lineIndex: 1, units: [1, 2] }]);
      expect(next.inspection).toMatchObject({ outcome: 'short', remark: '少了一件', receivedUnits: next.lines });
      expect(result.ok && result.data).toEqual({ missing: [{ lineIndex: 0, units: [3] }] });
    });

    it('drops a line of which nothing came back', () => {
      const next = applied(short([{ lineIndex: 0, quantity: 3 }]));
      expect(next.lines).toEqual([{ lineIndex: 0, units: [1, 2, 3] }]);
    });

    it('is more than none and less than all', () => {
      const message = ['a short quantity is more than none and less than all'];
      expect(issues(short([{ lineIndex: 0, quantity: 0 }]))).toEqual(message);
      expect(issues(short([{ lineIndex: 0, quantity: 3 }, { lineIndex: 1, quantity: 2 }]))).toEqual(message);
    });

    it('cannot receive more than was returned, or lines the case does not cover', () => {
      expect(issues(short([{ lineIndex: 1, quantity: 3 }]))).toEqual(['line 1: received more than returned']);
      expect(issues(short([{ lineIndex: 0, quantity: 1 }, { lineIndex: 4, quantity: 1 }]))).toEqual(['received lines must be lines of the case']);
    });
  });

  it('finishes an exchange when the replacement ships', () => {
    const next = applied(run(aCase({ status: 'exchange_shipping', type: 'exchange' }), { kind: 'replacement_shipped', carrier: 'YTO', trackingNumber: 'YT99887766' }, MERCHANT));
    expect(next.status).toBe('exchanged');
    expect(next.replacement).toEqual({ carrier: 'YTO', trackingNumber: 'YT99887766', shippedAt: NOW.toISOString() });
  });
});

describe('failed payments', () => {
  const failed = aCase({
    status: 'refund_failed',
    paymentFailures: 1,
    payment: {
      generation: 1,
      key: paymentKey('RD-000001', 1),
      amount: 10000,
      pointsRestored: 0,
      status: 'declined',
      attempts: 1,
      polls: 0,
      lastError: 'account_closed',
    },
  });

  it('derives the payment key from the case and the generation', () => {
    expect(paymentKey('RD-000001', 1)).toBe('refund:RD-000001:g1');
    expect(paymentKey('RD-000001', 2)).not.toBe(paymentKey('RD-000001', 1));
  });

  it('retries under a new generation and key, recorded with the old key', () => {
    const result = run(failed, { kind: 'cs_retry_payment', remark: '买家已更换账户' }, CS);
    const next = applied(result);
    expect(next.status).toBe('refunding');
    expect(next.payment).toEqual({
      generation: 2,
      key: 'refund:RD-000001:g2',
      amount: 10000,
      pointsRestored: 0,
      status: 'submitting',
      attempts: 0,
      polls: 0,
      nextAttemptAt: NOW.toISOString(),
    });
    expect(result.ok && result.data).toEqual({ generation: 2, previousKey: 'refund:RD-000001:g1' });
  });

  it('refuses a retry or a settlement without a payment', () => {
    const noPayment = aCase({ status: 'refund_failed' });
    expect(issues(run(noPayment, { kind: 'cs_retry_payment' }, CS))).toEqual(['no payment to retry']);
    expect(issues(run(noPayment, { kind: 'cs_settle_offline', voucher: 'f'.repeat(64), remark: '线下转账' }, CS))).toEqual(['no payment to settle']);
  });

  it('settles offline with a voucher', () => {
    const next = applied(run(failed, { kind: 'cs_settle_offline', voucher: 'f'.repeat(64), remark: '线下转账' }, CS));
    expect(next.status).toBe('refunded');
    expect(next.payment).toMatchObject({ generation: 1, status: 'confirmed', confirmedAt: NOW.toISOString(), offlineVoucher: 'f'.repeat(64) });
  });
});

describe('rating', () => {
  it('rates a finished case once', () => {
    const done = aCase({ status: 'refunded' });
    const rated = applied(run(done, { kind: 'rate', stars: 5, comment: '很快' }, BUYER));
    expect(rated.status).toBe('refunded');
    expect(rated.rating).toEqual({ stars: 5, comment: '很快', at: NOW.toISOString() });
    expect(issues(run(rated, { kind: 'rate', stars: 1 }, BUYER))).toEqual(['the case is already rated']);
  });
});

describe('purity', () => {
  it('leaves the case it was given untouched', () => {
    const c = aCase({ status: 'return_received', lines: [{ lineIndex: 0, units: [1, 2] }] });
    const before = JSON.parse(JSON.stringify(c));
    run(c, { kind: 'inspection_short', received: [{ lineIndex: 0, quantity: 1 }], remark: '少了一件', evidence: [evidence(7)] }, MERCHANT);
    run(c, { kind: 'cs_intervene', remark: '平台介入' }, CS);
    expect(c).toEqual(before);
  });
});

describe('evidence bookkeeping', () => {
  it('stamps added files with the actor and the time, whatever the client claimed', () => {
    const claimed = { ...evidence(41), addedBy: 'cs' as const, addedAt: '2000-01-01T00:00:00.000Z' };
    const next = applied(run(aCase({ status: 'pending_merchant' }), { kind: 'add_evidence', evidence: [claimed] }, BUYER));
    expect(next.evidence.at(-1)).toMatchObject({ sha256: claimed.sha256, addedBy: 'buyer', addedAt: NOW.toISOString() });
  });

  it('keeps inspection photos once each and refuses a tenth file instead of dropping it', () => {
    const c = aCase({ status: 'return_received', type: 'return_refund', evidence: [1, 2, 3, 4, 5, 6, 7, 8].map((n) => evidence(n)) });
    const refused = run(c, { kind: 'inspection_failed', problem: 'damaged', remark: '外壳碎裂', evidence: [evidence(20), evidence(21)] }, MERCHANT);
    expect(refused.ok).toBe(false);
    const ok = applied(run(c, { kind: 'inspection_failed', problem: 'damaged', remark: '外壳碎裂', evidence: [evidence(1), evidence(20), evidence(20)] }, MERCHANT));
    expect(ok.evidence.map((e) => e.sha256)).toEqual([...c.evidence.map((e) => e.sha256), evidence(20).sha256]);
  });

  it('keeps the time the merchant took for the approval when the inspection rejects', () => {
    const approvedAfter = 5 * 3_600_000;
    const c = aCase({
      status: 'return_received',
      type: 'return_refund',
      merchantDecision: { by: MERCHANT, at: NOW.toISOString(), outcome: 'approved', waitedMs: approvedAfter },
    });
    const next = applied(run(c, { kind: 'inspection_failed', problem: 'wrong_item', remark: '不是我们的商品' }, MERCHANT));
    expect(next.merchantDecision).toMatchObject({ outcome: 'rejected', waitedMs: approvedAfter, code: 'wrong_item' });
  });

  it('does not let a merchant ask itself for evidence', () => {
    const result = run(aCase({ status: 'pending_merchant' }), { kind: 'request_evidence', from: 'merchant', message: '请补充' }, MERCHANT);
    expect(result.ok).toBe(false);
  });
});
