import { lineTitle, linesCard, quantityCard } from '../../../bot/cards/buyer/lines-card';
import { cardText, expectValid, submits, tr } from './filing-cards-support';

const context = { action: 'file_refund', mode: 'refund', orderId: 'DEMO-1002' };
const rows = [
  { lineIndex: 0, title: '耳机', unitPrice: 19900, quantity: 1, free: 0 },
  { lineIndex: 1, title: '充电器', unitPrice: 5990, quantity: 2, free: 2 },
  { lineIndex: 2, title: '数据线', unitPrice: 990, quantity: 3, free: 1 },
];

describe('lines card', () => {
  it('has a quantity input for each line still claimable, up to what is free', () => {
    const card = linesCard({ orderId: 'DEMO-1002', lines: rows, context, preset: { 1: 1 } }, tr('zh-CN'));
    expectValid(card);
    const inputs = (JSON.stringify(card).match(/"Input.Number"/g) ?? []).length;
    expect(inputs).toBe(2);
    expect(JSON.stringify(card)).toContain('"id":"qty_1","label":"数量（最多 2）","min":0,"max":2,"value":1');
    expect(cardText(card)).toContain('已退款或售后处理中');
    expect(cardText(card)).toContain('单价 ¥59.90，共 2 件');
    const [go, all] = submits(card);
    expect(go!.data).toEqual({ ...context, step: 'lines' });
    expect(all!.data).toEqual({ ...context, step: 'lines', qty_1: 2, qty_2: 1 });
  });

  it('uses the English title for English readers when there is one', () => {
    expect(lineTitle({ title: '充电器', titleEn: 'Charger' }, 'en-US')).toBe('Charger');
    expect(lineTitle({ title: '充电器', titleEn: 'Charger' }, 'zh-CN')).toBe('充电器');
    expect(lineTitle({ title: '充电器' }, 'en-US')).toBe('充电器');
  });

  it('asks how many with a button per quantity', () => {
    const card = quantityCard({ title: 'Charger', max: 3, lineIndex: 1, context }, tr('en-US'));
    expectValid(card);
    expect(cardText(card)).toContain('Charger: how many? (up to 3)');
    expect(submits(card).map((s) => s.data.quantity)).toEqual([1, 2, 3]);
  });
});
