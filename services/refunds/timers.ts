import type { RefundCase } from './case';
import { SYSTEM } from './case';
import { afterApproval } from './apply';
import type { CaseWriter, Change } from './case-writer';
import type { DueWork } from './deadlines';
import { dueWork } from './deadlines';
import type { PaymentFlow } from './payment-flow';
import type { PolicyConfig } from './policy';
import type { CaseStore, Clock, Logistics } from './ports';
import type { RefundService } from './service';
import type { CaseEvent } from './state-machine';
import { checkTransition } from './state-machine';

// Deadlines that act by themselves: the sweeper finds due cases and fires their work as `system` commands.
// Every write is a compare-and-set, so two sweepers racing on one case fire it exactly once.

export type TickOutcome =
  | { kind: 'fired'; work: DueWork['kind']; event: string; case: RefundCase }
  | { kind: 'nothing_due' }
  | { kind: 'lost_race' }
  | { kind: 'missing' };

export interface SweepReport {
  examined: number;
  fired: number;
  lostRaces: number;
}

export class CaseTimers {
  constructor(
    private readonly deps: { store: CaseStore; logistics: Logistics; clock: Clock },
    private readonly policy: PolicyConfig,
    private readonly writer: CaseWriter,
    private readonly service: RefundService,
    private readonly payments: PaymentFlow,
  ) {}

  /** Fires whatever is due on one case. */
  async tick(caseId: string): Promise<TickOutcome> {
    const c = await this.deps.store.get(caseId);
    if (!c) return { kind: 'missing' };
    const now = this.deps.clock.now();
    const work = dueWork(c, now, this.policy);
    switch (work.kind) {
      case 'none':
        return { kind: 'nothing_due' };
      case 'payment': {
        const paid = await this.payments.advance(c);
        return paid ? { kind: 'fired', work: 'payment', event: paid.lastChange.event, case: paid } : { kind: 'lost_race' };
      }
      case 'expiry':
        return this.expire(c, work.event, now);
      case 'notice': {
        const next: RefundCase = { ...c, notices: [...c.notices, work.notice.id, ...work.skipped] };
        const change: Change = {
          actor: SYSTEM,
          event: 'notice',
          now,
          notice: work.notice.id,
          data: { kind: work.notice.kind, to: work.notice.to, dueAt: work.notice.at.toISOString(), skipped: work.skipped },
        };
        return this.commit(c, next, change, 'notice');
      }
      default: {
        const never: never = work;
        throw new Error(`unknown work ${JSON.stringify(never)}`);
      }
    }
  }

  /** One pass over the due cases, earliest first. */
  async sweep(limit = 500): Promise<SweepReport> {
    const ids = await this.deps.store.due(this.deps.clock.now(), limit);
    const report: SweepReport = { examined: ids.length, fired: 0, lostRaces: 0 };
    for (const id of ids) {
      const outcome = await this.tick(id);
      if (outcome.kind === 'fired') report.fired++;
      if (outcome.kind === 'lost_race') report.lostRaces++;
    }
    return report;
  }

  /** Carrier data for returns on the way: a delivered parcel moves its case to return_received. */
  async pollReturns(): Promise<number> {
    const inTransit = await this.deps.store.find({ status: 'return_in_transit' });
    let arrived = 0;
    for (const c of inTransit) {
      if (!c.returnShipment) continue;
      const tracking = await this.deps.logistics.returnTracking(c.returnShipment.carrier, c.returnShipment.trackingNumber);
      if (!tracking?.delivered) continue;
      const now = this.deps.clock.now();
      const next: RefundCase = {
        ...c,
        status: 'return_received',
        returnShipment: { ...c.returnShipment, deliveredAt: tracking.deliveredAt ?? now.toISOString(), ...(tracking.lastScanAt ? { lastScanAt: tracking.lastScanAt } : {}) },
      };
      const outcome = await this.commit(c, next, { actor: SYSTEM, event: 'return_delivered', now, data: { deliveredAt: next.returnShipment?.deliveredAt } }, 'return_delivered');
      if (outcome.kind === 'fired') arrived++;
    }
    return arrived;
  }

  private async expire(c: RefundCase, event: CaseEvent, now: Date): Promise<TickOutcome> {
    const check = checkTransition(c.status, event, 'system');
    if (!check.ok) throw new Error(`expiry ${event} not allowed in ${c.status}`);
    const next: RefundCase = { ...c, expired: [...c.expired, event] };
    const data: Record<string, unknown> = {};
    switch (event) {
      case 'merchant_timeout': {
        // At expiry the case is approved automatically, then platform confirmation runs.
        const confirmation = await this.service.confirmationFor(c.buyerId, c.quote.cash, c.id);
        next.merchantDecision = {
          by: SYSTEM,
          at: now.toISOString(),
          outcome: 'auto_approved',
          waitedMs: now.getTime() - Date.parse(c.stateEnteredAt),
        };
        if (c.type !== 'refund_only' && !c.returnAddress) {
          const shop = await this.service.shopOf(c.shopId);
          if (shop) next.returnAddress = shop.returnAddress;
        }
        next.status = confirmation.value ? afterApproval(c) : 'platform_review';
        data.confirmation = confirmation.reasons;
        break;
      }
      case 'rejection_window_expired':
        next.status = 'closed';
        next.closeReason = 'escalation_window_expired';
        break;
      case 'return_window_expired':
        next.status = 'closed';
        next.closeReason = 'return_not_shipped';
        break;
      case 'inspection_timeout':
        next.status = 'refund_pending';
        next.inspection = { by: SYSTEM, at: now.toISOString(), outcome: 'ok' };
        break;
      default:
        throw new Error(`no expiry action for ${event}`);
    }
    return this.commit(c, next, { actor: SYSTEM, event, now, data }, 'expiry');
  }

  private async commit(c: RefundCase, next: RefundCase, change: Change, work: DueWork['kind'] | 'return_delivered'): Promise<TickOutcome> {
    const { result, written } = await this.writer.write(c, next, change);
    if (result.ok) return { kind: 'fired', work: work === 'return_delivered' ? 'expiry' : work, event: change.event, case: written };
    return { kind: 'lost_race' };
  }
}
