import type { CaseStatus, CaseType, EvidenceRef, ReasonCode, RefundCase } from '../../../services/refunds/case';
import { CASE_TYPES, REASONS } from '../../../services/refunds/case';
import type { Eligibility, FilingRequest, Refusal } from '../../../services/refunds/eligibility';
import { checkEligibility, noReasonWindowEnd, submissionsOnLine, takenUnits } from '../../../services/refunds/eligibility';
import type { NoReasonExclusion, Order, ShippingState } from '../../../services/refunds/order';
import { DEFAULT_POLICY } from '../../../services/refunds/policy';
import { demoData } from '../../../services/orders/demo-data';
import { aNeverShippedOrder, aOrder } from '../../support/builders';
import { aCase } from '../../support/case-builder';

// DESIGN.md §2 "Filing and automatic review": every rule runs and a refused request gets every reason.

const NOW = new Date('2026-03-06T02:00:00.000Z'); // two days after aOrder()'s delivery

function evidence(kind: EvidenceRef['kind'], n = 1): EvidenceRef {
  const mediaType = { image: 'image/jpeg', video: 'video/mp4', pdf: 'application/pdf' }[kind];
  return { sha256: String(n).repeat(64).slice(0, 64), kind, mediaType, size: 1000, addedBy: 'buyer', addedAt: NOW.toISOString() };
}

/** One unit of line 0 back for a quality problem, with a photo. */
function aRequest(overrides: Partial<FilingRequest> = {}): FilingRequest {
  return {
    orderId: 'order-1',
    lines: [{ lineIndex: 0, quantity: 1 }],
    type: 'return_refund',
    reason: 'quality_issue',
    description: '拉链坏了',
    evidence: [evidence('image')],
    ...overrides,
  };
}

function review(
  input: { order?: Order | null; buyerId?: string; request?: Partial<FilingRequest>; orderCases?: RefundCase[]; now?: Date } = {},
): Eligibility {
  return checkEligibility({
    order: input.order === undefined ? aOrder() : input.order,
    buyerId: input.buyerId ?? 'buyer-1',
    request: aRequest(input.request),
    orderCases: input.orderCases ?? [],
    now: input.now ?? NOW,
    policy: DEFAULT_POLICY,
  });
}

function refusals(result: Eligibility): Refusal[] {
  return result.ok ? [] : result.refusals;
}

const codes = (result: Eligibility): string[] => refusals(result).map((r) => r.code);

/** A case on line 0 of order-1 holding the given units. */
function caseOn(units: number[], status: CaseStatus, overrides: Partial<RefundCase> = {}): RefundCase {
  return aCase({ id: `RD-${status}-${units.join('-')}`, status, lines: [{ lineIndex: 0, units }], ...overrides });
}

function inTransit(overrides: Parameters<typeof aOrder>[0] = {}): Order {
  const { deliveredAt: _d, ...order } = aOrder(overrides);
  return order;
}

describe('checkEligibility: an ordinary request', () => {
  it('accepts a quality complaint with a photo and names the units it claims', () => {
    expect(review()).toEqual({ ok: true, lines: [{ lineIndex: 0, units: [1] }] });
  });
});

describe('the order', () => {
  it('reports an unknown order and another buyer\'s order identically', () => {
    const unknown = review({ order: null });
    const someoneElses = review({ order: aOrder({ buyerId: 'buyer-2' }) });
    expect(unknown).toEqual({ ok: false, refusals: [{ code: 'order_not_found', orderId: 'order-1' }] });
    expect(someoneElses).toEqual(unknown);
  });

  it('refuses an unpaid order', () => {
    expect(review({ order: aNeverShippedOrder({ paid: false }), request: { type: 'refund_only' } })).toEqual({
      ok: false,
      refusals: [{ code: 'order_not_paid' }],
    });
  });
});

describe('lines and quantities', () => {
  const twoLines = aOrder({ lines: [{ quantity: 2 }, { quantity: 3 }] });

  it('needs at least one line', () => {
    expect(review({ request: { lines: [] } })).toEqual({ ok: false, refusals: [{ code: 'no_lines' }] });
  });

  it('refuses a line the order does not have, and a line named twice', () => {
    expect(refusals(review({ order: twoLines, request: { lines: [{ lineIndex: 5, quantity: 1 }] } }))).toEqual([
      { code: 'line_not_found', lineIndex: 5 },
    ]);
    const twice = review({ order: twoLines, request: { lines: [{ lineIndex: 1, quantity: 1 }, { lineIndex: 1, quantity: 1 }] } });
    expect(refusals(twice)).toEqual([{ code: 'line_not_found', lineIndex: 1 }]);
  });

  it.each([0, -1, 1.5, 3])('refuses a quantity of %p on a line of 2', (quantity) => {
    expect(refusals(review({ order: twoLines, request: { lines: [{ lineIndex: 0, quantity }] } }))).toEqual([
      { code: 'quantity_invalid', lineIndex: 0, quantity, max: 2 },
    ]);
  });

  it('claims free units across several lines', () => {
    const result = review({ order: twoLines, request: { lines: [{ lineIndex: 0, quantity: 2 }, { lineIndex: 1, quantity: 1 }] } });
    expect(result).toEqual({ ok: true, lines: [{ lineIndex: 0, units: [1, 2] }, { lineIndex: 1, units: [1] }] });
  });
});

