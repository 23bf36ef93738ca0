import { CASE_STATUSES } from '../../../services/refunds';
import type { RefundCase } from '../../../services/refunds';
import { translator } from '../../../bot/i18n';
import type { Lang } from '../../../bot/i18n';
import { csCaseCard } from '../../../bot/cards/staff/cs-case-card';
import type { CsCaseView } from '../../../bot/cards/staff/cs-case-card';
import { csOpenItemsCard } from '../../../bot/cards/staff/cs-open-items-card';
import type { OpenItem } from '../../../bot/cards/staff/cs-open-items-card';
import { csRefusalCard } from '../../../bot/cards/staff/cs-refusal-card';
import { aCase } from '../../support/case-builder';
import { cardText, executeActions, expectValid } from './cs-harness';

// The CS cards as pure functions: valid Adaptive Cards 1.5 in every state and both languages, with the actions
// CS may take in that state and nothing else.

const ctxOf = (lang: Lang) => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });

function aView(c: Partial<RefundCase> = {}): CsCaseView {
  return {
    c: aCase(c),
    buyerName: '王小明',
    shopName: { zh: '数码优选旗舰店', en: 'Digital Select' },
    lines: [{ index: 0, title: '双肩包 黑色', titleEn: 'Backpack, black' }],
    escalation: null,
    platformBy: null,
    evidence: [{ name: 'zip [1].jpg', kind: 'image', url: 'https://bot.example/evidence/aaa?sig=1' }],
    voucherUrl: null,
    deadline: null,
    alertAt: null,
  };
}

const VERBS: Record<string, string[]> = {
  platform_review: ['cs.approve', 'cs.reject', 'cs.request_evidence', 'cs.request_evidence'],
  refund_failed: ['cs.retry_payment'],
  refunded: [],
  exchanged: [],
  closed: [],
};

