import type { Deductions, Order, OrderLine } from '../../services/refunds/order';

// Test data builders with fixed defaults: override only what a test is about.

export type LineOverrides = Partial<OrderLine>;

export type OrderOverrides = Partial<Omit<Order, 'lines' | 'deductions'>> & {
  /** Lines get index = position, a sku and a title unless given. */
  lines?: LineOverrides[];
  deductions?: Partial<Deductions>;
};

export function anOrderLine(index: number, overrides: LineOverrides = {}): OrderLine {
  return {
    index,
    sku: `SKU-${index + 1}`,
    title: `商品 ${index + 1}`,
    titleEn: `Item ${index + 1}`,
    unitPrice: 10000,
    quantity: 1,
    ...overrides,
  };
}

/** A paid, delivered order of one line (1 x ¥100.00) with no deductions and free shipping, unless overridden. */
export function aOrder(overrides: OrderOverrides = {}): Order {
  const { lines, deductions, ...rest } = overrides;
  return {
    id: 'order-1',
    buyerId: 'buyer-1',
    shopId: 'shop-1',
    currency: 'CNY',
    paid: true,
    paidAt: '2026-03-01T02:00:00.000Z',
    shippedAt: '2026-03-02T02:00:00.000Z',
    deliveredAt: '2026-03-04T02:00:00.000Z',
    shippingFee: 0,
    paymentMethod: 'alipay',
    ...rest,
    lines: (lines ?? [{}]).map((line, i) => anOrderLine(i, line)),
    deductions: { coupon: 0, redPacket: 0, points: 0, ...deductions },
  };
}

/** An order that was paid but never shipped. */
export function aNeverShippedOrder(overrides: OrderOverrides = {}): Order {
  const { shippedAt: _s, deliveredAt: _d, ...order } = aOrder(overrides);
  return order;
}
