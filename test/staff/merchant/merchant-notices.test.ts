import type { DomainEvent, RefundCase } from '../../../services/refunds';
import { merchantNoticeFor, stillRelevant } from '../../../bot/staff/merchant/merchant-notices';
import { leftWords, merchantNoticeMessage } from '../../../bot/cards/staff/merchant-notice-message';
import type { MerchantCaseView } from '../../../bot/cards/staff/merchant-case-view';
import { translator } from '../../../bot/i18n';
import { aCase, anEventFor } from '../../support/case-builder';
import { cardErrors } from '../../support/card-schema';

// Which events merchants hear about, and how they read.

const merchant = { role: 'merchant' as const, id: 'aad-bob', shopId: 'shop-1' };
const ev = (c: RefundCase, overrides: Partial<DomainEvent>): DomainEvent => anEventFor(c, null, overrides);

describe('merchant notices', () => {
  const c = aCase();
  it.each<[Partial<DomainEvent>, unknown]>([
    [{ type: 'file', to: 'pending_merchant' }, { kind: 'new_case', resubmitted: false }],
    [{ type: 'file', to: 'refund_pending' }, { kind: 'fast_track' }],
    [{ type: 'file', to: 'platform_review' }, { kind: 'fast_track' }],
    [{ type: 'buyer_resubmit', to: 'pending_merchant' }, { kind: 'new_case', resubmitted: true }],
    [{ type: 'add_evidence', to: 'pending_merchant', actor: { role: 'buyer', id: 'b' } }, { kind: 'evidence_added' }],
    [{ type: 'notice', notice: 'reminder:50', data: { to: 'merchant' } }, { kind: 'reminder', notice: 'reminder:50' }],
    [{ type: 'notice', notice: 'reminder:24h', data: { to: 'merchant' } }, { kind: 'reminder', notice: 'reminder:24h' }],
    [{ type: 'notice', notice: 'reminder:escalate', data: { to: 'buyer' } }, null],
    [{ type: 'notice', notice: 'alert:review_overdue', data: { to: 'cs' } }, null],
    [{ type: 'merchant_timeout' }, { kind: 'auto_approved' }],
    [{ type: 'return_shipped', data: { carrier: 'SF', trackingNumber: 'SF123' } }, { kind: 'return_shipped', carrier: 'SF', trackingNumber: 'SF123' }],
    [{ type: 'return_delivered' }, { kind: 'return_arrived' }],
    [{ type: 'buyer_cancel' }, { kind: 'buyer_cancelled' }],
    [{ type: 'buyer_escalate' }, { kind: 'escalated', by: 'buyer' }],
    [{ type: 'cs_intervene' }, { kind: 'escalated', by: 'cs' }],
    [{ type: 'merchant_approve', actor: merchant }, { kind: 'colleague', event: 'merchant_approve' }],
    [{ type: 'request_evidence', actor: { role: 'cs', id: 'agent' } }, null],
    [{ type: 'payment_confirmed' }, null],
  ])('%j -> %j', (overrides, expected) => {
    expect(merchantNoticeFor(ev(c, overrides))).toEqual(expected);
  });

  it('drops reminders and new evidence once the case left the state they are about', () => {
    expect(stillRelevant({ kind: 'reminder', notice: 'reminder:80' }, 'pending_merchant')).toBe(true);
    expect(stillRelevant({ kind: 'reminder', notice: 'reminder:80' }, 'refund_pending')).toBe(false);
    expect(stillRelevant({ kind: 'reminder', notice: 'reminder:7d' }, 'return_received')).toBe(true);
    expect(stillRelevant({ kind: 'evidence_added' }, 'merchant_rejected')).toBe(false);
    expect(stillRelevant({ kind: 'buyer_cancelled' }, 'closed')).toBe(true);
  });
});

describe('merchant notice messages', () => {
  const view = (c: RefundCase): MerchantCaseView => ({
    case: c,
    orderLines: [{ index: 0, title: '耳机', titleEn: 'Earphones' }],
    shopReturnAddress: null,
    deadline: '2026-03-06T02:00:00.000Z',
    evidence: [],
    refreshUserIds: ['29:a'],
    names: { 'aad-bob': 'Bob' },
  });
  const en = { t: translator('en-US'), lang: 'en-US' as const, timeZone: 'Asia/Shanghai' };
  const zh = { t: translator('zh-CN'), lang: 'zh-CN' as const, timeZone: 'Asia/Shanghai' };

  it('sends a new case as a question with its card', () => {
    const m = merchantNoticeMessage({ kind: 'new_case', resubmitted: false }, view(aCase()), en, { at: '2026-03-05T02:00:00.000Z', actor: { role: 'buyer', id: 'b' } });
    expect(m.text).toBe('New refund case RD-000001 (order order-1, ¥100.00) needs your decision by Mar 6, 2026, 10:00.');
    expect(m.card?.actions?.length).toBeGreaterThan(0);
    expect(cardErrors(m.card)).toEqual([]);
  });

  it('sends a fast-tracked case and an auto-approval as information: cards without buttons', () => {
    const fast = merchantNoticeMessage({ kind: 'fast_track' }, view(aCase({ status: 'refund_pending', type: 'refund_only', fastTrack: 'before_shipment' })), zh, {
      at: '2026-03-05T02:00:00.000Z',
      actor: { role: 'buyer', id: 'b' },
    });
    expect(fast.text).toContain('请不要发货');
    expect(fast.card?.actions).toBeUndefined();
    expect(cardErrors(fast.card)).toEqual([]);
    const auto = merchantNoticeMessage({ kind: 'auto_approved' }, view(aCase({ status: 'pending_merchant' })), en, { at: '2026-03-06T02:00:00.000Z', actor: { role: 'system', id: 'system' } });
    expect(auto.card?.actions).toBeUndefined();
  });

  it('words reminders with the time left, and what colleagues did in one line', () => {
    const r = merchantNoticeMessage({ kind: 'reminder', notice: 'reminder:80' }, view(aCase()), en, { at: '2026-03-05T21:12:00.000Z', actor: { role: 'system', id: 'system' } });
    expect(r.text).toContain('5 hours left to decide case RD-000001');
    const did = merchantNoticeMessage({ kind: 'colleague', event: 'merchant_reject' }, view(aCase()), en, { at: '2026-03-05T02:00:00.000Z', actor: merchant });
    expect(did).toEqual({ text: 'Bob rejected: RD-000001.', card: null });
    expect(leftWords(7 * 24 * 3_600_000, zh)).toBe('7 天');
    expect(leftWords(12 * 3_600_000, zh)).toBe('12 小时');
  });
});
