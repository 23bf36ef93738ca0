import type { CaseType, NoReasonExclusion, Order, PolicyConfig, ReasonCode, RefundCase, ShippingState } from '../../services/refunds';
import { REASONS, allowedTypes, isOpen, noReasonWindowEnd, shippingState, takenUnits } from '../../services/refunds';
import type { PickerNote } from '../../bot/cards/buyer/order-picker-card';
import type { TypeHint } from './draft';

// What an order can do right now, worked out only from the refund core's own exports (allowedTypes,
// noReasonWindowEnd, shippingState, takenUnits): the dialog shows these facts and offers these choices, and the
// refund service still decides when the request is reviewed.

export interface OrderFacts {
  order: Order;
  shipping: ShippingState;
  /** Units of each line (by index) not yet refunded or held by an open case. */
  free: number[];
  /** Open cases on the order, oldest first. */
  openCaseIds: string[];
  /** Every unit is refunded or held by an open case. */
  nothingFree: boolean;
  /** Every unit has been refunded (nothing open). */
  fullyRefunded: boolean;
  noReasonEnd: Date | null;
  /** Delivered and still inside the no-reason window. */
  noReasonOpen: boolean;
  /** The promised delivery date has passed and the parcel is not delivered. */
  late: boolean;
}

/** Units refunded or held by an open case count as taken: the automatic review's own rule. */
export function orderFacts(order: Order, cases: readonly RefundCase[], policy: PolicyConfig, now: Date): OrderFacts {
  const taken = order.lines.map(() => 0);
  for (const l of takenUnits(cases)) if (taken[l.lineIndex] !== undefined) taken[l.lineIndex]! += l.units.length;
  const free = order.lines.map((l, i) => Math.max(0, l.quantity - taken[i]!));
  const shipping = shippingState(order);
  const noReasonEnd = noReasonWindowEnd(order, policy);
  const openCaseIds = cases.filter((c) => isOpen(c.status)).map((c) => c.id);
  const nothingFree = free.every((n) => n === 0);
  return {
    order,
    shipping,
    free,
    openCaseIds,
    nothingFree,
    fullyRefunded: nothingFree && openCaseIds.length === 0,
    noReasonEnd,
    noReasonOpen: shipping === 'delivered' && noReasonEnd !== null && now.getTime() <= noReasonEnd.getTime(),
    late: shipping === 'in_transit' && !!order.promisedDeliveryBy && Date.parse(order.promisedDeliveryBy) < now.getTime(),
  };
}

/** Whether a hinted kind of request fits a type. */
export function fitsHint(type: CaseType, hint: TypeHint | undefined): boolean {
  if (!hint) return true;
  if (hint === 'refund_any') return type !== 'exchange';
  return type === hint;
}

/** The types the reason allows for this order, narrowed by what the buyer asked for when that leaves any. */
export function typeChoices(reason: ReasonCode, order: Order, hint: TypeHint | undefined): { allowed: readonly CaseType[]; offered: CaseType[] } {
  const allowed = allowedTypes(reason, order);
  const narrowed = allowed.filter((t) => fitsHint(t, hint));
  return { allowed, offered: narrowed.length > 0 ? narrowed : [...allowed] };
}

/** Exclusions of the chosen lines (all lines when none is chosen yet). */
export function exclusionsOf(order: Order, lineIndexes?: readonly number[]): NoReasonExclusion[] {
  const lines = lineIndexes ? order.lines.filter((l) => lineIndexes.includes(l.index)) : order.lines;
  return lines.map((l) => l.noReasonExclusion).filter((e): e is NoReasonExclusion => e !== undefined);
}

/**
 * Reasons worth offering: those with a type allowed at the order's shipping state (and one the buyer asked for,
 * where they said), no-reason returns only inside the window and for goods not excluded.
 */
export function offeredReasons(
  facts: OrderFacts,
  options: { hint?: TypeHint; exclude?: readonly ReasonCode[]; lineIndexes?: readonly number[] } = {},
): ReasonCode[] {
  const chosen = options.lineIndexes ?? facts.order.lines.map((l) => l.index);
  const allExcluded = chosen.length > 0 && exclusionsOf(facts.order, chosen).length === chosen.length;
  const offered = REASONS.filter((reason) => {
    if (options.exclude?.includes(reason)) return false;
    const types = allowedTypes(reason, facts.order);
    if (types.length === 0) return false;
    if (reason === 'no_reason_7_days' && (!facts.noReasonOpen || allExcluded)) return false;
    return true;
  });
  const fitting = offered.filter((reason) => allowedTypes(reason, facts.order).some((t) => fitsHint(t, options.hint)));
  return fitting.length > 0 ? fitting : offered;
}

/** What the order picker says about one order: what it is eligible for, in a few words. */
export function pickerNotes(facts: OrderFacts): PickerNote[] {
  const { order } = facts;
  if (!order.paid) return [{ kind: 'not_paid' }];
  if (facts.fullyRefunded) return [{ kind: 'refunded' }];
  const notes: PickerNote[] = [];
  if (facts.openCaseIds.length > 0) notes.push({ kind: 'in_case', caseIds: facts.openCaseIds });
  if (facts.nothingFree) return notes;
  switch (facts.shipping) {
    case 'not_shipped':
      notes.push({ kind: 'not_shipped' });
      break;
    case 'in_transit':
      notes.push({ kind: 'in_transit', late: facts.late, ...(order.promisedDeliveryBy ? { promisedBy: order.promisedDeliveryBy } : {}) });
      break;
    case 'delivered': {
      const anyReturnable = exclusionsOf(order, order.lines.filter((l) => facts.free[l.index]! > 0).map((l) => l.index)).length <
        order.lines.filter((l) => facts.free[l.index]! > 0).length;
      notes.push({
        kind: 'delivered',
        deliveredAt: order.deliveredAt!,
        ...(facts.noReasonOpen && anyReturnable && facts.noReasonEnd ? { noReasonUntil: facts.noReasonEnd.toISOString() } : {}),
      });
      break;
    }
    default: {
      const unknown: never = facts.shipping;
      throw new Error(`unknown shipping state ${String(unknown)}`);
    }
  }
  return notes;
}

/** Every free unit of every line: a cancellation or a lost parcel covers the whole order unless changed. */
export function allFreeLines(facts: OrderFacts): { lineIndex: number; quantity: number }[] {
  return facts.free.map((quantity, lineIndex) => ({ lineIndex, quantity })).filter((l) => l.quantity > 0);
}
