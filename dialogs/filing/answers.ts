import type { CaseType, ReasonCode } from '../../services/refunds';
import type { DraftLine } from './draft';
import type { OrderFacts } from './order-facts';
import { allFreeLines } from './order-facts';
import { atPosition, byTitle, linesOf, positionOf, quantityOf } from './parse';

// Typed answers to the filing questions, read against what the question offered. Pure: the dialog says the
// outcome in words and asks again where the answer does not fit.

export type LinesAnswer =
  | { ok: true; lines: DraftLine[]; pending: number[] }
  | { ok: false; error: { kind: 'not_understood' } | { kind: 'taken'; lineIndex: number } | { kind: 'too_many'; lineIndex: number; max: number } };

const labelsOf = (facts: OrderFacts, lineIndexes?: readonly number[]) =>
  facts.order.lines
    .filter((l) => !lineIndexes || lineIndexes.includes(l.index))
    .map((l) => ({ lineIndex: l.index, titles: [l.title, l.titleEn ?? ''] }));

/**
 * "2", "第二个 1件", "1和3", "充电器", "全部": lines with their quantities. A line with more than one claimable unit
 * named without a quantity is pending (asked next), unless the first message said how many.
 */
export function readLinesAnswer(text: string, facts: OrderFacts, quantityHint?: number): LinesAnswer {
  const picks = linesOf(text, labelsOf(facts));
  if (!picks) return { ok: false, error: { kind: 'not_understood' } };
  if (picks === 'all') return { ok: true, lines: allFreeLines(facts), pending: [] };
  const lines: DraftLine[] = [];
  const pending: number[] = [];
  for (const pick of picks) {
    const free = facts.free[pick.lineIndex] ?? 0;
    if (free === 0) return { ok: false, error: { kind: 'taken', lineIndex: pick.lineIndex } };
    const quantity = pick.quantity === 'all' ? free : pick.quantity;
    if (quantity !== undefined && (quantity < 1 || quantity > free)) return { ok: false, error: { kind: 'too_many', lineIndex: pick.lineIndex, max: free } };
    if (quantity !== undefined) lines.push({ lineIndex: pick.lineIndex, quantity });
    else if (free === 1) lines.push({ lineIndex: pick.lineIndex, quantity: 1 });
    else if (picks.length === 1 && quantityHint && quantityHint <= free) lines.push({ lineIndex: pick.lineIndex, quantity: quantityHint });
    else pending.push(pick.lineIndex);
  }
  return { ok: true, lines, pending };
}

/** "1", "两件", "全部" for one line with `max` claimable units. */
export function readQuantityAnswer(text: string, max: number): number | undefined {
  const answer = quantityOf(text);
  const quantity = answer === 'all' ? max : answer;
  return quantity !== undefined && quantity >= 1 && quantity <= max ? quantity : undefined;
}

/** The line a sentence names ("DEMO-1002 的充电器坏了"), among the lines still claimable, with its quantity if known. */
export function lineNamedIn(text: string, facts: OrderFacts, quantityHint?: number): { lineIndex: number; quantity?: number } | undefined {
  const claimable = facts.order.lines.filter((l) => (facts.free[l.index] ?? 0) > 0).map((l) => l.index);
  if (claimable.length < 2) return undefined;
  const named = byTitle(text, labelsOf(facts, claimable));
  if (!named) return undefined;
  const free = facts.free[named.lineIndex]!;
  const quantity = free === 1 ? 1 : quantityHint && quantityHint <= free ? quantityHint : undefined;
  return { lineIndex: named.lineIndex, ...(quantity ? { quantity } : {}) };
}

/** A choice among offered options: by position, by a label in either language, or by what the words mean. */
export function readChoice<T extends string>(text: string, offered: readonly T[], labels: (option: T) => string[], meant?: T): T | undefined {
  const byPosition = atPosition(offered, positionOf(text));
  if (byPosition) return byPosition;
  const byLabel = offered.find((option) => labels(option).some((label) => sameWords(text, label)));
  if (byLabel) return byLabel;
  return meant !== undefined && offered.includes(meant) ? meant : undefined;
}

export type ReasonAnswer = { kind: 'chosen'; reason: ReasonCode } | { kind: 'not_offered'; reason: ReasonCode } | { kind: 'not_understood' };

export function readReasonAnswer(text: string, offered: readonly ReasonCode[], labels: (reason: ReasonCode) => string[], recognized?: ReasonCode): ReasonAnswer {
  const chosen = readChoice(text, offered, labels, recognized);
  if (chosen) return { kind: 'chosen', reason: chosen };
  return recognized ? { kind: 'not_offered', reason: recognized } : { kind: 'not_understood' };
}

export function readTypeAnswer(text: string, offered: readonly CaseType[], labels: (type: CaseType) => string[], hint?: CaseType | 'refund_any'): CaseType | undefined {
  const chosen = readChoice(text, offered, labels, hint && hint !== 'refund_any' ? hint : undefined);
  if (chosen) return chosen;
  if (hint === 'refund_any') {
    const refunds = offered.filter((type) => type !== 'exchange');
    if (refunds.length === 1) return refunds[0];
  }
  return undefined;
}

/** Same words, ignoring case, spaces and punctuation: a typed button title. */
export function sameWords(a: string, b: string): boolean {
  const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s,.!?。！？，、"“”'’]/g, '');
  return norm(a) !== '' && norm(a) === norm(b);
}
