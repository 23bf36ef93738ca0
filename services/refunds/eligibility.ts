import type { CaseLine, CaseType, EvidenceRef, ReasonCode, RefundCase } from './case';
import { isOpen } from './case';
import { endOfLocalDay } from './calendar';
import { pickUnits } from './money';
import type { NoReasonExclusion, Order, ShippingState } from './order';
import { shippingState } from './order';
import type { PolicyConfig } from './policy';
import { allowedTypes, evidenceNeeded } from './policy';

// Automatic review at submission (DESIGN.md §2 "Filing and automatic review"): every rule runs and a refusal
// carries all of its reasons, as codes with data; the wording lives in the bot's message catalog.

export interface RequestedLine {
  lineIndex: number;
  quantity: number;
}

export interface FilingRequest {
  orderId: string;
  lines: RequestedLine[];
  type: CaseType;
  reason: ReasonCode;
  description: string;
  evidence: EvidenceRef[];
}

export type Refusal =
  | { code: 'order_not_found'; orderId: string }
  | { code: 'order_not_paid' }
  | { code: 'no_lines' }
  | { code: 'line_not_found'; lineIndex: number }
  | { code: 'quantity_invalid'; lineIndex: number; quantity: number; max: number }
  | { code: 'units_unavailable'; lineIndex: number; requested: number; available: number }
  | { code: 'type_not_allowed'; reason: ReasonCode; type: CaseType; shipping: ShippingState; allowed: CaseType[] }
  | { code: 'no_reason_window_expired'; windowEndedAt: string }
  | { code: 'no_reason_excluded'; lineIndex: number; exclusion: NoReasonExclusion }
  | { code: 'submission_limit_reached'; lineIndex: number; submissions: number; max: number }
  | { code: 'evidence_required' };

export type RefusalCode = Refusal['code'];

export type Eligibility = { ok: true; lines: CaseLine[] } | { ok: false; refusals: Refusal[] };

/** Units already refunded or held by an open case cannot be claimed again. */
export function takenUnits(cases: readonly RefundCase[], except?: string): CaseLine[] {
  return cases
    .filter((c) => c.id !== except && (isOpen(c.status) || c.status === 'refunded'))
    .flatMap((c) => c.lines);
}

/** Every case created on a line and every resubmission count towards the limit; refused requests do not. */
export function submissionsOnLine(cases: readonly RefundCase[], lineIndex: number): number {
  return cases
    .filter((c) => c.lines.some((l) => l.lineIndex === lineIndex))
    .reduce((n, c) => n + 1 + c.resubmissions, 0);
}

/** The last instant of the no-reason window: day 7 counted from the day after delivery, in platform time. */
export function noReasonWindowEnd(order: Order, policy: PolicyConfig): Date | null {
  return order.deliveredAt ? endOfLocalDay(new Date(order.deliveredAt), policy.noReasonDays, policy.timeZone) : null;
}

export function checkEligibility(input: {
  order: Order | null;
  buyerId: string;
  request: FilingRequest;
  /** Every case ever filed on the order. */
  orderCases: readonly RefundCase[];
  now: Date;
  policy: PolicyConfig;
}): Eligibility {
  const { order, buyerId, request, orderCases, now, policy } = input;
  // Ownership: another buyer's order is reported exactly like an unknown one, so nothing about it leaks.
  if (!order || order.buyerId !== buyerId) return { ok: false, refusals: [{ code: 'order_not_found', orderId: request.orderId }] };

  const refusals: Refusal[] = [];
  // The order must be paid.
  if (!order.paid) refusals.push({ code: 'order_not_paid' });

  // Lines and quantities exist and are not already refunded or in an open case.
  const taken = takenUnits(orderCases);
  const lines: CaseLine[] = [];
  if (request.lines.length === 0) refusals.push({ code: 'no_lines' });
  const seen = new Set<number>();
  for (const requested of request.lines) {
    const line = order.lines.find((l) => l.index === requested.lineIndex);
    if (!line || seen.has(requested.lineIndex)) {
      refusals.push({ code: 'line_not_found', lineIndex: requested.lineIndex });
      continue;
    }
    seen.add(requested.lineIndex);
    // At most N submissions per order line (checked first, so it is reported next to any other problem of the line).
    const submissions = submissionsOnLine(orderCases, line.index);
    if (submissions >= policy.maxSubmissionsPerLine) {
      refusals.push({ code: 'submission_limit_reached', lineIndex: line.index, submissions, max: policy.maxSubmissionsPerLine });
    }
    if (!Number.isInteger(requested.quantity) || requested.quantity < 1 || requested.quantity > line.quantity) {
      refusals.push({ code: 'quantity_invalid', lineIndex: line.index, quantity: requested.quantity, max: line.quantity });
      continue;
    }
    const units = pickUnits(order, line.index, requested.quantity, taken);
    if (!units) {
      const used = taken.filter((t) => t.lineIndex === line.index).reduce((n, t) => n + t.units.length, 0);
      refusals.push({
        code: 'units_unavailable',
        lineIndex: line.index,
        requested: requested.quantity,
        available: line.quantity - used,
      });
      continue;
    }
    lines.push({ lineIndex: line.index, units });
  }

  // The reason must allow the type at the order's shipping state; returns and exchanges only after delivery.
  const allowed = allowedTypes(request.reason, order);
  if (!allowed.includes(request.type)) {
    refusals.push({
      code: 'type_not_allowed',
      reason: request.reason,
      type: request.type,
      shipping: shippingState(order),
      allowed: [...allowed],
    });
  }

  // No-reason returns: within 7 days from the day after delivery, never for CRPL Art. 25 goods.
  if (request.reason === 'no_reason_7_days' && shippingState(order) === 'delivered') {
    const end = noReasonWindowEnd(order, policy);
    if (end && now.getTime() > end.getTime()) refusals.push({ code: 'no_reason_window_expired', windowEndedAt: end.toISOString() });
    for (const requested of request.lines) {
      const exclusion = order.lines.find((l) => l.index === requested.lineIndex)?.noReasonExclusion;
      if (exclusion) refusals.push({ code: 'no_reason_excluded', lineIndex: requested.lineIndex, exclusion });
    }
  }

  // Evidence where the reasons table requires it: at least one photo or video.
  if (evidenceNeeded(request.reason, order) === 'required' && !request.evidence.some((e) => e.kind === 'image' || e.kind === 'video')) {
    refusals.push({ code: 'evidence_required' });
  }

  return refusals.length > 0 ? { ok: false, refusals } : { ok: true, lines };
}
