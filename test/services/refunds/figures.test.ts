import type { Actor, PaymentRecord, RefundCase } from '../../../services/refunds/case';
import { SYSTEM } from '../../../services/refunds/case';
import { MonthlyFigures, computeFigures, outcomeOf, settledWithoutPerson } from '../../../services/refunds/figures';
import { DEFAULT_POLICY } from '../../../services/refunds/policy';
import type { CaseQuery, CaseStore } from '../../../services/refunds/ports';
import { aCase } from '../../support/case-builder';

// The platform's monthly figures: counts and amounts by reason, type, shop and outcome; merchant decision times;
// deadline breaches; payment failures; cases settled without a person; time from filing to money.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const FILED = '2026-03-05T02:00:00.000Z';
const after = (ms: number): string => new Date(Date.parse(FILED) + ms).toISOString();

const MERCHANT: Actor = { role: 'merchant', id: 'merchant-1', shopId: 'shop-1' };
const CS: Actor = { role: 'cs', id: 'agent-7' };

function paid(amount: number, confirmedAfter: number, overrides: Partial<PaymentRecord> = {}): PaymentRecord {
  return {
    generation: 1,
    key: 'refund:x:g1',
    amount,
    pointsRestored: 0,
    status: 'confirmed',
    attempts: 1,
    polls: 1,
    confirmedAt: after(confirmedAfter),
    ...overrides,
  };
}

function decided(outcome: 'approved' | 'rejected' | 'auto_approved', waitedMs: number): RefundCase['merchantDecision'] {
  return { by: outcome === 'auto_approved' ? SYSTEM : MERCHANT, at: after(waitedMs), outcome, waitedMs };
}

/** Eight cases of March 2026 in two shops; each line says what the case is about. */
const CASES: RefundCase[] = [
  // A: a cancellation before shipment, fast-tracked and paid 10 minutes after filing.
  aCase({ id: 'A', type: 'refund_only', reason: 'mistaken_purchase', fastTrack: 'before_shipment', status: 'refunded', payment: paid(10000, 10 * MIN) }),
  // B: a quality return the merchant approved after 5 h and inspected; paid after 3 days.
  aCase({
    id: 'B',
    status: 'refunded',
    merchantDecision: decided('approved', 5 * HOUR),
    inspection: { by: MERCHANT, at: after(2 * DAY), outcome: 'ok' },
    payment: paid(20000, 3 * DAY),
  }),
  // C: not received, shop-2; the merchant let the 24 h run out (auto-approved at 30 h), paid at 31 h.
  aCase({
    id: 'C',
    shopId: 'shop-2',
    type: 'refund_only',
    reason: 'not_received',
    status: 'refunded',
    merchantDecision: decided('auto_approved', 30 * HOUR),
    expired: ['merchant_timeout'],
    payment: paid(5000, 31 * HOUR),
  }),
  // D: an exchange in shop-2, approved after 50 h, inspected by the merchant, replaced.
  aCase({
    id: 'D',
    shopId: 'shop-2',
    type: 'exchange',
    reason: 'wrong_item',
    status: 'exchanged',
    merchantDecision: decided('approved', 50 * HOUR),
    inspection: { by: MERCHANT, at: after(4 * DAY), outcome: 'ok' },
  }),
  // E: rejected after 2 h; the buyer accepted.
  aCase({ id: 'E', status: 'closed', closeReason: 'buyer_accepted_rejection', merchantDecision: decided('rejected', 2 * HOUR) }),
  // F: approved after 1 h, but the buyer never shipped the return.
  aCase({
    id: 'F',
    reason: 'other',
    status: 'closed',
    closeReason: 'return_not_shipped',
    merchantDecision: decided('approved', HOUR),
    expired: ['return_window_expired'],
  }),
  // G: a confirmed logistics delay in shop-2 whose payment was declined; still open.
  aCase({
    id: 'G',
    shopId: 'shop-2',
    type: 'refund_only',
    reason: 'logistics_delay',
    fastTrack: 'logistics_delay',
    status: 'refund_failed',
    paymentFailures: 1,
    payment: paid(7000, DAY, { status: 'declined', confirmedAt: undefined }),
  }),
  // H: a cancellation whose first payment was declined; CS retried under generation 2; paid after 2 days.
  aCase({
    id: 'H',
    type: 'refund_only',
    reason: 'mistaken_purchase',
    fastTrack: 'before_shipment',
    status: 'refunded',
    paymentFailures: 1,
    payment: paid(3000, 2 * DAY, { generation: 2, key: 'refund:H:g2' }),
  }),
];

