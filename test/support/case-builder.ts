import type { AuditEntry, DomainEvent, RefundCase } from '../../services/refunds/case';

// A refund case with fixed defaults: override only what a test is about.

/**
 * Case RD-000001, version 1: buyer-1 asks shop-1 for a refund of one unit of order-1's first line (¥100.00,
 * paid by Alipay, merchant pays return freight), filed 2026-03-05 10:00 Shanghai time and waiting for the
 * merchant.
 */
export function aCase(overrides: Partial<RefundCase> = {}): RefundCase {
  const at = overrides.createdAt ?? '2026-03-05T02:00:00.000Z';
  return {
    id: 'RD-000001',
    version: 1,
    orderId: 'order-1',
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    type: 'return_refund',
    reason: 'quality_issue',
    description: '拉链坏了 / the zip is broken',
    lines: [{ lineIndex: 0, units: [1] }],
    evidence: [
      {
        sha256: 'a'.repeat(64),
        kind: 'image',
        mediaType: 'image/jpeg',
        size: 48_213,
        name: 'zip.jpg',
        addedBy: 'buyer',
        addedAt: at,
      },
    ],
    status: 'pending_merchant',
    priority: 'high',
    special: false,
    paymentMethod: 'alipay',
    quote: {
      currency: 'CNY',
      lines: [{ lineIndex: 0, units: [1], gross: 10000, coupon: 0, redPacket: 0, points: 0, cash: 10000 }],
      goodsCash: 10000,
      shippingRefunded: 0,
      cash: 10000,
      pointsRestored: 0,
      couponReturned: 0,
      redPacketReturned: 0,
      returnFreightPaidBy: 'merchant',
      completesOrder: true,
    },
    createdAt: at,
    updatedAt: at,
    stateEnteredAt: at,
    notices: [],
    resubmissions: 0,
    evidenceRequests: [],
    expired: [],
    paymentFailures: 0,
    lastChange: { actor: { role: 'buyer', id: overrides.buyerId ?? 'buyer-1' }, at, event: 'file' },
    ...overrides,
  };
}

/** The audit entry recording how `c` reached its current version and status. */
export function anAuditEntryFor(c: RefundCase, from: RefundCase['status'] | null, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: c.updatedAt,
    actor: c.lastChange.actor,
    event: c.lastChange.event,
    from,
    to: c.status,
    version: c.version,
    ...overrides,
  };
}

/** The domain event announcing `c`'s current version. */
export function anEventFor(c: RefundCase, from: RefundCase['status'] | null, overrides: Partial<DomainEvent> = {}): DomainEvent {
  return {
    id: `${c.id}:${c.version}`,
    caseId: c.id,
    version: c.version,
    at: c.updatedAt,
    actor: c.lastChange.actor,
    type: c.lastChange.event,
    from,
    to: c.status,
    ...overrides,
  };
}
