import fc from 'fast-check';
import type { CaseLine, CaseType } from '../../../services/refunds/case';
import { allocateOrder, largestRemainder, quoteCase, roundHalfUp, sumFen, unitShares } from '../../../services/refunds/money';
import type { Order } from '../../../services/refunds/order';
import { aOrder } from '../../support/builders';

// The money rules hold for any order and any way of refunding it in parts (DESIGN.md section 2 "Money").

const RUNS = 300;

const lineArb = fc.record({
  // Small prices make fully and nearly fully discounted units common.
  unitPrice: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100000 })),
  quantity: fc.integer({ min: 1, max: 5 }),
});

const orderArb: fc.Arbitrary<Order> = fc
  .record({
    lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
    shippingFee: fc.integer({ min: 0, max: 2000 }),
    shipped: fc.boolean(),
    // Fractions of the subtotal taken by the deductions, and two cut points that split it into instruments.
    depth: fc.oneof(fc.constant(1), fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
    cuts: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ lines, shippingFee, shipped, depth, cuts }) => {
    const subtotal = sumFen(lines.map((l) => l.unitPrice * l.quantity));
    const deducted = Math.floor(subtotal * depth);
    const [a, b] = [Math.floor(deducted * Math.min(...cuts)), Math.floor(deducted * Math.max(...cuts))];
    const order = aOrder({ lines, shippingFee, deductions: { coupon: a, redPacket: b - a, points: deducted - b } });
    if (!shipped) {
      delete order.shippedAt;
      delete order.deliveredAt;
    }
    return order;
  });

/** Every unit of the order, split into 1..6 cases taken in a random order. */
const refundPlanArb = orderArb.chain((order) => {
  const units = order.lines.flatMap((line) => Array.from({ length: line.quantity }, (_, k) => ({ lineIndex: line.index, unit: k + 1 })));
  return fc
    .record({
      labels: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: units.length, maxLength: units.length }),
      order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
      types: fc.array(fc.constantFrom<CaseType>('refund_only', 'return_refund'), { minLength: 6, maxLength: 6 }),
    })
    .map(({ labels, order: caseOrder, types }) => {
      const cases = caseOrder
        .map((label) => {
          const byLine = new Map<number, number[]>();
          units.forEach((u, i) => {
            if (labels[i] === label) byLine.set(u.lineIndex, [...(byLine.get(u.lineIndex) ?? []), u.unit]);
          });
          const lines: CaseLine[] = [...byLine].map(([lineIndex, us]) => ({ lineIndex, units: us }));
          return { lines, type: types[label]! };
        })
        .filter((c) => c.lines.length > 0);
      return { order, cases };
    });
});

const paidFor = (order: Order): number =>
  sumFen(order.lines.map((l) => l.unitPrice * l.quantity)) -
  order.deductions.coupon -
  order.deductions.redPacket -
  order.deductions.points +
  (order.shippedAt ? 0 : order.shippingFee);