describe('units already claimed', () => {
  const order = aOrder({ lines: [{ quantity: 2 }] });
  const both = { lines: [{ lineIndex: 0, quantity: 2 }] };

  it.each<CaseStatus>(['pending_merchant', 'awaiting_return_shipment', 'refunding', 'refund_failed', 'refunded'])(
    'are held by a case that is %s',
    (status) => {
      const held = [caseOn([1], status)];
      expect(refusals(review({ order, request: both, orderCases: held }))).toEqual([
        { code: 'units_unavailable', lineIndex: 0, requested: 2, available: 1 },
      ]);
      // The unit nobody holds can still be claimed.
      expect(review({ order, orderCases: held })).toEqual({ ok: true, lines: [{ lineIndex: 0, units: [2] }] });
    },
  );

  it('are freed when their case closes', () => {
    const closed = caseOn([1, 2], 'closed', { closeReason: 'buyer_cancelled' });
    expect(review({ order, request: both, orderCases: [closed] })).toEqual({ ok: true, lines: [{ lineIndex: 0, units: [1, 2] }] });
    expect(takenUnits([closed])).toEqual([]);
  });

  it('leave the case itself out when asked to', () => {
    const open = caseOn([1], 'pending_merchant');
    expect(takenUnits([open])).toEqual([{ lineIndex: 0, units: [1] }]);
    expect(takenUnits([open], open.id)).toEqual([]);
  });
});

describe('reason, type and shipping state (the reasons table)', () => {
  // DESIGN.md §2 "Reasons", written out: before shipment every reason is a cancellation (refund_only).
  const AFTER_DELIVERY_RETURN_OR_EXCHANGE: CaseType[] = ['return_refund', 'exchange'];
  const EXPECTED: Record<ReasonCode, Record<ShippingState, CaseType[]>> = {
    quality_issue: { not_shipped: ['refund_only'], in_transit: [], delivered: AFTER_DELIVERY_RETURN_OR_EXCHANGE },
    not_as_described: { not_shipped: ['refund_only'], in_transit: [], delivered: AFTER_DELIVERY_RETURN_OR_EXCHANGE },
    damaged_in_transit: { not_shipped: ['refund_only'], in_transit: [], delivered: AFTER_DELIVERY_RETURN_OR_EXCHANGE },
    wrong_item: { not_shipped: ['refund_only'], in_transit: [], delivered: AFTER_DELIVERY_RETURN_OR_EXCHANGE },
    missing_parts: { not_shipped: ['refund_only'], in_transit: [], delivered: ['refund_only', 'return_refund'] },
    logistics_delay: { not_shipped: ['refund_only'], in_transit: ['refund_only'], delivered: [] },
    not_received: { not_shipped: ['refund_only'], in_transit: ['refund_only'], delivered: ['refund_only'] },
    no_reason_7_days: { not_shipped: ['refund_only'], in_transit: [], delivered: ['return_refund'] },
    mistaken_purchase: { not_shipped: ['refund_only'], in_transit: [], delivered: ['return_refund'] },
    other: { not_shipped: ['refund_only'], in_transit: [], delivered: ['return_refund'] },
  };
  const ORDERS: Record<ShippingState, Order> = {
    not_shipped: aNeverShippedOrder(),
    in_transit: inTransit(),
    delivered: aOrder(),
  };

  const walk = REASONS.flatMap((reason) =>
    (['not_shipped', 'in_transit', 'delivered'] as const).flatMap((shipping) => CASE_TYPES.map((type) => ({ reason, shipping, type }))),
  );

  it('allows each type exactly where the table does (with evidence given, inside the no-reason window)', () => {
    const mismatches: string[] = [];
    for (const { reason, shipping, type } of walk) {
      const result = review({ order: ORDERS[shipping], request: { reason, type } });
      const allowed = EXPECTED[reason][shipping];
      const refusal = refusals(result).find((r) => r.code === 'type_not_allowed');
      const expected = allowed.includes(type)
        ? undefined
        : { code: 'type_not_allowed', reason, type, shipping, allowed: [...allowed].sort() };
      const actual = refusal && refusal.code === 'type_not_allowed' ? { ...refusal, allowed: [...refusal.allowed].sort() } : undefined;
      if (JSON.stringify(actual) !== JSON.stringify(expected)) mismatches.push(`${reason} / ${type} / ${shipping}`);
      // Nothing else should be wrong with these requests.
      if (allowed.includes(type) && !result.ok) mismatches.push(`${reason} / ${type} / ${shipping}: ${codes(result).join(',')}`);
    }
    expect(mismatches).toEqual([]);
    expect(walk).toHaveLength(REASONS.length * 3 * CASE_TYPES.length);
  });
});

