// Exact integer arithmetic on fen. Products of amounts and weights can exceed 2^53, so they are taken in BigInt.

export function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new Error(`${what} must be a non-negative safe integer (fen), got ${value}`);
  }
}

export function sumFen(values: readonly number[]): number {
  let total = 0;
  for (const v of values) {
    assertFen(v, 'amount');
    total += v;
  }
  if (!Number.isSafeInteger(total)) throw new Error(`sum of amounts exceeds the safe integer range`);
  return total;
}

export function mulFen(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Error(`${a} x ${b} exceeds the safe integer range`);
  return product;
}

/** round_half_up(n/d) for n >= 0, d > 0. */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** round_half_up(numerator/denominator) with exact integer arithmetic (non-negative ints, denominator > 0). */
export function roundHalfUp(numerator: number, denominator: number): number {
  assertFen(numerator, 'numerator');
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new Error(`denominator must be a positive safe integer, got ${denominator}`);
  }
  return Number(divRoundHalfUp(BigInt(numerator), BigInt(denominator)));
}

/** One largest-remainder split of `amount` over positive-sum weights (ties: larger weight, then lower index). */
function splitOnce(amount: number, weights: readonly number[]): number[] {
  const total = BigInt(sumFen(weights));
  const big = BigInt(amount);
  const floors = weights.map((w) => Number((big * BigInt(w)) / total));
  const remainders = weights.map((w) => (big * BigInt(w)) % total);
  let leftover = amount - floors.reduce((s, f) => s + f, 0);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      if (weights[a] !== weights[b]) return weights[b]! - weights[a]!;
      return a - b;
    });
  for (const i of order) {
    if (leftover === 0) break;
    floors[i]! += 1;
    leftover -= 1;
  }
  return floors;
}

/**
 * Largest-remainder split of `total` proportionally to `weights` (ties: larger weight, then lower index), each
 * share capped by caps[i] if given; capped excess re-split over the lines that still have room by the same
 * method. Sum of result === total (throws if total exceeds the sum of caps).
 */
export function largestRemainder(total: number, weights: number[], caps?: number[]): number[] {
  assertFen(total, 'total');
  weights.forEach((w) => assertFen(w, 'weight'));
  if (caps) {
    if (caps.length !== weights.length) throw new Error('caps and weights differ in length');
    caps.forEach((c) => assertFen(c, 'cap'));
    if (total > sumFen(caps)) throw new Error(`total ${total} exceeds the sum of caps ${sumFen(caps)}`);
  }
  const shares = weights.map(() => 0);
  let left = total;
  let firstRound = true;
  while (left > 0) {
    const room = (i: number): number => (caps ? caps[i]! - shares[i]! : Infinity);
    // The first split is over every line; later ones spread the capped excess over lines with room left.
    let lines = weights.map((_, i) => i).filter((i) => firstRound || room(i) > 0);
    let lineWeights = lines.map((i) => weights[i]!);
    if (sumFen(lineWeights) === 0) {
      // No proportional basis (every line with room weighs 0): spread by the room each line has left.
      if (!caps) throw new Error(`cannot split ${total} over weights that are all zero`);
      lines = weights.map((_, i) => i).filter((i) => room(i) > 0);
      lineWeights = lines.map(room);
    }
    const parts = splitOnce(left, lineWeights);
    left = 0;
    lines.forEach((i, j) => {
      let share = shares[i]! + parts[j]!;
      if (caps && share > caps[i]!) {
        left += share - caps[i]!;
        share = caps[i]!;
      }
      shares[i] = share;
    });
    firstRound = false;
  }
  return shares;
}
