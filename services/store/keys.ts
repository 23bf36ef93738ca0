import { CASE_STATUSES, type CaseStatus } from '../refunds/case';

export const DEFAULT_PREFIX = 'rd:';

/**
 * Every Redis key the refund store uses, under one prefix so several deployments (or test runs) can share a
 * server. Keys touched by one case write are separate keys without a common hash tag: fine on a single
 * primary, which is the deployment the design calls for; Redis Cluster would need them in one hash slot.
 */
export interface StoreKeys {
  readonly prefix: string;
  caseDoc(caseId: string): string;
  audit(caseId: string): string;
  idempotency(key: string): string;
  /** Count of cases filed on an order (the filing guard). */
  filings(orderId: string): string;
  /** Sorted set of case ids scored by wake time (epoch ms). */
  readonly deadlines: string;
  /** The outbox stream of domain events. */
  readonly outbox: string;
  readonly caseNumber: string;
  /** Secondary indexes: sorted sets of case ids scored by createdAt (epoch ms). */
  readonly byCreated: string;
  byBuyer(buyerId: string): string;
  byShop(shopId: string): string;
  byOrder(orderId: string): string;
  byStatus(status: CaseStatus): string;
}

export function storeKeys(prefix: string = DEFAULT_PREFIX): StoreKeys {
  return {
    prefix,
    caseDoc: (caseId) => `${prefix}case:${caseId}`,
    audit: (caseId) => `${prefix}audit:${caseId}`,
    idempotency: (key) => `${prefix}idem:${key}`,
    filings: (orderId) => `${prefix}filings:${orderId}`,
    deadlines: `${prefix}deadlines`,
    outbox: `${prefix}events`,
    caseNumber: `${prefix}seq:case`,
    byCreated: `${prefix}idx:created`,
    byBuyer: (buyerId) => `${prefix}idx:buyer:${buyerId}`,
    byShop: (shopId) => `${prefix}idx:shop:${shopId}`,
    byOrder: (orderId) => `${prefix}idx:order:${orderId}`,
    byStatus: (status) => `${prefix}idx:status:${status}`,
  };
}

/** Every status index key, in CASE_STATUSES order (the commit script gets them all as KEYS). */
export function statusKeys(keys: StoreKeys): string[] {
  return CASE_STATUSES.map((s) => keys.byStatus(s));
}
