import type { CaseStatus, Role } from '../../../services/refunds/case';
import { CASE_STATUSES, ROLES } from '../../../services/refunds/case';
import type { CaseEvent, Target } from '../../../services/refunds/state-machine';
import { CASE_EVENTS, availableEvents, checkTransition } from '../../../services/refunds/state-machine';

// The expected table, written from DESIGN.md §2 "States, actors and deadlines" and "Who may do what", not read
// back from TRANSITIONS: for each event, the states it may happen in and who may cause it there.

type Allowed = Partial<Record<CaseStatus, readonly Role[]>>;

const TERMINAL: readonly CaseStatus[] = ['refunded', 'exchanged', 'closed'];

/** CS may move any open case into platform review (platform intervention); a case already there stays. */
const INTERVENTION: Allowed = {
  pending_merchant: ['cs'],
  merchant_rejected: ['cs'],
  awaiting_return_shipment: ['cs'],
  return_in_transit: ['cs'],
  return_received: ['cs'],
  exchange_shipping: ['cs'],
  refund_pending: ['cs'],
  refunding: ['cs'],
  refund_failed: ['cs'],
};

const EXPECTED: Record<CaseEvent, Allowed> = {
  // pending_merchant: the merchant decides, the timer auto-approves.
  merchant_approve: { pending_merchant: ['merchant'] },
  merchant_approve_without_return: { pending_merchant: ['merchant'] },
  merchant_reject: { pending_merchant: ['merchant'] },
  merchant_timeout: { pending_merchant: ['system'] },
  // The merchant asks the buyer while deciding; in platform review CS asks either side.
  request_evidence: { pending_merchant: ['merchant'], platform_review: ['cs'] },
  // Whoever was asked answers; the buyer revising after a rejection adds evidence too.
  add_evidence: { pending_merchant: ['buyer'], platform_review: ['buyer', 'merchant'], merchant_rejected: ['buyer'] },
  // platform_review: CS rules.
  cs_approve: { platform_review: ['cs'] },
  cs_reject: { platform_review: ['cs'] },
  cs_intervene: INTERVENTION,
  // merchant_rejected: the buyer revises, escalates or accepts; 7 days then closed.
  buyer_resubmit: { merchant_rejected: ['buyer'] },
  buyer_escalate: { merchant_rejected: ['buyer'] },
  buyer_accept_rejection: { merchant_rejected: ['buyer'] },
  rejection_window_expired: { merchant_rejected: ['system'] },
  buyer_cancel: {
    pending_merchant: ['buyer'],
    platform_review: ['buyer'],
    merchant_rejected: ['buyer'],
    awaiting_return_shipment: ['buyer'],
  },
  // The return.
  return_shipped: { awaiting_return_shipment: ['buyer'] },
  return_window_expired: { awaiting_return_shipment: ['system'] },
  return_delivered: { return_in_transit: ['system'] },
  inspection_ok: { return_received: ['merchant'] },
  inspection_short: { return_received: ['merchant'] },
  inspection_failed: { return_received: ['merchant'] },
  inspection_timeout: { return_received: ['system'] },
  replacement_shipped: { exchange_shipping: ['merchant'] },
  // The payment system.
  payment_submitted: { refund_pending: ['system'] },
  payment_retry_scheduled: { refunding: ['system'] },
  payment_accepted: { refunding: ['system'] },
  payment_confirmed: { refunding: ['system'] },
  payment_declined: { refunding: ['system'] },
  cs_retry_payment: { refund_failed: ['cs'] },
  cs_settle_offline: { refund_failed: ['cs'] },
  // Terminal states: only the buyer's rating.
  rate: { refunded: ['buyer'], exchanged: ['buyer'], closed: ['buyer'] },
  // Reminders and alerts, in every state that has a deadline, a reminder or an alert.
  notice: {
    pending_merchant: ['system'],
    platform_review: ['system'],
    merchant_rejected: ['system'],
    awaiting_return_shipment: ['system'],
    return_in_transit: ['system'],
    return_received: ['system'],
    exchange_shipping: ['system'],
    refunding: ['system'],
    refund_failed: ['system'],
  },
};

/** Where each event leads, as DESIGN.md describes it (targets the service resolves are named as such). */
const EXPECTED_TARGET: Record<CaseEvent, Target> = {
  merchant_approve: 'confirmation',
  merchant_approve_without_return: 'confirmation',
  merchant_reject: 'merchant_rejected',
  merchant_timeout: 'confirmation',
  request_evidence: 'same',
  add_evidence: 'same',
  cs_approve: 'after_confirmation',
  cs_reject: 'closed',
  cs_intervene: 'platform_review',
  buyer_resubmit: 'pending_merchant',
  buyer_escalate: 'platform_review',
  buyer_accept_rejection: 'closed',
  rejection_window_expired: 'closed',
  buyer_cancel: 'closed',
  return_shipped: 'return_in_transit',
  return_window_expired: 'closed',
  return_delivered: 'return_received',
  inspection_ok: 'after_inspection',
  inspection_short: 'after_inspection',
  inspection_failed: 'merchant_rejected',
  inspection_timeout: 'refund_pending',
  replacement_shipped: 'exchanged',
  payment_submitted: 'refunding',
  payment_retry_scheduled: 'same',
  payment_accepted: 'same',
  payment_confirmed: 'refunded',
  payment_declined: 'refund_failed',
  cs_retry_payment: 'refunding',
  cs_settle_offline: 'refunded',
  rate: 'same',
  notice: 'same',
};

