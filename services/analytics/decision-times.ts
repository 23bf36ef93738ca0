import type { RefundCase } from '../refunds';

// How long merchants took to decide, as a histogram against the standard (DESIGN.md §2: 24 h, 48 h for special
// cases). Decisions made by the deadline's timer (auto-approvals) are counted apart: they are the misses.

const HOUR_MS = 3_600_000;

export interface DecisionBucket {
  /** Lower bound (exclusive, except the first bucket) and upper bound (inclusive) in hours; null: no bound. */
  fromHours: number;
  toHours: number | null;
  /** Decisions by a merchant. */
  byMerchant: number;
  /** Auto-approvals at the deadline. */
  auto: number;
}

export interface DecisionTimes {
  decisions: number;
  /** Within the case's own standard: 24 h, or 48 h for special cases. */
  withinStandard: number;
  shareWithinStandard: number | null;
  buckets: DecisionBucket[];
}

export const DECISION_BUCKET_EDGES_HOURS = [6, 12, 24, 36, 48] as const;

export interface StandardHours {
  merchantHours: number;
  merchantSpecialHours: number;
}

export function decisionTimes(cases: readonly RefundCase[], standard: StandardHours): DecisionTimes {
  const edges = DECISION_BUCKET_EDGES_HOURS;
  const buckets: DecisionBucket[] = [...edges, null].map((toHours, i) => ({ fromHours: i === 0 ? 0 : edges[i - 1]!, toHours, byMerchant: 0, auto: 0 }));
  let decisions = 0;
  let within = 0;
  for (const c of cases) {
    const d = c.merchantDecision;
    if (!d) continue;
    decisions++;
    const hours = d.waitedMs / HOUR_MS;
    const allowed = c.special ? standard.merchantSpecialHours : standard.merchantHours;
    if (d.outcome !== 'auto_approved' && hours <= allowed) within++;
    const bucket = buckets.find((b) => b.toHours === null || hours <= b.toHours)!;
    if (d.outcome === 'auto_approved') bucket.auto++;
    else bucket.byMerchant++;
  }
  return { decisions, withinStandard: within, shareWithinStandard: decisions ? within / decisions : null, buckets };
}
