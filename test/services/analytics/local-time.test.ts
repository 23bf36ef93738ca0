import { localDate, localDateTime, localDay, localMonthRange, localParts, recentMonths } from '../../../services/analytics';

describe('platform local time', () => {
  it('reads wall-clock parts in the zone', () => {
    expect(localParts(new Date('2025-06-18T16:30:00.000Z'), 'Asia/Shanghai')).toMatchObject({ year: 2025, month: 6, day: 19, hour: 0, minute: 30 });
    expect(localDate(new Date('2025-06-18T15:59:59.000Z'), 'Asia/Shanghai')).toBe('2025-06-18');
    expect(localDateTime(new Date('2025-05-12T02:00:00.000Z'), 'Asia/Shanghai')).toBe('2025-05-12 10:00:00');
  });

  it('gives the bounds of a local day and month', () => {
    expect(localDay('2025-04-10', 'Asia/Shanghai')).toEqual({ start: new Date('2025-04-09T16:00:00.000Z'), end: new Date('2025-04-10T16:00:00.000Z') });
    expect(localMonthRange(2025, 12, 'Asia/Shanghai')).toEqual({ start: new Date('2025-11-30T16:00:00.000Z'), end: new Date('2025-12-31T16:00:00.000Z') });
    // A day with a daylight-saving change is 23 hours long.
    const dst = localDay('2025-03-09', 'America/New_York');
    expect(dst.end.getTime() - dst.start.getTime()).toBe(23 * 3_600_000);
    expect(dst.start.toISOString()).toBe('2025-03-09T05:00:00.000Z');
  });

  it('lists recent months across a year end', () => {
    expect(recentMonths(new Date('2026-02-10T00:00:00.000Z'), 4, 'Asia/Shanghai')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});
