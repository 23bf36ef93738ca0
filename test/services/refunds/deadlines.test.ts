import type { CaseStatus, PaymentRecord, RefundCase } from '../../../services/refunds/case';
import { CASE_STATUSES } from '../../../services/refunds/case';
import type { Notice, Schedule } from '../../../services/refunds/deadlines';
import { dueWork, nextWakeAt, scheduleOf } from '../../../services/refunds/deadlines';
import { DEFAULT_POLICY } from '../../../services/refunds/policy';
import { aCase } from '../../support/case-builder';

// DESIGN.md §2 "States, actors and deadlines" and "Reminders". Every case here entered its state on
// 2026-03-05 at 10:00 Shanghai time (02:00 UTC); "day N" deadlines end at 23:59:59 Shanghai (15:59:59 UTC).

const HOUR = 3_600_000;
const ENTERED = '2026-03-05T02:00:00.000Z';
const T0 = Date.parse(ENTERED);
const at = (ms: number): Date => new Date(T0 + ms);
const iso = (ms: number): string => at(ms).toISOString();

function inState(status: CaseStatus, overrides: Partial<RefundCase> = {}): RefundCase {
  return aCase({ status, stateEnteredAt: ENTERED, ...overrides });
}

function aPayment(overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return { generation: 1, key: 'refund:RD-000001:g1', amount: 10000, pointsRestored: 0, status: 'accepted', attempts: 1, polls: 0, ...overrides };
}

/** A schedule as plain strings, to compare at a glance. */
function plain(s: Schedule): unknown {
  return {
    deadline: s.deadline?.toISOString() ?? null,
    expiry: s.expiry,
    notices: s.notices.map((n: Notice) => `${n.id} -> ${n.to} (${n.kind}) at ${n.at.toISOString()}`),
    paymentAt: s.paymentAt?.toISOString() ?? null,
  };
}

const schedule = (c: RefundCase): unknown => plain(scheduleOf(c, DEFAULT_POLICY));

