import { dueAt, openCases, overdueByShop } from '../../../services/analytics';
import { DEFAULT_POLICY } from '../../../services/refunds';
import { aCase } from '../../support/case-builder';

const FILED = '2026-03-05T02:00:00.000Z';
const H = 3_600_000;
const after = (hours: number): Date => new Date(Date.parse(FILED) + hours * H);

describe('open and overdue cases', () => {
  const pending = aCase({ id: 'RD-1', shopId: 'shop-a' }); // merchant has 24 h
  const special = aCase({ id: 'RD-2', shopId: 'shop-b', special: true }); // 48 h
  const review = aCase({ id: 'RD-3', shopId: 'shop-a', status: 'platform_review' }); // CS alerted after 48 h
  const failed = aCase({ id: 'RD-4', shopId: 'shop-b', status: 'refund_failed' }); // CS told at once by the event: nothing falls due
  const done = aCase({ id: 'RD-5', status: 'refunded' });

  it('falls due at the deadline, or at the CS alert where the state has no deadline', () => {
    expect(dueAt(pending, DEFAULT_POLICY)).toEqual(after(24));
    expect(dueAt(special, DEFAULT_POLICY)).toEqual(after(48));
    expect(dueAt(review, DEFAULT_POLICY)).toEqual(after(48));
    expect(dueAt(failed, DEFAULT_POLICY)).toBeNull();
    expect(dueAt(done, DEFAULT_POLICY)).toBeNull();
  });

  it('counts open cases by state in lifecycle order and lists the overdue ones, longest first', () => {
    const o = openCases([done, failed, review, special, pending], DEFAULT_POLICY, after(30));
    expect(o.total).toBe(4);
    expect(o.byState).toEqual([
      { state: 'pending_merchant', open: 2, overdue: 1 },
      { state: 'platform_review', open: 1, overdue: 0 },
      { state: 'refund_failed', open: 1, overdue: 0 },
    ]);
    expect(o.overdueCases.map((c) => [c.id, c.overdueMs / H])).toEqual([['RD-1', 6]]);
    expect(o.overdue).toBe(1);
  });

  it('is not overdue at the very deadline', () => {
    expect(openCases([pending], DEFAULT_POLICY, after(24)).overdue).toBe(0);
  });

  it('groups the overdue cases by shop for the digest', () => {
    const o = openCases([pending, special, review, failed], DEFAULT_POLICY, after(60));
    expect(overdueByShop(o.overdueCases)).toEqual([
      { shopId: 'shop-a', cases: 2, byState: { pending_merchant: 1, platform_review: 1 }, oldestDueAt: after(24).toISOString() },
      { shopId: 'shop-b', cases: 1, byState: { pending_merchant: 1 }, oldestDueAt: after(48).toISOString() },
    ]);
  });
});
