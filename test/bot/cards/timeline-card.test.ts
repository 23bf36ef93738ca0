import type { AuditEntry, RefundCase } from '../../../services/refunds';
import { translator } from '../../../bot/i18n';
import type { Lang } from '../../../bot/i18n';
import { TIMELINE_MAX_ENTRIES, moneyWords, timelineCard } from '../../../bot/cards/buyer/timeline-card';
import { aCase, anAuditEntryFor } from '../../support/case-builder';
import { cardErrors } from '../../support/card-schema';

const ctx = (lang: Lang) => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });
const merchant = { role: 'merchant' as const, id: 'm-1', shopId: 'shop-1' };

function trail(c: RefundCase, entries: Partial<AuditEntry>[]): AuditEntry[] {
  return entries.map((e, i) => anAuditEntryFor(c, null, { version: i + 1, ...e }));
}

describe('timeline card', () => {
  it('shows the case, its deadline, next step and history with actors in words', () => {
    const c = aCase({ status: 'merchant_rejected', version: 2, merchantDecision: { by: merchant, at: '2026-03-05T04:00:00.000Z', outcome: 'rejected', waitedMs: 0, code: 'not_as_claimed', remark: '划痕是使用造成的' } });
    const audit = trail(c, [
      { event: 'file', actor: { role: 'buyer', id: 'buyer-1' }, at: '2026-03-05T02:00:00.000Z' },
      { event: 'merchant_reject', actor: merchant, at: '2026-03-05T04:00:00.000Z', remark: '划痕是使用造成的', data: { code: 'not_as_claimed' } },
    ]);
    const card = timelineCard({ case: c, audit, deadline: new Date('2026-03-12T15:59:59.999Z'), platformReviewHours: 48, items: ['拉链夹克 ×1'] }, ctx('zh-CN'));
    expect(cardErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('退款进度 RD-000001');
    expect(json).toContain('拉链夹克 ×1');
    expect(json).toContain('2026年3月12日 23:59');
    expect(json).toContain('**商家** 拒绝了申请');
    expect(json).toContain('与您描述的情况不符：划痕是使用造成的');
    expect(json).not.toContain('m-1');
    expect(json).toContain('"action":"after_rejection"');
    expect(json).toContain('"action":"cancel_case"');
  });

  it('shows only the latest entries of a long trail and says how many are left out', () => {
    const c = aCase({ status: 'refunding' });
    const audit = trail(c, Array.from({ length: 20 }, (_, i) => ({ event: i === 0 ? 'file' : 'payment_retry_scheduled', at: `2026-03-05T0${Math.min(i, 9)}:00:00.000Z` })));
    const card = timelineCard({ case: c, audit, deadline: null, platformReviewHours: 48 }, ctx('en-US'));
    expect(cardErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(`(${20 - TIMELINE_MAX_ENTRIES} earlier events not shown)`);
    expect(json).not.toContain('filed the request');
    expect(json).not.toContain('"actions"');
  });

  it('says when the money arrives: fast methods and bank cards, with points', () => {
    const paid = aCase({
      status: 'refunded',
      paymentMethod: 'bank_card',
      payment: { generation: 1, key: 'k', amount: 5216, pointsRestored: 172, status: 'confirmed', attempts: 1, polls: 0, confirmedAt: '2026-03-06T06:30:00.000Z' },
    });
    expect(moneyWords(paid, ctx('en-US'))).toBe('¥52.16 was refunded to your bank card on Mar 6, 2026, 14:30. Bank cards usually take 1-5 business days. 172 points went back to your account as well.');
    expect(moneyWords(aCase({ status: 'refunding', paymentMethod: 'wechat_pay' }), ctx('zh-CN'))).toBe('¥100.00 正在原路退回您的微信支付。通常几分钟内到账，最晚不超过 1 天。');
    expect(moneyWords(aCase({ status: 'pending_merchant' }), ctx('zh-CN'))).toBeNull();
  });

  it('offers rating on a finished case until it is rated, and says why a closed case closed', () => {
    const closed = aCase({ status: 'closed', closeReason: 'return_not_shipped' });
    const audit = trail(closed, [{ event: 'return_window_expired', actor: { role: 'system', id: 'system' } }]);
    const open = JSON.stringify(timelineCard({ case: closed, audit, deadline: null, platformReviewHours: 48 }, ctx('en-US')));
    expect(open).toContain('The case is closed: the goods were not shipped back in time.');
    expect(open).toContain('**The system** closed the case (the goods were not shipped back in time)');
    expect(open).toContain('"action":"rate"');
    const rated = JSON.stringify(timelineCard({ case: { ...closed, rating: { stars: 4, at: closed.updatedAt } }, audit, deadline: null, platformReviewHours: 48 }, ctx('en-US')));
    expect(rated).not.toContain('"action":"rate"');
    expect(rated).toContain('Your rating: 4 stars');
  });

  it('shows the return parcel with the carrier in the buyer language', () => {
    const c = aCase({ status: 'return_in_transit', returnShipment: { carrier: 'SF', trackingNumber: 'SF1234567890123', shippedAt: '2026-03-06T02:00:00.000Z' } });
    const audit = trail(c, [{ event: 'return_shipped', actor: { role: 'buyer', id: 'buyer-1' }, data: { carrier: 'SF', trackingNumber: 'SF1234567890123' } }]);
    const zh = JSON.stringify(timelineCard({ case: c, audit, deadline: null, platformReviewHours: 48 }, ctx('zh-CN')));
    expect(zh).toContain('顺丰速运 SF1234567890123');
    expect(zh).toContain('快递：顺丰速运 SF1234567890123');
    const en = JSON.stringify(timelineCard({ case: c, audit, deadline: null, platformReviewHours: 48 }, ctx('en-US')));
    expect(en).toContain('SF Express SF1234567890123');
  });
});
