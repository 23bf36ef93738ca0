import { FixtureCatalogue } from '../../services/orders';
import type { CatalogueData } from '../../services/orders';
import type { Actor, RefundCase, RefundCore } from '../../services/refunds';
import { aNeverShippedOrder, aOrder } from '../support/builders';
import { FakeClock } from '../support/fake-clock';

// A marketplace for the operator tests: several shops, many buyers (so nobody reaches the 5-cases flag), and for
// every buyer and shop one order never shipped (a cancellation is fast-tracked to payment) and one delivered two
// days before the start (a no-reason return goes to the merchant).

export const START = '2025-06-18T02:00:00.000Z'; // Wednesday 10:00 in Shanghai

export interface World {
  clock: FakeClock;
  catalogue: FixtureCatalogue;
  shops: string[];
  /** A buyer not used yet. */
  nextBuyer(): string;
}

export function operatorsWorld(options: { shops?: string[]; buyers?: number; start?: string } = {}): World {
  const clock = new FakeClock(options.start ?? START);
  const shops = options.shops ?? ['shop-a', 'shop-b', 'shop-c', 'shop-d', 'shop-e'];
  const buyers = Array.from({ length: options.buyers ?? 40 }, (_, i) => `buyer-${String(i + 1).padStart(3, '0')}`);
  const t0 = clock.now().getTime();
  const iso = (ms: number): string => new Date(ms).toISOString();
  const data: CatalogueData = {
    buyers: buyers.map((id) => ({ id, name: id, language: 'zh-CN' as const, flagged: false })),
    shops: shops.map((id, i) => ({
      id,
      name: `测试店铺${i + 1}`,
      nameEn: `Test Shop ${i + 1}`,
      returnAddress: { recipient: '售后部', phone: '010-0000-0000', address: `北京市测试路 ${i + 1} 号` },
    })),
    orders: buyers.flatMap((buyerId) =>
      shops.flatMap((shopId) => [
        aNeverShippedOrder({ id: `U-${shopId}-${buyerId}`, buyerId, shopId, paidAt: '2025-01-02T02:00:00.000Z' }),
        aOrder({
          id: `D-${shopId}-${buyerId}`,
          buyerId,
          shopId,
          paidAt: iso(t0 - 6 * 86_400_000),
          shippedAt: iso(t0 - 5 * 86_400_000),
          deliveredAt: iso(t0 - 2 * 86_400_000),
          lines: [{ unitPrice: 25_900 }],
        }),
      ]),
    ),
  };
  let used = 0;
  return {
    clock,
    catalogue: new FixtureCatalogue({ data, clock }),
    shops,
    nextBuyer: () => {
      if (used >= buyers.length) throw new Error('operators world: out of buyers');
      return buyers[used++]!;
    },
  };
}

let keys = 0;
const key = (): string => `op-test-${++keys}-${Math.random().toString(36).slice(2, 8)}`;

function expectOk(outcome: { ok: boolean; error?: unknown }, what: string): void {
  if (!outcome.ok) throw new Error(`${what} failed: ${JSON.stringify(outcome.error)}`);
}

/** A fast-tracked cancellation of a never-shipped order: refund_pending at once. */
export async function fileCancellation(core: RefundCore, world: World, shopId: string, options: { reason?: RefundCase['reason']; description?: string; buyerId?: string } = {}): Promise<RefundCase> {
  const buyerId = options.buyerId ?? world.nextBuyer();
  const outcome = await core.service.file(
    { role: 'buyer', id: buyerId },
    { orderId: `U-${shopId}-${buyerId}`, lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: options.reason ?? 'mistaken_purchase', description: options.description ?? '' },
    key(),
  );
  expectOk(outcome, 'cancellation');
  return (outcome as { value: { case: RefundCase } }).value.case;
}

/** A no-reason return of a delivered order: pending_merchant. */
export async function fileReturn(core: RefundCore, world: World, shopId: string, options: { description?: string; buyerId?: string } = {}): Promise<RefundCase> {
  const buyerId = options.buyerId ?? world.nextBuyer();
  const outcome = await core.service.file(
    { role: 'buyer', id: buyerId },
    { orderId: `D-${shopId}-${buyerId}`, lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: options.description ?? '不想要了' },
    key(),
  );
  expectOk(outcome, 'return');
  return (outcome as { value: { case: RefundCase } }).value.case;
}

export const merchantOf = (shopId: string): Actor => ({ role: 'merchant', id: `m-${shopId}`, shopId });

export async function act(core: RefundCore, actor: Actor, caseId: string, command: Record<string, unknown>): Promise<RefundCase> {
  const outcome = await core.service.execute(actor, caseId, command, key());
  expectOk(outcome, String(command.kind));
  return (outcome as { value: { case: RefundCase } }).value.case;
}

/** Runs the sweeper until nothing more is due (payments submitted, accepted, confirmed or declined). */
export async function settlePayments(core: RefundCore): Promise<void> {
  for (let i = 0; i < 5; i++) {
    const report = await core.timers.sweep();
    if (report.fired === 0) return;
  }
}

/** Pays these cases only (the sweeper would also fire every other due deadline). */
export async function payCases(core: RefundCore, cases: readonly RefundCase[]): Promise<void> {
  for (const filed of cases) {
    for (let i = 0; i < 5; i++) {
      const r = await core.service.getCase({ role: 'system', id: 'system' }, filed.id);
      if (!r.ok) throw new Error(`case ${filed.id} is gone`);
      const c = r.value;
      if (c.status !== 'refund_pending' && !(c.status === 'refunding' && c.payment && ['submitting', 'accepted', 'retry_wait'].includes(c.payment.status))) break;
      await core.payments.advance(c);
    }
  }
}
