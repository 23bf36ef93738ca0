import type { CaseLine } from '../../../services/refunds/case';
import {
  allocateOrder,
  largestRemainder,
  pickUnits,
  quoteCase,
  quoteReceivedUnits,
  returnFreightPayer,
  roundHalfUp,
  sumFen,
  unitShares,
  type QuoteInput,
} from '../../../services/refunds/money';
import type { Order } from '../../../services/refunds/order';
import { aNeverShippedOrder, aOrder } from '../../support/builders';

// DESIGN.md section 2 "Money", test vectors E1-E7 and the rules around them.

const e3Order = (): Order =>
  aOrder({
    lines: [
      { unitPrice: 19900, quantity: 1 },
      { unitPrice: 5990, quantity: 2 },
      { unitPrice: 990, quantity: 3 },
    ],
    deductions: { coupon: 3000, redPacket: 500, points: 1000 },
  });

const refund = (order: Order, lines: CaseLine[], otherUnits: CaseLine[] = []): QuoteInput => ({
  order,
  lines,
  otherUnits,
  type: 'return_refund',
  reason: 'quality_issue',
});

/** Refunds the given cases one after another, each seeing the earlier ones as taken. */
function refundInTurn(order: Order, cases: CaseLine[][]) {
  const taken: CaseLine[] = [];
  return cases.map((lines) => {
    const quote = quoteCase(refund(order, lines, [...taken]));
    taken.push(...lines);
    return quote;
  });
}

describe('roundHalfUp', () => {
  it('rounds halves up and everything else to the nearest integer', () => {
    expect(roundHalfUp(5, 2)).toBe(3);
    expect(roundHalfUp(1, 3)).toBe(0);
    expect(roundHalfUp(2, 3)).toBe(1);
    expect(roundHalfUp(7, 2)).toBe(4);
    expect(roundHalfUp(0, 7)).toBe(0);
    expect(roundHalfUp(10, 5)).toBe(2);
  });

  it('is exact at the edge of the safe integer range', () => {
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, 2)).toBe(4503599627370496);
    expect(roundHalfUp(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(1);
  });

  it('refuses negative, fractional or zero inputs where they make no sense', () => {
    expect(() => roundHalfUp(-1, 2)).toThrow();
    expect(() => roundHalfUp(1.5, 2)).toThrow();
    expect(() => roundHalfUp(1, 0)).toThrow();
  });
});

describe('sumFen', () => {
  it('adds integer amounts', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([17331, 10433, 2586])).toBe(30350);
  });

  it('refuses amounts that are not non-negative integers', () => {
    expect(() => sumFen([1, -1])).toThrow();
    expect(() => sumFen([0.5])).toThrow();
    expect(() => sumFen([Number.MAX_SAFE_INTEGER, 1])).toThrow();
  });
});

describe('largestRemainder', () => {
  it('E1: gives the remainder to the lowest index when everything ties', () => {
    expect(largestRemainder(1000, [5000, 5000, 5000])).toEqual([334, 333, 333]);
  });

  it('E2: splits exactly when the shares are whole', () => {
    expect(largestRemainder(1500, [15000, 5000, 10000])).toEqual([750, 250, 500]);
  });

  it('E5: breaks a tie of remainders in favour of the larger weight', () => {
    expect(largestRemainder(2, [100, 300])).toEqual([0, 2]);
  });

  it('gives the leftover to the largest remainders', () => {
    expect(largestRemainder(3000, [19900, 11980, 2970])).toEqual([1713, 1031, 256]);
    expect(largestRemainder(500, [19900, 11980, 2970])).toEqual([285, 172, 43]);
  });

  it('E7: caps a share and re-splits the excess over the other lines', () => {
    expect(largestRemainder(10000, [10001, 9999], [5000, 5000])).toEqual([5000, 5000]);
  });

  it('keeps re-splitting until every capped excess has found room', () => {
    // Proportional shares would be [6, 3, 1]; line 0 holds 1, line 1 holds 2, so line 2 takes the rest.
    expect(largestRemainder(10, [6, 3, 1], [1, 2, 100])).toEqual([1, 2, 7]);
  });

  it('re-splits the excess only over lines that still have room', () => {
    expect(largestRemainder(3, [100, 100, 100], [0, 5, 5])).toEqual([0, 2, 1]);
  });

  it('spreads by the room left when every line with room weighs nothing', () => {
    expect(largestRemainder(4, [0, 0], [1, 3])).toEqual([1, 3]);
  });

  it('returns zeros for a zero total', () => {
    expect(largestRemainder(0, [0, 0, 0])).toEqual([0, 0, 0]);
  });

  it('is exact when total x weight exceeds 2^53', () => {
    const total = 9_000_000_000_000_000;
    const shares = largestRemainder(total, [3_000_000_000_000_001, 6_000_000_000_000_000]);
    // Exact quotas: 3e15 + 0.67 and 6e15 - 0.67; floating point cannot tell these remainders apart.
    expect(shares).toEqual([3_000_000_000_000_001, 5_999_999_999_999_999]);
    expect(sumFen(shares)).toBe(total);
  });

  it('refuses a total larger than the caps allow, or with nothing to weigh it by', () => {
    expect(() => largestRemainder(11, [1, 1], [5, 5])).toThrow(/exceeds the sum of caps/);
    expect(() => largestRemainder(1, [0, 0])).toThrow();
    expect(() => largestRemainder(1, [1, 1], [1])).toThrow();
    expect(() => largestRemainder(-1, [1])).toThrow();
  });
});

