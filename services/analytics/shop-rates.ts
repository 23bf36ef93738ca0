import type { RefundCase } from '../refunds';
import { sumFen } from '../refunds';

// A shop's refund rate against the platform's median (issue 5: alert on shops "far above the median").
//
// The order catalogue cannot count a shop's delivered orders, so the rate is measured by what the refund
// service does know: the number of cases filed against the shop in the window (default: the last 30 days).
// The platform median is the median of that number over the shops with at least one case in the window (a shop
// nobody complained about is invisible here). A shop is an outlier when its count is more than `factor` times
// the median. With one or two shops the median sits at or between them, so nothing stands out: that is intended,
// there is no platform to compare with.

export const DAY_MS = 86_400_000;

export interface ShopRate {
  shopId: string;
  /** Cases filed against the shop in the window. */
  cases: number;
  /** Cash refunded (fen) by the window's cases that were paid. */
  refundedFen: number;
  /** cases / platform median. */
  ratioToMedian: number | null;
  outlier: boolean;
}

export interface ShopRates {
  from: string;
  to: string;
  windowDays: number;
  factor: number;
  /** Median cases per shop over the shops with cases in the window; null when no shop has any. */
  median: number | null;
  /** Most cases first, then by shop id. */
  shops: ShopRate[];
}

export interface ShopRateOptions {
  now: Date;
  windowDays: number;
  factor: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function paidCash(c: RefundCase): number {
  return c.status === 'refunded' && c.payment?.status === 'confirmed' ? c.payment.amount : 0;
}

export function shopRefundRates(cases: readonly RefundCase[], options: ShopRateOptions): ShopRates {
  const to = options.now.getTime();
  const from = to - options.windowDays * DAY_MS;
  const byShop = new Map<string, RefundCase[]>();
  for (const c of cases) {
    const at = Date.parse(c.createdAt);
    if (at < from || at > to) continue;
    const list = byShop.get(c.shopId) ?? [];
    list.push(c);
    byShop.set(c.shopId, list);
  }
  const m = median([...byShop.values()].map((l) => l.length));
  const shops: ShopRate[] = [...byShop.entries()].map(([shopId, list]) => ({
    shopId,
    cases: list.length,
    refundedFen: sumFen(list.map(paidCash)),
    ratioToMedian: m ? list.length / m : null,
    outlier: m !== null && list.length > options.factor * m,
  }));
  shops.sort((a, b) => b.cases - a.cases || a.shopId.localeCompare(b.shopId));
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    windowDays: options.windowDays,
    factor: options.factor,
    median: m,
    shops,
  };
}
