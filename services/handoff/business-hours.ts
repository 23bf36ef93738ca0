import { localInstant, localParts } from '../refunds';

// The CS desk's opening hours ('09:00-21:00' in the platform's time zone, every day). A window that ends
// before it starts runs past midnight ('20:00-02:00'); '00:00-24:00' is always open.

export interface BusinessHours {
  /** Minutes after local midnight. */
  opens: number;
  closes: number;
  timeZone: string;
}

export function parseBusinessHours(spec: string, timeZone: string): BusinessHours {
  const m = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(spec.trim());
  if (!m) throw new Error(`business hours must look like 09:00-21:00, got ${spec}`);
  const [h1, m1, h2, m2] = m.slice(1).map(Number) as [number, number, number, number];
  return { opens: h1 * 60 + m1, closes: h2 * 60 + m2, timeZone };
}

export function isOpen(hours: BusinessHours, now: Date): boolean {
  const minute = localMinute(now, hours.timeZone);
  if (hours.opens === hours.closes) return false;
  if (hours.opens < hours.closes) return minute >= hours.opens && minute < hours.closes;
  return minute >= hours.opens || minute < hours.closes;
}

/** The next time the desk opens, after `now` (or `now` itself when it is open). */
export function nextOpening(hours: BusinessHours, now: Date): Date {
  if (isOpen(hours, now)) return now;
  return nextLocalTime(now, hours.opens, hours.timeZone);
}

/** When the desk closes next, for a desk open now; null when closed. */
export function closingTime(hours: BusinessHours, now: Date): Date | null {
  if (!isOpen(hours, now)) return null;
  return nextLocalTime(now, hours.closes % (24 * 60), hours.timeZone);
}

/**
 * By when a message left now is answered: before closing when the desk is open (no agent was free), else by
 * the next opening. The caller words the two differently.
 */
export function answerBy(hours: BusinessHours, now: Date): { open: boolean; at: Date } {
  const closes = closingTime(hours, now);
  return closes ? { open: true, at: closes } : { open: false, at: nextOpening(hours, now) };
}

/** The first instant after `now` whose local time of day is `minuteOfDay`. */
function nextLocalTime(now: Date, minuteOfDay: number, timeZone: string): Date {
  const p = localParts(now, timeZone);
  for (let days = 0; days <= 2; days++) {
    const at = localInstant(p.year, p.month, p.day + days, Math.floor(minuteOfDay / 60), timeZone, minuteOfDay % 60);
    if (at.getTime() > now.getTime()) return at;
  }
  throw new Error('no local time found within two days');
}

function localMinute(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return (p.hour % 24) * 60 + p.minute;
}
