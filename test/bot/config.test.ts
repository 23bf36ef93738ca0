import { loadConfig } from '../../bot/config';

describe('configuration', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const result = loadConfig({});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config.PORT).toBe(3978);
    expect(result.config.REDIS_URL).toBeUndefined();
    expect(result.config.TIME_ZONE).toBe('Asia/Shanghai');
    expect(result.config.AUTO_CONFIRM_MAX_FEN).toBe(200_000);
  });

  it('reports every bad value at once', () => {
    const result = loadConfig({ PORT: 'eighty', REDIS_URL: 'http://x', TIME_ZONE: 'Mars/Olympus', PAYMENT_FAILURE_RATE: '2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((p) => p.split(':')[0]);
    expect(fields).toEqual(expect.arrayContaining(['PORT', 'REDIS_URL', 'TIME_ZONE', 'PAYMENT_FAILURE_RATE']));
    expect(result.problems).toHaveLength(4);
  });

  it('treats blank values as unset', () => {
    const result = loadConfig({ REDIS_URL: '  ', PORT: '' });
    expect(result.ok && result.config.REDIS_URL === undefined && result.config.PORT === 3978).toBe(true);
  });
});