describe('allocateOrder', () => {
  it('E1: coupon 1000 over three lines of 5000', () => {
    const order = aOrder({ lines: [{ unitPrice: 5000 }, { unitPrice: 5000 }, { unitPrice: 5000 }], deductions: { coupon: 1000 } });
    expect(allocateOrder(order).map((a) => a.coupon)).toEqual([334, 333, 333]);
  });

  it('E2: coupon 1500 over lines 15000 / 5000 / 10000', () => {
    const order = aOrder({ lines: [{ unitPrice: 15000 }, { unitPrice: 5000 }, { unitPrice: 10000 }], deductions: { coupon: 1500 } });
    expect(allocateOrder(order).map((a) => a.coupon)).toEqual([750, 250, 500]);
  });

  it('E3: coupon, red packet and points each by line subtotal', () => {
    expect(allocateOrder(e3Order())).toEqual([
      { lineIndex: 0, subtotal: 19900, coupon: 1713, redPacket: 285, points: 571, cash: 17331 },
      { lineIndex: 1, subtotal: 11980, coupon: 1031, redPacket: 172, points: 344, cash: 10433 },
      { lineIndex: 2, subtotal: 2970, coupon: 256, redPacket: 43, points: 85, cash: 2586 },
    ]);
    expect(sumFen(allocateOrder(e3Order()).map((a) => a.cash))).toBe(30350);
  });

  it('E5: coupon 2 over lines 100 / 300', () => {
    const order = aOrder({ lines: [{ unitPrice: 100 }, { unitPrice: 300 }], deductions: { coupon: 2 } });
    expect(allocateOrder(order).map((a) => a.coupon)).toEqual([0, 2]);
  });

  it('E7: a fully discounted order caps points at what the coupon left', () => {
    const order = aOrder({ lines: [{ unitPrice: 10001 }, { unitPrice: 9999 }], deductions: { coupon: 10000, points: 10000 } });
    const allocation = allocateOrder(order);
    expect(allocation.map((a) => a.coupon)).toEqual([5001, 4999]);
    expect(allocation.map((a) => a.points)).toEqual([5000, 5000]);
    expect(allocation.map((a) => a.cash)).toEqual([0, 0]);
  });

  it('gives nothing to free lines', () => {
    const order = aOrder({ lines: [{ unitPrice: 0, quantity: 3 }, { unitPrice: 500 }], deductions: { coupon: 500 } });
    expect(allocateOrder(order).map((a) => a.coupon)).toEqual([0, 500]);
  });

  it('refuses deductions above the subtotal', () => {
    const order = aOrder({ lines: [{ unitPrice: 100 }], deductions: { coupon: 60, points: 41 } });
    expect(() => allocateOrder(order)).toThrow(/exceed the subtotal/);
  });
});