describe('the no-reason window: 7 days from the day after delivery, platform time (Asia/Shanghai)', () => {
  const noReason = { reason: 'no_reason_7_days' as const, type: 'return_refund' as const, evidence: [] };

  it('runs to 23:59:59 of day 7 for goods delivered late in the evening', () => {
    // Delivered 2026-03-04 23:30 in Shanghai: day 1 is 03-05, day 7 is 03-11.
    const order = aOrder({ deliveredAt: '2026-03-04T15:30:00.000Z' });
    expect(noReasonWindowEnd(order, DEFAULT_POLICY)?.toISOString()).toBe('2026-03-11T15:59:59.000Z');
    expect(review({ order, request: noReason, now: new Date('2026-03-11T15:59:59.000Z') }).ok).toBe(true);
    expect(refusals(review({ order, request: noReason, now: new Date('2026-03-11T16:00:00.000Z') }))).toEqual([
      { code: 'no_reason_window_expired', windowEndedAt: '2026-03-11T15:59:59.000Z' },
    ]);
  });

  it('counts days by the local date, not the UTC one', () => {
    // Delivered 2026-03-05 00:30 in Shanghai, still 03-04 in UTC: day 7 is 03-12 local.
    const order = aOrder({ deliveredAt: '2026-03-04T16:30:00.000Z' });
    expect(review({ order, request: noReason, now: new Date('2026-03-12T15:59:59.000Z') }).ok).toBe(true);
    expect(codes(review({ order, request: noReason, now: new Date('2026-03-12T16:00:00.000Z') }))).toEqual([
      'no_reason_window_expired',
    ]);
  });

  it('does not apply to other reasons', () => {
    const order = aOrder({ deliveredAt: '2026-01-01T02:00:00.000Z' });
    expect(review({ order, request: { reason: 'other', type: 'return_refund', evidence: [] } }).ok).toBe(true);
  });
});

describe('goods excluded from no-reason returns (CRPL Art. 25)', () => {
  const EXCLUSIONS: NoReasonExclusion[] = ['custom_made', 'perishable', 'unsealed_digital', 'delivered_periodical', 'confirmed_non_returnable'];

  it.each(EXCLUSIONS)('refuses %s goods a no-reason return', (exclusion) => {
    const order = aOrder({ lines: [{ noReasonExclusion: exclusion }] });
    expect(refusals(review({ order, request: { reason: 'no_reason_7_days', evidence: [] } }))).toEqual([
      { code: 'no_reason_excluded', lineIndex: 0, exclusion },
    ]);
  });

  it('names only the excluded lines, and still allows other reasons for them', () => {
    const order = aOrder({ lines: [{}, { noReasonExclusion: 'perishable' }] });
    const both = [{ lineIndex: 0, quantity: 1 }, { lineIndex: 1, quantity: 1 }];
    expect(refusals(review({ order, request: { lines: both, reason: 'no_reason_7_days', evidence: [] } }))).toEqual([
      { code: 'no_reason_excluded', lineIndex: 1, exclusion: 'perishable' },
    ]);
    expect(review({ order, request: { lines: both } }).ok).toBe(true);
  });
});

describe('at most 5 submissions per order line', () => {
  const closedCases = (n: number, resubmissions = 0): RefundCase[] =>
    Array.from({ length: n }, (_, i) =>
      aCase({ id: `RD-${i}`, status: 'closed', closeReason: 'buyer_cancelled', resubmissions, lines: [{ lineIndex: 0, units: [1] }] }),
    );

  it('allows the 5th submission and refuses the 6th', () => {
    expect(review({ orderCases: closedCases(4) }).ok).toBe(true);
    expect(refusals(review({ orderCases: closedCases(5) }))).toEqual([
      { code: 'submission_limit_reached', lineIndex: 0, submissions: 5, max: 5 },
    ]);
  });

  it('counts every resubmission', () => {
    expect(submissionsOnLine(closedCases(2, 1), 0)).toBe(4);
    expect(codes(review({ orderCases: closedCases(2, 2) }))).toEqual(['submission_limit_reached']);
  });

  it('counts cases on the line only; refused requests leave nothing behind to count', () => {
    const onOtherLine = closedCases(5).map((c) => ({ ...c, lines: [{ lineIndex: 1, units: [1] }] }));
    const order = aOrder({ lines: [{}, {}] });
    expect(review({ order, orderCases: onOtherLine }).ok).toBe(true);
    // A refused request creates no case: asking again and again changes nothing.
    for (let i = 0; i < 6; i++) expect(codes(review({ request: { evidence: [] } }))).toEqual(['evidence_required']);
    expect(review().ok).toBe(true);
  });

  it('is reported alongside units that are unavailable', () => {
    const history = [...closedCases(4), caseOn([1], 'pending_merchant')];
    expect(refusals(review({ orderCases: history }))).toEqual([
      { code: 'submission_limit_reached', lineIndex: 0, submissions: 5, max: 5 },
      { code: 'units_unavailable', lineIndex: 0, requested: 1, available: 0 },
    ]);
  });
});

