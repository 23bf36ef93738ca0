import type { ReasonCode } from '../../../services/refunds/case';
import { REASONS } from '../../../services/refunds/case';
import type { Order } from '../../../services/refunds/order';
import {
  DEFAULT_POLICY,
  afterConfirmation,
  evidenceNeeded,
  fastTrack,
  isSpecial,
  logisticsDelayConfirmed,
  merchantHours,
  platformConfirmation,
  priorityOf,
} from '../../../services/refunds/policy';
import type { TrackingInfo } from '../../../services/refunds/ports';
import { demoData } from '../../../services/orders/demo-data';
import { aNeverShippedOrder, aOrder } from '../../support/builders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date('2026-03-10T02:00:00.000Z');
const ago = (ms: number): string => new Date(NOW.getTime() - ms).toISOString();

/** Shipped 6 days ago, promised 1 day ago, not delivered. */
function aShippedOrder(overrides: Parameters<typeof aOrder>[0] = {}): Order {
  const { deliveredAt: _d, ...order } = aOrder({ shippedAt: ago(6 * DAY), promisedDeliveryBy: ago(DAY), ...overrides });
  return order;
}

/** The parcel's tracking: on its way, last scanned 4 days ago. */
function aTracking(overrides: Partial<TrackingInfo> = {}): TrackingInfo {
  return { carrier: 'SF', trackingNumber: 'SF1234567890', delivered: false, lastScanAt: ago(4 * DAY), ...overrides };
}

describe('fastTrack', () => {
  it.each(REASONS)('skips the merchant for refund_only before shipment (%s)', (reason) => {
    expect(fastTrack('refund_only', reason, aNeverShippedOrder(), null, NOW, DEFAULT_POLICY)).toEqual({
      value: 'before_shipment',
      reasons: ['refund_only_before_shipment'],
    });
  });

  it('asks the merchant for anything after shipment that is not a confirmed delay', () => {
    expect(fastTrack('refund_only', 'missing_parts', aOrder(), null, NOW, DEFAULT_POLICY)).toEqual({ value: null, reasons: ['merchant_decides'] });
    expect(fastTrack('return_refund', 'quality_issue', aOrder(), null, NOW, DEFAULT_POLICY).value).toBeNull();
    expect(fastTrack('refund_only', 'not_received', aShippedOrder(), aTracking(), NOW, DEFAULT_POLICY).value).toBeNull();
  });

  it('confirms a logistics delay when the promised date passed and no scan came for 3 days', () => {
    expect(fastTrack('refund_only', 'logistics_delay', aShippedOrder(), aTracking(), NOW, DEFAULT_POLICY)).toEqual({
      value: 'logistics_delay',
      reasons: ['promised_date_passed', 'no_scan_for_days'],
    });
    // Exactly 3 days of silence is enough.
    const exactly = aTracking({ lastScanAt: ago(3 * DAY) });
    expect(fastTrack('refund_only', 'logistics_delay', aShippedOrder(), exactly, NOW, DEFAULT_POLICY).value).toBe('logistics_delay');
  });

  it('does not confirm a delay after a recent scan', () => {
    const recent = aTracking({ lastScanAt: ago(3 * DAY - 1000) });
    expect(fastTrack('refund_only', 'logistics_delay', aShippedOrder(), recent, NOW, DEFAULT_POLICY)).toEqual({
      value: null,
      reasons: ['logistics_delay_not_confirmed', 'recent_carrier_scan'],
    });
  });

  it('does not confirm a delay before the promised date', () => {
    const order = aShippedOrder({ promisedDeliveryBy: ago(-HOUR) });
    expect(fastTrack('refund_only', 'logistics_delay', order, aTracking(), NOW, DEFAULT_POLICY)).toEqual({
      value: null,
      reasons: ['logistics_delay_not_confirmed', 'promised_date_not_passed'],
    });
    // The promised date at this very instant has not passed yet.
    expect(logisticsDelayConfirmed(aTracking(), aShippedOrder({ promisedDeliveryBy: NOW.toISOString() }), NOW, DEFAULT_POLICY).value).toBe(false);
  });

  it('prefers the carrier\'s promised date to the order\'s', () => {
    const tracking = aTracking({ promisedDeliveryBy: ago(-DAY) });
    expect(logisticsDelayConfirmed(tracking, aShippedOrder(), NOW, DEFAULT_POLICY)).toEqual({ value: false, reasons: ['promised_date_not_passed'] });
  });

  it('counts the silence from shipment when the carrier never scanned', () => {
    const never = aTracking({ lastScanAt: undefined });
    expect(logisticsDelayConfirmed(never, aShippedOrder(), NOW, DEFAULT_POLICY).value).toBe(true);
    expect(logisticsDelayConfirmed(never, aShippedOrder({ shippedAt: ago(2 * DAY) }), NOW, DEFAULT_POLICY).value).toBe(false);
  });

  it('does not confirm a delay without tracking or once delivered', () => {
    expect(logisticsDelayConfirmed(null, aShippedOrder(), NOW, DEFAULT_POLICY)).toEqual({ value: false, reasons: ['no_tracking_or_delivered'] });
    expect(logisticsDelayConfirmed(aTracking({ delivered: true }), aShippedOrder(), NOW, DEFAULT_POLICY).value).toBe(false);
  });

  it('follows the configured number of silent days', () => {
    const policy = { ...DEFAULT_POLICY, logisticsNoScanDays: 5 };
    expect(logisticsDelayConfirmed(aTracking(), aShippedOrder(), NOW, policy).value).toBe(false);
  });

  it('confirms the stalled parcel of the demo marketplace (DEMO-1004)', () => {
    const data = demoData(NOW);
    const order = data.orders.find((o) => o.id === 'DEMO-1004')!;
    expect(fastTrack('refund_only', 'logistics_delay', order, data.tracking['DEMO-1004']!, NOW, DEFAULT_POLICY).value).toBe('logistics_delay');
  });
});