describe('unitShares', () => {
  it('E3: line B spreads over its two units by cumulative rounding', () => {
    expect(unitShares(e3Order(), 1)).toEqual([
      { unit: 1, price: 5990, coupon: 516, redPacket: 86, points: 172, cash: 5216 },
      { unit: 2, price: 5990, coupon: 515, redPacket: 86, points: 172, cash: 5217 },
    ]);
  });

  it('E3: line C pays 863, 860, 863', () => {
    expect(unitShares(e3Order(), 2).map((u) => u.cash)).toEqual([863, 860, 863]);
  });

  it('E4: three units of 10000 with a coupon of 1000', () => {
    const order = aOrder({ lines: [{ unitPrice: 10000, quantity: 3 }], deductions: { coupon: 1000 } });
    expect(unitShares(order, 0).map((u) => u.coupon)).toEqual([333, 334, 333]);
    expect(unitShares(order, 0).map((u) => u.cash)).toEqual([9667, 9666, 9667]);
  });

  it('E6: a line share of 5 over 2 units puts the half on the first unit', () => {
    const order = aOrder({ lines: [{ unitPrice: 100, quantity: 2 }], deductions: { coupon: 5 } });
    expect(unitShares(order, 0).map((u) => u.coupon)).toEqual([3, 2]);
  });

  it('moves what a unit carries beyond its price to the next unit, last instrument first', () => {
    // Plain cumulative rounding: unit 1 carries coupon 51 + red packet 50 = 101 on a price of 100.
    const order = aOrder({ lines: [{ unitPrice: 100, quantity: 2 }], deductions: { coupon: 101, redPacket: 99 } });
    expect(unitShares(order, 0)).toEqual([
      { unit: 1, price: 100, coupon: 51, redPacket: 49, points: 0, cash: 0 },
      { unit: 2, price: 100, coupon: 50, redPacket: 50, points: 0, cash: 0 },
    ]);
  });

  it('wraps to the first units when the later ones are full', () => {
    // Plain cumulative rounding puts all three 1-fen deductions on unit 2 (price 1).
    const order = aOrder({ lines: [{ unitPrice: 1, quantity: 3 }], deductions: { coupon: 1, redPacket: 1, points: 1 } });
    expect(unitShares(order, 0)).toEqual([
      { unit: 1, price: 1, coupon: 0, redPacket: 1, points: 0, cash: 0 },
      { unit: 2, price: 1, coupon: 1, redPacket: 0, points: 0, cash: 0 },
      { unit: 3, price: 1, coupon: 0, redPacket: 0, points: 1, cash: 0 },
    ]);
  });

  it('leaves some cash on units that have room after an overflow', () => {
    const order = aOrder({ lines: [{ unitPrice: 100, quantity: 2 }], deductions: { coupon: 101, redPacket: 98 } });
    const units = unitShares(order, 0);
    expect(units.map((u) => u.cash)).toEqual([0, 1]);
    expect(sumFen(units.map((u) => u.redPacket))).toBe(98);
  });

  it('refuses a line the order does not have', () => {
    expect(() => unitShares(e3Order(), 3)).toThrow(/no line 3/);
  });
});