const combinations = CASE_STATUSES.flatMap((status) =>
  CASE_EVENTS.flatMap((event) => ROLES.map((role) => ({ status, event, role }))),
);

describe('checkTransition over every state x event x role', () => {
  it('knows exactly the events of the expected table', () => {
    expect([...CASE_EVENTS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('allows exactly what DESIGN.md allows, and says why it refuses', () => {
    const mismatches: string[] = [];
    for (const { status, event, role } of combinations) {
      const rolesHere = EXPECTED[event][status];
      const expected = !rolesHere ? 'invalid_state' : rolesHere.includes(role) ? 'ok' : 'forbidden';
      const check = checkTransition(status, event, role);
      const actual = check.ok ? 'ok' : check.kind;
      if (actual !== expected) mismatches.push(`${event} in ${status} by ${role}: expected ${expected}, got ${actual}`);
    }
    expect(mismatches).toEqual([]);
    // Every state x event x role was looked at: nothing skipped.
    expect(combinations).toHaveLength(CASE_STATUSES.length * CASE_EVENTS.length * ROLES.length);
  });

  it('leads every allowed event where DESIGN.md says', () => {
    for (const { status, event, role } of combinations) {
      const check = checkTransition(status, event, role);
      if (check.ok) expect({ event, to: check.to }).toEqual({ event, to: EXPECTED_TARGET[event] });
    }
  });

  it('reports a wrong state before a wrong role: a wrong state is not a permission problem', () => {
    expect(checkTransition('refunded', 'merchant_approve', 'buyer')).toEqual({ ok: false, kind: 'invalid_state' });
    expect(checkTransition('pending_merchant', 'merchant_approve', 'buyer')).toEqual({ ok: false, kind: 'forbidden' });
    expect(checkTransition('pending_merchant', 'merchant_approve', 'merchant')).toEqual({ ok: true, to: 'confirmation' });
  });

  it('lets CS ask for evidence only in platform review, and the merchant only while deciding', () => {
    expect(checkTransition('pending_merchant', 'request_evidence', 'cs')).toEqual({ ok: false, kind: 'forbidden' });
    expect(checkTransition('platform_review', 'request_evidence', 'merchant')).toEqual({ ok: false, kind: 'forbidden' });
    expect(checkTransition('platform_review', 'add_evidence', 'merchant').ok).toBe(true);
    expect(checkTransition('pending_merchant', 'add_evidence', 'merchant')).toEqual({ ok: false, kind: 'forbidden' });
  });

  it('leaves terminal states to the buyer rating only', () => {
    for (const status of TERMINAL) {
      for (const role of ROLES) expect(availableEvents(status, role)).toEqual(role === 'buyer' ? ['rate'] : []);
    }
  });

  it('lists what each party can do next', () => {
    expect(availableEvents('pending_merchant', 'merchant').sort()).toEqual(
      ['merchant_approve', 'merchant_approve_without_return', 'merchant_reject', 'request_evidence'].sort(),
    );
    expect(availableEvents('merchant_rejected', 'buyer').sort()).toEqual(
      ['add_evidence', 'buyer_accept_rejection', 'buyer_cancel', 'buyer_escalate', 'buyer_resubmit'].sort(),
    );
    expect(availableEvents('refund_failed', 'cs').sort()).toEqual(['cs_intervene', 'cs_retry_payment', 'cs_settle_offline'].sort());
  });
});

describe('the lifecycle as a graph', () => {
  /** Where a target can lead, given any case: the service resolves the symbolic ones. */
  function resolve(status: CaseStatus, to: Target): CaseStatus[] {
    switch (to) {
      case 'same':
        return [status];
      case 'confirmation':
        return ['refund_pending', 'awaiting_return_shipment', 'platform_review'];
      case 'after_confirmation':
        return ['refund_pending', 'awaiting_return_shipment'];
      case 'after_inspection':
        return ['refund_pending', 'exchange_shipping'];
      default:
        return [to];
    }
  }

  function successors(status: CaseStatus): Set<CaseStatus> {
    const out = new Set<CaseStatus>();
    for (const event of CASE_EVENTS) {
      for (const role of ROLES) {
        const check = checkTransition(status, event, role);
        if (check.ok) for (const next of resolve(status, check.to)) if (next !== status) out.add(next);
      }
    }
    return out;
  }

  function reachableFrom(starts: readonly CaseStatus[]): Set<CaseStatus> {
    const seen = new Set<CaseStatus>(starts);
    const queue = [...starts];
    while (queue.length > 0) {
      for (const next of successors(queue.shift()!)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    return seen;
  }

  // A filed case starts waiting for the merchant, or (fast track) goes through platform confirmation.
  const FILED: readonly CaseStatus[] = ['pending_merchant', 'refund_pending', 'awaiting_return_shipment', 'platform_review'];

  it('reaches every state from filing', () => {
    expect([...reachableFrom(FILED)].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('gives every open state a way forward to an end', () => {
    for (const status of CASE_STATUSES.filter((s) => !TERMINAL.includes(s))) {
      expect({ status, next: successors(status).size > 0 }).toEqual({ status, next: true });
      const ends = [...reachableFrom([status])].filter((s) => TERMINAL.includes(s));
      expect({ status, reachesAnEnd: ends.length > 0 }).toEqual({ status, reachesAnEnd: true });
    }
  });

  it('never leaves a terminal state', () => {
    for (const status of TERMINAL) expect(successors(status).size).toBe(0);
  });
});
