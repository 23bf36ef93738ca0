import type { AuditEntry, CaseStatus, DomainEvent, RefundCase } from './case';
import type { Buyer, Order, Shop } from './order';

// The ports the refund core needs. Adapters elsewhere in services/ implement them; the core imports none.

export interface Clock {
  now(): Date;
}

/** What a command returned the first time, kept under its idempotency key. */
export interface IdempotencyRecord {
  /** Hash of the command's payload: the same key with another payload is refused. */
  fingerprint: string;
  /** The command's outcome as returned to the caller (JSON). */
  result: unknown;
}

export interface CaseWrite {
  /** The case as it is after the change; its `version` is expectedVersion + 1. */
  next: RefundCase;
  /** 0 when creating the case. */
  expectedVersion: number;
  audit: AuditEntry;
  event: DomainEvent;
  /** Full idempotency key (already scoped by actor, case or order, and command). */
  idempotency?: { key: string; record: IdempotencyRecord };
  /**
   * Serializes the changes that must see every sibling case of an order: filings (two racing filings cannot both
   * claim the same units) and payment starts (only one case can complete the order and carry its shipping fee and
   * coupon). The store keeps a change counter per order; the write succeeds only if it still equals
   * `expectedFilings`, and then increments it.
   */
  orderGuard?: { orderId: string; expectedFilings: number };
  /** When the sweeper should next look at the case (epoch ms); null removes it from the deadline index. */
  wakeAt: number | null;
}

export type CommitResult =
  | { ok: true }
  /** The stored version is not the expected one: nothing was written. */
  | { ok: false; kind: 'version_conflict'; current: RefundCase | null }
  /** Another case was filed on the order since `orderGuard.expectedFilings` was read: nothing was written. */
  | { ok: false; kind: 'order_conflict' }
  /** The idempotency key was already used: nothing was written. */
  | { ok: false; kind: 'duplicate_key'; record: IdempotencyRecord };

export interface CaseQuery {
  buyerId?: string;
  shopId?: string;
  orderId?: string;
  status?: CaseStatus;
  /** createdAt within [createdFrom, createdTo) */
  createdFrom?: Date;
  createdTo?: Date;
}

export interface CaseStore {
  get(caseId: string): Promise<RefundCase | null>;
  /**
   * One atomic step: compare-and-set of the case version, case document, audit entry, idempotency record,
   * deadline index and outbox event. Either everything is written or nothing is.
   */
  commit(write: CaseWrite): Promise<CommitResult>;
  getIdempotency(key: string): Promise<IdempotencyRecord | null>;
  /** The audit trail, oldest first. */
  audit(caseId: string): Promise<AuditEntry[]>;
  /** Cases matching every given field, oldest first. */
  find(query: CaseQuery): Promise<RefundCase[]>;
  /** Ids of cases whose wake time is at or before `now`, earliest first. */
  due(now: Date, limit: number): Promise<string[]>;
  /** The order's change counter that `orderGuard` checks (filings and payment starts so far). */
  filingsOnOrder(orderId: string): Promise<number>;
  /** Allocates the next case number (unique across instances). */
  nextCaseNumber(): Promise<number>;
}

/** Reads the outbox: at-least-once delivery to a named consumer group, acknowledged after handling. */
export interface EventSource {
  /**
   * Starts delivering events to `handler` for consumer `consumer` of `group`. Events the handler throws on
   * stay pending and are redelivered. Returns a function that stops the subscription.
   */
  subscribe(group: string, consumer: string, handler: (event: DomainEvent) => Promise<void>): Promise<() => Promise<void>>;
}

export interface OrderCatalogue {
  getOrder(orderId: string): Promise<Order | null>;
  listOrdersOfBuyer(buyerId: string): Promise<Order[]>;
  getShop(shopId: string): Promise<Shop | null>;
  getBuyer(buyerId: string): Promise<Buyer | null>;
  /** Fast-tracked cancellation: ask the shop not to ship. Returns false when the order has already shipped. */
  markDoNotShip(orderId: string): Promise<boolean>;
}

export interface TrackingInfo {
  carrier: string;
  trackingNumber: string;
  delivered: boolean;
  deliveredAt?: string;
  /** Time of the carrier's last scan, if any. */
  lastScanAt?: string;
  promisedDeliveryBy?: string;
}

export interface Logistics {
  /** Tracking of the order's outbound parcel; null when it has none. */
  orderTracking(order: Order): Promise<TrackingInfo | null>;
  /** Registers a buyer's return parcel so its tracking can be followed. */
  registerReturn(carrier: string, trackingNumber: string, at: Date): Promise<void>;
  /** Tracking of a return parcel; null when unknown to the carrier. */
  returnTracking(carrier: string, trackingNumber: string): Promise<TrackingInfo | null>;
}

export interface PaymentRequest {
  /** Idempotency key: the gateway pays at most once per key. */
  key: string;
  caseId: string;
  orderId: string;
  buyerId: string;
  currency: string;
  amount: number;
  pointsRestored: number;
  method: string;
}

export type PaymentReply =
  | { kind: 'accepted'; reference: string }
  | { kind: 'confirmed'; reference: string }
  | { kind: 'declined'; code: string; message?: string }
  /** Timeout, 5xx, unknown: safe to retry under the same key. */
  | { kind: 'transient'; message: string };

export interface PaymentGateway {
  submit(request: PaymentRequest): Promise<PaymentReply>;
  /** The state of a payment by key: 'unknown' when the gateway never saw the key. */
  status(key: string): Promise<PaymentReply | { kind: 'unknown' }>;
}
