import type { CaseType, Priority, ReasonCode, RefundCase } from './case';
import { DAY, HOUR } from './calendar';
import type { Order } from './order';
import { shippingState } from './order';
import type { TrackingInfo } from './ports';

// Policy rules: pure functions that return a decision and its reasons. Each names the DESIGN.md clause it implements.

export interface PolicyConfig {
  timeZone: string;
  currency: string;
  /** Platform confirmation passes automatically up to this amount (fen). */
  autoConfirmMaxFen: number;
  /** A buyer with this many cases in the window is flagged for platform review. */
  flagCaseCount: number;
  flagWindowDays: number;
  /** Cases of at least this amount are special (48 h for the merchant). */
  specialAmountFen: number;
  merchantHours: number;
  merchantSpecialHours: number;
  platformReviewHours: number;
  rejectionDays: number;
  returnShipDays: number;
  returnStalledDays: number;
  inspectionDays: number;
  exchangeShipHours: number;
  paymentUnconfirmedHours: number;
  /** Transient payment trouble is retried after these delays (ms), the last one repeating. */
  paymentRetryMs: number[];
  /** How long a payment submission may take before another sweeper may resubmit under the same key. */
  paymentLeaseMs: number;
  /** Polling of an accepted, unconfirmed payment (ms), the last one repeating. */
  paymentPollMs: number[];
  noReasonDays: number;
  maxSubmissionsPerLine: number;
  /** Logistics delay: promised date passed and no carrier scan for this many days. */
  logisticsNoScanDays: number;
}

export const DEFAULT_POLICY: PolicyConfig = {
  timeZone: 'Asia/Shanghai',
  currency: 'CNY',
  autoConfirmMaxFen: 200_000,
  flagCaseCount: 5,
  flagWindowDays: 30,
  specialAmountFen: 100_000,
  merchantHours: 24,
  merchantSpecialHours: 48,
  platformReviewHours: 48,
  rejectionDays: 7,
  returnShipDays: 7,
  returnStalledDays: 5,
  inspectionDays: 10,
  exchangeShipHours: 48,
  paymentUnconfirmedHours: 24,
  paymentRetryMs: [60_000, 300_000, 1_800_000, 7_200_000],
  paymentLeaseMs: 30_000,
  paymentPollMs: [5_000, 30_000, 300_000, 1_800_000],
  noReasonDays: 7,
  maxSubmissionsPerLine: 5,
  logisticsNoScanDays: 3,
};

export type Evidence = 'required' | 'optional' | 'none';
export type ShippingWindow = 'not_shipped' | 'in_transit' | 'delivered';

export interface ReasonRule {
  /** Types allowed in each shipping state (DESIGN.md reasons table; before shipment every reason allows refund_only). */
  types: Record<ShippingWindow, readonly CaseType[]>;
  evidence: Evidence;
  returnFreight: 'merchant' | 'buyer' | null;
  priority: Priority;
}

const BEFORE_SHIPMENT: readonly CaseType[] = ['refund_only'];
const RETURN_OR_EXCHANGE: readonly CaseType[] = ['return_refund', 'exchange'];

/** DESIGN.md §2 "Reasons" table. */
export const REASON_RULES: Record<ReasonCode, ReasonRule> = {
  quality_issue: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: RETURN_OR_EXCHANGE },
    evidence: 'required',
    returnFreight: 'merchant',
    priority: 'high',
  },
  not_as_described: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: RETURN_OR_EXCHANGE },
    evidence: 'required',
    returnFreight: 'merchant',
    priority: 'normal',
  },
  damaged_in_transit: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: RETURN_OR_EXCHANGE },
    evidence: 'required',
    returnFreight: 'merchant',
    priority: 'normal',
  },
  wrong_item: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: RETURN_OR_EXCHANGE },
    evidence: 'required',
    returnFreight: 'merchant',
    priority: 'normal',
  },
  missing_parts: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: ['refund_only', 'return_refund'] },
    evidence: 'required',
    returnFreight: 'merchant',
    priority: 'normal',
  },
  logistics_delay: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: ['refund_only'], delivered: [] },
    evidence: 'none',
    returnFreight: null,
    priority: 'high',
  },
  not_received: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: ['refund_only'], delivered: ['refund_only'] },
    evidence: 'optional',
    returnFreight: null,
    priority: 'normal',
  },
  no_reason_7_days: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: ['return_refund'] },
    evidence: 'none',
    returnFreight: 'buyer',
    priority: 'normal',
  },
  mistaken_purchase: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: ['return_refund'] },
    evidence: 'optional',
    returnFreight: 'buyer',
    priority: 'normal',
  },
  other: {
    types: { not_shipped: BEFORE_SHIPMENT, in_transit: [], delivered: ['return_refund'] },
    evidence: 'optional',
    returnFreight: 'buyer',
    priority: 'normal',
  },
};

