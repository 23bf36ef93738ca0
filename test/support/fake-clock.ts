import type { Clock } from '../../services/refunds/ports';

/** A clock that only moves when a test moves it. Starts on a fixed weekday morning in Shanghai by default. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string | number = '2025-06-18T02:00:00.000Z') {
    this.current = toMs(start);
  }

  /** A fresh Date each time: callers may mutate what they get. */
  now(): Date {
    return new Date(this.current);
  }

  set(date: Date | string | number): void {
    this.current = toMs(date);
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`FakeClock.advance needs a finite ms >= 0, got ${ms}`);
    this.current += ms;
  }
}

function toMs(date: Date | string | number): number {
  const ms = new Date(date).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`FakeClock: invalid date ${String(date)}`);
  return ms;
}
