import { CASE_TYPES, REASONS } from '../../../services/refunds';
import { reasonCard, reasonLabel, typeCard, typeLabel } from '../../../bot/cards/buyer/type-reason-card';
import { LANGS, cardText, expectValid, submits, tr } from './filing-cards-support';

const context = { action: 'file_refund', mode: 'refund', orderId: 'DEMO-1002' };

describe('reason and type cards', () => {
  it.each(LANGS)('names every reason and type differently (%s)', (lang) => {
    const reasons = REASONS.map((r) => reasonLabel(tr(lang), r));
    const types = CASE_TYPES.map((c) => typeLabel(tr(lang), c));
    expect(new Set(reasons).size).toBe(REASONS.length);
    expect(new Set(types).size).toBe(CASE_TYPES.length);
  });

  it('offers only the reasons given, each button carrying its code, plus the extras', () => {
    const card = reasonCard(
      { heading: 'h', facts: [['Shipped', 'Mar 1']], reasons: ['logistics_delay', 'not_received'], type: 'refund_only', context: { ...context, mode: 'delivery' }, extras: ['wait', 'human'] },
      tr('en-US'),
    );
    expectValid(card);
    expect(submits(card).map((s) => s.title)).toEqual(['Parcel is late', 'Parcel not received', "I'll wait", 'Talk to a person']);
    expect(submits(card)[0]!.data).toEqual({ ...context, mode: 'delivery', step: 'reason', reason: 'logistics_delay', type: 'refund_only' });
    expect(submits(card)[2]!.data).toMatchObject({ step: 'delivery', choice: 'wait' });
    expect(submits(card)[3]!.data).toEqual({ action: 'human', orderId: 'DEMO-1002' });
  });

  it('explains each type offered', () => {
    const card = typeCard({ reason: 'quality_issue', types: ['return_refund', 'exchange'], context }, tr('zh-CN'));
    expectValid(card);
    expect(cardText(card)).toContain('寄回商品，商家收货后换一件新的');
    expect(submits(card).map((s) => s.data)).toEqual([
      { ...context, step: 'type', reason: 'quality_issue', type: 'return_refund' },
      { ...context, step: 'type', reason: 'quality_issue', type: 'exchange' },
    ]);
  });
});
