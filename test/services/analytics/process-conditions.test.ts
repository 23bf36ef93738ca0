import type { ConditionInput, OverdueCase, ShopRates } from '../../../services/analytics';
import { isDailyKey, processConditions } from '../../../services/analytics';

const rates = (shops: [string, number, boolean][], median: number | null = 1): ShopRates => ({
  from: '2026-02-03T02:00:00.000Z',
  to: '2026-03-05T02:00:00.000Z',
  windowDays: 30,
  factor: 3,
  median,
  shops: shops.map(([shopId, cases, outlier]) => ({ shopId, cases, refundedFen: 0, ratioToMedian: median ? cases / median : null, outlier })),
});

const overdue: OverdueCase[] = [
  { id: 'RD-1', shopId: 'shop-a', status: 'pending_merchant', dueAt: '2026-03-04T02:00:00.000Z', overdueMs: 86_400_000 },
  { id: 'RD-2', shopId: 'shop-a', status: 'platform_review', dueAt: '2026-03-03T02:00:00.000Z', overdueMs: 2 * 86_400_000 },
];

const input = (over: Partial<ConditionInput> = {}): ConditionInput => ({
  now: new Date('2026-03-05T02:00:00.000Z'), // 10:00 in Shanghai
  timeZone: 'Asia/Shanghai',
  digestHour: 9,
  rates: rates([]),
  failures: { declined: 0, transient: 0 },
  failureThreshold: 5,
  failureWindowHours: 24,
  overdue: [],
  ...over,
});

describe('process alert conditions', () => {
  it('nothing holds on a quiet day', () => {
    expect(processConditions(input())).toEqual([]);
  });

  it('one condition per outlier shop', () => {
    const alerts = processConditions(input({ rates: rates([['shop-x', 7, true], ['shop-a', 1, false], ['shop-y', 4, true]]) }));
    expect(alerts).toEqual([
      { kind: 'refund_rate', key: 'refund_rate:shop-x', shopId: 'shop-x', cases: 7, median: 1, factor: 3, windowDays: 30 },
      { kind: 'refund_rate', key: 'refund_rate:shop-y', shopId: 'shop-y', cases: 4, median: 1, factor: 3, windowDays: 30 },
    ]);
  });

  it('payment failures from the threshold on, declines and transient errors together', () => {
    expect(processConditions(input({ failures: { declined: 2, transient: 2 } }))).toEqual([]);
    expect(processConditions(input({ failures: { declined: 2, transient: 3 } }))).toEqual([
      { kind: 'payment_failures', key: 'payment_failures', declined: 2, transient: 3, threshold: 5, windowHours: 24 },
    ]);
  });

  it('the digest from the digest hour on, keyed by the local day, only with something overdue', () => {
    expect(processConditions(input({ overdue, now: new Date('2026-03-05T00:59:59.000Z') }))).toEqual([]); // 08:59
    const [digest] = processConditions(input({ overdue, now: new Date('2026-03-05T01:00:00.000Z') }));
    expect(digest).toMatchObject({ kind: 'overdue_digest', key: 'digest:2026-03-05', date: '2026-03-05', total: 2 });
    expect(digest!.kind === 'overdue_digest' && digest!.shops).toEqual([
      { shopId: 'shop-a', cases: 2, byState: { pending_merchant: 1, platform_review: 1 }, oldestDueAt: '2026-03-03T02:00:00.000Z' },
    ]);
    expect(isDailyKey(digest!.key)).toBe(true);
    // 23:30 in Shanghai is still the 5th; 00:30 is the 6th, before the hour.
    expect(processConditions(input({ overdue, now: new Date('2026-03-05T15:30:00.000Z') }))[0]!.key).toBe('digest:2026-03-05');
    expect(processConditions(input({ overdue, now: new Date('2026-03-05T16:30:00.000Z') }))).toEqual([]);
  });
});
