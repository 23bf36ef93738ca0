import type { CaseStatus, Role } from './case';

// The lifecycle as a table: for each event, the states it may happen in, the roles allowed and where it leads.
// Targets that depend on the case are resolved by the service:
//   'confirmation'       platform confirmation runs (refund_pending / awaiting_return_shipment / platform_review)
//   'after_confirmation' the step after a passed confirmation (a CS approval needs no second check)
//   'after_inspection'   refund_pending, or exchange_shipping for an exchange
//   'same'               the case stays where it is (bookkeeping: evidence, reminders, alerts, retries, ratings)

export type Target = CaseStatus | 'confirmation' | 'after_confirmation' | 'after_inspection' | 'same';

export interface TransitionRule {
  from: readonly CaseStatus[];
  roles: readonly Role[];
  /** States whose row of the state table names other actors for the event than `roles`. */
  rolesIn?: Partial<Record<CaseStatus, readonly Role[]>>;
  to: Target;
}

const OPEN_FOR_INTERVENTION: readonly CaseStatus[] = [
  'pending_merchant',
  'merchant_rejected',
  'awaiting_return_shipment',
  'return_in_transit',
  'return_received',
  'exchange_shipping',
  'refund_pending',
  'refunding',
  'refund_failed',
];

const BUYER_CANCELLABLE: readonly CaseStatus[] = [
  'pending_merchant',
  'platform_review',
  'merchant_rejected',
  'awaiting_return_shipment',
];

const TERMINAL: readonly CaseStatus[] = ['refunded', 'exchanged', 'closed'];

export const TRANSITIONS = {
  merchant_approve: { from: ['pending_merchant'], roles: ['merchant'], to: 'confirmation' },
  merchant_approve_without_return: { from: ['pending_merchant'], roles: ['merchant'], to: 'confirmation' },
  merchant_reject: { from: ['pending_merchant'], roles: ['merchant'], to: 'merchant_rejected' },
  merchant_timeout: { from: ['pending_merchant'], roles: ['system'], to: 'confirmation' },
  // The merchant asks the buyer while the case waits for them; in platform review CS asks either side, so there
  // the merchant may answer with evidence too.
  request_evidence: {
    from: ['pending_merchant', 'platform_review'],
    roles: ['cs'],
    rolesIn: { pending_merchant: ['merchant'] },
    to: 'same',
  },
  add_evidence: {
    from: ['pending_merchant', 'platform_review', 'merchant_rejected'],
    roles: ['buyer'],
    rolesIn: { platform_review: ['buyer', 'merchant'] },
    to: 'same',
  },
  cs_approve: { from: ['platform_review'], roles: ['cs'], to: 'after_confirmation' },
  cs_reject: { from: ['platform_review'], roles: ['cs'], to: 'closed' },
  cs_intervene: { from: OPEN_FOR_INTERVENTION, roles: ['cs'], to: 'platform_review' },
  buyer_resubmit: { from: ['merchant_rejected'], roles: ['buyer'], to: 'pending_merchant' },
  buyer_escalate: { from: ['merchant_rejected'], roles: ['buyer'], to: 'platform_review' },
  buyer_accept_rejection: { from: ['merchant_rejected'], roles: ['buyer'], to: 'closed' },
  rejection_window_expired: { from: ['merchant_rejected'], roles: ['system'], to: 'closed' },
  buyer_cancel: { from: BUYER_CANCELLABLE, roles: ['buyer'], to: 'closed' },
  return_shipped: { from: ['awaiting_return_shipment'], roles: ['buyer'], to: 'return_in_transit' },
  return_window_expired: { from: ['awaiting_return_shipment'], roles: ['system'], to: 'closed' },
  return_delivered: { from: ['return_in_transit'], roles: ['system'], to: 'return_received' },
  inspection_ok: { from: ['return_received'], roles: ['merchant'], to: 'after_inspection' },
  inspection_short: { from: ['return_received'], roles: ['merchant'], to: 'after_inspection' },
  inspection_failed: { from: ['return_received'], roles: ['merchant'], to: 'merchant_rejected' },
  inspection_timeout: { from: ['return_received'], roles: ['system'], to: 'refund_pending' },
  replacement_shipped: { from: ['exchange_shipping'], roles: ['merchant'], to: 'exchanged' },
  payment_submitted: { from: ['refund_pending'], roles: ['system'], to: 'refunding' },
  payment_retry_scheduled: { from: ['refunding'], roles: ['system'], to: 'same' },
  payment_accepted: { from: ['refunding'], roles: ['system'], to: 'same' },
  payment_confirmed: { from: ['refunding'], roles: ['system'], to: 'refunded' },
  payment_declined: { from: ['refunding'], roles: ['system'], to: 'refund_failed' },
  cs_retry_payment: { from: ['refund_failed'], roles: ['cs'], to: 'refunding' },
  cs_settle_offline: { from: ['refund_failed'], roles: ['cs'], to: 'refunded' },
  rate: { from: TERMINAL, roles: ['buyer'], to: 'same' },
  /** Reminders and alerts: the case is unchanged but for the record of what was sent. */
  notice: {
    from: [
      'pending_merchant',
      'platform_review',
      'merchant_rejected',
      'awaiting_return_shipment',
      'return_in_transit',
      'return_received',
      'exchange_shipping',
      'refunding',
      'refund_failed',
    ],
    roles: ['system'],
    to: 'same',
  },
} as const satisfies Record<string, TransitionRule>;

export type CaseEvent = keyof typeof TRANSITIONS;
export const CASE_EVENTS = Object.keys(TRANSITIONS) as CaseEvent[];

export type TransitionCheck =
  | { ok: true; to: Target }
  | { ok: false; kind: 'invalid_state' | 'forbidden' };

/** Whether `role` may cause `event` in `status`. The state is checked first: a wrong state is not a permission problem. */
export function checkTransition(status: CaseStatus, event: CaseEvent, role: Role): TransitionCheck {
  const rule: TransitionRule = TRANSITIONS[event];
  if (!rule.from.includes(status)) return { ok: false, kind: 'invalid_state' };
  if (!(rule.rolesIn?.[status] ?? rule.roles).includes(role)) return { ok: false, kind: 'forbidden' };
  return { ok: true, to: rule.to };
}

/** Events `role` may cause in `status` (for showing people what they can do next). */
export function availableEvents(status: CaseStatus, role: Role): CaseEvent[] {
  return CASE_EVENTS.filter((e) => checkTransition(status, e, role).ok);
}
