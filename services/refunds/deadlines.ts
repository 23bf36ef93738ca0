import type { RefundCase } from './case';
import { DAY, HOUR, endOfLocalDay } from './calendar';
import type { PolicyConfig } from './policy';
import { merchantHours } from './policy';
import type { CaseEvent } from './state-machine';

// Each state's deadline, its action at expiry, and the reminders and alerts before it (DESIGN.md §2 "States,
// actors and deadlines" and "Reminders"). Everything runs from `stateEnteredAt`, so the clock restarts on every entry.

export type NoticeAudience = 'merchant' | 'buyer' | 'cs';

export interface Notice {
  /** Stable id within the state, recorded in `case.notices` once sent. */
  id: string;
  at: Date;
  to: NoticeAudience;
  kind: 'reminder' | 'alert';
}

export interface Schedule {
  /** When the state's deadline ends (for display), if it has one. */
  deadline: Date | null;
  /** The event fired at the deadline, if the state acts by itself. */
  expiry: CaseEvent | null;
  notices: Notice[];
  /** Payment work due at this time (refund_pending, refunding). */
  paymentAt: Date | null;
}

const entered = (c: RefundCase): number => Date.parse(c.stateEnteredAt);

export function scheduleOf(c: RefundCase, policy: PolicyConfig): Schedule {
  const t0 = entered(c);
  const tz = policy.timeZone;
  const none: Schedule = { deadline: null, expiry: null, notices: [], paymentAt: null };
  switch (c.status) {
    case 'pending_merchant': {
      const allowed = merchantHours(c, policy) * HOUR;
      return {
        deadline: new Date(t0 + allowed),
        expiry: 'merchant_timeout',
        notices: [
          { id: 'reminder:50', at: new Date(t0 + allowed * 0.5), to: 'merchant', kind: 'reminder' },
          { id: 'reminder:80', at: new Date(t0 + allowed * 0.8), to: 'merchant', kind: 'reminder' },
        ],
        paymentAt: null,
      };
    }
    case 'platform_review':
      return {
        ...none,
        notices: [{ id: 'alert:review_overdue', at: new Date(t0 + policy.platformReviewHours * HOUR), to: 'cs', kind: 'alert' }],
      };
    case 'merchant_rejected': {
      const end = endOfLocalDay(new Date(t0), policy.rejectionDays, tz);
      return {
        deadline: end,
        expiry: 'rejection_window_expired',
        notices: [{ id: 'reminder:escalate', at: new Date(end.getTime() - 48 * HOUR), to: 'buyer', kind: 'reminder' }],
        paymentAt: null,
      };
    }
    case 'awaiting_return_shipment': {
      const end = endOfLocalDay(new Date(t0), policy.returnShipDays, tz);
      return {
        deadline: end,
        expiry: 'return_window_expired',
        notices: [{ id: 'reminder:ship', at: new Date(end.getTime() - 48 * HOUR), to: 'buyer', kind: 'reminder' }],
        paymentAt: null,
      };
    }
    case 'return_in_transit': {
      // Arrival comes from carrier data (the return poller); a parcel with no scan for N days alerts CS, so the
      // silence counts from the last scan recorded, if any came after the buyer shipped.
      const lastScan = c.returnShipment?.lastScanAt ? Date.parse(c.returnShipment.lastScanAt) : t0;
      return {
        ...none,
        notices: [{ id: 'alert:return_stalled', at: new Date(Math.max(t0, lastScan) + policy.returnStalledDays * DAY), to: 'cs', kind: 'alert' }],
      };
    }
    case 'return_received': {
      const end = endOfLocalDay(new Date(t0), policy.inspectionDays, tz);
      const reminders: Notice[] = [
        { id: 'reminder:7d', at: new Date(end.getTime() - 7 * DAY), to: 'merchant', kind: 'reminder' },
        { id: 'reminder:24h', at: new Date(end.getTime() - 24 * HOUR), to: 'merchant', kind: 'reminder' },
      ];
      // An exchange is not auto-accepted at expiry: CS is alerted instead.
      return c.type === 'exchange'
        ? { deadline: end, expiry: null, notices: [...reminders, { id: 'alert:inspection_overdue', at: end, to: 'cs', kind: 'alert' }], paymentAt: null }
        : { deadline: end, expiry: 'inspection_timeout', notices: reminders, paymentAt: null };
    }
    case 'exchange_shipping':
      return {
        ...none,
        deadline: new Date(t0 + policy.exchangeShipHours * HOUR),
        notices: [{ id: 'alert:exchange_overdue', at: new Date(t0 + policy.exchangeShipHours * HOUR), to: 'cs', kind: 'alert' }],
      };
    case 'refund_pending':
      return { ...none, paymentAt: new Date(t0) };
    case 'refunding': {
      const p = c.payment;
      const paymentAt = p && p.status !== 'confirmed' && p.status !== 'declined' ? new Date(p.nextAttemptAt ?? t0) : null;
      return {
        ...none,
        paymentAt,
        notices: [{ id: 'alert:payment_unconfirmed', at: new Date(t0 + policy.paymentUnconfirmedHours * HOUR), to: 'cs', kind: 'alert' }],
      };
    }
    case 'refund_failed':
    case 'refunded':
    case 'exchanged':
    case 'closed':
      return none;
    default: {
      const never: never = c.status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

export type DueWork =
  | { kind: 'expiry'; event: CaseEvent }
  | { kind: 'payment' }
  | { kind: 'notice'; notice: Notice; skipped: string[] }
  | { kind: 'none' };

/**
 * What the case needs now. Expiry first (a reminder for a deadline already passed is pointless), then payment,
 * then the latest due notice: notices that fell due together (the service was down) are sent once, the latest.
 */
export function dueWork(c: RefundCase, now: Date, policy: PolicyConfig): DueWork {
  const s = scheduleOf(c, policy);
  const t = now.getTime();
  if (s.expiry && s.deadline && s.deadline.getTime() <= t) return { kind: 'expiry', event: s.expiry };
  if (s.paymentAt && s.paymentAt.getTime() <= t) return { kind: 'payment' };
  const due = s.notices.filter((n) => n.at.getTime() <= t && !c.notices.includes(n.id));
  if (due.length > 0) {
    const latest = due.reduce((a, b) => (b.at.getTime() >= a.at.getTime() ? b : a));
    return { kind: 'notice', notice: latest, skipped: due.filter((n) => n !== latest).map((n) => n.id) };
  }
  return { kind: 'none' };
}

/** When the sweeper should look at the case next (epoch ms), or null when nothing is scheduled. */
export function nextWakeAt(c: RefundCase, policy: PolicyConfig): number | null {
  const s = scheduleOf(c, policy);
  const times: number[] = [];
  if (s.expiry && s.deadline) times.push(s.deadline.getTime());
  if (s.paymentAt) times.push(s.paymentAt.getTime());
  for (const n of s.notices) if (!c.notices.includes(n.id)) times.push(n.at.getTime());
  return times.length > 0 ? Math.min(...times) : null;
}
