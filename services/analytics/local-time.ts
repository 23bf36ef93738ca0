// Wall-clock reading of instants in the platform's time zone: the digest hour, day and month boundaries of
// operator filters. The zone arithmetic is the refund core's calendar.

import { localInstant, localMonth, localParts } from '../refunds';

export { localInstant, localParts };
export type { LocalParts } from '../refunds';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of the instant's local day. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** `YYYY-MM-DD HH:mm:ss` local: what a spreadsheet shows without guessing an offset. */
export function localDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${localDate(instant, timeZone)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** `YYYY-MM` of the instant's local month. */
export function localMonthKey(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** [start, end) of a local day given as `YYYY-MM-DD`. */
export function localDay(date: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { start: localInstant(y, m, d, 0, timeZone), end: localInstant(y, m, d + 1, 0, timeZone) };
}

/** [start, end) of a local month given as year and month (1-12). */
export function localMonthRange(year: number, month: number, timeZone: string): { start: Date; end: Date } {
  return localMonth(year, month, timeZone);
}

/** The `count` months ending with the instant's local month, oldest first, as `YYYY-MM`. */
export function recentMonths(instant: Date, count: number, timeZone: string): string[] {
  const p = localParts(instant, timeZone);
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(p.year, p.month - 1 - i, 1));
    out.push(`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`);
  }
  return out;
}