describe('quoteCase', () => {
  it('E1: refunding line 3 pays 4667', () => {
    const order = aOrder({ lines: [{ unitPrice: 5000 }, { unitPrice: 5000 }, { unitPrice: 5000 }], deductions: { coupon: 1000 } });
    const quote = quoteCase(refund(order, [{ lineIndex: 2, units: [1] }]));
    expect(quote.cash).toBe(4667);
    expect(quote.lines).toEqual([{ lineIndex: 2, units: [1], gross: 5000, coupon: 333, redPacket: 0, points: 0, cash: 4667 }]);
    expect(quote.couponReturned).toBe(0);
    expect(quote.completesOrder).toBe(false);
  });

  it('E3: refunding B unit by unit pays 5216 then 5217 and restores 172 + 172 points', () => {
    const [first, second] = refundInTurn(e3Order(), [[{ lineIndex: 1, units: [1] }], [{ lineIndex: 1, units: [2] }]]);
    expect([first!.cash, second!.cash]).toEqual([5216, 5217]);
    expect([first!.pointsRestored, second!.pointsRestored]).toEqual([172, 172]);
  });

  it('E3: refunding C unit by unit pays 863, 860, 863', () => {
    const quotes = refundInTurn(e3Order(), [1, 2, 3].map((unit) => [{ lineIndex: 2, units: [unit] }]));
    expect(quotes.map((q) => q.cash)).toEqual([863, 860, 863]);
  });

  it('E3: a case for the whole order pays 30350 and returns coupon and red packet', () => {
    const order = e3Order();
    const quote = quoteCase(
      refund(order, [
        { lineIndex: 0, units: [1] },
        { lineIndex: 1, units: [1, 2] },
        { lineIndex: 2, units: [1, 2, 3] },
      ]),
    );
    expect(quote).toMatchObject({
      goodsCash: 30350,
      cash: 30350,
      pointsRestored: 1000,
      couponReturned: 3000,
      redPacketReturned: 500,
      completesOrder: true,
      currency: 'CNY',
    });
  });

  it('E4: one unit at a time pays 9667, 9666, 9667 = 29000, and the last returns the coupon', () => {
    const order = aOrder({ lines: [{ unitPrice: 10000, quantity: 3 }], deductions: { coupon: 1000 } });
    const quotes = refundInTurn(order, [[{ lineIndex: 0, units: [1] }], [{ lineIndex: 0, units: [2] }], [{ lineIndex: 0, units: [3] }]]);
    expect(quotes.map((q) => q.cash)).toEqual([9667, 9666, 9667]);
    expect(sumFen(quotes.map((q) => q.cash))).toBe(29000);
    expect(quotes.map((q) => q.couponReturned)).toEqual([0, 0, 1000]);
    expect(quotes.map((q) => q.completesOrder)).toEqual([false, false, true]);
  });

  it('E7: a fully discounted order pays no cash but restores the points', () => {
    const order = aOrder({ lines: [{ unitPrice: 10001 }, { unitPrice: 9999 }], deductions: { coupon: 10000, points: 10000 } });
    const quote = quoteCase(refund(order, [{ lineIndex: 0, units: [1] }]));
    expect(quote.cash).toBe(0);
    expect(quote.pointsRestored).toBe(5000);
  });

  it('does not depend on the order the units are listed in', () => {
    const order = e3Order();
    const a = quoteCase(refund(order, [{ lineIndex: 2, units: [3, 1] }, { lineIndex: 0, units: [1] }]));
    const b = quoteCase(refund(order, [{ lineIndex: 0, units: [1] }, { lineIndex: 2, units: [1, 3] }]));
    expect(a).toEqual(b);
    expect(a.lines.map((l) => [l.lineIndex, l.units])).toEqual([[0, [1]], [2, [1, 3]]]);
    expect(a.cash).toBe(17331 + 863 + 863);
  });

  describe('shipping', () => {
    const lines = [{ unitPrice: 5000, quantity: 2 }];

    it('is refunded with the case that completes a never-shipped order', () => {
      const order = aNeverShippedOrder({ lines, shippingFee: 800 });
      const quotes = refundInTurn(order, [[{ lineIndex: 0, units: [2] }], [{ lineIndex: 0, units: [1] }]]);
      expect(quotes.map((q) => q.shippingRefunded)).toEqual([0, 800]);
      expect(quotes.map((q) => q.cash)).toEqual([5000, 5800]);
      expect(quotes[1]!.goodsCash).toBe(5000);
    });

    it('is not refunded once the order shipped', () => {
      const order = aOrder({ lines, shippingFee: 800, deliveredAt: undefined });
      const quote = quoteCase({ ...refund(order, [{ lineIndex: 0, units: [1, 2] }]), type: 'refund_only', reason: 'not_received' });
      expect(quote.completesOrder).toBe(true);
      expect(quote.shippingRefunded).toBe(0);
      expect(quote.cash).toBe(10000);
    });
  });

  describe('exchange', () => {
    it('pays nothing, restores nothing and returns no coupon', () => {
      const order = e3Order();
      const all = [
        { lineIndex: 0, units: [1] },
        { lineIndex: 1, units: [1, 2] },
        { lineIndex: 2, units: [1, 2, 3] },
      ];
      const quote = quoteCase({ ...refund(order, all), type: 'exchange' });
      expect(quote).toMatchObject({
        goodsCash: 0,
        cash: 0,
        shippingRefunded: 0,
        pointsRestored: 0,
        couponReturned: 0,
        redPacketReturned: 0,
        completesOrder: false,
        returnFreightPaidBy: 'merchant',
      });
      expect(quote.lines.map((l) => l.gross)).toEqual([19900, 11980, 2970]);
      expect(quote.lines.every((l) => l.cash === 0 && l.points === 0 && l.coupon === 0)).toBe(true);
    });
  });

  describe('return freight', () => {
    it.each([
      ['quality_issue', 'merchant'],
      ['not_as_described', 'merchant'],
      ['damaged_in_transit', 'merchant'],
      ['wrong_item', 'merchant'],
      ['missing_parts', 'merchant'],
      ['no_reason_7_days', 'buyer'],
      ['mistaken_purchase', 'buyer'],
      ['other', 'buyer'],
      ['logistics_delay', null],
      ['not_received', null],
    ] as const)('a return for %s is paid by %s', (reason, payer) => {
      const quote = quoteCase({ ...refund(e3Order(), [{ lineIndex: 0, units: [1] }]), reason });
      expect(quote.returnFreightPaidBy).toBe(payer);
    });

    it('is nobody when nothing goes back', () => {
      expect(returnFreightPayer('refund_only', 'quality_issue')).toBeNull();
      expect(returnFreightPayer('return_refund', 'quality_issue', true)).toBeNull();
      expect(returnFreightPayer('return_refund', 'no_reason_7_days', true)).toBeNull();
      const quote = quoteCase({ ...refund(e3Order(), [{ lineIndex: 0, units: [1] }]), withoutReturn: true });
      expect(quote.returnFreightPaidBy).toBeNull();
    });
  });

  describe('refuses inputs that eligibility should have stopped', () => {
    const order = e3Order();
    it.each<[string, CaseLine[], CaseLine[], RegExp]>([
      ['an unknown line', [{ lineIndex: 3, units: [1] }], [], /no line 3/],
      ['a negative line', [{ lineIndex: -1, units: [1] }], [], /no line -1/],
      ['unit 0', [{ lineIndex: 1, units: [0] }], [], /no unit 0/],
      ['a unit beyond the quantity', [{ lineIndex: 1, units: [3] }], [], /no unit 3/],
      ['a fractional unit', [{ lineIndex: 1, units: [1.5] }], [], /no unit 1.5/],
      ['a unit listed twice', [{ lineIndex: 2, units: [2, 2] }], [], /listed twice/],
      ['a unit listed twice across entries', [{ lineIndex: 2, units: [1] }, { lineIndex: 2, units: [1] }], [], /listed twice/],
      ['a unit another case has', [{ lineIndex: 2, units: [1, 2] }], [{ lineIndex: 2, units: [2] }], /already refunded or claimed/],
      ['an unknown line among the other cases', [{ lineIndex: 0, units: [1] }], [{ lineIndex: 9, units: [1] }], /no line 9/],
      ['no units at all', [], [], /at least one unit/],
      ['a line with no units', [{ lineIndex: 0, units: [] }], [], /at least one unit/],
    ])('%s', (_what, lines, otherUnits, message) => {
      expect(() => quoteCase(refund(order, lines, otherUnits))).toThrow(message);
    });
  });
});

