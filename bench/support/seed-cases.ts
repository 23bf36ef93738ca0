import { FixtureLogistics } from '../../services/logistics';
import { FixtureCatalogue, demoData } from '../../services/orders';
import { SimulatedGateway } from '../../services/payments';
import { createRefundCore } from '../../services/refunds';
import type { AuditEntry, Clock, DomainEvent, PolicyConfig, RefundCase } from '../../services/refunds';
import { fingerprint } from '../../services/refunds/case-writer';
import { nextWakeAt } from '../../services/refunds/deadlines';
import { MemoryCaseStore } from '../../services/store';
import type { RedisCaseStore } from '../../services/store';
import { timerBuyer, timerOrder, worldOrders } from './world';

// Many open cases in a Redis store, fast: a real case filed once through the core (on a memory store) is cloned
// with its own id, buyer, order and dates, and each clone is committed through RedisCaseStore.commit, the same
// atomic write the core's filing makes (case, audit entry, outbox event, deadline, idempotency record, order
// guard), many at a time so the client pipelines them.

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** A real case as the core files it (on a memory store), to clone. */
export async function templateCase(at: number): Promise<RefundCase> {
  const c: Clock = { now: () => new Date(at) };
  const world = worldOrders(0, 1, new Date(at));
  const core = createRefundCore({
    store: new MemoryCaseStore({ now: () => at }),
    orders: new FixtureCatalogue({ data: { buyers: world.buyers, shops: demoData(new Date(at)).shops, orders: world.orders } }),
    payments: new SimulatedGateway({ clock: c }),
    logistics: new FixtureLogistics({ clock: c }),
    clock: c,
  });
  const filed = await core.service.file({ role: 'buyer', id: timerBuyer(0) }, { orderId: timerOrder(0), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没到' }, 'template');
  if (!filed.ok) throw new Error(`template filing refused: ${JSON.stringify(filed.error)}`);
  return filed.value.case;
}

export type SeedKind = 'due_expiry' | 'due_reminder' | 'in_transit' | 'waiting';

/** Case i of the seeded population, as the core would have written it. */
export function seededCase(template: RefundCase, i: number, kind: SeedKind, now: number, rand: () => number): RefundCase {
  let entered: number;
  let extra: Partial<RefundCase> = {};
  switch (kind) {
    case 'due_expiry':
      // Past the 24 h merchant deadline by up to an hour; both reminders went out.
      entered = now - 24 * HOUR - rand() * 60 * MINUTE;
      extra = { notices: ['reminder:50', 'reminder:80'] };
      break;
    case 'due_reminder':
      // Past the 12 h mark by up to an hour: the first reminder is due.
      entered = now - 12 * HOUR - rand() * 60 * MINUTE;
      break;
    case 'in_transit': {
      entered = now - rand() * 4 * 24 * HOUR;
      const shippedAt = new Date(entered).toISOString();
      extra = {
        status: 'return_in_transit',
        type: 'return_refund',
        reason: 'no_reason_7_days',
        returnAddress: { recipient: '数码优选售后部 李娜', phone: '0755-2683-0201', address: '广东省深圳市南山区科技园科苑路 88 号 3 号门' },
        returnShipment: { carrier: 'SF', trackingNumber: `SF${String(4_000_000_000_000 + i).slice(-13)}`, shippedAt },
      };
      break;
    }
    case 'waiting':
      // Filed in the last 12 hours: the first reminder is still ahead.
      entered = now - rand() * 12 * HOUR;
      break;
  }
  const at = new Date(entered).toISOString();
  return {
    ...template,
    ...extra,
    id: `RD-S${String(i).padStart(7, '0')}`,
    orderId: timerOrder(i),
    buyerId: timerBuyer(i),
    createdAt: at,
    updatedAt: at,
    stateEnteredAt: at,
    notices: extra.notices ?? [],
    lastChange: { actor: { role: 'buyer', id: timerBuyer(i) }, at, event: 'file', from: null },
  };
}

/** Commits cases as the core's filing does (audit entry, outbox event, idempotency record, order guard), pipelined. */
export async function commitCases(store: RedisCaseStore, cases: RefundCase[], policy: PolicyConfig, batch = 2_000): Promise<void> {
  for (let i = 0; i < cases.length; i += batch) {
    const results = await Promise.all(
      cases.slice(i, i + batch).map((c) => {
        const audit: AuditEntry = { at: c.createdAt, actor: c.lastChange.actor, event: 'file', from: null, to: c.status, version: c.version };
        const event: DomainEvent = { id: `${c.id}:${c.version}`, caseId: c.id, version: c.version, at: c.createdAt, actor: c.lastChange.actor, type: 'file', from: null, to: c.status };
        return store.commit({
          next: c,
          expectedVersion: 0,
          audit,
          event,
          wakeAt: nextWakeAt(c, policy),
          idempotency: { key: `buyer:${c.buyerId}:order:${c.orderId}:file:seed-${c.id}`, record: { fingerprint: fingerprint(c.id), result: c } },
          orderGuard: { orderId: c.orderId, expectedFilings: 0 },
        });
      }),
    );
    const refused = results.find((r) => !r.ok);
    if (refused) throw new Error(`seeding refused: ${JSON.stringify(refused).slice(0, 200)}`);
  }
}

