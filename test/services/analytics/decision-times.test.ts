import { decisionTimes } from '../../../services/analytics';
import type { RefundCase } from '../../../services/refunds';
import { aCase } from '../../support/case-builder';

const H = 3_600_000;
const decided = (hours: number, outcome: NonNullable<RefundCase['merchantDecision']>['outcome'] = 'approved', special = false): RefundCase =>
  aCase({ special, merchantDecision: { by: { role: 'merchant', id: 'm-1', shopId: 'shop-1' }, at: '2026-03-06T02:00:00.000Z', outcome, waitedMs: hours * H } });

describe('time to merchant decision', () => {
  const standard = { merchantHours: 24, merchantSpecialHours: 48 };

  it('puts each decision in its bucket, bounds inclusive at the top', () => {
    const d = decisionTimes([decided(1), decided(6), decided(6.01), decided(24), decided(30), decided(48), decided(49), aCase()], standard);
    expect(d.decisions).toBe(7);
    expect(d.buckets.map((b) => [b.fromHours, b.toHours, b.byMerchant])).toEqual([
      [0, 6, 2],
      [6, 12, 1],
      [12, 24, 1],
      [24, 36, 1],
      [36, 48, 1],
      [48, null, 1],
    ]);
  });

  it("measures each case against its own standard (48 h for special cases); auto-approvals are misses", () => {
    const d = decisionTimes([decided(20), decided(30), decided(30, 'approved', true), decided(24, 'auto_approved'), decided(5, 'rejected')], standard);
    expect(d.withinStandard).toBe(3);
    expect(d.shareWithinStandard).toBe(3 / 5);
    expect(d.buckets[2]).toMatchObject({ byMerchant: 1, auto: 1 });
  });

  it('has no share without decisions', () => {
    expect(decisionTimes([aCase()], standard)).toMatchObject({ decisions: 0, shareWithinStandard: null });
  });
});
