import type { Clock } from '../../services/refunds/ports';

/**
 * Time that runs `speed` times faster than the wall clock from `epochMs` on. Every process of one fault-injection
 * run gets the same epoch and speed, so they agree on the time across restarts, and deadlines of hours fire in
 * seconds.
 */
export class AcceleratedClock implements Clock {
  constructor(
    private readonly epochMs: number,
    private readonly speed: number,
  ) {
    if (!(speed >= 1)) throw new RangeError(`speed must be at least 1, got ${speed}`);
  }

  now(): Date {
    return new Date(this.epochMs + (Date.now() - this.epochMs) * this.speed);
  }
}
