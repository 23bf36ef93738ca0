// Wall-clock reading of instants in the platform's time zone: the digest hour, day and month boundaries of
// operator filters. Pure Intl arithmetic, valid across offset changes.

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

export function localParts(instant: Date, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

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

function offsetAt(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant of a local wall-clock time; month and day may overflow (Date.UTC normalises them). */
export function localInstant(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day, hour);
  const first = guess - offsetAt(new Date(guess), timeZone);
  // A second pass settles instants next to an offset change.
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** [start, end) of a local day given as `YYYY-MM-DD`. */
export function localDay(date: string, timeZone: string): { start: Date; end: Date } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { start: localInstant(y, m, d, 0, timeZone), end: localInstant(y, m, d + 1, 0, timeZone) };
}

/** [start, end) of a local month given as year and month (1-12). */
export function localMonthRange(year: number, month: number, timeZone: string): { start: Date; end: Date } {
  return { start: localInstant(year, month, 1, 0, timeZone), end: localInstant(year, month + 1, 1, 0, timeZone) };
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
