import type { Clock, DomainEvent, PolicyConfig } from '../refunds';
import type { AlertState } from './alert-state';
import type { CaseReader } from './case-reader';
import { OPEN_STATUSES } from './operator-figures';
import { openCases } from './open-cases';
import type { PaymentFailureLog } from './payment-failure-log';
import { paymentFailureOf } from './payment-failure-log';
import type { ProcessAlert } from './process-conditions';
import { DIGEST_PREFIX, isDailyKey, processConditions } from './process-conditions';
import { DAY_MS, shopRefundRates } from './shop-rates';

// Checks the process as a whole and posts each alert once per condition. Safe with several instances: the claim
// in the alert state decides which one posts. A post that fails releases the claim, so the next check retries.

export interface ProcessAlertOptions {
  timeZone: string;
  refundRateFactor: number;
  refundRateWindowDays: number;
  paymentFailureThreshold: number;
  paymentFailureWindowHours: number;
  digestHour: number;
  /** Digest claims older than this are forgotten (their day cannot come again). */
  keepDigestDays: number;
}

export const DEFAULT_PROCESS_ALERT_OPTIONS: ProcessAlertOptions = {
  timeZone: 'Asia/Shanghai',
  refundRateFactor: 3,
  refundRateWindowDays: 30,
  paymentFailureThreshold: 5,
  paymentFailureWindowHours: 24,
  digestHour: 9,
  keepDigestDays: 7,
};

export interface ProcessAlertsDeps {
  cases: CaseReader;
  policy: PolicyConfig;
  clock: Clock;
  failures: PaymentFailureLog;
  state: AlertState;
  /** Posts the alert; false when it could not be delivered (no channel known yet, connector trouble). */
  post(alert: ProcessAlert): Promise<boolean>;
  /** A post that threw (a bug or infrastructure): the alert is retried at the next check. */
  onPostError?(err: unknown, alert: ProcessAlert): void;
  options?: Partial<ProcessAlertOptions>;
}

export interface CheckReport {
  /** Conditions that hold now. */
  active: string[];
  posted: string[];
  /** Posts that failed: retried at the next check. */
  failed: string[];
  /** Conditions that cleared: they alert again when they come back. */
  rearmed: string[];
}

export class ProcessAlerts {
  readonly options: ProcessAlertOptions;

  constructor(private readonly deps: ProcessAlertsDeps) {
    this.options = { ...DEFAULT_PROCESS_ALERT_OPTIONS, timeZone: deps.policy.timeZone, ...deps.options };
  }

  /** Outbox consumer: remembers payment failures (idempotent by event id). */
  async onEvent(event: DomainEvent): Promise<void> {
    const kind = paymentFailureOf(event.type);
    if (kind) await this.deps.failures.record(event.id, kind, new Date(event.at));
  }

  /** What holds now, without posting anything. */
  async conditions(): Promise<ProcessAlert[]> {
    const o = this.options;
    const now = this.deps.clock.now();
    const windowStart = new Date(now.getTime() - o.refundRateWindowDays * DAY_MS);
    const failureStart = new Date(now.getTime() - o.paymentFailureWindowHours * 3_600_000);
    const [recent, open, failures] = await Promise.all([
      this.deps.cases.listCases({ createdFrom: windowStart, createdTo: new Date(now.getTime() + 1) }),
      Promise.all(OPEN_STATUSES.map((status) => this.deps.cases.listCases({ status }))),
      this.deps.failures.count(failureStart, now),
    ]);
    await this.deps.failures.prune(failureStart);
    return processConditions({
      now,
      timeZone: o.timeZone,
      digestHour: o.digestHour,
      rates: shopRefundRates(recent, { now, windowDays: o.refundRateWindowDays, factor: o.refundRateFactor }),
      failures,
      failureThreshold: o.paymentFailureThreshold,
      failureWindowHours: o.paymentFailureWindowHours,
      overdue: openCases(open.flat(), this.deps.policy, now).overdueCases,
    });
  }

  async check(): Promise<CheckReport> {
    const now = this.deps.clock.now();
    const alerts = await this.conditions();
    const report: CheckReport = { active: alerts.map((a) => a.key), posted: [], failed: [], rearmed: [] };
    for (const alert of alerts) {
      if (!(await this.deps.state.claim(alert.key, now))) continue;
      let sent = false;
      try {
        sent = await this.deps.post(alert);
      } catch (err) {
        this.deps.onPostError?.(err, alert);
      }
      if (!sent) await this.deps.state.release(alert.key);
      (sent ? report.posted : report.failed).push(alert.key);
    }
    const active = new Set(report.active);
    const oldestDigest = `${DIGEST_PREFIX}${new Date(now.getTime() - this.options.keepDigestDays * DAY_MS).toISOString().slice(0, 10)}`;
    for (const key of (await this.deps.state.claimed()).keys()) {
      if (isDailyKey(key)) {
        if (key < oldestDigest) await this.deps.state.release(key);
      } else if (!active.has(key)) {
        await this.deps.state.release(key);
        report.rearmed.push(key);
      }
    }
    return report;
  }
}