describe('computeFigures', () => {
  const figures = computeFigures(CASES, '2026-03', DEFAULT_POLICY);

  it('counts the cases and the cash paid back', () => {
    expect([figures.month, figures.timeZone, figures.cases, figures.refundedFen]).toEqual(['2026-03', 'Asia/Shanghai', 8, 38000]);
  });

  it('breaks counts and amounts down by reason, type and shop', () => {
    expect(figures.byReason).toEqual({
      mistaken_purchase: { count: 2, refundedFen: 13000 },
      quality_issue: { count: 2, refundedFen: 20000 },
      not_received: { count: 1, refundedFen: 5000 },
      wrong_item: { count: 1, refundedFen: 0 },
      other: { count: 1, refundedFen: 0 },
      logistics_delay: { count: 1, refundedFen: 0 },
    });
    expect(figures.byType).toEqual({
      refund_only: { count: 4, refundedFen: 18000 },
      return_refund: { count: 3, refundedFen: 20000 },
      exchange: { count: 1, refundedFen: 0 },
    });
    expect(figures.byShop).toEqual({ 'shop-1': { count: 5, refundedFen: 33000 }, 'shop-2': { count: 3, refundedFen: 5000 } });
  });

  it('breaks them down by outcome, closed cases by why they closed', () => {
    expect(figures.byOutcome).toEqual({
      refunded: { count: 4, refundedFen: 38000 },
      exchanged: { count: 1, refundedFen: 0 },
      'closed:buyer_accepted_rejection': { count: 1, refundedFen: 0 },
      'closed:return_not_shipped': { count: 1, refundedFen: 0 },
      open: { count: 1, refundedFen: 0 },
    });
  });

  it('measures merchant decisions: shares within 24 h and 48 h, median, p90 and longest', () => {
    // Waits: 1 h, 2 h, 5 h, 30 h, 50 h.
    expect(figures.merchantDecision).toEqual({
      count: 5,
      p50Ms: 5 * HOUR,
      p90Ms: 50 * HOUR,
      maxMs: 50 * HOUR,
      within24h: 3,
      within48h: 4,
      share24h: 0.6,
      share48h: 0.8,
    });
  });

  it('counts deadline breaches by the expiry that fired', () => {
    expect(figures.deadlineBreaches).toEqual({ cases: 2, byEvent: { merchant_timeout: 1, return_window_expired: 1 } });
  });

  it('counts definitive payment declines', () => {
    expect(figures.paymentFailures).toBe(2);
  });

  it('counts finished cases no person touched: fast track or timeout, no CS, no human inspection', () => {
    // Finished: A, B, C, D, H. Only A (fast track) and C (auto-approved) went through untouched; H needed a CS retry.
    expect(figures.settledWithoutPerson).toEqual({ cases: 2, share: 0.4 });
  });

  it('measures the time from filing to confirmed payment', () => {
    // 10 min, 31 h, 2 days, 3 days.
    expect(figures.filingToPaid).toEqual({ count: 4, p50Ms: 31 * HOUR, p90Ms: 3 * DAY, maxMs: 3 * DAY });
  });

  it('reports an empty month without dividing by zero', () => {
    const empty = computeFigures([], '2026-04', DEFAULT_POLICY);
    expect(empty).toMatchObject({ cases: 0, refundedFen: 0, byReason: {}, paymentFailures: 0 });
    expect(empty.merchantDecision).toEqual({ count: 0, p50Ms: null, p90Ms: null, maxMs: null, within24h: 0, within48h: 0, share24h: null, share48h: null });
    expect(empty.settledWithoutPerson).toEqual({ cases: 0, share: null });
    expect(empty.filingToPaid).toEqual({ count: 0, p50Ms: null, p90Ms: null, maxMs: null });
  });
});

