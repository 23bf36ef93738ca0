import { DEFAULT_POLICY } from '../../../services/refunds';
import { demoData } from '../../../services/orders';
import { alternativesFor } from '../../../dialogs/filing/alternatives';
import { allFreeLines, offeredReasons, orderFacts, pickerNotes, typeChoices } from '../../../dialogs/filing/order-facts';
import { aCase } from '../../support/case-builder';

const now = new Date('2026-03-10T04:00:00Z');
const demo = demoData(now);
const order = (id: string) => demo.orders.find((o) => o.id === id)!;
const facts = (id: string, cases = [] as ReturnType<typeof aCase>[]) => orderFacts(order(id), cases, DEFAULT_POLICY, now);

describe('what an order can do', () => {
  it('counts units refunded or held by an open case as taken', () => {
    const open = aCase({ id: 'RD-1', orderId: 'DEMO-1002', status: 'pending_merchant', lines: [{ lineIndex: 1, units: [1] }] });
    const closed = aCase({ id: 'RD-2', orderId: 'DEMO-1002', status: 'closed', lines: [{ lineIndex: 2, units: [1, 2] }] });
    const refunded = aCase({ id: 'RD-3', orderId: 'DEMO-1002', status: 'refunded', lines: [{ lineIndex: 2, units: [3] }] });
    const f = facts('DEMO-1002', [open, closed, refunded]);
    expect(f.free).toEqual([1, 1, 2]);
    expect(f.openCaseIds).toEqual(['RD-1']);
    expect(allFreeLines(f)).toEqual([{ lineIndex: 0, quantity: 1 }, { lineIndex: 1, quantity: 1 }, { lineIndex: 2, quantity: 2 }]);
  });

  it('offers reasons allowed in the shipping state, no-reason returns only inside the window and for goods not excluded', () => {
    expect(offeredReasons(facts('DEMO-1002'))).toContain('no_reason_7_days');
    expect(offeredReasons(facts('DEMO-1002'))).not.toContain('logistics_delay');
    expect(offeredReasons(facts('DEMO-1005'))).not.toContain('no_reason_7_days'); // 30 days ago
    expect(offeredReasons(facts('DEMO-1003'))).not.toContain('no_reason_7_days'); // perishable
    expect(offeredReasons(facts('DEMO-1004'))).toEqual(['logistics_delay', 'not_received']);
    expect(offeredReasons(facts('DEMO-1002'), { hint: 'exchange' })).toEqual(['quality_issue', 'not_as_described', 'damaged_in_transit', 'wrong_item']);
    expect(offeredReasons(facts('DEMO-1002'), { exclude: ['quality_issue'] })).not.toContain('quality_issue');
  });

  it('narrows the types to what the buyer asked for when the reason allows it', () => {
    expect(typeChoices('quality_issue', order('DEMO-1002'), 'refund_any').offered).toEqual(['return_refund']);
    expect(typeChoices('quality_issue', order('DEMO-1002'), undefined).offered).toEqual(['return_refund', 'exchange']);
    expect(typeChoices('quality_issue', order('DEMO-1002'), 'refund_only').offered).toEqual(['return_refund', 'exchange']);
    expect(typeChoices('logistics_delay', order('DEMO-1002'), undefined).allowed).toEqual([]);
  });

  it('notes each order for the picker', () => {
    expect(pickerNotes(facts('DEMO-1006'))).toEqual([{ kind: 'not_paid' }]);
    expect(pickerNotes(facts('DEMO-1001'))).toEqual([{ kind: 'not_shipped' }]);
    expect(pickerNotes(facts('DEMO-1004'))).toEqual([{ kind: 'in_transit', late: true, promisedBy: order('DEMO-1004').promisedDeliveryBy }]);
    expect(pickerNotes(facts('DEMO-1002'))[0]).toMatchObject({ kind: 'delivered', noReasonUntil: expect.any(String) });
    expect(pickerNotes(facts('DEMO-1003'))[0]).not.toHaveProperty('noReasonUntil');
    const all = aCase({ id: 'RD-9', orderId: 'DEMO-1001', status: 'refunded', lines: [{ lineIndex: 0, units: [1] }] });
    expect(pickerNotes(facts('DEMO-1001', [all]))).toEqual([{ kind: 'refunded' }]);
  });

  it('offers what is possible instead of a refused request, a person always last', () => {
    const request = { orderId: 'DEMO-1003', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund' as const, reason: 'no_reason_7_days' as const, description: '', evidence: [] };
    expect(alternativesFor([{ code: 'no_reason_excluded', lineIndex: 0, exclusion: 'perishable' }], request, facts('DEMO-1003'))).toEqual([{ kind: 'real_reason' }, { kind: 'human' }]);
    expect(alternativesFor([{ code: 'evidence_required' }], request, facts('DEMO-1003'))).toEqual([{ kind: 'upload' }, { kind: 'human' }]);
    expect(
      alternativesFor([{ code: 'type_not_allowed', reason: 'quality_issue', type: 'refund_only', shipping: 'delivered', allowed: ['return_refund', 'exchange'] }], request, facts('DEMO-1002')),
    ).toEqual([{ kind: 'type', type: 'return_refund' }, { kind: 'type', type: 'exchange' }, { kind: 'human' }]);
    expect(alternativesFor([{ code: 'order_not_paid' }], null, facts('DEMO-1006'))).toEqual([{ kind: 'other_order' }, { kind: 'human' }]);
  });
});
