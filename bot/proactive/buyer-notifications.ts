import type { DomainEvent, PaymentMethod, PolicyConfig, RefundCase, ReturnAddress } from '../../services/refunds';
import { scheduleOf } from '../../services/refunds';

// Which domain events the buyer hears about, and what: a pure mapping from (event, case) to a notification.
// Changes the buyer made themselves are never notified (they already got the command's answer), and neither are
// the payment flow's internal steps or reminders and alerts meant for the merchant or CS.

export type NextStep =
  | { kind: 'ship_return'; until: string | null; address: ReturnAddress | null; exchange: boolean }
  | { kind: 'refund'; amount: number; currency: string; withoutReturn: boolean }
  | { kind: 'replacement' }
  | { kind: 'platform_review' };

export type RejectionCause = { by: 'merchant'; code: string } | { by: 'inspection'; problem: string };

export type BuyerNotification =
  | { kind: 'approved'; caseId: string; by: 'merchant' | 'auto' | 'platform'; next: NextStep }
  | { kind: 'rejected'; caseId: string; cause: RejectionCause; remark: string | null; until: string | null }
  | { kind: 'platform_rejected'; caseId: string; remark: string | null }
  | { kind: 'platform_reviewing'; caseId: string }
  | { kind: 'refund_paid'; caseId: string; amount: number; currency: string; points: number; method: PaymentMethod; offline: boolean }
  | { kind: 'refund_failed'; caseId: string }
  | { kind: 'refund_retrying'; caseId: string }
  | { kind: 'return_received'; caseId: string; inspectBy: string | null; exchange: boolean }
  | { kind: 'inspection_passed'; caseId: string; timeout: boolean; next: NextStep }
  | { kind: 'inspection_short'; caseId: string; returned: number; received: number }
  | { kind: 'evidence_requested'; caseId: string; by: 'merchant' | 'cs'; message: string }
  | { kind: 'reminder_escalate'; caseId: string; until: string }
  | { kind: 'reminder_ship'; caseId: string; until: string; address: ReturnAddress | null }
  | { kind: 'closed'; caseId: string; reason: 'escalation_window_expired' | 'return_not_shipped' }
  | { kind: 'replacement_shipped'; caseId: string; carrier: string; trackingNumber: string };

export interface NotificationContext {
  policy: PolicyConfig;
  /** The remark recorded with the event (its audit entry): a decision's reason in the decider's words. */
  remark?: string;
  /** The shop's return address, for an approval that did not record one on the case. */
  shopReturnAddress?: ReturnAddress;
}

/** Events whose remark (kept in the audit trail, not on the event) the buyer is shown. */
export const EVENTS_WITH_REMARK: ReadonlySet<string> = new Set(['merchant_reject', 'inspection_failed', 'cs_reject', 'request_evidence']);

/** Events that can only ever concern the buyer when someone else caused them; cheap to check before loading anything. */
export function mayConcernBuyer(event: DomainEvent): boolean {
  if (event.actor.role === 'buyer') return false;
  if (event.type === 'notice') return event.data?.to === 'buyer';
  return BUYER_EVENTS.has(event.type);
}

const BUYER_EVENTS: ReadonlySet<string> = new Set([
  'merchant_approve',
  'merchant_approve_without_return',
  'merchant_timeout',
  'merchant_reject',
  'cs_approve',
  'cs_reject',
  'cs_intervene',
  'request_evidence',
  'payment_confirmed',
  'cs_settle_offline',
  'payment_declined',
  'cs_retry_payment',
  'return_delivered',
  'inspection_ok',
  'inspection_short',
  'inspection_failed',
  'inspection_timeout',
  'rejection_window_expired',
  'return_window_expired',
  'replacement_shipped',
]);

