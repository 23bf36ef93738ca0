import { answerBy, closingTime, isOpen, nextOpening, parseBusinessHours } from '../../../services/handoff';

// Shanghai is UTC+8 all year: 10:00 local is 02:00Z.
const SH = 'Asia/Shanghai';
const local = (hhmm: string, day = '2025-06-18'): Date => new Date(`${day}T${hhmm}:00+08:00`);

describe('CS business hours', () => {
  const day = parseBusinessHours('09:00-21:00', SH);

  it('is open inside the window, closed at and after its end', () => {
    expect(isOpen(day, local('08:59'))).toBe(false);
    expect(isOpen(day, local('09:00'))).toBe(true);
    expect(isOpen(day, local('20:59'))).toBe(true);
    expect(isOpen(day, local('21:00'))).toBe(false);
  });

  it('names the next opening: later today before it, tomorrow after it', () => {
    expect(nextOpening(day, local('07:30')).toISOString()).toBe(local('09:00').toISOString());
    expect(nextOpening(day, local('23:10')).toISOString()).toBe(local('09:00', '2025-06-19').toISOString());
    expect(nextOpening(day, local('10:00')).toISOString()).toBe(local('10:00').toISOString());
  });

  it('answers a message by closing time while open, else by the next opening', () => {
    expect(closingTime(day, local('10:00'))?.toISOString()).toBe(local('21:00').toISOString());
    expect(closingTime(day, local('22:00'))).toBeNull();
    expect(answerBy(day, local('10:00'))).toEqual({ open: true, at: local('21:00') });
    expect(answerBy(day, local('22:00'))).toEqual({ open: false, at: local('09:00', '2025-06-19') });
  });

  it('runs past midnight when the window ends before it starts, and 00:00-24:00 never closes', () => {
    const night = parseBusinessHours('20:00-02:00', SH);
    expect(isOpen(night, local('23:00'))).toBe(true);
    expect(isOpen(night, local('01:59'))).toBe(true);
    expect(isOpen(night, local('02:00'))).toBe(false);
    expect(closingTime(night, local('23:00'))?.toISOString()).toBe(local('02:00', '2025-06-19').toISOString());
    const always = parseBusinessHours('00:00-24:00', SH);
    expect(isOpen(always, local('00:00'))).toBe(true);
    expect(isOpen(always, local('23:59'))).toBe(true);
  });

  it('uses the configured zone, offset changes included', () => {
    const ny = parseBusinessHours('09:00-17:00', 'America/New_York');
    // 2025-03-09: clocks go forward at 02:00; 09:00 local that day is 13:00Z.
    expect(nextOpening(ny, new Date('2025-03-09T06:00:00Z')).toISOString()).toBe('2025-03-09T13:00:00.000Z');
    expect(nextOpening(ny, new Date('2025-03-08T23:00:00Z')).toISOString()).toBe('2025-03-09T13:00:00.000Z');
  });

  it('refuses a window it cannot read', () => {
    expect(() => parseBusinessHours('9-21', SH)).toThrow(/09:00-21:00/);
  });
});
