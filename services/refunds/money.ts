// The only place that does money arithmetic: allocation of deductions, per-unit shares, and case quotes.
// Amounts are integer fen; the rules are DESIGN.md section 2 "Money".

export { roundHalfUp, largestRemainder, sumFen } from './money/arithmetic';
export { allocateOrder, unitShares } from './money/allocation';
export type { LineAllocation, UnitShare } from './money/allocation';
export { quoteCase, quoteReceivedUnits, pickUnits, returnFreightPayer } from './money/quote';
export type { QuoteInput, FreightPayer } from './money/quote';
