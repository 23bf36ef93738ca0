import type { PolicyConfig, RefundCase } from '../../../services/refunds';
import { scheduleOf } from '../../../services/refunds';
import { formatMoney } from '../../i18n';
import type { CardContext } from '../../cards/buyer/case-words';
import { formatAt } from '../../cards/buyer/case-words';
import { merchantStatusKey } from '../../cards/staff/merchant-case-parts';

// The cases a shop must act on (DESIGN.md §2 state table: the merchant decides in pending_merchant, inspects in
// return_received, ships the replacement in exchange_shipping), most urgent first.

const MERCHANT_STATES: ReadonlySet<RefundCase['status']> = new Set(['pending_merchant', 'return_received', 'exchange_shipping']);

export const needsAction = (c: RefundCase): boolean => MERCHANT_STATES.has(c.status);

/** Earliest deadline first; high priority before normal at the same deadline; cases without one last. */
export function byUrgency(policy: PolicyConfig): (a: RefundCase, b: RefundCase) => number {
  const due = (c: RefundCase): number => scheduleOf(c, policy).deadline?.getTime() ?? Number.POSITIVE_INFINITY;
  return (a, b) => due(a) - due(b) || (a.priority === b.priority ? 0 : a.priority === 'high' ? -1 : 1) || a.id.localeCompare(b.id);
}

/** "RD-000001 · DEMO-1002 · ¥52.16 · needs your decision · by 6月19日 10:00" */
export function caseListLines(cases: RefundCase[], policy: PolicyConfig, ctx: CardContext): string[] {
  return cases.map((c) => {
    const deadline = scheduleOf(c, policy).deadline;
    const parts = [c.id, c.orderId, formatMoney(c.quote.cash, c.quote.currency), ctx.t(merchantStatusKey(c.status))];
    if (deadline) parts.push(ctx.t('merchant.help.by', { deadline: formatAt(deadline.toISOString(), ctx) }));
    return parts.join(' · ');
  });
}
