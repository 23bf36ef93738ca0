import { CASE_STATUSES } from '../../../services/refunds';
import { caseFiledCard, nextStepText, statusLabel } from '../../../bot/cards/buyer/case-filed-card';
import { aCase } from '../../support/case-builder';
import { LANGS, TZ, cardText, expectValid, submits, tr, unfilled } from './filing-cards-support';

describe('case filed card', () => {
  it.each(LANGS)('words every status and what comes next (%s)', (lang) => {
    const t = tr(lang);
    const labels = CASE_STATUSES.map((s) => statusLabel(t, s));
    expect(new Set(labels).size).toBe(CASE_STATUSES.length);
    for (const status of CASE_STATUSES) {
      const text = nextStepText(t, aCase({ status }), '2026-03-12T04:00:00Z', lang, TZ);
      expect(unfilled(text)).toEqual([]);
    }
  });

  it('gives the case number, the shop deadline, and buttons to check it or reach a person', () => {
    const c = aCase({ id: 'RD-000123', status: 'pending_merchant' });
    const card = caseFiledCard({ filed: c, deadline: '2026-03-12T04:00:00Z', replayed: false, lang: 'zh-CN', timeZone: TZ }, tr('zh-CN'));
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('申请已提交：RD-000123');
    expect(text).toContain('等待商家处理');
    expect(text).toContain('商家需在 2026年3月12日 12:00 前处理您的申请');
    expect(submits(card).map((s) => s.data)).toEqual([
      { action: 'case_status', caseId: 'RD-000123' },
      { action: 'human', caseId: 'RD-000123' },
    ]);
  });

  it('says a fast-tracked refund is on its way and the shop was told not to ship', () => {
    const c = aCase({ status: 'refund_pending', fastTrack: 'before_shipment', paymentMethod: 'wechat_pay' });
    const text = cardText(caseFiledCard({ filed: c, deadline: null, replayed: true, lang: 'en-US', timeZone: TZ }, tr('en-US')));
    expect(text).toContain('is on its way to your WeChat Pay account');
    expect(text).toContain('The shop has been told not to ship the order.');
    expect(text).toContain('nothing was filed twice');
  });
});
