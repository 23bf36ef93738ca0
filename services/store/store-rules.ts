import type { RefundCase } from '../refunds/case';
import type { CaseQuery, CaseWrite } from '../refunds/ports';

// Rules both case stores apply the same way, so the two implementations cannot drift apart.

export const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/** A malformed write is a bug in the caller, not a business outcome: it throws and nothing is written. */
export function assertWritable(write: CaseWrite): void {
  const { next, expectedVersion } = write;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    throw new Error(`case ${next.id}: expectedVersion must be a non-negative integer, got ${expectedVersion}`);
  }
  if (next.version !== expectedVersion + 1) {
    throw new Error(`case ${next.id}: next.version ${next.version} must be expectedVersion + 1 (${expectedVersion + 1})`);
  }
  if (Number.isNaN(createdMs(next))) throw new Error(`case ${next.id}: createdAt is not a date: ${next.createdAt}`);
  if (write.wakeAt !== null && !Number.isFinite(write.wakeAt)) {
    throw new Error(`case ${next.id}: wakeAt must be epoch ms or null, got ${write.wakeAt}`);
  }
}

export const createdMs = (c: RefundCase): number => Date.parse(c.createdAt);

export function matches(c: RefundCase, q: CaseQuery): boolean {
  const created = createdMs(c);
  return (
    (q.buyerId === undefined || c.buyerId === q.buyerId) &&
    (q.shopId === undefined || c.shopId === q.shopId) &&
    (q.orderId === undefined || c.orderId === q.orderId) &&
    (q.status === undefined || c.status === q.status) &&
    (q.createdFrom === undefined || created >= q.createdFrom.getTime()) &&
    (q.createdTo === undefined || created < q.createdTo.getTime())
  );
}

export function byCreatedThenId(a: RefundCase, b: RefundCase): number {
  return createdMs(a) - createdMs(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
