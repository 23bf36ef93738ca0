import type { RefundCase } from '../../../services/refunds/case';
import type { CaseWrite } from '../../../services/refunds/ports';
import { anAuditEntryFor, anEventFor } from '../../support/case-builder';

export interface WriteExtras extends Partial<Omit<CaseWrite, 'next'>> {
  /** The status the case had before this write (null when it is being created). */
  from?: RefundCase['status'] | null;
}

/** The write that stores `next`: expects version next.version - 1, no wake time, no idempotency key. */
export function writeOf(next: RefundCase, extras: WriteExtras = {}): CaseWrite {
  const { from = next.version === 1 ? null : next.status, ...rest } = extras;
  return {
    next,
    expectedVersion: next.version - 1,
    audit: anAuditEntryFor(next, from),
    event: anEventFor(next, from),
    wakeAt: null,
    ...rest,
  };
}

/** `c` moved on by one version, with `changes` applied and the change attributed to a merchant. */
export function changed(c: RefundCase, changes: Partial<RefundCase> = {}, at = '2026-03-05T06:00:00.000Z'): RefundCase {
  return {
    ...c,
    ...changes,
    version: c.version + 1,
    updatedAt: at,
    lastChange: { actor: { role: 'merchant', id: 'merchant-1', shopId: c.shopId }, at, event: 'merchant_approve' },
  };
}

export async function eventually(check: () => boolean, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
