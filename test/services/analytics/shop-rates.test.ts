import { median, shopRefundRates } from '../../../services/analytics';
import { aCase } from '../../support/case-builder';

const NOW = new Date('2026-03-31T02:00:00.000Z');
const DAY = 86_400_000;
const at = (daysAgo: number): string => new Date(NOW.getTime() - daysAgo * DAY).toISOString();

let n = 0;
const filed = (shopId: string, daysAgo: number, extra: Parameters<typeof aCase>[0] = {}) => aCase({ id: `RD-${String(++n).padStart(6, '0')}`, shopId, createdAt: at(daysAgo), ...extra });

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([4])).toBe(4);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([1, 2, 3, 10])).toBe(2.5);
  });
});

describe('refund rate per shop', () => {
  const options = { now: NOW, windowDays: 30, factor: 3 };

  it('marks a shop with more than factor x the median cases as an outlier', () => {
    const cases = [
      filed('shop-a', 1),
      filed('shop-b', 2),
      filed('shop-c', 3),
      ...Array.from({ length: 4 }, (_, i) => filed('shop-x', i + 1)),
    ];
    const rates = shopRefundRates(cases, options);
    expect(rates.median).toBe(1);
    expect(rates.shops.map((s) => [s.shopId, s.cases, s.ratioToMedian, s.outlier])).toEqual([
      ['shop-x', 4, 4, true],
      ['shop-a', 1, 1, false],
      ['shop-b', 1, 1, false],
      ['shop-c', 1, 1, false],
    ]);
  });

  it('does not mark a shop at exactly factor x the median', () => {
    const cases = [filed('shop-a', 1), filed('shop-b', 1), ...Array.from({ length: 3 }, () => filed('shop-x', 1))];
    expect(shopRefundRates(cases, options).shops.find((s) => s.shopId === 'shop-x')!.outlier).toBe(false);
  });

  it('counts only the window and reports it', () => {
    const cases = [filed('shop-a', 29), filed('shop-a', 31), filed('shop-b', 0)];
    const rates = shopRefundRates(cases, options);
    expect(rates.shops.map((s) => [s.shopId, s.cases])).toEqual([
      ['shop-a', 1],
      ['shop-b', 1],
    ]);
    expect(rates.from).toBe(at(30));
    expect(rates.to).toBe(NOW.toISOString());
  });

  it('sums the cash of paid cases only', () => {
    const paid = filed('shop-a', 1, { status: 'refunded', payment: { generation: 1, key: 'k', amount: 4_567, pointsRestored: 0, status: 'confirmed', attempts: 1, polls: 0 } });
    const open = filed('shop-a', 1);
    expect(shopRefundRates([paid, open], options).shops[0]!.refundedFen).toBe(4_567);
  });

  it('finds no outlier with one or two shops, nor without cases', () => {
    expect(shopRefundRates([filed('shop-a', 1), ...Array.from({ length: 9 }, () => filed('shop-b', 1))], options).shops.some((s) => s.outlier)).toBe(false);
    expect(shopRefundRates(Array.from({ length: 9 }, () => filed('shop-b', 1)), options).shops[0]!.outlier).toBe(false);
    expect(shopRefundRates([], options)).toMatchObject({ median: null, shops: [] });
  });
});
