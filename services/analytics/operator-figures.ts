import type { AuditEntry, Clock, MonthFigures, PolicyConfig } from '../refunds';
import { CASE_STATUSES, isOpen } from '../refunds';
import type { CaseReader } from './case-reader';
import type { DecisionTimes } from './decision-times';
import { decisionTimes } from './decision-times';
import type { HandoffFigures } from './handoff-figures';
import { handoffFigures } from './handoff-figures';
import { localMonthRange } from './local-time';
import type { OpenCases } from './open-cases';
import { openCases } from './open-cases';
import type { ShopRates } from './shop-rates';
import { shopRefundRates } from './shop-rates';

// The operators' figures: the core's monthly figures, plus what the core does not compute (time-to-decision
// histogram, hand-offs to CS by reason, refund rate per shop, open and overdue cases).

export const OPEN_STATUSES = CASE_STATUSES.filter(isOpen);

export type OperatorMonth = MonthFigures & { decisionTimes: DecisionTimes; handoffs: HandoffFigures };

export interface OperatorFiguresDeps {
  cases: CaseReader;
  figures: { month(year: number, month: number): Promise<MonthFigures> };
  /** Conversations waiting for a person (the handoff queue). */
  handoff: { waiting(): Promise<{ reason: string }[]> };
  policy: PolicyConfig;
  clock: Clock;
  /** A shop is an outlier above this multiple of the platform median. */
  refundRateFactor: number;
}

export class OperatorFigures {
  constructor(private readonly deps: OperatorFiguresDeps) {}

  async month(year: number, month: number): Promise<OperatorMonth> {
    const { start, end } = localMonthRange(year, month, this.deps.policy.timeZone);
    const [core, cases, waiting] = await Promise.all([
      this.deps.figures.month(year, month),
      this.deps.cases.listCases({ createdFrom: start, createdTo: end }),
      this.deps.handoff.waiting(),
    ]);
    const audits = new Map<string, AuditEntry[]>();
    // Audit trails are read a few at a time: a month of a busy platform must not open thousands of requests at once.
    for (let i = 0; i < cases.length; i += 50) {
      const slice = cases.slice(i, i + 50);
      const trails = await Promise.all(slice.map((c) => this.deps.cases.auditTrail(c.id)));
      slice.forEach((c, j) => audits.set(c.id, trails[j]!));
    }
    return { ...core, decisionTimes: decisionTimes(cases, this.deps.policy), handoffs: handoffFigures(cases, audits, waiting) };
  }

  async shopRates(windowDays = 30): Promise<ShopRates> {
    const now = this.deps.clock.now();
    const cases = await this.deps.cases.listCases({ createdFrom: new Date(now.getTime() - windowDays * 86_400_000), createdTo: new Date(now.getTime() + 1) });
    return shopRefundRates(cases, { now, windowDays, factor: this.deps.refundRateFactor });
  }

  async openCases(): Promise<OpenCases> {
    // One read per open state (the store indexes cases by state): closed cases, most of them, are never loaded.
    const open = await Promise.all(OPEN_STATUSES.map((status) => this.deps.cases.listCases({ status })));
    return openCases(open.flat(), this.deps.policy, this.deps.clock.now());
  }
}
