import { translator } from '../../../bot/i18n';
import type { Lang } from '../../../bot/i18n';
import { caseListCard } from '../../../bot/cards/buyer/case-list-card';
import { returnInstructionsCard } from '../../../bot/cards/buyer/return-instructions-card';
import { rejectionCard } from '../../../bot/cards/buyer/rejection-card';
import { ratingCard, ratingCommentCard } from '../../../bot/cards/buyer/rating-card';
import { caseConfirmCard } from '../../../bot/cards/buyer/case-confirm-card';
import { aCase } from '../../support/case-builder';
import { cardErrors } from '../../support/card-schema';

const ctx = (lang: Lang) => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });
const LANGS: Lang[] = ['zh-CN', 'en-US'];

describe.each(LANGS)('buyer case cards (%s)', (lang) => {
  it('lists cases numbered, each with a button that continues the flow', () => {
    const card = caseListCard(
      {
        intro: 'pick one',
        entries: [{ case: aCase({ id: 'RD-000002' }), items: ['A ×1'] }, { case: aCase({ id: 'RD-000001', status: 'refunded' }) }],
        action: 'cancel_case',
        buttonKey: 'status.action.choose',
      },
      ctx(lang),
    );
    expect(cardErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('1. RD-000002');
    expect(json).toContain('2. RD-000001');
    expect(json).toContain('{"action":"cancel_case","caseId":"RD-000002"}');
    expect(json).toContain('¥100.00');
  });

  it('gives the return address, freight payer, ship-by date and a form for carrier and number', () => {
    const c = aCase({ status: 'awaiting_return_shipment', returnAddress: { recipient: '李娜', phone: '0755-1', address: '深圳市南山区 88 号' } });
    const card = returnInstructionsCard({ case: c, deadline: new Date('2026-03-12T15:59:59.999Z') }, ctx(lang));
    expect(cardErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain('深圳市南山区 88 号');
    expect(json).toContain(lang === 'zh-CN' ? '由商家承担' : 'Paid by the shop');
    expect(json).toContain(lang === 'zh-CN' ? '2026年3月12日 23:59' : 'Mar 12, 2026, 23:59');
    expect(json).toContain('"id":"carrier"');
    expect(json).toContain('"id":"trackingNumber"');
    expect(json).toContain('"value":"SF"');
    expect(json).toContain('{"action":"return_shipping","caseId":"RD-000001"}');
  });

  it('says when a return address is missing', () => {
    const card = returnInstructionsCard({ case: aCase({ status: 'awaiting_return_shipment' }), deadline: null }, ctx(lang));
    expect(cardErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(lang === 'zh-CN' ? '商家还没有提供退货地址' : 'has not given a return address');
  });

  it("shows the shop's reason code in words, its remark, the deadline and three choices", () => {
    const c = aCase({
      status: 'merchant_rejected',
      merchantDecision: { by: { role: 'merchant', id: 'm-1' }, at: '2026-03-05T04:00:00.000Z', outcome: 'rejected', waitedMs: 0, code: 'item_used_or_damaged_by_buyer', remark: 'scratches' },
    });
    const card = rejectionCard({ case: c, deadline: new Date('2026-03-12T15:59:59.999Z'), platformReviewHours: 48 }, ctx(lang));
    expect(cardErrors(card)).toEqual([]);
    const json = JSON.stringify(card);
    expect(json).toContain(lang === 'zh-CN' ? '商品已使用或人为损坏' : 'Item used or damaged after delivery');
    expect(json).toContain('scratches');
    expect(json).toContain('48');
    for (const choice of ['resubmit', 'escalate', 'accept']) expect(json).toContain(`"choice":"${choice}"`);
  });

  it('offers one button per star count with an optional comment, and a comment card with skip', () => {
    const card = ratingCard({ caseId: 'RD-000001' }, ctx(lang));
    expect(cardErrors(card)).toEqual([]);
    expect(card.actions?.map((a) => (a.data as { stars: number }).stars)).toEqual([5, 4, 3, 2, 1]);
    const comment = ratingCommentCard({ caseId: 'RD-000001', stars: 4 }, ctx(lang));
    expect(cardErrors(comment)).toEqual([]);
    expect(JSON.stringify(comment)).toContain('"skip":true');
  });

  it('carries the whole command on both confirm buttons', () => {
    const card = caseConfirmCard({ text: 'sure?', yes: { title: 'Y', data: { action: 'cancel_case', caseId: 'RD-1' } }, no: { title: 'N', data: { action: 'cancel_case', caseId: 'RD-1' } } });
    expect(cardErrors(card)).toEqual([]);
    expect(card.actions?.map((a) => a.data)).toEqual([
      { action: 'cancel_case', caseId: 'RD-1', confirm: true },
      { action: 'cancel_case', caseId: 'RD-1', confirm: false },
    ]);
  });
});