describe('scheduleOf', () => {
  it('gives the merchant 24 h, with reminders at 50% and 80%, then auto-approves', () => {
    expect(schedule(inState('pending_merchant'))).toEqual({
      deadline: '2026-03-06T02:00:00.000Z',
      expiry: 'merchant_timeout',
      notices: [
        'reminder:50 -> merchant (reminder) at 2026-03-05T14:00:00.000Z',
        'reminder:80 -> merchant (reminder) at 2026-03-05T21:12:00.000Z',
      ],
      paymentAt: null,
    });
  });

  it('gives the merchant 48 h for a special case', () => {
    expect(schedule(inState('pending_merchant', { special: true }))).toEqual({
      deadline: '2026-03-07T02:00:00.000Z',
      expiry: 'merchant_timeout',
      notices: [
        'reminder:50 -> merchant (reminder) at 2026-03-06T02:00:00.000Z',
        'reminder:80 -> merchant (reminder) at 2026-03-06T16:24:00.000Z',
      ],
      paymentAt: null,
    });
  });

  it('alerts CS leads when a platform review takes 48 h', () => {
    expect(schedule(inState('platform_review'))).toEqual({
      deadline: null,
      expiry: null,
      notices: ['alert:review_overdue -> cs (alert) at 2026-03-07T02:00:00.000Z'],
      paymentAt: null,
    });
  });

  it('closes a rejection at the end of day 7, reminding the buyer 48 h before that they can escalate', () => {
    expect(schedule(inState('merchant_rejected'))).toEqual({
      deadline: '2026-03-12T15:59:59.000Z',
      expiry: 'rejection_window_expired',
      notices: ['reminder:escalate -> buyer (reminder) at 2026-03-10T15:59:59.000Z'],
      paymentAt: null,
    });
  });

  it('closes an unshipped return at the end of day 7, reminding the buyer at the end of day 5', () => {
    expect(schedule(inState('awaiting_return_shipment'))).toEqual({
      deadline: '2026-03-12T15:59:59.000Z',
      expiry: 'return_window_expired',
      notices: ['reminder:ship -> buyer (reminder) at 2026-03-10T15:59:59.000Z'],
      paymentAt: null,
    });
  });

  it('counts day N by the Shanghai date for a case that entered its state late in the evening', () => {
    // 2026-03-05 23:30 in Shanghai: day 7 is 03-12.
    const late = aCase({ status: 'merchant_rejected', stateEnteredAt: '2026-03-05T15:30:00.000Z' });
    expect(scheduleOf(late, DEFAULT_POLICY).deadline?.toISOString()).toBe('2026-03-12T15:59:59.000Z');
    // 2026-03-06 00:30 in Shanghai (still the 5th in UTC): day 7 is 03-13.
    const afterMidnight = aCase({ status: 'merchant_rejected', stateEnteredAt: '2026-03-05T16:30:00.000Z' });
    expect(scheduleOf(afterMidnight, DEFAULT_POLICY).deadline?.toISOString()).toBe('2026-03-13T15:59:59.000Z');
  });

  it('alerts CS about a return with no carrier scan for 5 days', () => {
    const shipment = { carrier: 'SF', trackingNumber: 'SF1234567890', shippedAt: ENTERED };
    expect(schedule(inState('return_in_transit', { returnShipment: shipment }))).toEqual({
      deadline: null,
      expiry: null,
      notices: ['alert:return_stalled -> cs (alert) at 2026-03-10T02:00:00.000Z'],
      paymentAt: null,
    });
  });

  it('counts a return\'s 5 silent days from its last carrier scan', () => {
    const scanned = { carrier: 'SF', trackingNumber: 'SF1234567890', shippedAt: ENTERED, lastScanAt: iso(3 * 24 * HOUR) };
    const s = scheduleOf(inState('return_in_transit', { returnShipment: scanned }), DEFAULT_POLICY);
    expect(s.notices.map((n) => n.at.toISOString())).toEqual(['2026-03-13T02:00:00.000Z']);
  });

  it('accepts returned goods at the end of day 10, reminding the merchant 7 days and 24 h before', () => {
    expect(schedule(inState('return_received'))).toEqual({
      deadline: '2026-03-15T15:59:59.000Z',
      expiry: 'inspection_timeout',
      notices: [
        'reminder:7d -> merchant (reminder) at 2026-03-08T15:59:59.000Z',
        'reminder:24h -> merchant (reminder) at 2026-03-14T15:59:59.000Z',
      ],
      paymentAt: null,
    });
  });

  it('alerts CS instead of accepting a returned exchange by itself', () => {
    expect(schedule(inState('return_received', { type: 'exchange' }))).toEqual({
      deadline: '2026-03-15T15:59:59.000Z',
      expiry: null,
      notices: [
        'reminder:7d -> merchant (reminder) at 2026-03-08T15:59:59.000Z',
        'reminder:24h -> merchant (reminder) at 2026-03-14T15:59:59.000Z',
        'alert:inspection_overdue -> cs (alert) at 2026-03-15T15:59:59.000Z',
      ],
      paymentAt: null,
    });
  });

  it('alerts CS when the replacement is not shipped in 48 h', () => {
    expect(schedule(inState('exchange_shipping', { type: 'exchange' }))).toEqual({
      deadline: '2026-03-07T02:00:00.000Z',
      expiry: null,
      notices: ['alert:exchange_overdue -> cs (alert) at 2026-03-07T02:00:00.000Z'],
      paymentAt: null,
    });
  });

  it('pays a refund_pending case at once', () => {
    expect(schedule(inState('refund_pending'))).toEqual({ deadline: null, expiry: null, notices: [], paymentAt: ENTERED });
  });

  it('works on a payment at its next attempt and alerts CS when it is not confirmed in 24 h', () => {
    const retrying = inState('refunding', { payment: aPayment({ status: 'retry_wait', nextAttemptAt: iso(5 * 60_000) }) });
    expect(schedule(retrying)).toEqual({
      deadline: null,
      expiry: null,
      notices: ['alert:payment_unconfirmed -> cs (alert) at 2026-03-06T02:00:00.000Z'],
      paymentAt: '2026-03-05T02:05:00.000Z',
    });
    // Without a next attempt the payment is due from the state's entry.
    expect(scheduleOf(inState('refunding', { payment: aPayment({ status: 'submitting' }) }), DEFAULT_POLICY).paymentAt?.toISOString()).toBe(ENTERED);
  });

  it.each(['confirmed', 'declined'] as const)('has no payment work for a %s payment', (status) => {
    expect(scheduleOf(inState('refunding', { payment: aPayment({ status }) }), DEFAULT_POLICY).paymentAt).toBeNull();
  });

  it.each<CaseStatus>(['refund_failed', 'refunded', 'exchanged', 'closed'])('schedules nothing in %s', (status) => {
    // refund_failed alerts CS at once through its domain event, not through a timer.
    expect(schedule(inState(status))).toEqual({ deadline: null, expiry: null, notices: [], paymentAt: null });
  });

  it('follows configured durations', () => {
    const policy = { ...DEFAULT_POLICY, merchantHours: 10, rejectionDays: 3 };
    expect(scheduleOf(inState('pending_merchant'), policy).deadline?.toISOString()).toBe(iso(10 * HOUR));
    expect(scheduleOf(inState('merchant_rejected'), policy).deadline?.toISOString()).toBe('2026-03-08T15:59:59.000Z');
  });
});

