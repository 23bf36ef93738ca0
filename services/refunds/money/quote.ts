import type { CaseLine, CaseType, LineQuote, Quote, ReasonCode } from '../case';
import type { Order } from '../order';
import { allocateOrder, spreadLine } from './allocation';
import { sumFen } from './arithmetic';

// What a case pays back: the cash the buyer paid for its units, the points they carried, and, with the case
// that completes the whole order, the coupon, red packet and (never shipped) shipping fee.

export interface QuoteInput {
  order: Order;
  /** The units this case covers. */
  lines: CaseLine[];
  type: CaseType;
  reason: ReasonCode;
  /** The merchant approved "refund without return". */
  withoutReturn?: boolean;
  /** Units of the order already refunded or claimed by other open cases (not this one). */
  otherUnits: CaseLine[];
}

export type FreightPayer = 'merchant' | 'buyer' | null;

/** Who pays the return freight (reasons table: merchant for the shop's faults, buyer for the buyer's choice). */
export function returnFreightPayer(type: CaseType, reason: ReasonCode, withoutReturn = false): FreightPayer {
  if (type === 'refund_only' || withoutReturn) return null;
  switch (reason) {
    case 'quality_issue':
    case 'not_as_described':
    case 'damaged_in_transit':
    case 'wrong_item':
    case 'missing_parts':
      return 'merchant';
    case 'no_reason_7_days':
    case 'mistaken_purchase':
    case 'other':
      return 'buyer';
    case 'logistics_delay':
    case 'not_received':
      return null;
    default: {
      const unknown: never = reason;
      throw new Error(`unknown reason ${String(unknown)}`);
    }
  }
}

/** Checks that `lines` name existing, distinct units; returns them as line -> sorted unit numbers. */
function unitsByLine(order: Order, lines: readonly CaseLine[], what: string): Map<number, number[]> {
  const byLine = new Map<number, number[]>();
  for (const { lineIndex, units } of lines) {
    const line = order.lines[lineIndex];
    if (!Number.isInteger(lineIndex) || !line) throw new Error(`${what}: order ${order.id} has no line ${lineIndex}`);
    const seen = byLine.get(lineIndex) ?? [];
    for (const unit of units) {
      if (!Number.isInteger(unit) || unit < 1 || unit > line.quantity) {
        throw new Error(`${what}: line ${lineIndex} has no unit ${unit} (quantity ${line.quantity})`);
      }
      if (seen.includes(unit)) throw new Error(`${what}: unit ${unit} of line ${lineIndex} is listed twice`);
      seen.push(unit);
    }
    byLine.set(lineIndex, seen);
  }
  for (const units of byLine.values()) units.sort((a, b) => a - b);
  return byLine;
}

function countUnits(byLine: Map<number, number[]>): number {
  let n = 0;
  for (const units of byLine.values()) n += units.length;
  return n;
}

function buildQuote(input: QuoteInput, covered: Map<number, number[]>): Quote {
  const { order, type } = input;
  const others = unitsByLine(order, input.otherUnits, 'other cases');
  for (const [lineIndex, units] of covered) {
    const clash = units.find((u) => others.get(lineIndex)?.includes(u));
    if (clash !== undefined) {
      throw new Error(`unit ${clash} of line ${lineIndex} is already refunded or claimed by another case`);
    }
  }
  const exchange = type === 'exchange';
  const allocations = allocateOrder(order);
  const lines: LineQuote[] = [...covered.entries()]
    .filter(([, units]) => units.length > 0)
    .sort(([a], [b]) => a - b)
    .map(([lineIndex, units]) => {
      const spread = spreadLine(order.lines[lineIndex]!, allocations[lineIndex]!);
      const picked = units.map((u) => spread[u - 1]!);
      // An exchange pays nothing: the buyer gets a replacement and the deductions stay with it.
      const paid = (pick: (s: (typeof picked)[number]) => number): number =>
        exchange ? 0 : sumFen(picked.map(pick));
      return {
        lineIndex,
        units,
        gross: sumFen(picked.map((s) => s.price)),
        coupon: paid((s) => s.coupon),
        redPacket: paid((s) => s.redPacket),
        points: paid((s) => s.points),
        cash: paid((s) => s.cash),
      };
    });
  const orderUnits = sumFen(order.lines.map((l) => l.quantity));
  const coveredCount = countUnits(covered);
  const completesOrder = !exchange && coveredCount > 0 && coveredCount + countUnits(others) === orderUnits;
  const goodsCash = sumFen(lines.map((l) => l.cash));
  const shippingRefunded = completesOrder && !order.shippedAt ? order.shippingFee : 0;
  return {
    currency: order.currency,
    lines,
    goodsCash,
    shippingRefunded,
    cash: sumFen([goodsCash, shippingRefunded]),
    pointsRestored: sumFen(lines.map((l) => l.points)),
    couponReturned: completesOrder ? order.deductions.coupon : 0,
    redPacketReturned: completesOrder ? order.deductions.redPacket : 0,
    returnFreightPaidBy: returnFreightPayer(type, input.reason, input.withoutReturn),
    completesOrder,
  };
}

/** What the case pays back. Throws on units that do not exist, repeat, or belong to another case (caller bugs). */
export function quoteCase(input: QuoteInput): Quote {
  const covered = unitsByLine(input.order, input.lines, 'case');
  if (countUnits(covered) === 0) throw new Error('a case covers at least one unit');
  return buildQuote(input, covered);
}

/**
 * Quote for only some of a case's units (an inspection found a short quantity): the missing units are not
 * refunded, so they do not count towards completing the order. Zero units received quotes nothing.
 */
export function quoteReceivedUnits(input: QuoteInput, received: CaseLine[]): Quote {
  const caseUnits = unitsByLine(input.order, input.lines, 'case');
  const receivedUnits = unitsByLine(input.order, received, 'received');
  for (const [lineIndex, units] of receivedUnits) {
    const stray = units.find((u) => !caseUnits.get(lineIndex)?.includes(u));
    if (stray !== undefined) throw new Error(`unit ${stray} of line ${lineIndex} is not covered by the case`);
  }
  return buildQuote(input, receivedUnits);
}

/** Lowest-numbered free units of a line given the units already taken; null when not enough are free. */
export function pickUnits(order: Order, lineIndex: number, quantity: number, taken: CaseLine[]): number[] | null {
  const line = order.lines[lineIndex];
  if (!Number.isInteger(lineIndex) || !line) throw new Error(`order ${order.id} has no line ${lineIndex}`);
  if (!Number.isInteger(quantity) || quantity < 1) throw new Error(`quantity must be a positive integer, got ${quantity}`);
  const busy = new Set(taken.filter((t) => t.lineIndex === lineIndex).flatMap((t) => t.units));
  const free: number[] = [];
  for (let unit = 1; unit <= line.quantity && free.length < quantity; unit++) {
    if (!busy.has(unit)) free.push(unit);
  }
  return free.length === quantity ? free : null;
}
