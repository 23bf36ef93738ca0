import type { Actor, CaseLine, CaseStatus, EvidenceRef, RefundCase, ReturnAddress } from './case';
import type { Command } from './commands';
import type { Decision } from './policy';
import { afterConfirmation } from './policy';
import type { Target } from './state-machine';

// How each command changes a case, once the state machine allowed it. Pure: everything it needs is in the context.

export interface ApplyContext {
  actor: Actor;
  now: Date;
  target: Target;
  /** Platform confirmation's decision, for the commands that lead to it. */
  confirmation?: Decision<boolean>;
  /** The shop's default return address, for a return approval that does not give one. */
  shopReturnAddress?: ReturnAddress;
}

export type Applied =
  | { ok: true; next: RefundCase; remark?: string; data?: Record<string, unknown> }
  | { ok: false; issues: string[] };

function resolveTarget(c: RefundCase, target: Target, confirmation: Decision<boolean> | undefined): CaseStatus {
  switch (target) {
    case 'same':
      return c.status;
    case 'after_confirmation':
      return afterApproval(c);
    case 'after_inspection':
      return c.type === 'exchange' ? 'exchange_shipping' : 'refund_pending';
    case 'confirmation':
      if (!confirmation) throw new Error('platform confirmation was not evaluated');
      return confirmation.value ? afterApproval(c) : 'platform_review';
    default:
      return target;
  }
}

/**
 * Where an approved case goes: the step after platform confirmation, unless the goods already moved (CS approving
 * after an intervention or over a failed inspection, a merchant approving a resubmission): then the case resumes
 * where the goods are, so a buyer is never asked to ship back a parcel already sent.
 */
export function afterApproval(c: RefundCase): CaseStatus {
  if (c.type === 'refund_only' || c.refundWithoutReturn || !c.returnShipment) return afterConfirmation(c);
  // Inspected (ok, short, or failed and now overruled): the refund or the replacement is due.
  if (c.inspection) return c.type === 'exchange' ? 'exchange_shipping' : 'refund_pending';
  return c.returnShipment.deliveredAt ? 'return_received' : 'return_in_transit';
}

const MONEY_MOVED = 'the refund was submitted for payment: the case can no longer be closed without it';

/**
 * A payment submitted to the gateway (and not declined) may have moved the money. Closing such a case would free
 * its units for a new case and refund the same goods twice; it can only go on to refunded.
 */
function moneyMayHaveMoved(c: RefundCase): boolean {
  return c.payment !== undefined && c.payment.status !== 'declined';
}

