import { actionDataOf, commandOf, stateOf } from '../../../bot/staff/merchant/card-inputs';
import { MERCHANT_VERBS } from '../../../bot/cards/staff/merchant-verbs';
import { aCase } from '../../support/case-builder';

// What a card click turns into: the server checks every required input again, whatever the client validated.

const ref = { caseId: 'RD-000001', version: 3 };

describe('card action data', () => {
  it('reads the case and the version the card was drawn at', () => {
    expect(actionDataOf({ ...ref, extra: 'x' })).toEqual(ref);
    expect(actionDataOf({ caseId: 'RD-000001', version: '3' })).toEqual(ref);
    expect(actionDataOf({ caseId: 'RD-000001' })).toBeNull();
    expect(actionDataOf({ caseId: '', version: 1 })).toBeNull();
    expect(actionDataOf({ caseId: 'RD-000001', version: -1 })).toBeNull();
  });
});

describe('commands from merchant cards', () => {
  it('approves a return with the (edited) address and an optional remark', () => {
    const c = aCase({ type: 'return_refund' });
    expect(commandOf(MERCHANT_VERBS.approve, { ...ref, returnRecipient: ' 李娜 ', returnPhone: '0755', returnAddress: '深圳', approveRemark: '' }, c)).toEqual({
      ok: true,
      value: { kind: 'merchant_approve', returnAddress: { recipient: '李娜', phone: '0755', address: '深圳' } },
    });
    expect(commandOf(MERCHANT_VERBS.approve, { ...ref, returnRecipient: '李娜', returnPhone: '', returnAddress: '深圳' }, c)).toEqual({
      ok: false,
      error: { kind: 'incomplete', problems: ['address_missing'] },
    });
  });

  it('approves a refund-only case without an address', () => {
    expect(commandOf(MERCHANT_VERBS.approve, { ...ref }, aCase({ type: 'refund_only' }))).toEqual({ ok: true, value: { kind: 'merchant_approve' } });
    expect(commandOf(MERCHANT_VERBS.approveWithoutReturn, { ...ref, noReturnRemark: 'keep it' }, aCase())).toEqual({
      ok: true,
      value: { kind: 'merchant_approve_without_return', remark: 'keep it' },
    });
  });

  it('rejects only with a known reason code and a remark', () => {
    const c = aCase();
    expect(commandOf(MERCHANT_VERBS.reject, { ...ref, rejectCode: 'outside_policy', rejectRemark: ' used ' }, c)).toEqual({
      ok: true,
      value: { kind: 'merchant_reject', code: 'outside_policy', remark: 'used' },
    });
    expect(commandOf(MERCHANT_VERBS.reject, { ...ref, rejectCode: 'outside_policy', rejectRemark: '   ' }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['remark_missing'] } });
    expect(commandOf(MERCHANT_VERBS.reject, { ...ref, rejectCode: 'because', rejectRemark: 'x' }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['reject_code_missing'] } });
    expect(commandOf(MERCHANT_VERBS.reject, { ...ref }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['reject_code_missing', 'remark_missing'] } });
  });

  it('asks the buyer (never the merchant) for evidence, with a message', () => {
    expect(commandOf(MERCHANT_VERBS.requestEvidence, { ...ref, evidenceMessage: 'A photo of the label, please' }, aCase())).toEqual({
      ok: true,
      value: { kind: 'request_evidence', from: 'buyer', message: 'A photo of the label, please' },
    });
    expect(commandOf(MERCHANT_VERBS.requestEvidence, { ...ref }, aCase())).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['message_missing'] } });
  });

  it('records inspections: ok, failed with problem and remark, short with quantities and remark', () => {
    const c = aCase({ status: 'return_received', lines: [{ lineIndex: 0, units: [1] }, { lineIndex: 2, units: [1, 2, 3] }] });
    expect(commandOf(MERCHANT_VERBS.inspectOk, { ...ref }, c)).toEqual({ ok: true, value: { kind: 'inspection_ok' } });
    expect(commandOf(MERCHANT_VERBS.inspectFailed, { ...ref, failedProblem: 'wrong_item', failedRemark: 'a different model' }, c)).toEqual({
      ok: true,
      value: { kind: 'inspection_failed', problem: 'wrong_item', remark: 'a different model' },
    });
    expect(commandOf(MERCHANT_VERBS.inspectFailed, { ...ref, failedProblem: 'wrong_item' }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['remark_missing'] } });
    expect(commandOf(MERCHANT_VERBS.inspectShort, { ...ref, shortQty0: '1', shortQty2: 2, shortRemark: 'one cable missing' }, c)).toEqual({
      ok: true,
      value: { kind: 'inspection_short', received: [{ lineIndex: 0, quantity: 1 }, { lineIndex: 2, quantity: 2 }], remark: 'one cable missing' },
    });
    expect(commandOf(MERCHANT_VERBS.inspectShort, { ...ref, shortQty0: '1', shortQty2: '3', shortRemark: 'all here' }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['not_short'] } });
    expect(commandOf(MERCHANT_VERBS.inspectShort, { ...ref, shortQty0: '1', shortQty2: '4', shortRemark: 'x' }, c)).toEqual({ ok: false, error: { kind: 'incomplete', problems: ['quantities_invalid'] } });
    expect(commandOf(MERCHANT_VERBS.inspectShort, { ...ref, shortQty0: '1', shortQty2: '-1' }, c)).toEqual({
      ok: false,
      error: { kind: 'incomplete', problems: ['quantities_invalid', 'remark_missing'] },
    });
  });

  it('knows which state each decision belongs to', () => {
    expect(stateOf(MERCHANT_VERBS.reject)).toBe('pending_merchant');
    expect(stateOf(MERCHANT_VERBS.inspectShort)).toBe('return_received');
  });
});