describe('CS case card', () => {
  it.each(CASE_STATUSES.flatMap((s) => (['zh-CN', 'en-US'] as const).map((lang) => [s, lang] as const)))('is valid with the right actions: %s (%s)', (status, lang) => {
    const card = csCaseCard(aView({ status, version: 7 }), { ctx: ctxOf(lang), refreshUserIds: ['29:alice'] });
    expectValid(card);
    const actions = executeActions(card);
    expect(actions.map((a) => a.verb)).toEqual(VERBS[status] ?? ['cs.intervene']);
    for (const a of actions) expect(a.data).toMatchObject({ caseId: 'RD-000001', version: 7 });
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'cs.refresh', data: { caseId: 'RD-000001' } }, userIds: ['29:alice'] });
  });

  it('tells what each side said and decided, with evidence as links', () => {
    const view = aView({
      status: 'platform_review',
      merchantDecision: { by: { role: 'merchant', id: 'm', shopId: 'shop-1' }, at: '2026-03-05T04:00:00.000Z', outcome: 'rejected', code: 'evidence_insufficient', remark: '照片看不清', waitedMs: 1 },
      evidenceRequests: [{ by: { role: 'cs', id: 'aad-alice' }, at: '2026-03-06T04:00:00.000Z', code: 'merchant', remark: '请提供发货前照片' }],
    });
    view.escalation = { at: '2026-03-05T06:00:00.000Z', remark: '照片很清楚' };
    const text = cardText(csCaseCard(view, { ctx: ctxOf('zh-CN'), refreshUserIds: [] }));
    for (const words of ['退款单 RD-000001', '平台审核中', '王小明 (buyer-1)', '数码优选旗舰店', '双肩包 黑色 ×1', '拉链坏了', '[zip  1 .jpg](https://bot.example/evidence/aaa?sig=1)', '商家：拒绝', '凭证不足', '照片看不清', '买家说明：照片很清楚', '已要求商家补充凭证', '请提供发货前照片']) {
      expect(text).toContain(words);
    }
  });

  it('shows a failed payment, the settlement voucher and the platform decision by name', () => {
    const failed = aView({ status: 'refund_failed', payment: { generation: 1, key: 'refund:RD-000001:g1', amount: 10000, pointsRestored: 0, status: 'declined', attempts: 1, polls: 0, lastError: 'account_frozen' } });
    const en = cardText(csCaseCard(failed, { ctx: ctxOf('en-US'), refreshUserIds: [] }));
    expect(en).toContain('Payment: attempt 1, declined, ¥100.00');
    expect(en).toContain('The gateway said: account_frozen');
    expect(en).toContain('settle RD-000001 <remark>');

    const settled = aView({ status: 'refunded', platformDecision: { by: { role: 'cs', id: 'aad-bob' }, at: '2026-03-06T04:00:00.000Z', outcome: 'intervened', remark: 'late shop' } });
    settled.voucherUrl = 'https://bot.example/evidence/bbb';
    settled.platformBy = 'Bob';
    const zh = cardText(csCaseCard(settled, { ctx: ctxOf('zh-CN'), refreshUserIds: [] }));
    expect(zh).toContain('[查看](https://bot.example/evidence/bbb)');
    expect(zh).toContain('平台：介入（Bob，');
  });

  it('redrawn with the reason by the remark field and what was typed; read-only without buttons; no refresh list when none is known', () => {
    const card = csCaseCard(aView({ status: 'platform_review' }), { ctx: ctxOf('en-US'), refreshUserIds: [], remarkError: 'A remark is required to reject.', remark: 'draft' });
    expectValid(card);
    expect(cardText(card)).toContain('A remark is required to reject.');
    expect(JSON.stringify(card)).toContain('"value":"draft"');
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'cs.refresh', data: { caseId: 'RD-000001' } } });
    const readOnly = csCaseCard(aView({ status: 'platform_review' }), { ctx: ctxOf('en-US'), refreshUserIds: [], actions: false });
    expectValid(readOnly);
    expect(executeActions(readOnly)).toEqual([]);
    expect(JSON.stringify(readOnly)).not.toContain('Input.Text');
  });

  it('a banner heads the card in its tone', () => {
    const card = csCaseCard(aView(), { ctx: ctxOf('en-US'), refreshUserIds: [], banner: { tone: 'attention', text: 'Payment declined' } });
    expectValid(card);
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention', items: [{ text: 'Payment declined' }] });
  });
});

describe('CS open items and refusal cards', () => {
  const item = (n: number, overrides: Partial<OpenItem> = {}): OpenItem => ({
    caseId: `RD-${String(n).padStart(6, '0')}`,
    status: 'platform_review',
    cash: 5216,
    currency: 'CNY',
    since: '2026-03-05T02:00:00.000Z',
    overdue: false,
    priority: 'normal',
    ...overrides,
  });

  it('lists items with a way to open each, says how many more there are, and says when there is nothing', () => {
    const many = Array.from({ length: 30 }, (_, i) => item(i + 1, i === 0 ? { overdue: true, status: 'refund_failed' } : {}));
    const card = csOpenItemsCard(many, ctxOf('zh-CN'));
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('待处理（30）');
    expect(text).toContain('**RD-000001** · 退款支付失败 · ¥52.16');
    expect(text).toContain('已超期');
    expect(text).toContain('另有 5 项未显示');
    expect(executeActions(card)).toHaveLength(25);
    expect(executeActions(card)[0]).toMatchObject({ verb: 'cs.view', data: { caseId: 'RD-000001' } });

    const none = csOpenItemsCard([], ctxOf('en-US'));
    expectValid(none);
    expect(cardText(none)).toContain('Nothing is waiting for CS right now.');
  });

  it('refuses in both languages', () => {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      const card = csRefusalCard(translator(lang));
      expectValid(card);
      expect(executeActions(card)).toEqual([]);
    }
    expect(cardText(csRefusalCard(translator('en-US')))).toContain('Nothing was changed');
  });
});
