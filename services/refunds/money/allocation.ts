import type { Order, OrderLine } from '../order';
import { assertFen, divRoundHalfUp, largestRemainder, mulFen, sumFen } from './arithmetic';

// How the order's deduction instruments (coupon, red packet, points) spread over its lines and units.

export interface LineAllocation {
  lineIndex: number;
  subtotal: number;
  coupon: number;
  redPacket: number;
  points: number;
  cash: number;
}

export interface UnitShare {
  /** 1-based unit number within the line. */
  unit: number;
  price: number;
  coupon: number;
  redPacket: number;
  points: number;
  cash: number;
}

const INSTRUMENTS = ['coupon', 'redPacket', 'points'] as const;
type Instrument = (typeof INSTRUMENTS)[number];

export function lineSubtotal(line: OrderLine): number {
  assertFen(line.unitPrice, 'unit price');
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1) {
    throw new Error(`line ${line.index}: quantity must be a positive integer, got ${line.quantity}`);
  }
  return mulFen(line.unitPrice, line.quantity);
}

/**
 * Allocates coupon, then red packet, then points over the order's lines by line subtotal (each instrument
 * capped at what is left of the line after the earlier ones).
 */
export function allocateOrder(order: Order): LineAllocation[] {
  order.lines.forEach((line, i) => {
    if (line.index !== i) throw new Error(`order ${order.id}: line at position ${i} has index ${line.index}`);
  });
  const subtotals = order.lines.map(lineSubtotal);
  const { coupon, redPacket, points } = order.deductions;
  const deducted = sumFen([coupon, redPacket, points]);
  if (deducted > sumFen(subtotals)) {
    throw new Error(`order ${order.id}: deductions ${deducted} exceed the subtotal ${sumFen(subtotals)}`);
  }
  const coupons = largestRemainder(coupon, subtotals, subtotals);
  const redPackets = largestRemainder(
    redPacket,
    subtotals,
    subtotals.map((s, i) => s - coupons[i]!),
  );
  const pointShares = largestRemainder(
    points,
    subtotals,
    subtotals.map((s, i) => s - coupons[i]! - redPackets[i]!),
  );
  return subtotals.map((subtotal, i) => ({
    lineIndex: i,
    subtotal,
    coupon: coupons[i]!,
    redPacket: redPackets[i]!,
    points: pointShares[i]!,
    cash: subtotal - coupons[i]! - redPackets[i]! - pointShares[i]!,
  }));
}

/** Unit k of q carries round_half_up(D*k/q) - round_half_up(D*(k-1)/q) of a line share D. */
function cumulativeShares(lineShare: number, quantity: number): number[] {
  const d = BigInt(lineShare);
  const q = BigInt(quantity);
  const shares: number[] = [];
  for (let k = 1n; k <= q; k++) {
    shares.push(Number(divRoundHalfUp(d * k, q) - divRoundHalfUp(d * (k - 1n), q)));
  }
  return shares;
}

const carried = (u: UnitShare): number => u.coupon + u.redPacket + u.points;

/** Spreads a line's allocation over its units. */
export function spreadLine(line: OrderLine, allocation: LineAllocation): UnitShare[] {
  const { unitPrice: price, quantity } = line;
  const perInstrument = {
    coupon: cumulativeShares(allocation.coupon, quantity),
    redPacket: cumulativeShares(allocation.redPacket, quantity),
    points: cumulativeShares(allocation.points, quantity),
  };
  const units: UnitShare[] = perInstrument.coupon.map((_, k) => ({
    unit: k + 1,
    price,
    coupon: perInstrument.coupon[k]!,
    redPacket: perInstrument.redPacket[k]!,
    points: perInstrument.points[k]!,
    cash: 0,
  }));
  // Rule for nearly fully discounted lines: a unit never carries more than its price; the excess moves, last
  // instrument first, to the next units of the line with room (wrapping to the first), so units still add up.
  units.forEach((unit, k) => {
    let excess = carried(unit) - price;
    const others = [...units.slice(k + 1), ...units.slice(0, k)];
    for (const instrument of [...INSTRUMENTS].reverse() as Instrument[]) {
      for (const target of others) {
        if (excess <= 0) break;
        const moved = Math.min(excess, unit[instrument], price - carried(target));
        if (moved <= 0) continue;
        unit[instrument] -= moved;
        target[instrument] += moved;
        excess -= moved;
      }
    }
    if (excess > 0) throw new Error(`line ${line.index}: deductions exceed the line's price`);
  });
  for (const unit of units) unit.cash = price - carried(unit);
  return units;
}

/**
 * Every unit of a line with what it carries: cumulative rounding per instrument, cash = price - carried, never
 * negative.
 */
export function unitShares(order: Order, lineIndex: number): UnitShare[] {
  const line = order.lines[lineIndex];
  if (!line) throw new Error(`order ${order.id} has no line ${lineIndex}`);
  return spreadLine(line, allocateOrder(order)[lineIndex]!);
}
