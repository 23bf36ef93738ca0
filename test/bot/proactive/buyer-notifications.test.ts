import type { Actor, DomainEvent, RefundCase } from '../../../services/refunds';
import { DEFAULT_POLICY } from '../../../services/refunds';
import { notificationFor, mayConcernBuyer } from '../../../bot/proactive';
import type { BuyerNotification } from '../../../bot/proactive';
import { notificationMessage } from '../../../bot/cards/buyer/notification-card';
import { translator } from '../../../bot/i18n';
import type { Lang } from '../../../bot/i18n';
import { cardErrors } from '../../support/card-schema';
import { aCase } from '../../support/case-builder';

// Which events reach the buyer, and what they read: the pure mapping and the message builder, in both languages.

const MERCHANT: Actor = { role: 'merchant', id: 'm-1', shopId: 'shop-1' };
const CS: Actor = { role: 'cs', id: 'cs-1' };
const SYSTEM: Actor = { role: 'system', id: 'system' };
const BUYER: Actor = { role: 'buyer', id: 'buyer-1' };
const AT = '2026-03-06T02:00:00.000Z';
const policy = { ...DEFAULT_POLICY, timeZone: 'Asia/Shanghai' };
const ADDRESS = { recipient: '售后部 李娜', phone: '0755-2683-0201', address: '深圳市南山区科苑路 88 号' };

function event(type: string, actor: Actor, from: RefundCase['status'] | null, to: RefundCase['status'], extra: Partial<DomainEvent> = {}): DomainEvent {
  return { id: `RD-000001:2`, caseId: 'RD-000001', version: 2, at: AT, actor, type, from, to, ...extra };
}

function render(n: BuyerNotification, lang: Lang) {
  const message = notificationMessage(n, { t: translator(lang), lang, timeZone: 'Asia/Shanghai' });
  if (message.card) expect(cardErrors(message.card)).toEqual([]);
  const cardText = JSON.stringify(message.card ?? {});
  return { ...message, all: `${message.text}\n${cardText}` };
}

function both(n: BuyerNotification) {
  const zh = render(n, 'zh-CN');
  const en = render(n, 'en-US');
  expect(en.text).not.toMatch(/\{\w+\}/);
  expect(zh.text).not.toMatch(/\{\w+\}/);
  return { zh, en };
}

describe('which events reach the buyer', () => {
  it("never the buyer's own changes", () => {
    for (const type of ['file', 'buyer_cancel', 'buyer_resubmit', 'buyer_escalate', 'buyer_accept_rejection', 'return_shipped', 'add_evidence', 'rate']) {
      expect(mayConcernBuyer(event(type, BUYER, 'pending_merchant', 'closed'))).toBe(false);
    }
    expect(notificationFor(event('buyer_cancel', BUYER, 'pending_merchant', 'closed'), aCase({ status: 'closed' }), { policy })).toBeNull();
  });

  it('not the payment flow steps on the way, nor reminders and alerts for merchants and CS', () => {
    expect(mayConcernBuyer(event('payment_submitted', SYSTEM, 'refund_pending', 'refunding'))).toBe(false);
    expect(mayConcernBuyer(event('payment_accepted', SYSTEM, 'refunding', 'refunding'))).toBe(false);
    expect(mayConcernBuyer(event('payment_retry_scheduled', SYSTEM, 'refunding', 'refunding'))).toBe(false);
    expect(mayConcernBuyer(event('notice', SYSTEM, 'pending_merchant', 'pending_merchant', { notice: 'reminder:50', data: { to: 'merchant', kind: 'reminder' } }))).toBe(false);
    expect(mayConcernBuyer(event('notice', SYSTEM, 'refunding', 'refunding', { notice: 'alert:payment_unconfirmed', data: { to: 'cs', kind: 'alert' } }))).toBe(false);
    expect(mayConcernBuyer(event('notice', SYSTEM, 'merchant_rejected', 'merchant_rejected', { notice: 'reminder:escalate', data: { to: 'buyer', kind: 'reminder' } }))).toBe(true);
  });

  it('not evidence CS asks of the merchant', () => {
    const e = event('request_evidence', CS, 'platform_review', 'platform_review', { data: { from: 'merchant' } });
    expect(notificationFor(e, aCase({ status: 'platform_review' }), { policy, remark: 'invoice please' })).toBeNull();
  });
});

