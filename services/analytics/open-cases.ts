import type { CaseStatus, PolicyConfig, RefundCase } from '../refunds';
import { CASE_STATUSES, isOpen, scheduleOf } from '../refunds';

// Open cases by state, and the overdue ones: past their deadline, or past the time CS is alerted for states that
// have no deadline of their own (the same rule as RefundService.overdueCases).

export interface OverdueCase {
  id: string;
  shopId: string;
  status: CaseStatus;
  /** When it fell due. */
  dueAt: string;
  overdueMs: number;
}

export interface OpenCases {
  total: number;
  overdue: number;
  byState: { state: CaseStatus; open: number; overdue: number }[];
  /** Longest overdue first. */
  overdueCases: OverdueCase[];
}

/** When the case's current step fell or falls due, or null when nothing is due in its state. */
export function dueAt(c: RefundCase, policy: PolicyConfig): Date | null {
  if (!isOpen(c.status)) return null;
  const s = scheduleOf(c, policy);
  return s.deadline ?? s.notices.find((n) => n.kind === 'alert')?.at ?? null;
}

export function isOverdue(c: RefundCase, policy: PolicyConfig, now: Date): boolean {
  const due = dueAt(c, policy);
  return due !== null && due.getTime() < now.getTime();
}

export function openCases(cases: readonly RefundCase[], policy: PolicyConfig, now: Date): OpenCases {
  const counts = new Map<CaseStatus, { open: number; overdue: number }>();
  const overdueCases: OverdueCase[] = [];
  for (const c of cases) {
    if (!isOpen(c.status)) continue;
    const row = counts.get(c.status) ?? { open: 0, overdue: 0 };
    row.open++;
    const due = dueAt(c, policy);
    if (due && due.getTime() < now.getTime()) {
      row.overdue++;
      overdueCases.push({ id: c.id, shopId: c.shopId, status: c.status, dueAt: due.toISOString(), overdueMs: now.getTime() - due.getTime() });
    }
    counts.set(c.status, row);
  }
  overdueCases.sort((a, b) => b.overdueMs - a.overdueMs || a.id.localeCompare(b.id));
  const byState = CASE_STATUSES.filter((s) => counts.has(s)).map((state) => ({ state, ...counts.get(state)! }));
  return {
    total: byState.reduce((n, r) => n + r.open, 0),
    overdue: overdueCases.length,
    byState,
    overdueCases,
  };
}

/** Overdue cases grouped by shop (for the daily digest), most overdue cases first. */
export function overdueByShop(overdue: readonly OverdueCase[]): { shopId: string; cases: number; byState: Partial<Record<CaseStatus, number>>; oldestDueAt: string }[] {
  const out = new Map<string, { shopId: string; cases: number; byState: Partial<Record<CaseStatus, number>>; oldestDueAt: string }>();
  for (const o of overdue) {
    const row = out.get(o.shopId) ?? { shopId: o.shopId, cases: 0, byState: {}, oldestDueAt: o.dueAt };
    row.cases++;
    row.byState[o.status] = (row.byState[o.status] ?? 0) + 1;
    if (o.dueAt < row.oldestDueAt) row.oldestDueAt = o.dueAt;
    out.set(o.shopId, row);
  }
  return [...out.values()].sort((a, b) => b.cases - a.cases || a.shopId.localeCompare(b.shopId));
}
