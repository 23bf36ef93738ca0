import type { DomainEvent } from '../../../services/refunds';
import { DEFAULT_POLICY } from '../../../services/refunds';
import { translator } from '../../../bot/i18n';
import { alertBanner, csAlertOf } from '../../../bot/staff/cs/cs-alert-rules';

function anEvent(overrides: Partial<DomainEvent>): DomainEvent {
  return { id: 'RD-000001:3', caseId: 'RD-000001', version: 3, at: '2026-03-05T02:00:00.000Z', actor: { role: 'system', id: 'system' }, type: 'notice', from: 'platform_review', to: 'platform_review', ...overrides };
}

describe('which case events CS hears about', () => {
  it('a case entering platform review, by escalation or by platform confirmation', () => {
    expect(csAlertOf(anEvent({ type: 'buyer_escalate', actor: { role: 'buyer', id: 'b' }, from: 'merchant_rejected', to: 'platform_review' }))).toEqual({ kind: 'review', cause: 'escalated' });
    expect(csAlertOf(anEvent({ type: 'merchant_approve', actor: { role: 'merchant', id: 'm', shopId: 's' }, from: 'pending_merchant', to: 'platform_review' }))).toEqual({ kind: 'review', cause: 'confirmation' });
    expect(csAlertOf(anEvent({ type: 'merchant_timeout', from: 'pending_merchant', to: 'platform_review' }))).toEqual({ kind: 'review', cause: 'confirmation' });
    expect(csAlertOf(anEvent({ type: 'file', actor: { role: 'buyer', id: 'b' }, from: null, to: 'platform_review' }))).toEqual({ kind: 'review', cause: 'confirmation' });
  });

  it('not an intervention: the agent who intervened got the case card as the answer', () => {
    expect(csAlertOf(anEvent({ type: 'cs_intervene', actor: { role: 'cs', id: 'agent' }, from: 'pending_merchant', to: 'platform_review' }))).toBeNull();
    expect(csAlertOf(anEvent({ type: 'request_evidence', actor: { role: 'cs', id: 'agent' } }))).toBeNull();
  });

  it('a declined payment at once, and evidence added during a review', () => {
    expect(csAlertOf(anEvent({ type: 'payment_declined', from: 'refunding', to: 'refund_failed', data: { code: 'account_closed' } }))).toEqual({ kind: 'payment_failed', code: 'account_closed' });
    expect(csAlertOf(anEvent({ type: 'add_evidence', actor: { role: 'merchant', id: 'm', shopId: 's' } }))).toEqual({ kind: 'evidence_added', by: 'merchant' });
  });

  it('the alerts of the deadlines, and no reminder meant for someone else', () => {
    for (const notice of ['review_overdue', 'payment_unconfirmed', 'return_stalled', 'inspection_overdue', 'exchange_overdue'] as const) {
      expect(csAlertOf(anEvent({ notice: `alert:${notice}` }))).toEqual({ kind: 'notice', notice });
    }
    expect(csAlertOf(anEvent({ notice: 'reminder:50', from: 'pending_merchant', to: 'pending_merchant' }))).toBeNull();
    expect(csAlertOf(anEvent({ type: 'merchant_reject', actor: { role: 'merchant', id: 'm', shopId: 's' }, from: 'pending_merchant', to: 'merchant_rejected' }))).toBeNull();
    expect(csAlertOf(anEvent({ type: 'payment_confirmed', from: 'refunding', to: 'refunded' }))).toBeNull();
  });

  it('words every alert in both languages with the configured times', () => {
    const zh = translator('zh-CN');
    const en = translator('en-US');
    expect(alertBanner({ kind: 'notice', notice: 'review_overdue' }, zh, DEFAULT_POLICY).text).toContain('48');
    expect(alertBanner({ kind: 'notice', notice: 'payment_unconfirmed' }, en, DEFAULT_POLICY).text).toContain('24 hours');
    expect(alertBanner({ kind: 'payment_failed', code: 'x' }, en, DEFAULT_POLICY)).toEqual({ tone: 'attention', text: expect.stringContaining('declined (x)') });
    expect(alertBanner({ kind: 'review', cause: 'escalated' }, zh, DEFAULT_POLICY).text).toContain('申请平台介入');
  });
});