/** Evidence applies only after shipment: a buyer cancelling before shipment has nothing to prove (DESIGN.md §2). */
export function evidenceNeeded(reason: ReasonCode, order: Order): Evidence {
  return shippingState(order) === 'not_shipped' ? 'none' : REASON_RULES[reason].evidence;
}

/** Reasons table: the types a reason allows at the order's shipping state. */
export function allowedTypes(reason: ReasonCode, order: Order): readonly CaseType[] {
  return REASON_RULES[reason].types[shippingState(order)];
}

export interface Decision<T> {
  value: T;
  reasons: string[];
}

/** Logistics delay is confirmed when the promised date has passed and the carrier has not scanned for N days. */
export function logisticsDelayConfirmed(
  tracking: TrackingInfo | null,
  order: Order,
  now: Date,
  policy: PolicyConfig,
): Decision<boolean> {
  const promised = tracking?.promisedDeliveryBy ?? order.promisedDeliveryBy;
  if (!tracking || tracking.delivered) return { value: false, reasons: ['no_tracking_or_delivered'] };
  if (!promised || Date.parse(promised) >= now.getTime()) return { value: false, reasons: ['promised_date_not_passed'] };
  const lastScan = tracking.lastScanAt ? Date.parse(tracking.lastScanAt) : Date.parse(order.shippedAt ?? promised);
  if (now.getTime() - lastScan < policy.logisticsNoScanDays * DAY) return { value: false, reasons: ['recent_carrier_scan'] };
  return { value: true, reasons: ['promised_date_passed', 'no_scan_for_days'] };
}

export type FastTrack = 'before_shipment' | 'logistics_delay';

/** Fast track: refund_only before shipment, or a logistics delay confirmed from tracking data (the merchant is informed, not asked). */
export function fastTrack(
  type: CaseType,
  reason: ReasonCode,
  order: Order,
  tracking: TrackingInfo | null,
  now: Date,
  policy: PolicyConfig,
): Decision<FastTrack | null> {
  if (type === 'refund_only' && shippingState(order) === 'not_shipped') {
    return { value: 'before_shipment', reasons: ['refund_only_before_shipment'] };
  }
  if (reason === 'logistics_delay') {
    const delay = logisticsDelayConfirmed(tracking, order, now, policy);
    return delay.value
      ? { value: 'logistics_delay', reasons: delay.reasons }
      : { value: null, reasons: ['logistics_delay_not_confirmed', ...delay.reasons] };
  }
  return { value: null, reasons: ['merchant_decides'] };
}

/** Special cases get 48 h: exchange, amount at least the threshold, or inspection needed (a quality complaint). */
export function isSpecial(type: CaseType, reason: ReasonCode, amountFen: number, policy: PolicyConfig): Decision<boolean> {
  const reasons: string[] = [];
  if (type === 'exchange') reasons.push('exchange');
  if (amountFen >= policy.specialAmountFen) reasons.push('amount_at_least_threshold');
  if (reason === 'quality_issue' && type !== 'refund_only') reasons.push('inspection_needed');
  return { value: reasons.length > 0, reasons };
}

/** Priority from the reasons table. */
export function priorityOf(reason: ReasonCode): Priority {
  return REASON_RULES[reason].priority;
}

/** Platform confirmation: passes when the amount is at most the threshold and the buyer is not flagged. */
export function platformConfirmation(
  amountFen: number,
  buyerFlagged: boolean,
  recentCaseCount: number,
  policy: PolicyConfig,
): Decision<boolean> {
  const reasons: string[] = [];
  if (amountFen > policy.autoConfirmMaxFen) reasons.push('amount_above_auto_confirm');
  if (buyerFlagged) reasons.push('buyer_flagged_by_platform');
  if (recentCaseCount >= policy.flagCaseCount) reasons.push('buyer_many_recent_cases');
  return reasons.length === 0 ? { value: true, reasons: ['auto_confirmed'] } : { value: false, reasons };
}

/** After a passed confirmation: money for refund-only and refund-without-return, else the goods come back first. */
export function afterConfirmation(c: Pick<RefundCase, 'type' | 'refundWithoutReturn'>): 'refund_pending' | 'awaiting_return_shipment' {
  return c.type === 'refund_only' || c.refundWithoutReturn ? 'refund_pending' : 'awaiting_return_shipment';
}

export function merchantHours(c: Pick<RefundCase, 'special'>, policy: PolicyConfig): number {
  return c.special ? policy.merchantSpecialHours : policy.merchantHours;
}

export const hoursMs = (h: number): number => h * HOUR;
