import { DEFAULT_POLICY } from '../../../services/refunds';
import { demoData } from '../../../services/orders';
import { lineNamedIn, readLinesAnswer, readQuantityAnswer, readReasonAnswer, readTypeAnswer, sameWords } from '../../../dialogs/filing/answers';
import { orderFacts } from '../../../dialogs/filing/order-facts';
import { aCase } from '../../support/case-builder';

const now = new Date('2026-03-10T04:00:00Z');
const order = demoData(now).orders.find((o) => o.id === 'DEMO-1002')!;
const facts = orderFacts(order, [], DEFAULT_POLICY, now);
const labels = (x: string) => [x.toUpperCase(), `label ${x}`];

describe('typed answers to the filing questions', () => {
  it('reads lines, asking the quantity of a line with several units unless said', () => {
    expect(readLinesAnswer('1', facts)).toEqual({ ok: true, lines: [{ lineIndex: 0, quantity: 1 }], pending: [] });
    expect(readLinesAnswer('2', facts)).toEqual({ ok: true, lines: [], pending: [1] });
    expect(readLinesAnswer('2', facts, 2)).toEqual({ ok: true, lines: [{ lineIndex: 1, quantity: 2 }], pending: [] });
    expect(readLinesAnswer('第三个 2件', facts)).toEqual({ ok: true, lines: [{ lineIndex: 2, quantity: 2 }], pending: [] });
    expect(readLinesAnswer('全部', facts)).toEqual({ ok: true, lines: [{ lineIndex: 0, quantity: 1 }, { lineIndex: 1, quantity: 2 }, { lineIndex: 2, quantity: 3 }], pending: [] });
    expect(readLinesAnswer('第二个 5件', facts)).toEqual({ ok: false, error: { kind: 'too_many', lineIndex: 1, max: 2 } });
    expect(readLinesAnswer('whatever', facts)).toEqual({ ok: false, error: { kind: 'not_understood' } });
    const taken = orderFacts(order, [aCase({ orderId: 'DEMO-1002', status: 'pending_merchant', lines: [{ lineIndex: 0, units: [1] }] })], DEFAULT_POLICY, now);
    expect(readLinesAnswer('1', taken)).toEqual({ ok: false, error: { kind: 'taken', lineIndex: 0 } });
  });

  it('reads a quantity within what can be claimed', () => {
    expect(readQuantityAnswer('2', 2)).toBe(2);
    expect(readQuantityAnswer('全部', 3)).toBe(3);
    expect(readQuantityAnswer('3', 2)).toBeUndefined();
    expect(readQuantityAnswer('0', 2)).toBeUndefined();
  });

  it('finds the product a first message names', () => {
    expect(lineNamedIn('DEMO-1002 的充电器坏了', facts)).toEqual({ lineIndex: 1 });
    expect(lineNamedIn('DEMO-1002 的充电器坏了一个', facts, 1)).toEqual({ lineIndex: 1, quantity: 1 });
    expect(lineNamedIn('the earbuds stopped working', facts)).toEqual({ lineIndex: 0, quantity: 1 });
    expect(lineNamedIn('DEMO-1002 的东西坏了', facts)).toBeUndefined();
  });

  it('reads a reason by position, label or meaning, and tells a reason the order does not allow', () => {
    const offered = ['quality_issue', 'wrong_item'] as const;
    expect(readReasonAnswer('2', offered, labels)).toEqual({ kind: 'chosen', reason: 'wrong_item' });
    expect(readReasonAnswer('label quality_issue', offered, labels)).toEqual({ kind: 'chosen', reason: 'quality_issue' });
    expect(readReasonAnswer('坏了', offered, labels, 'quality_issue')).toEqual({ kind: 'chosen', reason: 'quality_issue' });
    expect(readReasonAnswer('太慢了', offered, labels, 'logistics_delay')).toEqual({ kind: 'not_offered', reason: 'logistics_delay' });
    expect(readReasonAnswer('hmm', offered, labels)).toEqual({ kind: 'not_understood' });
  });

  it('reads a type, "a refund" meaning the one offered that is not an exchange', () => {
    expect(readTypeAnswer('exchange please', ['return_refund', 'exchange'], labels, 'exchange')).toBe('exchange');
    expect(readTypeAnswer('我要退款', ['return_refund', 'exchange'], labels, 'refund_any')).toBe('return_refund');
    expect(readTypeAnswer('1', ['return_refund', 'exchange'], labels)).toBe('return_refund');
    expect(readTypeAnswer('refund only', ['return_refund', 'exchange'], labels, 'refund_only')).toBeUndefined();
  });

  it('compares button titles ignoring case, spaces and punctuation', () => {
    expect(sameWords(' Nothing to add. ', 'nothing to add')).toBe(true);
    expect(sameWords('', '')).toBe(false);
  });
});
