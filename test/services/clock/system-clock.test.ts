import { SystemClock } from '../../../services/clock/system-clock';
import { FakeClock } from '../../support/fake-clock';

describe('SystemClock', () => {
  it('tells the wall-clock time', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('FakeClock', () => {
  it('moves only when told to', () => {
    const clock = new FakeClock('2025-01-01T00:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2025-01-01T00:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2025-01-01T00:01:30.000Z');
    clock.set(new Date('2024-12-31T16:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2024-12-31T16:00:00.000Z');
  });

  it('hands out fresh dates and refuses nonsense', () => {
    const clock = new FakeClock();
    clock.now().setFullYear(1999);
    expect(clock.now().getUTCFullYear()).toBe(2025);
    expect(() => clock.advance(-1)).toThrow(RangeError);
    expect(() => clock.set('not a date')).toThrow(RangeError);
  });
});
