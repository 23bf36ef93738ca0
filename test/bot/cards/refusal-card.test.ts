import type { Refusal, RefusalCode } from '../../../services/refunds';
import { demoData } from '../../../services/orders';
import { refusalCard, refusalText } from '../../../bot/cards/buyer/refusal-card';
import type { Alternative } from '../../../bot/cards/buyer/refusal-card';
import { LANGS, TZ, cardText, expectValid, submits, tr, unfilled } from './filing-cards-support';

const order = demoData(new Date('2026-03-10T04:00:00Z')).orders.find((o) => o.id === 'DEMO-1003')!;

const EVERY_REFUSAL: Record<RefusalCode, Refusal> = {
  order_not_found: { code: 'order_not_found', orderId: 'DEMO-9999' },
  order_not_paid: { code: 'order_not_paid' },
  no_lines: { code: 'no_lines' },
  line_not_found: { code: 'line_not_found', lineIndex: 7 },
  quantity_invalid: { code: 'quantity_invalid', lineIndex: 1, quantity: 5, max: 2 },
  units_unavailable: { code: 'units_unavailable', lineIndex: 1, requested: 2, available: 1 },
  type_not_allowed: { code: 'type_not_allowed', reason: 'quality_issue', type: 'refund_only', shipping: 'delivered', allowed: ['return_refund', 'exchange'] },
  no_reason_window_expired: { code: 'no_reason_window_expired', windowEndedAt: '2026-03-08T15:59:59.000Z' },
  no_reason_excluded: { code: 'no_reason_excluded', lineIndex: 0, exclusion: 'perishable' },
  submission_limit_reached: { code: 'submission_limit_reached', lineIndex: 0, submissions: 5, max: 5 },
  evidence_required: { code: 'evidence_required' },
};

describe('refusal card', () => {
  it.each(LANGS)('words every refusal code with its data (%s)', (lang) => {
    const t = tr(lang);
    const words = Object.values(EVERY_REFUSAL).map((r) => refusalText(t, r, { order, reason: 'quality_issue', lang, timeZone: TZ }));
    for (const w of words) expect(unfilled(w)).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
    const [notFound, , , lineMissing, quantity, units, type, expired, excluded, limit, evidence] = words;
    expect(notFound).toContain('DEMO-9999');
    expect(lineMissing).toContain('8');
    expect(quantity).toMatch(/5.*2/s);
    expect(units).toMatch(/2.*1/s);
    expect(expired).toContain(lang === 'zh-CN' ? '2026年3月8日' : 'Mar 8, 2026');
    expect(limit).toContain('5');
    if (lang === 'zh-CN') {
      expect(quantity).toContain('海南金煌芒果 3 斤装');
      expect(type).toContain('“退货退款”或“换货”');
      expect(excluded).toContain('烟台红富士苹果 5 斤装 属于鲜活易腐商品（生鲜）');
      expect(evidence).toContain('质量问题');
    } else {
      expect(quantity).toContain('Hainan Jinhuang mangoes');
      expect(type).toContain('“Return and refund” or “Exchange”');
      expect(excluded).toContain('fresh, perishable goods');
      expect(evidence).toContain('Quality problem');
    }
  });

  it('says a reason that allows no type at all as such', () => {
    const t = tr('en-US');
    const text = refusalText(t, { code: 'type_not_allowed', reason: 'logistics_delay', type: 'refund_only', shipping: 'delivered', allowed: [] }, { order, lang: 'en-US', timeZone: TZ });
    expect(text).toBe('While the order is delivered, "Parcel is late" is not a reason you can claim with.');
  });

  it.each(LANGS)('lists every reason and offers the alternatives as buttons, a person last (%s)', (lang) => {
    const alternatives: Alternative[] = [
      { kind: 'real_reason' },
      { kind: 'type', type: 'return_refund' },
      { kind: 'other_reason' },
      { kind: 'upload' },
      { kind: 'other_lines' },
      { kind: 'other_order' },
      { kind: 'status', caseId: 'RD-000007' },
      { kind: 'human' },
    ];
    const card = refusalCard(
      { refusals: Object.values(EVERY_REFUSAL), notes: ['X'], order, reason: 'quality_issue', alternatives, lang, timeZone: TZ, context: { action: 'file_refund', mode: 'refund', orderId: 'DEMO-1003' } },
      tr(lang),
    );
    expectValid(card);
    expect(cardText(card).split('\n').filter((l) => l.startsWith('• '))).toHaveLength(12);
    const buttons = submits(card);
    expect(buttons).toHaveLength(8);
    expect(buttons.slice(0, 6).every((b) => b.data.action === 'file_refund' && b.data.step === 'alternative' && b.data.orderId === 'DEMO-1003')).toBe(true);
    expect(buttons.map((b) => b.data.alt ?? b.data.action)).toEqual(['real_reason', 'type', 'other_reason', 'upload', 'other_lines', 'other_order', 'case_status', 'human']);
    expect(buttons[6]!.data).toEqual({ action: 'case_status', caseId: 'RD-000007' });
  });

  it('shows nothing about an order the buyer may not see', () => {
    const card = refusalCard(
      { refusals: [EVERY_REFUSAL.order_not_found], order: null, alternatives: [{ kind: 'human' }], lang: 'zh-CN', timeZone: TZ, context: { action: 'file_refund' } },
      tr('zh-CN'),
    );
    expect(cardText(card)).toContain('在您的订单中找不到订单 DEMO-9999');
  });
});
