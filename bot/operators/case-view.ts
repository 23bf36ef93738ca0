import type { CaseQuery, PolicyConfig, RefundCase } from '../../services/refunds';
import { dueAt, localDateTime, localDay } from '../../services/analytics';
import type { CsvColumn } from './csv';
import type { CaseFilter, CaseSummary } from './schemas';

// How operators see cases: a summary row (search results, CSV) and the filters of a search.

export function caseSummary(c: RefundCase, policy: PolicyConfig, now: Date): CaseSummary {
  const due = dueAt(c, policy);
  return {
    id: c.id,
    orderId: c.orderId,
    buyerId: c.buyerId,
    shopId: c.shopId,
    type: c.type,
    reason: c.reason,
    status: c.status,
    closeReason: c.closeReason ?? null,
    priority: c.priority,
    special: c.special,
    fastTrack: c.fastTrack ?? null,
    currency: c.quote.currency,
    cashFen: c.quote.cash,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    stateEnteredAt: c.stateEnteredAt,
    dueAt: due ? due.toISOString() : null,
    overdue: due !== null && due.getTime() < now.getTime(),
    merchantDecision: c.merchantDecision ? { outcome: c.merchantDecision.outcome, at: c.merchantDecision.at, waitedMs: c.merchantDecision.waitedMs } : null,
    paymentFailures: c.paymentFailures,
    evidenceCount: c.evidence.length,
    rating: c.rating?.stars ?? null,
  };
}

/** The part of a filter the case store can narrow by itself (the most selective single field). */
export function storeQuery(filter: CaseFilter, timeZone: string): CaseQuery {
  const q: CaseQuery = {};
  if (filter.from) q.createdFrom = localDay(filter.from, timeZone).start;
  if (filter.to) q.createdTo = localDay(filter.to, timeZone).end;
  if (filter.order) q.orderId = filter.order;
  if (filter.buyer) q.buyerId = filter.buyer;
  if (filter.shop?.length === 1) q.shopId = filter.shop[0]!;
  if (filter.state?.length === 1) q.status = filter.state[0]!;
  return q;
}

export function matchesFilter(s: CaseSummary, filter: CaseFilter): boolean {
  if (filter.state && !filter.state.includes(s.status)) return false;
  if (filter.shop && !filter.shop.includes(s.shopId)) return false;
  if (filter.reason && !filter.reason.includes(s.reason)) return false;
  if (filter.type && !filter.type.includes(s.type)) return false;
  if (filter.buyer && s.buyerId !== filter.buyer) return false;
  if (filter.order && s.orderId !== filter.order) return false;
  if (filter.overdue && s.overdue !== (filter.overdue === 'true')) return false;
  return true;
}

/** Matching cases, sorted as asked (ties by id, so pages are stable). */
export function searchCases(cases: readonly RefundCase[], filter: CaseFilter, policy: PolicyConfig, now: Date): { summary: CaseSummary; description: string }[] {
  const sign = filter.sort === 'oldest' ? 1 : -1;
  return cases
    .map((c) => ({ summary: caseSummary(c, policy, now), description: c.description }))
    .filter((r) => matchesFilter(r.summary, filter))
    .sort((a, b) => sign * (a.summary.createdAt.localeCompare(b.summary.createdAt) || a.summary.id.localeCompare(b.summary.id)));
}

const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.trunc(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** CSV columns; times are local wall-clock times of the platform's zone, named in the header. */
export function caseColumns(timeZone: string): CsvColumn<{ summary: CaseSummary; description: string }>[] {
  const local = (iso: string | null): string => (iso ? localDateTime(new Date(iso), timeZone) : '');
  return [
    { header: 'case', value: (r) => r.summary.id },
    { header: 'order', value: (r) => r.summary.orderId },
    { header: 'buyer', value: (r) => r.summary.buyerId },
    { header: 'shop', value: (r) => r.summary.shopId },
    { header: 'type', value: (r) => r.summary.type },
    { header: 'reason', value: (r) => r.summary.reason },
    { header: 'status', value: (r) => r.summary.status },
    { header: 'close reason', value: (r) => r.summary.closeReason },
    { header: 'priority', value: (r) => r.summary.priority },
    { header: 'special', value: (r) => r.summary.special },
    { header: 'fast track', value: (r) => r.summary.fastTrack },
    { header: 'currency', value: (r) => r.summary.currency },
    { header: 'refund amount', value: (r) => yuan(r.summary.cashFen) },
    { header: `filed (${timeZone})`, value: (r) => local(r.summary.createdAt) },
    { header: `updated (${timeZone})`, value: (r) => local(r.summary.updatedAt) },
    { header: `due (${timeZone})`, value: (r) => local(r.summary.dueAt) },
    { header: 'overdue', value: (r) => r.summary.overdue },
    { header: 'merchant decision', value: (r) => r.summary.merchantDecision?.outcome },
    { header: 'merchant wait (h)', value: (r) => (r.summary.merchantDecision ? (r.summary.merchantDecision.waitedMs / 3_600_000).toFixed(1) : null) },
    { header: 'payment failures', value: (r) => r.summary.paymentFailures },
    { header: 'evidence files', value: (r) => r.summary.evidenceCount },
    { header: 'rating', value: (r) => r.summary.rating },
    { header: 'description', value: (r) => r.description },
  ];
}
