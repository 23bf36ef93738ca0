import { orderPickerCard, pickerNoteText } from '../../../bot/cards/buyer/order-picker-card';
import type { PickerNote } from '../../../bot/cards/buyer/order-picker-card';
import { LANGS, TZ, cardText, expectValid, submits, tr, unfilled } from './filing-cards-support';

const EVERY_NOTE: PickerNote[] = [
  { kind: 'not_paid' },
  { kind: 'refunded' },
  { kind: 'in_case', caseIds: ['RD-000001', 'RD-000002'] },
  { kind: 'not_shipped' },
  { kind: 'in_transit', promisedBy: '2026-03-12T04:00:00Z', late: false },
  { kind: 'in_transit', promisedBy: '2026-03-08T04:00:00Z', late: true },
  { kind: 'in_transit', late: false },
  { kind: 'delivered', deliveredAt: '2026-03-07T04:00:00Z', noReasonUntil: '2026-03-14T15:59:59Z' },
  { kind: 'delivered', deliveredAt: '2026-02-01T04:00:00Z' },
];

describe('order picker card', () => {
  it.each(LANGS)('words every eligibility note (%s)', (lang) => {
    const words = EVERY_NOTE.map((n) => pickerNoteText(n, false, tr(lang), lang, TZ));
    for (const w of words) expect(unfilled(w)).toEqual([]);
    expect(new Set(words).size).toBe(words.length);
    expect(words[2]).toContain('RD-000001, RD-000002');
    expect(words[7]).toContain(lang === 'zh-CN' ? '2026年3月14日' : 'Mar 14, 2026');
  });

  it('lists the orders in the given order, each with a button carrying its id', () => {
    const card = orderPickerCard(
      {
        intro: '在您的订单中找不到订单 X。',
        orders: [
          { orderId: 'DEMO-1002', titles: ['耳机', '充电器', '数据线'], placedAt: '2026-03-01T04:00:00Z', notes: [EVERY_NOTE[7]!] },
          { orderId: 'DEMO-1001', titles: ['耳机'], notes: [EVERY_NOTE[3]!] },
        ],
        context: { action: 'file_refund', mode: 'refund' },
        lang: 'zh-CN',
        timeZone: TZ,
      },
      tr('zh-CN'),
    );
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('1. DEMO-1002');
    expect(text).toContain('耳机 等 3 种商品');
    expect(text).toContain('2. DEMO-1001');
    expect(text.indexOf('DEMO-1002')).toBeLessThan(text.indexOf('DEMO-1001'));
    expect(submits(card).map((s) => s.data)).toEqual([
      { action: 'file_refund', mode: 'refund', step: 'order', orderId: 'DEMO-1002' },
      { action: 'file_refund', mode: 'refund', step: 'order', orderId: 'DEMO-1001' },
    ]);
  });
});
