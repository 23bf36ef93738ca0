import type { Actor, RefundCase, RefundService } from '../../../services/refunds';
import type { OpenItem } from '../../cards/staff/cs-open-items-card';

// What CS owes work on: cases in platform review, failed payments, and open cases past their deadline or alert
// time. Overdue first, then high priority, then the longest waiting.

export async function openItems(refunds: RefundService, actor: Actor): Promise<OpenItem[]> {
  const [review, failed, overdue] = await Promise.all([
    refunds.listCases(actor, { status: 'platform_review' }),
    refunds.listCases(actor, { status: 'refund_failed' }),
    refunds.overdueCases(actor),
  ]);
  const late = new Set(overdue.map((c) => c.id));
  const byId = new Map<string, RefundCase>();
  for (const c of [...review, ...failed, ...overdue]) byId.set(c.id, c);
  return [...byId.values()]
    .map((c) => ({
      caseId: c.id,
      status: c.status,
      cash: c.quote.cash,
      currency: c.quote.currency,
      since: c.stateEnteredAt,
      overdue: late.has(c.id),
      priority: c.priority,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || Number(b.priority === 'high') - Number(a.priority === 'high') || a.since.localeCompare(b.since));
}
