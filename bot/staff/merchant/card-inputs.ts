import type { Command, RefundCase } from '../../../services/refunds';
import { INSPECTION_PROBLEMS, MERCHANT_REJECT_CODES } from '../../../services/refunds';
import type { MerchantActionData, MerchantVerb } from '../../cards/staff/merchant-verbs';
import { MERCHANT_INPUTS as IN, MERCHANT_VERBS, shortQuantityInput } from '../../cards/staff/merchant-verbs';

// Reads a merchant card's action data (its own fields plus the inputs Teams merged in) into a refund command.
// The card marks required inputs, but a client may send them empty: every rule is checked here again, and a form
// that misses something changes nothing.

export type FormProblem = 'address_missing' | 'reject_code_missing' | 'remark_missing' | 'message_missing' | 'problem_missing' | 'quantities_invalid' | 'not_short';

export type FormResult = { ok: true; value: Command } | { ok: false; error: { kind: 'incomplete'; problems: FormProblem[] } };

export type DecisionVerb = Exclude<MerchantVerb, typeof MERCHANT_VERBS.refresh>;

/** The case and version a card was drawn at, or null when the data carries none. */
export function actionDataOf(data: Record<string, unknown>): MerchantActionData | null {
  const caseId = typeof data.caseId === 'string' ? data.caseId.trim() : '';
  const version = typeof data.version === 'number' ? data.version : typeof data.version === 'string' ? Number(data.version) : NaN;
  if (!caseId || caseId.length > 64 || !Number.isSafeInteger(version) || version < 0) return null;
  return { caseId, version };
}

const field = (data: Record<string, unknown>, id: string): string => {
  const v = data[id];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
};

const optionalRemark = (remark: string): { remark?: string } => (remark ? { remark } : {});

export function commandOf(verb: DecisionVerb, data: Record<string, unknown>, c: RefundCase): FormResult {
  const problems: FormProblem[] = [];
  const result = (command: Command): FormResult => (problems.length > 0 ? { ok: false, error: { kind: 'incomplete', problems } } : { ok: true, value: command });
  switch (verb) {
    case MERCHANT_VERBS.approve: {
      const remark = optionalRemark(field(data, IN.approveRemark));
      if (c.type === 'refund_only') return result({ kind: 'merchant_approve', ...remark });
      const returnAddress = { recipient: field(data, IN.recipient), phone: field(data, IN.phone), address: field(data, IN.address) };
      if (!returnAddress.recipient || !returnAddress.phone || !returnAddress.address) problems.push('address_missing');
      return result({ kind: 'merchant_approve', returnAddress, ...remark });
    }
    case MERCHANT_VERBS.approveWithoutReturn:
      return result({ kind: 'merchant_approve_without_return', ...optionalRemark(field(data, IN.noReturnRemark)) });
    case MERCHANT_VERBS.reject: {
      const code = field(data, IN.rejectCode);
      const remark = field(data, IN.rejectRemark);
      const known = MERCHANT_REJECT_CODES.find((k) => k === code);
      if (!known) problems.push('reject_code_missing');
      if (!remark) problems.push('remark_missing');
      return result({ kind: 'merchant_reject', code: known ?? 'other', remark });
    }
    case MERCHANT_VERBS.requestEvidence: {
      const message = field(data, IN.evidenceMessage);
      if (!message) problems.push('message_missing');
      return result({ kind: 'request_evidence', from: 'buyer', message });
    }
    case MERCHANT_VERBS.inspectOk:
      return result({ kind: 'inspection_ok', ...optionalRemark(field(data, IN.okRemark)) });
    case MERCHANT_VERBS.inspectFailed: {
      const problem = INSPECTION_PROBLEMS.find((p) => p === field(data, IN.problem));
      const remark = field(data, IN.failedRemark);
      if (!problem) problems.push('problem_missing');
      if (!remark) problems.push('remark_missing');
      return result({ kind: 'inspection_failed', problem: problem ?? 'damaged', remark });
    }
    case MERCHANT_VERBS.inspectShort: {
      const received: { lineIndex: number; quantity: number }[] = [];
      let valid = true;
      for (const line of c.lines) {
        const raw = field(data, shortQuantityInput(line.lineIndex));
        const quantity = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
        if (!Number.isInteger(quantity) || quantity > line.units.length) valid = false;
        else received.push({ lineIndex: line.lineIndex, quantity });
      }
      const total = received.reduce((n, r) => n + r.quantity, 0);
      const expected = c.lines.reduce((n, l) => n + l.units.length, 0);
      if (!valid) problems.push('quantities_invalid');
      // Short means some came back and some did not: none at all is a failed inspection, all of them is "ok".
      else if (total === 0 || total >= expected) problems.push('not_short');
      const remark = field(data, IN.shortRemark);
      if (!remark) problems.push('remark_missing');
      return result({ kind: 'inspection_short', received, remark });
    }
    default: {
      const never: never = verb;
      throw new Error(`unknown merchant verb ${String(never)}`);
    }
  }
}

/** The state a decision verb acts in: a card clicked in any other state lost a race or is stale. */
export function stateOf(verb: DecisionVerb): 'pending_merchant' | 'return_received' {
  switch (verb) {
    case MERCHANT_VERBS.approve:
    case MERCHANT_VERBS.approveWithoutReturn:
    case MERCHANT_VERBS.reject:
    case MERCHANT_VERBS.requestEvidence:
      return 'pending_merchant';
    case MERCHANT_VERBS.inspectOk:
    case MERCHANT_VERBS.inspectFailed:
    case MERCHANT_VERBS.inspectShort:
      return 'return_received';
    default: {
      const never: never = verb;
      throw new Error(`unknown merchant verb ${String(never)}`);
    }
  }
}
