import type { DemoData } from '../services/orders';
import type { Order } from '../services/refunds';
import { allocateOrder, shippingState, sumFen } from '../services/refunds';

// What a newcomer sees at start-up and on /healthz: the demo data and what to try next.

export interface DemoOrderSummary {
  id: string;
  buyer: string;
  shop: string;
  state: string;
  paid: boolean;
  lines: number;
  totalFen: number;
}

export function summarizeDemo(demo: DemoData): DemoOrderSummary[] {
  return demo.orders.map((o: Order) => ({
    id: o.id,
    buyer: o.buyerId,
    shop: o.shopId,
    state: shippingState(o),
    paid: o.paid,
    lines: o.lines.length,
    totalFen: sumFen(allocateOrder(o).map((a) => a.subtotal)),
  }));
}

/** ¥ with two decimals, from integer fen (display only). */
export function formatFen(fen: number): string {
  return `¥${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

export function startupBanner(options: { url: string; storeKind: string; demo: DemoData | null }): string {
  const lines = [`Refund Desk is listening on ${options.url}`];
  lines.push(
    options.storeKind === 'memory'
      ? 'Store: IN MEMORY (not durable: everything is lost when the process stops; set REDIS_URL to keep data)'
      : 'Store: Redis',
  );
  if (options.demo) {
    lines.push('', 'Demo orders (buyers buyer-1001 and buyer-1002):');
    for (const o of summarizeDemo(options.demo)) {
      lines.push(`  ${o.id}  ${o.buyer}  ${o.shop}  ${o.paid ? o.state : 'not paid'}  ${o.lines} line(s)  ${formatFen(o.totalFen)}`);
    }
  }
  lines.push(
    '',
    'Next:',
    `  open ${options.url}/ in a browser: the buyer's chat widget (switch between buyer-1001 and buyer-1002)`,
    `  npm run chat -- --user buyer-1001      chat from a terminal`,
    `  curl ${options.url}/healthz             what is running`,
    '  README.md: Teams (merchants, CS desk), the operator dashboard, configuration',
  );
  return lines.join('\n');
}