export function applyCommand(c: RefundCase, command: Command, ctx: ApplyContext): Applied {
  const at = ctx.now.toISOString();
  const decision = { by: ctx.actor, at };
  const base: RefundCase = { ...c };
  const waitedMs = ctx.now.getTime() - Date.parse(c.stateEnteredAt);
  let remark: string | undefined;
  let data: Record<string, unknown> | undefined;

  switch (command.kind) {
    case 'merchant_approve':
      remark = command.remark;
      base.merchantDecision = { ...decision, outcome: 'approved', waitedMs, ...(remark ? { remark } : {}) };
      if (c.type !== 'refund_only') base.returnAddress = command.returnAddress ?? ctx.shopReturnAddress;
      break;
    case 'merchant_approve_without_return':
      if (c.type !== 'return_refund') return { ok: false, issues: ['only a return can be approved as refund without return'] };
      remark = command.remark;
      base.refundWithoutReturn = true;
      base.merchantDecision = { ...decision, outcome: 'approved_without_return', waitedMs, ...(remark ? { remark } : {}) };
      break;
    case 'merchant_reject':
      remark = command.remark;
      base.merchantDecision = { ...decision, outcome: 'rejected', waitedMs, remark, code: command.code };
      data = { code: command.code };
      break;
    case 'request_evidence':
      if (ctx.actor.role === 'merchant' && command.from === 'merchant') return { ok: false, issues: ['a merchant asks the buyer for evidence'] };
      remark = command.message;
      base.evidenceRequests = [...c.evidenceRequests, { ...decision, remark, code: command.from }];
      data = { from: command.from };
      break;
    case 'add_evidence': {
      const merged = mergeEvidence(c, command.evidence, ctx);
      if (!merged.ok) return merged;
      base.evidence = merged.evidence;
      remark = command.remark;
      data = { added: merged.added };
      break;
    }
    case 'cs_approve':
      remark = command.remark;
      base.platformDecision = { ...decision, outcome: 'approved', ...(remark ? { remark } : {}) };
      break;
    case 'cs_reject':
      if (moneyMayHaveMoved(c)) return { ok: false, issues: [MONEY_MOVED] };
      remark = command.remark;
      base.platformDecision = { ...decision, outcome: 'rejected', remark };
      base.closeReason = 'platform_rejected';
      break;
    case 'cs_intervene':
      remark = command.remark;
      base.platformDecision = { ...decision, outcome: 'intervened', remark };
      break;
    case 'buyer_resubmit': {
      base.resubmissions = c.resubmissions + 1;
      if (command.description) base.description = command.description;
      const merged = mergeEvidence(c, command.evidence ?? [], ctx);
      if (!merged.ok) return merged;
      base.evidence = merged.evidence;
      delete base.merchantDecision;
      break;
    }
    case 'buyer_escalate':
      remark = command.remark;
      break;
    case 'buyer_accept_rejection':
      base.closeReason = 'buyer_accepted_rejection';
      break;
    case 'buyer_cancel':
      if (moneyMayHaveMoved(c)) return { ok: false, issues: [MONEY_MOVED] };
      remark = command.remark;
      base.closeReason = 'buyer_cancelled';
      break;
    case 'return_shipped':
      base.returnShipment = { carrier: command.carrier, trackingNumber: command.trackingNumber, shippedAt: at };
      data = { carrier: command.carrier, trackingNumber: command.trackingNumber };
      break;
    case 'inspection_ok':
      remark = command.remark;
      base.inspection = { ...decision, outcome: 'ok', ...(remark ? { remark } : {}) };
      break;
    case 'inspection_short': {
      const received: CaseLine[] = [];
      for (const line of c.lines) {
        const got = command.received.find((r) => r.lineIndex === line.lineIndex)?.quantity ?? 0;
        if (got > line.units.length) return { ok: false, issues: [`line ${line.lineIndex}: received more than returned`] };
        if (got > 0) received.push({ lineIndex: line.lineIndex, units: line.units.slice(0, got) });
      }
      const total = received.reduce((n, l) => n + l.units.length, 0);
      const expected = c.lines.reduce((n, l) => n + l.units.length, 0);
      if (command.received.some((r) => !c.lines.some((l) => l.lineIndex === r.lineIndex))) {
        return { ok: false, issues: ['received lines must be lines of the case'] };
      }
      if (total === 0 || total >= expected) return { ok: false, issues: ['a short quantity is more than none and less than all'] };
      remark = command.remark;
      // The units received go on as "ok"; the missing ones are not refunded (the buyer is told and may escalate).
      base.inspection = { ...decision, outcome: 'short', remark, receivedUnits: received };
      data = { missing: c.lines.map((l) => ({ lineIndex: l.lineIndex, units: l.units.filter((u) => !received.some((r) => r.lineIndex === l.lineIndex && r.units.includes(u))) })).filter((l) => l.units.length > 0) };
      base.lines = received;
      const merged = mergeEvidence(c, command.evidence ?? [], ctx);
      if (!merged.ok) return merged;
      base.evidence = merged.evidence;
      break;
    }
    case 'inspection_failed':
      remark = command.remark;
      const merged = mergeEvidence(c, command.evidence ?? [], ctx);
      if (!merged.ok) return merged;
      base.evidence = merged.evidence;
      base.inspection = { ...decision, outcome: command.problem, remark };
      // The decision time stays the one of the original approval: the inspection is not a second wait.
      base.merchantDecision = { ...decision, outcome: 'rejected', waitedMs: c.merchantDecision?.waitedMs ?? 0, remark, code: command.problem };
      data = { problem: command.problem };
      break;
    case 'replacement_shipped':
      base.replacement = { carrier: command.carrier, trackingNumber: command.trackingNumber, shippedAt: at };
      data = { carrier: command.carrier, trackingNumber: command.trackingNumber };
      break;
    case 'cs_retry_payment': {
      if (!c.payment) return { ok: false, issues: ['no payment to retry'] };
      remark = command.remark;
      const generation = c.payment.generation + 1;
      // Only a CS retry after a definitive decline starts a new key generation.
      base.payment = {
        generation,
        key: paymentKey(c.id, generation),
        amount: c.payment.amount,
        pointsRestored: c.payment.pointsRestored,
        status: 'submitting',
        attempts: 0,
        polls: 0,
        nextAttemptAt: at,
      };
      data = { generation, previousKey: c.payment.key };
      break;
    }
    case 'cs_settle_offline':
      if (!c.payment) return { ok: false, issues: ['no payment to settle'] };
      remark = command.remark;
      base.payment = { ...c.payment, status: 'confirmed', confirmedAt: at, offlineVoucher: command.voucher };
      data = { voucher: command.voucher };
      break;
    case 'rate':
      if (c.rating) return { ok: false, issues: ['the case is already rated'] };
      base.rating = { stars: command.stars, at, ...(command.comment ? { comment: command.comment } : {}) };
      data = { stars: command.stars };
      break;
    default: {
      const never: never = command;
      throw new Error(`unknown command ${JSON.stringify(never)}`);
    }
  }

  base.status = resolveTarget(base, ctx.target, ctx.confirmation);
  if (ctx.confirmation) data = { ...data, confirmation: ctx.confirmation.reasons };
  return { ok: true, next: base, ...(remark ? { remark } : {}), ...(data ? { data } : {}) };
}

const MAX_EVIDENCE = 9;

/** New files join the case once each, stamped with who added them and when (not what the client claimed). */
function mergeEvidence(
  c: RefundCase,
  incoming: readonly EvidenceRef[],
  ctx: ApplyContext,
): { ok: true; evidence: EvidenceRef[]; added: string[] } | { ok: false; issues: string[] } {
  const known = new Set(c.evidence.map((e) => e.sha256));
  const fresh: EvidenceRef[] = [];
  for (const e of incoming) {
    if (known.has(e.sha256)) continue;
    known.add(e.sha256);
    fresh.push({ ...e, addedBy: ctx.actor.role, addedAt: ctx.now.toISOString() });
  }
  if (c.evidence.length + fresh.length > MAX_EVIDENCE) return { ok: false, issues: [`at most ${MAX_EVIDENCE} evidence files per case`] };
  return { ok: true, evidence: [...c.evidence, ...fresh], added: fresh.map((e) => e.sha256) };
}

/** The gateway's idempotency key: one per case and generation, so transient retries can never pay twice. */
export function paymentKey(caseId: string, generation: number): string {
  return `refund:${caseId}:g${generation}`;
}
