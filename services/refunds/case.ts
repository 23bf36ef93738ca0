import type { NoReasonExclusion, PaymentMethod } from './order';

// The refund case and everything recorded about it. Plain data: it is stored as JSON.

export const CASE_TYPES = ['refund_only', 'return_refund', 'exchange'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const REASONS = [
  'quality_issue',
  'not_as_described',
  'damaged_in_transit',
  'wrong_item',
  'missing_parts',
  'logistics_delay',
  'not_received',
  'no_reason_7_days',
  'mistaken_purchase',
  'other',
] as const;
export type ReasonCode = (typeof REASONS)[number];

export const CASE_STATUSES = [
  'pending_merchant',
  'platform_review',
  'merchant_rejected',
  'awaiting_return_shipment',
  'return_in_transit',
  'return_received',
  'exchange_shipping',
  'refund_pending',
  'refunding',
  'refund_failed',
  'refunded',
  'exchanged',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['refunded', 'exchanged', 'closed'];
export const isOpen = (status: CaseStatus): boolean => !TERMINAL_STATUSES.includes(status);

export const CLOSE_REASONS = [
  'buyer_cancelled',
  'buyer_accepted_rejection',
  'escalation_window_expired',
  'return_not_shipped',
  'platform_rejected',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

export const MERCHANT_REJECT_CODES = [
  'evidence_insufficient',
  'not_as_claimed',
  'outside_policy',
  'item_used_or_damaged_by_buyer',
  'other',
] as const;
export type MerchantRejectCode = (typeof MERCHANT_REJECT_CODES)[number];

export const INSPECTION_PROBLEMS = ['damaged', 'wrong_item'] as const;
export type InspectionProblem = (typeof INSPECTION_PROBLEMS)[number];

export const ROLES = ['buyer', 'merchant', 'cs', 'system'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  role: Role;
  id: string;
  /** For merchants: the shop they act for. */
  shopId?: string;
}

export const SYSTEM: Actor = { role: 'system', id: 'system' };

export type Priority = 'high' | 'normal';
export type EvidenceKind = 'image' | 'video' | 'pdf';

export interface EvidenceRef {
  /** sha256 of the content, hex: the file's address in the evidence store. */
  sha256: string;
  kind: EvidenceKind;
  mediaType: string;
  size: number;
  name?: string;
  addedBy: Role;
  addedAt: string;
}

/** A case covers explicit units of order lines (1-based unit numbers within the line). */
export interface CaseLine {
  lineIndex: number;
  units: number[];
}

export interface LineQuote {
  lineIndex: number;
  units: number[];
  /** Price of the units before deductions. */
  gross: number;
  coupon: number;
  redPacket: number;
  points: number;
  cash: number;
}

export interface Quote {
  currency: string;
  lines: LineQuote[];
  /** Cash for the goods (sum of the lines' cash). */
  goodsCash: number;
  /** Shipping fee refunded with this case (only when it completes the refund of a never-shipped order). */
  shippingRefunded: number;
  /** Total cash paid back: goodsCash + shippingRefunded. */
  cash: number;
  pointsRestored: number;
  /** Coupon and red packet go back to the buyer's account, never as cash, and only with the whole order. */
  couponReturned: number;
  redPacketReturned: number;
  returnFreightPaidBy: 'merchant' | 'buyer' | null;
  /** True when this case completes the refund of every unit of the order. */
  completesOrder: boolean;
}

export type PaymentStatus =
  /** Intent recorded; the gateway may or may not have been called. Safe to (re)submit under the same key. */
  | 'submitting'
  /** The gateway accepted the request; waiting for its confirmation. */
  | 'accepted'
  /** Transient trouble; resubmitted under the same key at nextAttemptAt. */
  | 'retry_wait'
  | 'confirmed'
  | 'declined';

export interface PaymentRecord {
  generation: number;
  /** Idempotency key given to the gateway: derived from the case id and the generation. */
  key: string;
  amount: number;
  pointsRestored: number;
  status: PaymentStatus;
  attempts: number;
  /** Status polls of an accepted payment so far (for their backoff). */
  polls: number;
  /** Transient failures in a row (for the retry backoff); absent on records written before it existed. */
  failures?: number;
  nextAttemptAt?: string;
  gatewayReference?: string;
  lastError?: string;
  submittedAt?: string;
  confirmedAt?: string;
  /** Offline settlement by CS: the voucher's evidence address. */
  offlineVoucher?: string;
}

export interface ReturnShipment {
  carrier: string;
  trackingNumber: string;
  shippedAt: string;
  lastScanAt?: string;
  deliveredAt?: string;
}

export interface ReturnAddress {
  recipient: string;
  phone: string;
  address: string;
}

export interface Decision {
  by: Actor;
  at: string;
  remark?: string;
  code?: string;
}

export interface RefundCase {
  id: string;
  version: number;
  orderId: string;
  buyerId: string;
  shopId: string;
  type: CaseType;
  reason: ReasonCode;
  description: string;
  lines: CaseLine[];
  evidence: EvidenceRef[];
  status: CaseStatus;
  priority: Priority;
  /** Exchange, amount at least the special threshold, or inspection needed: the merchant gets 48 h. */
  special: boolean;
  paymentMethod: PaymentMethod;
  quote: Quote;
  createdAt: string;
  updatedAt: string;
  /** When the case entered its current status: deadlines run from here. */
  stateEnteredAt: string;
  /** Reminders and alerts already sent in the current status (cleared on every entry). */
  notices: string[];
  /** Times the buyer resubmitted after a rejection. */
  resubmissions: number;
  fastTrack?: 'before_shipment' | 'logistics_delay';
  /** Fast-tracked cancellation whose order shipped anyway: the refund stands. */
  interceptionFailed?: boolean;
  noReasonExclusion?: NoReasonExclusion;
  refundWithoutReturn?: boolean;
  returnAddress?: ReturnAddress;
  returnShipment?: ReturnShipment;
  merchantDecision?: Decision & {
    outcome: 'approved' | 'approved_without_return' | 'rejected' | 'auto_approved';
    /** Time the case waited in pending_merchant for this decision. */
    waitedMs: number;
  };
  inspection?: Decision & { outcome: 'ok' | 'damaged' | 'wrong_item' | 'short'; receivedUnits?: CaseLine[] };
  platformDecision?: Decision & { outcome: 'approved' | 'rejected' | 'intervened' };
  evidenceRequests: Decision[];
  payment?: PaymentRecord;
  replacement?: { carrier: string; trackingNumber: string; shippedAt: string };
  closeReason?: CloseReason;
  rating?: { stars: number; comment?: string; at: string };
  /** Deadlines that expired and acted by themselves (their expiry events). */
  expired: string[];
  /** Definitive payment declines. */
  paymentFailures: number;
  /** Who changed the case last, and with what: reported to the loser of a race. */
  lastChange: { actor: Actor; at: string; event: string; from?: CaseStatus | null };
}

export interface AuditEntry {
  at: string;
  actor: Actor;
  event: string;
  from: CaseStatus | null;
  to: CaseStatus;
  version: number;
  remark?: string;
  data?: Record<string, unknown>;
}

/** The outgoing domain event, written in the same atomic step as the case (the outbox). */
export interface DomainEvent {
  /** `${caseId}:${version}`: unique, and stable across redeliveries. */
  id: string;
  caseId: string;
  version: number;
  at: string;
  actor: Actor;
  /** The command or timer that caused it (`file`, `merchant_approve`, `reminder`, `alert`, ...). */
  type: string;
  from: CaseStatus | null;
  to: CaseStatus;
  /** Reminders: which one; alerts: what about. */
  notice?: string;
  data?: Record<string, unknown>;
}