/** The notification for the buyer of `c` about `event`, or null when the buyer is not told. */
export function notificationFor(event: DomainEvent, c: RefundCase, ctx: NotificationContext): BuyerNotification | null {
  if (!mayConcernBuyer(event)) return null;
  const caseId = event.caseId;
  // Deadlines of the state the event entered, counted from the event itself: right even if the case moved on.
  const deadlineOf = (status: RefundCase['status']): string | null =>
    scheduleOf({ ...c, status, stateEnteredAt: event.at }, ctx.policy).deadline?.toISOString() ?? null;
  const address = c.returnAddress ?? ctx.shopReturnAddress ?? null;
  const remark = ctx.remark?.trim() ? ctx.remark.trim() : null;

  const nextStep = (): NextStep => {
    switch (event.to) {
      case 'awaiting_return_shipment':
        return { kind: 'ship_return', until: deadlineOf('awaiting_return_shipment'), address, exchange: c.type === 'exchange' };
      case 'platform_review':
        return { kind: 'platform_review' };
      case 'exchange_shipping':
        return { kind: 'replacement' };
      default:
        return { kind: 'refund', amount: c.quote.cash, currency: c.quote.currency, withoutReturn: Boolean(c.refundWithoutReturn) && c.type !== 'refund_only' };
    }
  };

  switch (event.type) {
    case 'merchant_approve':
    case 'merchant_approve_without_return':
      return { kind: 'approved', caseId, by: 'merchant', next: nextStep() };
    case 'merchant_timeout':
      return { kind: 'approved', caseId, by: 'auto', next: nextStep() };
    case 'cs_approve':
      return { kind: 'approved', caseId, by: 'platform', next: nextStep() };
    case 'merchant_reject':
      return {
        kind: 'rejected',
        caseId,
        cause: { by: 'merchant', code: typeof event.data?.code === 'string' ? event.data.code : 'other' },
        remark,
        until: deadlineOf('merchant_rejected'),
      };
    case 'inspection_failed':
      return {
        kind: 'rejected',
        caseId,
        cause: { by: 'inspection', problem: typeof event.data?.problem === 'string' ? event.data.problem : 'damaged' },
        remark,
        until: deadlineOf('merchant_rejected'),
      };
    case 'cs_reject':
      return { kind: 'platform_rejected', caseId, remark };
    case 'cs_intervene':
      return { kind: 'platform_reviewing', caseId };
    case 'request_evidence': {
      // CS may ask the merchant instead; that request is not the buyer's business.
      if (event.data?.from === 'merchant') return null;
      return { kind: 'evidence_requested', caseId, by: event.actor.role === 'merchant' ? 'merchant' : 'cs', message: remark ?? '' };
    }
    case 'payment_confirmed':
    case 'cs_settle_offline': {
      const amount = typeof event.data?.amount === 'number' ? event.data.amount : (c.payment?.amount ?? c.quote.cash);
      return {
        kind: 'refund_paid',
        caseId,
        amount,
        currency: c.quote.currency,
        points: c.payment?.pointsRestored ?? c.quote.pointsRestored,
        method: c.paymentMethod,
        offline: event.type === 'cs_settle_offline',
      };
    }
    case 'payment_declined':
      return { kind: 'refund_failed', caseId };
    case 'cs_retry_payment':
      return { kind: 'refund_retrying', caseId };
    case 'return_delivered':
      return { kind: 'return_received', caseId, inspectBy: deadlineOf('return_received'), exchange: c.type === 'exchange' };
    case 'inspection_ok':
      return { kind: 'inspection_passed', caseId, timeout: false, next: nextStep() };
    case 'inspection_timeout':
      return { kind: 'inspection_passed', caseId, timeout: true, next: nextStep() };
    case 'inspection_short': {
      const missing = Array.isArray(event.data?.missing) ? (event.data.missing as { units?: unknown[] }[]) : [];
      const missingUnits = missing.reduce((n, l) => n + (Array.isArray(l.units) ? l.units.length : 0), 0);
      const received = (c.inspection?.receivedUnits ?? c.lines).reduce((n, l) => n + l.units.length, 0);
      return { kind: 'inspection_short', caseId, returned: received + missingUnits, received };
    }
    case 'rejection_window_expired':
      return { kind: 'closed', caseId, reason: 'escalation_window_expired' };
    case 'return_window_expired':
      return { kind: 'closed', caseId, reason: 'return_not_shipped' };
    case 'replacement_shipped':
      return {
        kind: 'replacement_shipped',
        caseId,
        carrier: String(event.data?.carrier ?? c.replacement?.carrier ?? ''),
        trackingNumber: String(event.data?.trackingNumber ?? c.replacement?.trackingNumber ?? ''),
      };
    case 'notice':
      return reminderFor(event, c, ctx, address);
    default:
      return null;
  }
}

function reminderFor(event: DomainEvent, c: RefundCase, ctx: NotificationContext, address: ReturnAddress | null): BuyerNotification | null {
  // A reminder about a state the case has left since (the buyer acted meanwhile) would be wrong: dropped.
  if (c.status !== event.to) return null;
  const until = scheduleOf(c, ctx.policy).deadline?.toISOString();
  if (!until) return null;
  switch (event.notice) {
    case 'reminder:escalate':
      return { kind: 'reminder_escalate', caseId: event.caseId, until };
    case 'reminder:ship':
      return { kind: 'reminder_ship', caseId: event.caseId, until, address };
    default:
      return null;
  }
}
