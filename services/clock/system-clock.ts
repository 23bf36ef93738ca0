import type { Clock } from '../refunds/ports';

/** The machine's wall clock. Everything that needs the time takes a Clock, so tests can inject a fake one. */
export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}