describe('money properties', () => {
  it('any sequence of partial refunds pays back exactly what was paid, never more at any point', () => {
    fc.assert(
      fc.property(refundPlanArb, ({ order, cases }) => {
        const paid = paidFor(order);
        const taken: CaseLine[] = [];
        let cash = 0;
        let points = 0;
        let coupon = 0;
        let redPacket = 0;
        cases.forEach(({ lines, type }, i) => {
          const quote = quoteCase({ order, lines, type, reason: 'mistaken_purchase', otherUnits: [...taken] });
          taken.push(...lines);
          const last = i === cases.length - 1;
          expect(quote.completesOrder).toBe(last);
          expect(quote.cash).toBe(quote.goodsCash + quote.shippingRefunded);
          expect(quote.goodsCash).toBe(sumFen(quote.lines.map((l) => l.cash)));
          expect(quote.pointsRestored).toBe(sumFen(quote.lines.map((l) => l.points)));
          for (const l of quote.lines) expect(l.gross).toBe(l.coupon + l.redPacket + l.points + l.cash);
          cash += quote.cash;
          points += quote.pointsRestored;
          coupon += quote.couponReturned;
          redPacket += quote.redPacketReturned;
          expect(cash).toBeLessThanOrEqual(paid);
        });
        expect(cash).toBe(paid);
        expect(points).toBe(order.deductions.points);
        expect(coupon).toBe(order.deductions.coupon);
        expect(redPacket).toBe(order.deductions.redPacket);
      }),
      { numRuns: RUNS },
    );
  });

  it('allocation adds up to each instrument and respects what is left of every line', () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        const allocation = allocateOrder(order);
        expect(sumFen(allocation.map((a) => a.coupon))).toBe(order.deductions.coupon);
        expect(sumFen(allocation.map((a) => a.redPacket))).toBe(order.deductions.redPacket);
        expect(sumFen(allocation.map((a) => a.points))).toBe(order.deductions.points);
        allocation.forEach((a, i) => {
          const line = order.lines[i]!;
          expect(a.subtotal).toBe(line.unitPrice * line.quantity);
          expect(a.cash).toBeGreaterThanOrEqual(0);
          expect(a.coupon + a.redPacket + a.points + a.cash).toBe(a.subtotal);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('units never carry more than their price and add up to their line', () => {
    fc.assert(
      fc.property(orderArb, (order) => {
        const allocation = allocateOrder(order);
        order.lines.forEach((line, i) => {
          const units = unitShares(order, i);
          const a = allocation[i]!;
          expect(units.map((u) => u.unit)).toEqual(Array.from({ length: line.quantity }, (_, k) => k + 1));
          for (const u of units) {
            expect(Math.min(u.cash, u.coupon, u.redPacket, u.points)).toBeGreaterThanOrEqual(0);
            expect(u.coupon + u.redPacket + u.points + u.cash).toBe(line.unitPrice);
          }
          expect(sumFen(units.map((u) => u.coupon))).toBe(a.coupon);
          expect(sumFen(units.map((u) => u.redPacket))).toBe(a.redPacket);
          expect(sumFen(units.map((u) => u.points))).toBe(a.points);
          expect(sumFen(units.map((u) => u.cash))).toBe(a.cash);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('units follow plain cumulative rounding whenever no unit would go negative', () => {
    const plain = (share: number, q: number, k: number): number => roundHalfUp(share * k, q) - roundHalfUp(share * (k - 1), q);
    fc.assert(
      fc.property(orderArb, (order) => {
        const allocation = allocateOrder(order);
        order.lines.forEach((line, i) => {
          const a = allocation[i]!;
          const q = line.quantity;
          const expected = Array.from({ length: q }, (_, j) => ({
            coupon: plain(a.coupon, q, j + 1),
            redPacket: plain(a.redPacket, q, j + 1),
            points: plain(a.points, q, j + 1),
          }));
          if (expected.some((u) => u.coupon + u.redPacket + u.points > line.unitPrice)) return;
          expect(unitShares(order, i).map(({ coupon, redPacket, points }) => ({ coupon, redPacket, points }))).toEqual(expected);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('an exchange pays nothing and returns nothing, whatever it covers', () => {
    fc.assert(
      fc.property(refundPlanArb, ({ order, cases }) => {
        const quote = quoteCase({ order, lines: cases[0]!.lines, type: 'exchange', reason: 'quality_issue', otherUnits: [] });
        expect([quote.cash, quote.pointsRestored, quote.couponReturned, quote.redPacketReturned, quote.shippingRefunded]).toEqual([0, 0, 0, 0, 0]);
      }),
      { numRuns: RUNS },
    );
  });

  it('largest remainder adds up, respects caps and stays within one fen of the exact quota', () => {
    const splitArb = fc
      .array(fc.record({ weight: fc.integer({ min: 0, max: 1_000_000 }), cap: fc.integer({ min: 0, max: 1_000_000 }) }), {
        minLength: 1,
        maxLength: 6,
      })
      .chain((lines) =>
        fc.record({
          lines: fc.constant(lines),
          total: fc.integer({ min: 0, max: sumFen(lines.map((l) => l.cap)) }),
        }),
      );
    fc.assert(
      fc.property(splitArb, ({ lines, total }) => {
        const weights = lines.map((l) => l.weight);
        const caps = lines.map((l) => l.cap);
        const capped = largestRemainder(total, weights, caps);
        expect(sumFen(capped)).toBe(total);
        capped.forEach((share, i) => expect(share).toBeLessThanOrEqual(caps[i]!));
        const weightSum = sumFen(weights);
        if (weightSum === 0) return;
        const uncapped = largestRemainder(total, weights);
        expect(sumFen(uncapped)).toBe(total);
        uncapped.forEach((share, i) => {
          const exact = BigInt(total) * BigInt(weights[i]!);
          const scaled = BigInt(share) * BigInt(weightSum);
          const gap = scaled > exact ? scaled - exact : exact - scaled;
          expect(gap < BigInt(weightSum)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
});