describe('decisions', () => {
  it('a return approval gives the address, the deadline to ship and a button to enter the tracking number', () => {
    const c = aCase({ status: 'awaiting_return_shipment', returnAddress: ADDRESS, stateEnteredAt: AT });
    const n = notificationFor(event('merchant_approve', MERCHANT, 'pending_merchant', 'awaiting_return_shipment'), c, { policy });
    expect(n).toMatchObject({ kind: 'approved', by: 'merchant', next: { kind: 'ship_return', address: ADDRESS, exchange: false } });
    // Day 7 of the return window ends at 23:59:59 Shanghai time.
    expect(n?.kind === 'approved' && n.next.kind === 'ship_return' && n.next.until).toBe('2026-03-13T15:59:59.000Z');
    const { zh, en } = both(n!);
    expect(zh.text).toContain('商家已同意');
    expect(zh.text).toContain('3月13日');
    expect(en.text).toContain('The shop approved');
    for (const m of [zh, en]) {
      expect(m.all).toContain('售后部 李娜');
      expect(m.card?.actions).toEqual([expect.objectContaining({ type: 'Action.Submit', data: { action: 'return_shipping', caseId: 'RD-000001' } })]);
    }
  });

  it('an approval without a recorded address uses the shop address it is given', () => {
    const c = aCase({ status: 'awaiting_return_shipment' });
    const n = notificationFor(event('cs_approve', CS, 'platform_review', 'awaiting_return_shipment'), c, { policy, shopReturnAddress: ADDRESS });
    expect(n).toMatchObject({ kind: 'approved', by: 'platform', next: { kind: 'ship_return', address: ADDRESS } });
  });

  it('a refund approval says how much comes back; auto-approval says why', () => {
    const c = aCase({ type: 'refund_only', status: 'refund_pending' });
    const auto = notificationFor(event('merchant_timeout', SYSTEM, 'pending_merchant', 'refund_pending'), c, { policy });
    expect(auto).toMatchObject({ kind: 'approved', by: 'auto', next: { kind: 'refund', amount: 10000 } });
    const { zh, en } = both(auto!);
    expect(zh.text).toContain('自动同意');
    expect(zh.text).toContain('¥100.00');
    expect(en.text).toContain('approved automatically');
    expect(zh.card).toBeNull();
  });

  it('an approval that needs the platform check says so', () => {
    const n = notificationFor(event('merchant_approve', MERCHANT, 'pending_merchant', 'platform_review'), aCase({ status: 'platform_review' }), { policy });
    expect(n).toMatchObject({ next: { kind: 'platform_review' } });
    expect(both(n!).en.text).toContain('one more check');
  });

  it('a rejection gives the reason, the remark, the deadline and the three ways on', () => {
    const c = aCase({ status: 'merchant_rejected', stateEnteredAt: AT });
    const n = notificationFor(event('merchant_reject', MERCHANT, 'pending_merchant', 'merchant_rejected', { data: { code: 'evidence_insufficient' } }), c, {
      policy,
      remark: '照片看不清',
    });
    expect(n).toMatchObject({ kind: 'rejected', cause: { by: 'merchant', code: 'evidence_insufficient' }, remark: '照片看不清', until: '2026-03-13T15:59:59.000Z' });
    const { zh, en } = both(n!);
    expect(zh.text).toContain('凭证不足');
    expect(zh.text).toContain('照片看不清');
    expect(en.text).toContain('the evidence is not enough');
    expect(en.text).toContain('"照片看不清"');
    for (const m of [zh, en]) {
      expect(m.card?.actions?.map((a) => a.data)).toEqual([
        { action: 'after_rejection', caseId: 'RD-000001', choice: 'resubmit' },
        { action: 'after_rejection', caseId: 'RD-000001', choice: 'escalate' },
        { action: 'after_rejection', caseId: 'RD-000001', choice: 'accept' },
      ]);
    }
  });

  it('a failed inspection is a rejection with the problem found', () => {
    const n = notificationFor(event('inspection_failed', MERCHANT, 'return_received', 'merchant_rejected', { data: { problem: 'wrong_item' } }), aCase({ status: 'merchant_rejected' }), {
      policy,
      remark: 'not our product',
    });
    expect(n).toMatchObject({ kind: 'rejected', cause: { by: 'inspection', problem: 'wrong_item' } });
    expect(both(n!).zh.text).toContain('退回的不是原来购买的商品');
  });

  it('a platform rejection closes the case and offers a person', () => {
    const n = notificationFor(event('cs_reject', CS, 'platform_review', 'closed'), aCase({ status: 'closed' }), { policy, remark: 'outside the window' });
    const { en } = both(n!);
    expect(en.text).toContain('could not support');
    expect(en.text).toContain('outside the window');
    expect(en.card?.actions?.[0]?.data).toEqual({ action: 'human', caseId: 'RD-000001' });
  });
});