describe('settledWithoutPerson', () => {
  const untouched = aCase({ type: 'refund_only', fastTrack: 'before_shipment', status: 'refunded', payment: paid(100, HOUR) });

  it('holds for a fast-tracked case paid by itself, and for a timer inspection', () => {
    expect(settledWithoutPerson(untouched)).toBe(true);
    const timerInspected = aCase({
      status: 'refunded',
      merchantDecision: decided('auto_approved', DAY),
      inspection: { by: SYSTEM, at: after(12 * DAY), outcome: 'ok' },
      payment: paid(100, 12 * DAY),
    });
    expect(settledWithoutPerson(timerInspected)).toBe(true);
  });

  it('does not hold once CS ruled, settled offline or retried, or the merchant inspected', () => {
    expect(settledWithoutPerson({ ...untouched, platformDecision: { by: CS, at: after(HOUR), outcome: 'approved' } })).toBe(false);
    expect(settledWithoutPerson({ ...untouched, payment: paid(100, HOUR, { offlineVoucher: 'f'.repeat(64) }) })).toBe(false);
    expect(settledWithoutPerson({ ...untouched, payment: paid(100, HOUR, { generation: 2 }) })).toBe(false);
    expect(settledWithoutPerson({ ...untouched, inspection: { by: MERCHANT, at: after(HOUR), outcome: 'ok' } })).toBe(false);
  });

  it('does not hold for a case that is not finished, or closed', () => {
    expect(settledWithoutPerson({ ...untouched, status: 'refunding' })).toBe(false);
    expect(settledWithoutPerson({ ...untouched, status: 'closed', closeReason: 'buyer_cancelled' })).toBe(false);
  });
});

describe('outcomeOf', () => {
  it('names finished cases, closed ones with their reason, and everything else open', () => {
    expect(outcomeOf(aCase({ status: 'refunded' }))).toBe('refunded');
    expect(outcomeOf(aCase({ status: 'closed', closeReason: 'platform_rejected' }))).toBe('closed:platform_rejected');
    expect(outcomeOf(aCase({ status: 'platform_review' }))).toBe('open');
  });
});

describe('MonthlyFigures', () => {
  /** A store that only answers `find`, remembering what it was asked. */
  class FindOnlyStore implements CaseStore {
    readonly queries: CaseQuery[] = [];
    constructor(private readonly cases: RefundCase[]) {}
    async find(query: CaseQuery): Promise<RefundCase[]> {
      this.queries.push(query);
      return this.cases;
    }
    get = unused;
    commit = unused;
    getIdempotency = unused;
    audit = unused;
    due = unused;
    filingsOnOrder = unused;
    nextCaseNumber = unused;
  }
  async function unused(): Promise<never> {
    throw new Error('not used by the figures');
  }

  it('asks for the cases filed in the local month and labels the figures with it', async () => {
    const store = new FindOnlyStore(CASES.slice(0, 2));
    const figures = await new MonthlyFigures(store, DEFAULT_POLICY).month(2026, 3);
    expect(store.queries).toEqual([{ createdFrom: new Date('2026-02-28T16:00:00.000Z'), createdTo: new Date('2026-03-31T16:00:00.000Z') }]);
    expect([figures.month, figures.cases, figures.refundedFen]).toEqual(['2026-03', 2, 30000]);
  });
});
