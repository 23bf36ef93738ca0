import { applyCardValue, changeField, emptyDraft, linesFromInputs, requestOf, requestPrint, setOrder } from '../../../dialogs/filing/draft';
import type { FilingDraft } from '../../../dialogs/filing/draft';

const full = (): FilingDraft => ({
  ...emptyDraft('refund'),
  orderId: 'DEMO-1002',
  lines: [{ lineIndex: 1, quantity: 1 }],
  type: 'return_refund',
  reason: 'quality_issue',
  description: '坏了',
});

describe('filing draft', () => {
  it('reads the lines card inputs (strings from Web Chat), dropping zeros and junk', () => {
    expect(linesFromInputs({ qty_0: '0', qty_1: '1', qty_2: 'x', other: 3 })).toEqual([{ lineIndex: 1, quantity: 1 }]);
    expect(linesFromInputs({ qty_2: 2, qty_0: '3' })).toEqual([{ lineIndex: 0, quantity: 3 }, { lineIndex: 2, quantity: 2 }]);
    expect(linesFromInputs({ step: 'lines' })).toBeNull();
  });

  it('applies a click on any filing card: the order it carries and what the step chose', () => {
    const draft = emptyDraft('refund');
    expect(applyCardValue(draft, { action: 'file_refund', step: 'order', orderId: 'demo-1002' })).toEqual({ kind: 'none' });
    expect(draft.orderId).toBe('DEMO-1002');
    applyCardValue(draft, { action: 'file_refund', step: 'lines', orderId: 'DEMO-1002', qty_1: '2' });
    expect(draft.lines).toEqual([{ lineIndex: 1, quantity: 2 }]);
    applyCardValue(draft, { action: 'file_refund', step: 'type', reason: 'quality_issue', type: 'exchange' });
    expect(draft).toMatchObject({ reason: 'quality_issue', type: 'exchange' });
    expect(applyCardValue(draft, { action: 'file_refund', step: 'lines', qty_1: '0' })).toEqual({ kind: 'invalid_lines' });
    expect(applyCardValue(draft, { action: 'file_refund', step: 'confirm', choice: 'confirm', print: 'abc' })).toEqual({ kind: 'confirm', print: 'abc' });
    expect(applyCardValue(draft, { action: 'file_refund', step: 'evidence', choice: 'done' })).toEqual({ kind: 'evidence_done' });
  });

  it('forgets what belonged to the old order when the order changes, but keeps the files', () => {
    const draft = full();
    draft.evidence = [{ sha256: 'a'.repeat(64), kind: 'image', mediaType: 'image/png', size: 1, addedBy: 'buyer', addedAt: 'x' }];
    setOrder(draft, 'DEMO-1005');
    expect(draft.lines).toBeUndefined();
    expect(draft.type).toBeUndefined();
    expect(draft.reason).toBe('quality_issue');
    expect(draft.evidence).toHaveLength(1);
  });

  it('turns a cancellation into a refund-only request with a reason', () => {
    const draft = emptyDraft('delivery');
    applyCardValue(draft, { action: 'file_refund', mode: 'cancel', step: 'order', orderId: 'DEMO-1001' });
    expect(draft).toMatchObject({ mode: 'cancel', type: 'refund_only', reason: 'other', orderId: 'DEMO-1001' });
  });

  it('after a refused no-reason return, asks for a real reason and a return', () => {
    const draft = { ...full(), reason: 'no_reason_7_days' as const };
    applyCardValue(draft, { action: 'file_refund', step: 'alternative', alt: 'real_reason' });
    expect(draft.reason).toBeUndefined();
    expect(draft.type).toBeUndefined();
    expect(draft.typeHint).toBe('return_refund');
    expect(draft.excludedReasons).toEqual(['no_reason_7_days']);
  });

  it('changes one answer at a time from the quote card', () => {
    const draft = full();
    changeField(draft, 'lines');
    expect(draft.lines).toBeUndefined();
    expect(draft.reason).toBe('quality_issue');
    changeField(draft, 'evidence');
    expect(draft.evidenceWanted).toBe(true);
  });

  it('builds the request only when complete, and fingerprints it', () => {
    expect(requestOf(emptyDraft('refund'))).toBeNull();
    const request = requestOf(full())!;
    expect(request).toEqual({ orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '坏了', evidence: [] });
    expect(requestPrint(request)).toBe(requestPrint({ ...request }));
    expect(requestPrint(request)).not.toBe(requestPrint({ ...request, lines: [{ lineIndex: 1, quantity: 2 }] }));
  });
});
