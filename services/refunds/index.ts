import { CaseWriter } from './case-writer';
import { PaymentFlow } from './payment-flow';
import type { PaymentStepHook } from './payment-flow';
import type { RefundServiceDeps } from './service';
import { RefundService } from './service';
import { CaseTimers } from './timers';
import { MonthlyFigures } from './figures';

// The refund core's public face. Nothing here imports a framework, a driver or another services folder.

export * from './case';
export * from './order';
export * from './ports';
export * from './outcomes';
export type { Command, CommandKind } from './commands';
export { CommandSchema, FilingRequestSchema } from './commands';
export type { FilingRequest, Refusal, RefusalCode } from './eligibility';
export { noReasonWindowEnd, takenUnits } from './eligibility';
export type { PolicyConfig } from './policy';
export { DEFAULT_POLICY, REASON_RULES, allowedTypes, evidenceNeeded } from './policy';
export type { CaseEvent } from './state-machine';
export { CASE_EVENTS, TRANSITIONS, availableEvents, checkTransition } from './state-machine';
export type { LocalParts } from './calendar';
export { DAY, HOUR, endOfLocalDay, localInstant, localMonth, localParts } from './calendar';
export type { Notice, Schedule } from './deadlines';
export { scheduleOf } from './deadlines';
export type { Preview, CommandOptions } from './service';
export { RefundService } from './service';
export type { SweepReport, TickOutcome } from './timers';
export { CaseTimers } from './timers';
export { PaymentFlow } from './payment-flow';
export type { PaymentStep, PaymentStepHook } from './payment-flow';
export type { MonthFigures } from './figures';
export { MonthlyFigures } from './figures';
export { allocateOrder, unitShares, quoteCase, sumFen } from './money';

export interface RefundCore {
  service: RefundService;
  timers: CaseTimers;
  payments: PaymentFlow;
  figures: MonthlyFigures;
}

/** Wires the core from its ports. `onPaymentStep` is for fault injection only (see PaymentStep). */
export function createRefundCore(deps: RefundServiceDeps & { onPaymentStep?: PaymentStepHook }): RefundCore {
  const service = new RefundService(deps);
  const writer = new CaseWriter(deps.store, service.policy);
  const payments = new PaymentFlow(deps, service.policy, writer);
  const timers = new CaseTimers(deps, service.policy, writer, service, payments);
  const figures = new MonthlyFigures(deps.store, service.policy);
  return { service, timers, payments, figures };
}
