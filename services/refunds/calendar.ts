// Day-based rules use the platform's time zone: a "day N" deadline ends at 23:59:59 of that local day.

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in the zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return {
    year: out.year!,
    month: out.month!,
    day: out.day!,
    hour: out.hour!,
    minute: out.minute!,
    second: out.second!,
  };
}

/** Offset of the zone from UTC at `instant`, in ms. */
function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a local wall-clock time in the zone; month and day may overflow (Date.UTC normalises them). */
export function localInstant(y: number, m: number, d: number, h: number, timeZone: string, mi = 0, s = 0): Date {
  const guess = Date.UTC(y, m - 1, d, h, mi, s);
  const first = guess - offsetAt(new Date(guess), timeZone);
  // A second pass settles instants next to an offset change.
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** 23:59:59 (local) of the day `days` after the local day of `instant`. */
export function endOfLocalDay(instant: Date, days: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const base = new Date(Date.UTC(p.year, p.month - 1, p.day + days));
  return localInstant(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate(), 23, timeZone, 59, 59);
}

/** Local calendar month [start, end) containing `instant`, or the month `year`-`month` (1-12). */
export function localMonth(year: number, month: number, timeZone: string): { start: Date; end: Date } {
  const next = month === 12 ? { y: year + 1, m: 1 } : { y: year, m: month + 1 };
  return {
    start: localInstant(year, month, 1, 0, timeZone),
    end: localInstant(next.y, next.m, 1, 0, timeZone),
  };
}

export function addHours(instant: Date, hours: number): Date {
  return new Date(instant.getTime() + hours * HOUR);
}