describe('dueWork', () => {
  const work = (c: RefundCase, ms: number): unknown => {
    const w = dueWork(c, at(ms), DEFAULT_POLICY);
    return w.kind === 'notice' ? { kind: 'notice', id: w.notice.id, skipped: w.skipped } : w;
  };

  it('has nothing to do before the first reminder', () => {
    expect(work(inState('pending_merchant'), 12 * HOUR - 1)).toEqual({ kind: 'none' });
  });

  it('sends a reminder once it is due, and not again once sent', () => {
    expect(work(inState('pending_merchant'), 12 * HOUR)).toEqual({ kind: 'notice', id: 'reminder:50', skipped: [] });
    expect(work(inState('pending_merchant', { notices: ['reminder:50'] }), 13 * HOUR)).toEqual({ kind: 'none' });
  });

  it('sends only the latest of several due reminders and records the others as skipped', () => {
    expect(work(inState('pending_merchant'), 20 * HOUR)).toEqual({ kind: 'notice', id: 'reminder:80', skipped: ['reminder:50'] });
    const exchange = inState('return_received', { type: 'exchange' });
    expect(work(exchange, 11 * 24 * HOUR)).toEqual({
      kind: 'notice',
      id: 'alert:inspection_overdue',
      skipped: ['reminder:7d', 'reminder:24h'],
    });
  });

  it('fires the expiry before any reminder still due', () => {
    expect(work(inState('pending_merchant'), 24 * HOUR)).toEqual({ kind: 'expiry', event: 'merchant_timeout' });
    expect(work(inState('pending_merchant', { notices: ['reminder:50', 'reminder:80'] }), 24 * HOUR - 1)).toEqual({ kind: 'none' });
    expect(work(inState('return_received'), 30 * 24 * HOUR)).toEqual({ kind: 'expiry', event: 'inspection_timeout' });
    expect(work(inState('merchant_rejected'), 8 * 24 * HOUR)).toEqual({ kind: 'expiry', event: 'rejection_window_expired' });
    expect(work(inState('awaiting_return_shipment'), 8 * 24 * HOUR)).toEqual({ kind: 'expiry', event: 'return_window_expired' });
  });

  it('fires a day-N expiry one second after 23:59:59, not before', () => {
    const end = Date.parse('2026-03-12T15:59:59.000Z') - T0;
    expect(work(inState('merchant_rejected', { notices: ['reminder:escalate'] }), end - 1)).toEqual({ kind: 'none' });
    expect(work(inState('merchant_rejected'), end)).toEqual({ kind: 'expiry', event: 'rejection_window_expired' });
  });

  it('works on the payment before an overdue alert', () => {
    const stuck = inState('refunding', { payment: aPayment({ nextAttemptAt: iso(30 * HOUR) }) });
    expect(work(stuck, 25 * HOUR)).toEqual({ kind: 'notice', id: 'alert:payment_unconfirmed', skipped: [] });
    expect(work(stuck, 30 * HOUR)).toEqual({ kind: 'payment' });
    expect(work(inState('refund_pending'), 0)).toEqual({ kind: 'payment' });
  });

  it('never expires an exchange waiting for inspection', () => {
    const exchange = inState('return_received', { type: 'exchange', notices: ['reminder:7d', 'reminder:24h', 'alert:inspection_overdue'] });
    expect(work(exchange, 60 * 24 * HOUR)).toEqual({ kind: 'none' });
  });
});

describe('nextWakeAt', () => {
  const wake = (c: RefundCase): string | null => {
    const t = nextWakeAt(c, DEFAULT_POLICY);
    return t === null ? null : new Date(t).toISOString();
  };

  it('is the earliest unsent notice, deadline or payment', () => {
    expect(wake(inState('pending_merchant'))).toBe(iso(12 * HOUR));
    expect(wake(inState('pending_merchant', { notices: ['reminder:50'] }))).toBe('2026-03-05T21:12:00.000Z');
    expect(wake(inState('pending_merchant', { notices: ['reminder:50', 'reminder:80'] }))).toBe(iso(24 * HOUR));
    expect(wake(inState('refund_pending'))).toBe(ENTERED);
  });

  it('is null once nothing is left to do', () => {
    expect(wake(inState('platform_review', { notices: ['alert:review_overdue'] }))).toBeNull();
    for (const status of ['refund_failed', 'refunded', 'exchanged', 'closed'] as const) expect(wake(inState(status))).toBeNull();
  });

  it('moves on once skipped notices are recorded with the one sent', () => {
    const c = inState('return_received', { type: 'exchange' });
    const w = dueWork(c, at(11 * 24 * HOUR), DEFAULT_POLICY);
    if (w.kind !== 'notice') throw new Error(`expected a notice, got ${w.kind}`);
    expect(wake({ ...c, notices: [w.notice.id, ...w.skipped] })).toBeNull();
  });

  it('is exactly when dueWork first has something to do, in every state', () => {
    const cases = [
      ...CASE_STATUSES.map((status) => inState(status)),
      inState('pending_merchant', { special: true, notices: ['reminder:50'] }),
      inState('return_received', { type: 'exchange' }),
      inState('refunding', { payment: aPayment({ nextAttemptAt: iso(HOUR) }) }),
      inState('refunding', { payment: aPayment({ status: 'confirmed' }) }),
    ];
    for (const c of cases) {
      const t = nextWakeAt(c, DEFAULT_POLICY);
      if (t === null) continue;
      expect({ status: c.status, before: dueWork(c, new Date(t - 1), DEFAULT_POLICY).kind }).toEqual({ status: c.status, before: 'none' });
      expect(dueWork(c, new Date(t), DEFAULT_POLICY).kind).not.toBe('none');
    }
  });
});