describe('quoteReceivedUnits', () => {
  const order = aOrder({ lines: [{ unitPrice: 10000, quantity: 3 }], deductions: { coupon: 1000, points: 300 } });
  const input = refund(order, [{ lineIndex: 0, units: [1, 2, 3] }]);

  it('pays only the units received, which then do not complete the order', () => {
    const quote = quoteReceivedUnits(input, [{ lineIndex: 0, units: [1, 3] }]);
    expect(quote.lines).toEqual([{ lineIndex: 0, units: [1, 3], gross: 20000, coupon: 666, redPacket: 0, points: 200, cash: 19134 }]);
    expect(quote.completesOrder).toBe(false);
    expect(quote.couponReturned).toBe(0);
  });

  it('equals the full quote when everything arrived', () => {
    expect(quoteReceivedUnits(input, [{ lineIndex: 0, units: [1, 2, 3] }])).toEqual(quoteCase(input));
  });

  it('quotes nothing when nothing arrived', () => {
    const quote = quoteReceivedUnits(input, []);
    expect(quote).toMatchObject({ lines: [], cash: 0, pointsRestored: 0, couponReturned: 0, completesOrder: false });
  });

  it('refuses units the case does not cover', () => {
    const partial = refund(order, [{ lineIndex: 0, units: [1] }]);
    expect(() => quoteReceivedUnits(partial, [{ lineIndex: 0, units: [2] }])).toThrow(/not covered by the case/);
  });
});

describe('pickUnits', () => {
  const order = e3Order();

  it('takes the lowest-numbered free units', () => {
    expect(pickUnits(order, 2, 2, [])).toEqual([1, 2]);
    expect(pickUnits(order, 2, 2, [{ lineIndex: 2, units: [1] }])).toEqual([2, 3]);
    expect(pickUnits(order, 2, 1, [{ lineIndex: 2, units: [2] }, { lineIndex: 1, units: [1] }])).toEqual([1]);
  });

  it('ignores units taken on other lines', () => {
    expect(pickUnits(order, 1, 2, [{ lineIndex: 2, units: [1, 2] }])).toEqual([1, 2]);
  });

  it('answers null when not enough units are free', () => {
    expect(pickUnits(order, 2, 3, [{ lineIndex: 2, units: [3] }])).toBeNull();
    expect(pickUnits(order, 0, 2, [])).toBeNull();
  });

  it('refuses an unknown line or a quantity below one', () => {
    expect(() => pickUnits(order, 5, 1, [])).toThrow(/no line 5/);
    expect(() => pickUnits(order, 0, 0, [])).toThrow(/positive integer/);
  });
});
