import type { RefundCase } from './case';
import { isOpen } from './case';
import { HOUR, localMonth } from './calendar';
import { sumFen } from './money';
import type { PolicyConfig } from './policy';
import type { CaseStore } from './ports';

// The platform's monthly refund figures (source process §4.5 "数据统计": counts, reasons, amounts), by the
// month the case was filed in, in the platform's time zone.

export interface Bucket {
  count: number;
  /** Cash refunded (fen) by cases of the bucket that were paid. */
  refundedFen: number;
}

export interface Distribution {
  count: number;
  p50Ms: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

export interface MonthFigures {
  month: string;
  timeZone: string;
  cases: number;
  refundedFen: number;
  byReason: Record<string, Bucket>;
  byType: Record<string, Bucket>;
  byShop: Record<string, Bucket>;
  byOutcome: Record<string, Bucket>;
  merchantDecision: Distribution & { within24h: number; within48h: number; share24h: number | null; share48h: number | null };
  deadlineBreaches: { cases: number; byEvent: Record<string, number> };
  paymentFailures: number;
  /** Share of finished cases that no person acted on (fast track, auto-approval, timers). */
  settledWithoutPerson: { cases: number; share: number | null };
  filingToPaid: Distribution;
}

export function outcomeOf(c: RefundCase): string {
  if (c.status === 'closed') return `closed:${c.closeReason ?? 'unknown'}`;
  return isOpen(c.status) ? 'open' : c.status;
}

function distribution(values: number[]): Distribution {
  if (values.length === 0) return { count: 0, p50Ms: null, p90Ms: null, maxMs: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { count: sorted.length, p50Ms: at(0.5), p90Ms: at(0.9), maxMs: sorted[sorted.length - 1]! };
}

function paidCash(c: RefundCase): number {
  return c.status === 'refunded' && c.payment?.status === 'confirmed' ? c.payment.amount : 0;
}

/** No person acted: the merchant was skipped or timed out, CS never ruled, any inspection was by the timer. */
export function settledWithoutPerson(c: RefundCase): boolean {
  if (c.status !== 'refunded' && c.status !== 'exchanged') return false;
  const merchantSkipped = c.fastTrack !== undefined || c.merchantDecision?.outcome === 'auto_approved';
  const noCs = c.platformDecision === undefined && c.payment?.offlineVoucher === undefined && (c.payment?.generation ?? 1) === 1;
  const noInspector = !c.inspection || c.inspection.by.role === 'system';
  return merchantSkipped && noCs && noInspector;
}

export function computeFigures(cases: readonly RefundCase[], month: string, policy: PolicyConfig): MonthFigures {
  const group = (key: (c: RefundCase) => string): Record<string, Bucket> => {
    const out: Record<string, { count: number; cash: number[] }> = {};
    for (const c of cases) {
      const k = key(c);
      const b = (out[k] ??= { count: 0, cash: [] });
      b.count++;
      b.cash.push(paidCash(c));
    }
    return Object.fromEntries(Object.entries(out).map(([k, b]) => [k, { count: b.count, refundedFen: sumFen(b.cash) }]));
  };
  const waits = cases.flatMap((c) => (c.merchantDecision ? [c.merchantDecision.waitedMs] : []));
  const within24h = waits.filter((w) => w <= 24 * HOUR).length;
  const within48h = waits.filter((w) => w <= 48 * HOUR).length;
  const byEvent: Record<string, number> = {};
  for (const c of cases) for (const e of c.expired) byEvent[e] = (byEvent[e] ?? 0) + 1;
  const finished = cases.filter((c) => c.status === 'refunded' || c.status === 'exchanged');
  const unattended = finished.filter(settledWithoutPerson).length;
  const toPaid = cases.flatMap((c) =>
    c.status === 'refunded' && c.payment?.confirmedAt ? [Date.parse(c.payment.confirmedAt) - Date.parse(c.createdAt)] : [],
  );
  return {
    month,
    timeZone: policy.timeZone,
    cases: cases.length,
    refundedFen: sumFen(cases.map(paidCash)),
    byReason: group((c) => c.reason),
    byType: group((c) => c.type),
    byShop: group((c) => c.shopId),
    byOutcome: group(outcomeOf),
    merchantDecision: {
      ...distribution(waits),
      within24h,
      within48h,
      share24h: waits.length ? within24h / waits.length : null,
      share48h: waits.length ? within48h / waits.length : null,
    },
    deadlineBreaches: { cases: cases.filter((c) => c.expired.length > 0).length, byEvent },
    paymentFailures: cases.reduce((n, c) => n + c.paymentFailures, 0),
    settledWithoutPerson: { cases: unattended, share: finished.length ? unattended / finished.length : null },
    filingToPaid: distribution(toPaid),
  };
}

export class MonthlyFigures {
  constructor(
    private readonly store: CaseStore,
    private readonly policy: PolicyConfig,
  ) {}

  /** Figures of the cases filed in `year`-`month` (1-12), platform time. */
  async month(year: number, month: number): Promise<MonthFigures> {
    const { start, end } = localMonth(year, month, this.policy.timeZone);
    const cases = await this.store.find({ createdFrom: start, createdTo: end });
    return computeFigures(cases, `${year}-${String(month).padStart(2, '0')}`, this.policy);
  }
}
