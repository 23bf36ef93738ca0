import { handoffFigures, handoffRoute } from '../../../services/analytics';
import type { AuditEntry, CaseStatus, RefundCase } from '../../../services/refunds';
import { aCase } from '../../support/case-builder';

const entry = (event: string, from: CaseStatus | null, to: CaseStatus): AuditEntry => ({
  at: '2026-03-05T02:00:00.000Z',
  actor: { role: 'system', id: 'system' },
  event,
  from,
  to,
  version: 1,
});

describe('hand-offs to CS', () => {
  it('reads the route from the audit entry that enters a CS state', () => {
    expect(handoffRoute(entry('buyer_escalate', 'merchant_rejected', 'platform_review'))).toBe('escalation');
    expect(handoffRoute(entry('cs_intervene', 'refunding', 'platform_review'))).toBe('intervention');
    expect(handoffRoute(entry('merchant_approve', 'pending_merchant', 'platform_review'))).toBe('confirmation');
    expect(handoffRoute(entry('file', null, 'platform_review'))).toBe('confirmation');
    expect(handoffRoute(entry('payment_declined', 'refunding', 'refund_failed'))).toBe('payment_failed');
    expect(handoffRoute(entry('notice', 'platform_review', 'platform_review'))).toBeNull();
    expect(handoffRoute(entry('merchant_approve', 'pending_merchant', 'refund_pending'))).toBeNull();
  });

  it('counts cases handed off at least once, by reason, and the routes they took', () => {
    const cases: RefundCase[] = [
      aCase({ id: 'RD-1', reason: 'quality_issue' }),
      aCase({ id: 'RD-2', reason: 'quality_issue' }),
      aCase({ id: 'RD-3', reason: 'not_received' }),
      aCase({ id: 'RD-4', reason: 'wrong_item' }),
    ];
    const audits = new Map<string, AuditEntry[]>([
      ['RD-1', [entry('file', null, 'pending_merchant'), entry('merchant_reject', 'pending_merchant', 'merchant_rejected'), entry('buyer_escalate', 'merchant_rejected', 'platform_review')]],
      ['RD-2', [entry('file', null, 'pending_merchant')]],
      ['RD-3', [entry('file', null, 'refund_pending'), entry('payment_declined', 'refunding', 'refund_failed'), entry('cs_intervene', 'refund_failed', 'platform_review')]],
    ]);
    const f = handoffFigures(cases, audits, [{ reason: 'buyer_asked' }, { reason: 'buyer_asked' }, { reason: 'frustration' }]);
    expect(f.cases).toBe(2);
    expect(f.share).toBe(0.5);
    expect(f.byReason.quality_issue).toEqual({ cases: 2, handedOff: 1, share: 0.5 });
    expect(f.byReason.not_received).toEqual({ cases: 1, handedOff: 1, share: 1 });
    expect(f.byReason.wrong_item).toEqual({ cases: 1, handedOff: 0, share: 0 });
    expect(f.byReason.other).toEqual({ cases: 0, handedOff: 0, share: null });
    expect(f.byRoute).toEqual({ escalation: 1, confirmation: 0, intervention: 1, payment_failed: 1 });
    expect(f.waitingConversations).toEqual({ total: 3, byReason: { buyer_asked: 2, frustration: 1 } });
  });
});
