import type { Actor, RefundCase } from '../../services/refunds';
import type { Lang } from '../../bot/i18n';
import { itemWords } from '../../bot/cards/buyer/case-words';
import type { DialogDeps } from '../dialog-deps';

// Product titles of the cases' units, read from the buyer's orders (each order once).

export async function itemsOfCases(deps: DialogDeps, actor: Actor, cases: readonly RefundCase[], lang: Lang): Promise<Map<string, string[]>> {
  const orders = new Map<string, Awaited<ReturnType<DialogDeps['refunds']['orderOfBuyer']>>>();
  const out = new Map<string, string[]>();
  for (const c of cases) {
    if (!orders.has(c.orderId)) orders.set(c.orderId, await deps.refunds.orderOfBuyer(actor, c.orderId));
    const order = orders.get(c.orderId);
    if (order) out.set(c.id, itemWords(c, order.lines, lang));
  }
  return out;
}
