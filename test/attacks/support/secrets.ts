import { formatMoney } from '../../../bot/i18n/format';
import type { DemoData } from '../../../services/orders';
import type { RefundCase } from '../../../services/refunds';

// What one buyer's answers must never show about another buyer: their order ids, product titles (both
// languages), the amounts of their orders and cases, their name. Used to check every probe's answer.

export interface Secret {
  what: string;
  pattern: RegExp;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function secretsOf(buyerId: string, demo: DemoData, cases: readonly RefundCase[] = []): Secret[] {
  const out: Secret[] = [];
  const buyer = demo.buyers.find((b) => b.id === buyerId);
  if (buyer) out.push({ what: `name of ${buyerId}`, pattern: new RegExp(escape(buyer.name)) });
  const amounts = new Set<number>();
  for (const order of demo.orders.filter((o) => o.buyerId === buyerId)) {
    out.push({ what: `order id ${order.id}`, pattern: new RegExp(`${escape(order.id)}(?!\\d)`, 'i') });
    for (const line of order.lines) {
      out.push({ what: `product ${line.sku}`, pattern: new RegExp(escape(line.title)) });
      if (line.titleEn) out.push({ what: `product ${line.sku} (en)`, pattern: new RegExp(escape(line.titleEn), 'i') });
      amounts.add(line.unitPrice);
      amounts.add(line.unitPrice * line.quantity);
    }
  }
  for (const c of cases.filter((x) => x.buyerId === buyerId)) {
    amounts.add(c.quote.cash);
    out.push({ what: `description of ${c.id}`, pattern: new RegExp(escape(c.description)) });
  }
  // Anchored on the currency sign, so ¥9.90 does not match inside ¥49.90.
  for (const fen of amounts) if (fen > 0) out.push({ what: `amount ${formatMoney(fen)}`, pattern: new RegExp(`${escape(formatMoney(fen))}(?!\\d)`) });
  return out;
}

/** The secrets `text` shows, except what the prober typed itself (an id guessed is no leak when echoed). */
export function revealed(text: string, secrets: readonly Secret[], typed = ''): string[] {
  return secrets.filter((s) => s.pattern.test(text) && !s.pattern.test(typed)).map((s) => s.what);
}
