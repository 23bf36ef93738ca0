import type { CaseStatus } from '../refunds';
import { localDate, localParts } from './local-time';
import type { OverdueCase } from './open-cases';
import { overdueByShop } from './open-cases';
import type { PaymentFailureCounts } from './payment-failure-log';
import type { ShopRates } from './shop-rates';

// The process alerts to the CS channel (issue 5), as conditions with stable keys. A condition alerts once when
// it starts and again only after it has cleared (`rearm`); the digest is keyed by its local day instead, so it
// goes out once a day.

export type ProcessAlert =
  | {
      kind: 'refund_rate';
      key: string;
      shopId: string;
      cases: number;
      median: number;
      factor: number;
      windowDays: number;
    }
  | {
      kind: 'payment_failures';
      key: string;
      declined: number;
      transient: number;
      threshold: number;
      windowHours: number;
    }
  | {
      kind: 'overdue_digest';
      key: string;
      /** Local day of the digest, `YYYY-MM-DD`. */
      date: string;
      total: number;
      shops: { shopId: string; cases: number; byState: Partial<Record<CaseStatus, number>>; oldestDueAt: string }[];
    };

export type ProcessAlertKind = ProcessAlert['kind'];

export interface ConditionInput {
  now: Date;
  timeZone: string;
  /** Local hour (0-23) from which the day's digest goes out. */
  digestHour: number;
  rates: ShopRates;
  failures: PaymentFailureCounts;
  failureThreshold: number;
  failureWindowHours: number;
  overdue: readonly OverdueCase[];
}

export const DIGEST_PREFIX = 'digest:';

/** Conditions keyed by the day rather than re-armed when they clear. */
export function isDailyKey(key: string): boolean {
  return key.startsWith(DIGEST_PREFIX);
}

export function processConditions(input: ConditionInput): ProcessAlert[] {
  const out: ProcessAlert[] = [];
  const { rates } = input;
  for (const shop of rates.shops) {
    if (!shop.outlier || rates.median === null) continue;
    out.push({
      kind: 'refund_rate',
      key: `refund_rate:${shop.shopId}`,
      shopId: shop.shopId,
      cases: shop.cases,
      median: rates.median,
      factor: rates.factor,
      windowDays: rates.windowDays,
    });
  }
  const failed = input.failures.declined + input.failures.transient;
  if (failed >= input.failureThreshold) {
    out.push({
      kind: 'payment_failures',
      key: 'payment_failures',
      declined: input.failures.declined,
      transient: input.failures.transient,
      threshold: input.failureThreshold,
      windowHours: input.failureWindowHours,
    });
  }
  // The day's digest: at the first check from the digest hour on that finds overdue cases.
  if (input.overdue.length > 0 && localParts(input.now, input.timeZone).hour >= input.digestHour) {
    const date = localDate(input.now, input.timeZone);
    out.push({ kind: 'overdue_digest', key: `${DIGEST_PREFIX}${date}`, date, total: input.overdue.length, shops: overdueByShop(input.overdue) });
  }
  return out;
}
