import { DAY, HOUR, addHours, endOfLocalDay, localMonth } from '../../../services/refunds/calendar';

// A "day N" deadline ends at 23:59:59 of that local day; monthly figures use local months (DESIGN.md §2).

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

const end = (iso: string, days: number, zone: string): string => endOfLocalDay(new Date(iso), days, zone).toISOString();

describe('endOfLocalDay in Asia/Shanghai (UTC+8, no daylight saving)', () => {
  it('ends the local day itself at 23:59:59', () => {
    expect(end('2026-03-05T02:00:00.000Z', 0, SHANGHAI)).toBe('2026-03-05T15:59:59.000Z');
  });

  it('counts from the local date, also when UTC is still on the day before', () => {
    // 2026-03-05 00:30 in Shanghai is 2026-03-04 16:30 UTC.
    expect(end('2026-03-04T16:30:00.000Z', 7, SHANGHAI)).toBe('2026-03-12T15:59:59.000Z');
    // 2026-03-04 23:59:59 in Shanghai is still day 0 of the 4th.
    expect(end('2026-03-04T15:59:59.000Z', 7, SHANGHAI)).toBe('2026-03-11T15:59:59.000Z');
  });

  it('crosses month ends, in common and leap years', () => {
    expect(end('2026-02-27T04:00:00.000Z', 3, SHANGHAI)).toBe('2026-03-02T15:59:59.000Z');
    expect(end('2028-02-27T04:00:00.000Z', 3, SHANGHAI)).toBe('2028-03-01T15:59:59.000Z');
    expect(end('2026-04-28T04:00:00.000Z', 10, SHANGHAI)).toBe('2026-05-08T15:59:59.000Z');
  });

  it('crosses the year end', () => {
    expect(end('2026-12-28T04:00:00.000Z', 7, SHANGHAI)).toBe('2027-01-04T15:59:59.000Z');
    // 2026-12-31 20:00 UTC is already 2027-01-01 04:00 in Shanghai.
    expect(end('2026-12-31T20:00:00.000Z', 0, SHANGHAI)).toBe('2027-01-01T15:59:59.000Z');
  });
});

describe('endOfLocalDay in America/New_York (daylight saving)', () => {
  it('ends a winter day at 23:59:59 EST (UTC-5)', () => {
    expect(end('2026-01-15T17:00:00.000Z', 0, NEW_YORK)).toBe('2026-01-16T04:59:59.000Z');
  });

  it('ends a day after the spring change at 23:59:59 EDT (UTC-4)', () => {
    // Saturday 2026-03-07 noon EST; clocks go forward on Sunday 03-08 at 02:00.
    expect(end('2026-03-07T17:00:00.000Z', 0, NEW_YORK)).toBe('2026-03-08T04:59:59.000Z');
    expect(end('2026-03-07T17:00:00.000Z', 1, NEW_YORK)).toBe('2026-03-09T03:59:59.000Z');
    // 01:30 EST on the day of the change itself.
    expect(end('2026-03-08T06:30:00.000Z', 0, NEW_YORK)).toBe('2026-03-09T03:59:59.000Z');
  });

  it('ends a day after the autumn change at 23:59:59 EST', () => {
    // Clocks go back on Sunday 2026-11-01 at 02:00; 01:30 happens twice, both are on the 1st.
    expect(end('2026-11-01T05:30:00.000Z', 0, NEW_YORK)).toBe('2026-11-02T04:59:59.000Z');
    expect(end('2026-11-01T06:30:00.000Z', 0, NEW_YORK)).toBe('2026-11-02T04:59:59.000Z');
    expect(end('2026-10-30T16:00:00.000Z', 7, NEW_YORK)).toBe('2026-11-07T04:59:59.000Z');
  });

  it('uses the New York date, which can lag UTC by a day', () => {
    // 2026-03-05 03:00 UTC is 03-04 22:00 in New York.
    expect(end('2026-03-05T03:00:00.000Z', 0, NEW_YORK)).toBe('2026-03-05T04:59:59.000Z');
  });

  it('crosses the year end', () => {
    expect(end('2026-12-31T23:00:00.000Z', 1, NEW_YORK)).toBe('2027-01-02T04:59:59.000Z');
  });

  it('always ends at 23:59:59 local time, day after day through a whole year', () => {
    const local = new Intl.DateTimeFormat('en-US', { timeZone: NEW_YORK, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    const start = Date.parse('2026-01-01T12:00:00.000Z');
    for (let d = 0; d < 366; d++) {
      const instant = new Date(start + d * DAY);
      expect(local.format(endOfLocalDay(instant, 1, NEW_YORK))).toBe('23:59:59');
    }
  });
});

describe('localMonth', () => {
  it('spans a Shanghai month from local midnight to local midnight', () => {
    expect(localMonth(2026, 3, SHANGHAI)).toEqual({
      start: new Date('2026-02-28T16:00:00.000Z'),
      end: new Date('2026-03-31T16:00:00.000Z'),
    });
  });

  it('rolls December into January of the next year', () => {
    expect(localMonth(2026, 12, SHANGHAI)).toEqual({
      start: new Date('2026-11-30T16:00:00.000Z'),
      end: new Date('2026-12-31T16:00:00.000Z'),
    });
  });

  it('follows daylight saving in New York: March is an hour short, November an hour long', () => {
    const march = localMonth(2026, 3, NEW_YORK);
    expect(march).toEqual({ start: new Date('2026-03-01T05:00:00.000Z'), end: new Date('2026-04-01T04:00:00.000Z') });
    expect(march.end.getTime() - march.start.getTime()).toBe(31 * DAY - HOUR);
    const november = localMonth(2026, 11, NEW_YORK);
    expect(november).toEqual({ start: new Date('2026-11-01T04:00:00.000Z'), end: new Date('2026-12-01T05:00:00.000Z') });
    expect(november.end.getTime() - november.start.getTime()).toBe(30 * DAY + HOUR);
  });

  it('tiles the year: each month ends where the next begins', () => {
    for (let m = 1; m < 12; m++) expect(localMonth(2026, m, SHANGHAI).end).toEqual(localMonth(2026, m + 1, SHANGHAI).start);
    expect(localMonth(2026, 12, NEW_YORK).end).toEqual(localMonth(2027, 1, NEW_YORK).start);
  });
});

describe('addHours', () => {
  it('adds elapsed hours, whatever the wall clock does', () => {
    expect(addHours(new Date('2026-03-08T06:00:00.000Z'), 24).toISOString()).toBe('2026-03-09T06:00:00.000Z');
  });
});