describe('evidence: at least one photo or video where the table requires it', () => {
  it('refuses a quality complaint without evidence, or with a PDF only', () => {
    expect(refusals(review({ request: { evidence: [] } }))).toEqual([{ code: 'evidence_required' }]);
    expect(refusals(review({ request: { evidence: [evidence('pdf')] } }))).toEqual([{ code: 'evidence_required' }]);
  });

  it.each(['image', 'video'] as const)('accepts a %s, also next to a PDF', (kind) => {
    expect(review({ request: { evidence: [evidence('pdf', 1), evidence(kind, 2)] } }).ok).toBe(true);
  });

  it('is not required before shipment (the buyer is cancelling)', () => {
    expect(review({ order: aNeverShippedOrder(), request: { type: 'refund_only', evidence: [] } }).ok).toBe(true);
  });

  it('is optional for a parcel not received and not asked for a logistics delay', () => {
    expect(review({ order: inTransit(), request: { reason: 'not_received', type: 'refund_only', evidence: [] } }).ok).toBe(true);
    expect(review({ order: inTransit(), request: { reason: 'logistics_delay', type: 'refund_only', evidence: [] } }).ok).toBe(true);
  });
});

describe('a request wrong in many ways gets every reason at once', () => {
  it('reports unpaid, unknown line, bad quantity, type, window, exclusion and evidence together', () => {
    const order = aOrder({
      paid: false,
      deliveredAt: '2026-02-01T02:00:00.000Z',
      lines: [{ quantity: 1, noReasonExclusion: 'custom_made' }, { quantity: 1 }],
    });
    const result = review({
      order,
      request: {
        reason: 'no_reason_7_days',
        type: 'exchange',
        evidence: [],
        lines: [{ lineIndex: 0, quantity: 1 }, { lineIndex: 1, quantity: 2 }, { lineIndex: 9, quantity: 1 }],
      },
    });
    expect(codes(result).sort()).toEqual(
      ['line_not_found', 'no_reason_excluded', 'no_reason_window_expired', 'order_not_paid', 'quantity_invalid', 'type_not_allowed'].sort(),
    );
  });

  it('reports evidence and held units together for a quality complaint', () => {
    expect(codes(review({ request: { evidence: [evidence('pdf')] }, orderCases: [caseOn([1], 'refunded')] })).sort()).toEqual([
      'evidence_required',
      'units_unavailable',
    ]);
  });
});

describe('the demo marketplace tells the stories it claims', () => {
  const data = demoData(new Date('2026-03-06T02:00:00.000Z'));
  const orderOf = (id: string): Order => data.orders.find((o) => o.id === id)!;
  const demoReview = (id: string, request: Partial<FilingRequest>): Eligibility => {
    const order = orderOf(id);
    return review({ order, buyerId: order.buyerId, request: { orderId: id, ...request } });
  };

  it('DEMO-1001 (not shipped) can be cancelled without evidence', () => {
    expect(demoReview('DEMO-1001', { type: 'refund_only', reason: 'mistaken_purchase', evidence: [] }).ok).toBe(true);
  });

  it('DEMO-1003 (fresh fruit) is refused a no-reason return', () => {
    expect(codes(demoReview('DEMO-1003', { reason: 'no_reason_7_days', evidence: [] }))).toEqual(['no_reason_excluded']);
  });

  it('DEMO-1005 (delivered 30 days ago) is past the no-reason window but open to quality complaints', () => {
    expect(codes(demoReview('DEMO-1005', { reason: 'no_reason_7_days', evidence: [] }))).toEqual(['no_reason_window_expired']);
    expect(demoReview('DEMO-1005', {}).ok).toBe(true);
  });

  it('DEMO-1006 (never paid) is refused', () => {
    expect(codes(demoReview('DEMO-1006', { type: 'refund_only', reason: 'other', evidence: [] }))).toContain('order_not_paid');
  });
});