describe('money', () => {
  it('refund paid: the amount, where it went, when it arrives, and the points restored', () => {
    const c = aCase({ status: 'refunded', paymentMethod: 'bank_card', payment: { generation: 1, key: 'k', amount: 5216, pointsRestored: 172, status: 'confirmed', attempts: 1, polls: 0 } });
    const n = notificationFor(event('payment_confirmed', SYSTEM, 'refunding', 'refunded', { data: { amount: 5216 } }), c, { policy });
    expect(n).toMatchObject({ kind: 'refund_paid', amount: 5216, points: 172, method: 'bank_card' });
    const { zh, en } = both(n!);
    expect(zh.text).toContain('¥52.16');
    expect(zh.text).toContain('银行卡');
    expect(zh.text).toContain('172 积分');
    expect(en.text).toContain('1 to 5 business days');
    expect(en.card?.actions?.[0]?.data).toEqual({ action: 'rate', caseId: 'RD-000001' });
  });

  it('refund failed: reassurance and a person, with the reason for the queue', () => {
    const n = notificationFor(event('payment_declined', SYSTEM, 'refunding', 'refund_failed', { data: { code: 'account_closed' } }), aCase({ status: 'refund_failed' }), { policy });
    const { zh, en } = both(n!);
    expect(zh.text).toContain('钱没有丢失');
    expect(en.text).toContain('a person from our team will follow up');
    expect(en.card?.actions?.[0]?.data).toEqual({ action: 'human', caseId: 'RD-000001', reason: 'payment_failed' });
  });
});

describe('returns, evidence and reminders', () => {
  it('return received: when the shop has to finish checking', () => {
    const n = notificationFor(event('return_delivered', SYSTEM, 'return_in_transit', 'return_received'), aCase({ status: 'return_received' }), { policy });
    expect(n).toMatchObject({ kind: 'return_received', inspectBy: '2026-03-16T15:59:59.000Z' });
    expect(both(n!).en.text).toContain('reached the shop');
  });

  it('inspection passed, or short', () => {
    const ok = notificationFor(event('inspection_ok', MERCHANT, 'return_received', 'refund_pending'), aCase({ status: 'refund_pending' }), { policy });
    expect(both(ok!).zh.text).toContain('验收通过');
    const c = aCase({ status: 'refund_pending', lines: [{ lineIndex: 0, units: [1] }], inspection: { by: MERCHANT, at: AT, outcome: 'short', receivedUnits: [{ lineIndex: 0, units: [1] }] } });
    const short = notificationFor(event('inspection_short', MERCHANT, 'return_received', 'refund_pending', { data: { missing: [{ lineIndex: 0, units: [2, 3] }] } }), c, { policy });
    expect(short).toMatchObject({ kind: 'inspection_short', returned: 3, received: 1 });
    expect(both(short!).en.text).toContain('you returned 3 and the shop received 1');
  });

  it('evidence requested: the message asked, in the asker\'s words', () => {
    const n = notificationFor(event('request_evidence', MERCHANT, 'pending_merchant', 'pending_merchant', { data: { from: 'buyer' } }), aCase(), { policy, remark: '请拍一下拉链' });
    expect(n).toMatchObject({ kind: 'evidence_requested', by: 'merchant', message: '请拍一下拉链' });
    expect(both(n!).zh.text).toContain('商家需要您补充凭证');
  });

  it('reminders say until when, and are dropped once the case has moved on', () => {
    const c = aCase({ status: 'merchant_rejected', stateEnteredAt: AT });
    const e = event('notice', SYSTEM, 'merchant_rejected', 'merchant_rejected', { notice: 'reminder:escalate', data: { to: 'buyer', kind: 'reminder' } });
    const n = notificationFor(e, c, { policy });
    expect(n).toMatchObject({ kind: 'reminder_escalate', until: '2026-03-13T15:59:59.000Z' });
    const { zh, en } = both(n!);
    expect(zh.text).toContain('3月13日');
    expect(en.text).toContain('You have until Mar 13, 2026');
    expect(notificationFor(e, { ...c, status: 'platform_review' }, { policy })).toBeNull();

    const ship = notificationFor(
      event('notice', SYSTEM, 'awaiting_return_shipment', 'awaiting_return_shipment', { notice: 'reminder:ship', data: { to: 'buyer', kind: 'reminder' } }),
      aCase({ status: 'awaiting_return_shipment', stateEnteredAt: AT, returnAddress: ADDRESS }),
      { policy },
    );
    expect(ship).toMatchObject({ kind: 'reminder_ship', address: ADDRESS });
    expect(both(ship!).en.text).toContain('you have until');
  });

  it('cases closed by a deadline say why', () => {
    const n = notificationFor(event('return_window_expired', SYSTEM, 'awaiting_return_shipment', 'closed'), aCase({ status: 'closed' }), { policy });
    expect(both(n!).en.text).toContain('not sent back in time');
  });
});