describe('isSpecial: the merchant gets 48 h', () => {
  it('for an exchange', () => {
    expect(isSpecial('exchange', 'wrong_item', 5000, DEFAULT_POLICY)).toEqual({ value: true, reasons: ['exchange'] });
  });

  it('from ¥1,000 up', () => {
    expect(isSpecial('return_refund', 'wrong_item', 99_999, DEFAULT_POLICY)).toEqual({ value: false, reasons: [] });
    expect(isSpecial('return_refund', 'wrong_item', 100_000, DEFAULT_POLICY)).toEqual({ value: true, reasons: ['amount_at_least_threshold'] });
  });

  it('when the goods need a quality inspection', () => {
    expect(isSpecial('return_refund', 'quality_issue', 5000, DEFAULT_POLICY)).toEqual({ value: true, reasons: ['inspection_needed'] });
    // Cancelled before shipment: nothing comes back to inspect.
    expect(isSpecial('refund_only', 'quality_issue', 5000, DEFAULT_POLICY).value).toBe(false);
  });

  it('with every reason that applies', () => {
    expect(isSpecial('exchange', 'quality_issue', 150_000, DEFAULT_POLICY).reasons).toEqual([
      'exchange',
      'amount_at_least_threshold',
      'inspection_needed',
    ]);
  });

  it('sets the merchant\'s hours', () => {
    expect(merchantHours({ special: false }, DEFAULT_POLICY)).toBe(24);
    expect(merchantHours({ special: true }, DEFAULT_POLICY)).toBe(48);
  });
});

describe('platformConfirmation', () => {
  it('passes up to ¥2,000 and not a fen more', () => {
    expect(platformConfirmation(200_000, false, 0, DEFAULT_POLICY)).toEqual({ value: true, reasons: ['auto_confirmed'] });
    expect(platformConfirmation(200_001, false, 0, DEFAULT_POLICY)).toEqual({ value: false, reasons: ['amount_above_auto_confirm'] });
  });

  it('sends a buyer flagged by the platform to review', () => {
    expect(platformConfirmation(100, true, 0, DEFAULT_POLICY)).toEqual({ value: false, reasons: ['buyer_flagged_by_platform'] });
  });

  it('sends a buyer with 5 recent cases to review, not one with 4', () => {
    expect(platformConfirmation(100, false, 4, DEFAULT_POLICY).value).toBe(true);
    expect(platformConfirmation(100, false, 5, DEFAULT_POLICY)).toEqual({ value: false, reasons: ['buyer_many_recent_cases'] });
  });

  it('gives every reason for a review', () => {
    expect(platformConfirmation(300_000, true, 9, DEFAULT_POLICY).reasons).toEqual([
      'amount_above_auto_confirm',
      'buyer_flagged_by_platform',
      'buyer_many_recent_cases',
    ]);
  });
});

describe('afterConfirmation', () => {
  it('pays refund-only and refund-without-return cases, and waits for the goods otherwise', () => {
    expect(afterConfirmation({ type: 'refund_only' })).toBe('refund_pending');
    expect(afterConfirmation({ type: 'return_refund' })).toBe('awaiting_return_shipment');
    expect(afterConfirmation({ type: 'return_refund', refundWithoutReturn: true })).toBe('refund_pending');
    expect(afterConfirmation({ type: 'exchange' })).toBe('awaiting_return_shipment');
  });
});

describe('the reasons table\'s other columns', () => {
  it('gives high priority to quality complaints and logistics delays only', () => {
    const high = REASONS.filter((r) => priorityOf(r) === 'high');
    expect(high.sort()).toEqual(['logistics_delay', 'quality_issue']);
  });

  it('asks for evidence after shipment as the table says, and never before', () => {
    const required: ReasonCode[] = ['quality_issue', 'not_as_described', 'damaged_in_transit', 'wrong_item', 'missing_parts'];
    const none: ReasonCode[] = ['logistics_delay', 'no_reason_7_days'];
    for (const reason of REASONS) {
      const expected = required.includes(reason) ? 'required' : none.includes(reason) ? 'none' : 'optional';
      expect({ reason, evidence: evidenceNeeded(reason, aOrder()) }).toEqual({ reason, evidence: expected });
      expect({ reason, evidence: evidenceNeeded(reason, aNeverShippedOrder()) }).toEqual({ reason, evidence: 'none' });
    }
  });
});
