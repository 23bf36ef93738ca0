import { BuyerSchema, OrderSchema, ShopSchema, shippingState } from '../../../services/refunds/order';
import type { Order } from '../../../services/refunds/order';
import { demoData } from '../../../services/orders/demo-data';
import { validateTrackingNumber } from '../../../services/logistics/carriers';

const NOW = new Date('2025-06-18T02:00:00.000Z');
const DAY = 86_400_000;
const daysBefore = (iso: string | undefined): number => (NOW.getTime() - Date.parse(iso!)) / DAY;

describe('demoData', () => {
  const demo = demoData(NOW);
  const order = (id: string): Order => {
    const found = demo.orders.find((o) => o.id === id);
    if (!found) throw new Error(`missing ${id}`);
    return found;
  };

  it('passes the order, shop and buyer schemas unchanged', () => {
    for (const o of demo.orders) expect(OrderSchema.parse(o)).toEqual(o);
    for (const s of demo.shops) expect(ShopSchema.parse(s)).toEqual(s);
    for (const b of demo.buyers) expect(BuyerSchema.parse(b)).toEqual(b);
  });

  it('has the two buyers and two shops of the demo', () => {
    expect(demo.buyers.map((b) => [b.id, b.name, b.language])).toEqual([
      ['buyer-1001', '王小明', 'zh-CN'],
      ['buyer-1002', 'Emily Carter', 'en-US'],
    ]);
    expect(demo.shops.map((s) => [s.id, s.name, s.nameEn])).toEqual([
      ['shop-201', '数码优选旗舰店', 'Digital Select'],
      ['shop-202', '鲜果园', 'Fresh Orchard'],
    ]);
  });

  it('has one order per situation, in CNY', () => {
    expect(demo.orders.map((o) => [o.id, o.buyerId, o.shopId, shippingState(o), o.paid])).toEqual([
      ['DEMO-1001', 'buyer-1001', 'shop-201', 'not_shipped', true],
      ['DEMO-1002', 'buyer-1001', 'shop-201', 'delivered', true],
      ['DEMO-1003', 'buyer-1001', 'shop-202', 'delivered', true],
      ['DEMO-1004', 'buyer-1001', 'shop-201', 'in_transit', true],
      ['DEMO-1005', 'buyer-1001', 'shop-201', 'delivered', true],
      ['DEMO-1006', 'buyer-1001', 'shop-201', 'not_shipped', false],
      ['DEMO-2001', 'buyer-1002', 'shop-201', 'delivered', true],
    ]);
    for (const o of demo.orders) expect(o.currency).toBe('CNY');
  });

  it('DEMO-1001: one pair of earphones at 199 yuan plus 8 yuan shipping', () => {
    const o = order('DEMO-1001');
    expect(o.lines.map((l) => [l.unitPrice, l.quantity])).toEqual([[19900, 1]]);
    expect(o.lines[0]?.titleEn).toMatch(/earphones/i);
    expect(o.shippingFee).toBe(800);
  });

  it('DEMO-1002 is the E3 order of the design', () => {
    const o = order('DEMO-1002');
    expect(o.lines.map((l) => [l.index, l.unitPrice, l.quantity])).toEqual([
      [0, 19900, 1],
      [1, 5990, 2],
      [2, 990, 3],
    ]);
    expect(o.deductions).toEqual({ coupon: 3000, redPacket: 500, points: 1000 });
    expect(o.shippingFee).toBe(0);
    for (const l of o.lines) expect(l.titleEn).toBeTruthy();
    expect(daysBefore(o.deliveredAt)).toBe(3);
  });

  it('DEMO-1003: fresh fruit delivered yesterday, every line perishable', () => {
    const o = order('DEMO-1003');
    expect(daysBefore(o.deliveredAt)).toBe(1);
    expect(o.lines.every((l) => l.noReasonExclusion === 'perishable')).toBe(true);
  });

  it('DEMO-1004: late, undelivered, last scan 4 days ago on a valid SF number', () => {
    const o = order('DEMO-1004');
    expect(daysBefore(o.shippedAt)).toBe(8);
    expect(daysBefore(o.promisedDeliveryBy)).toBe(3);
    expect(o.deliveredAt).toBeUndefined();
    const t = demo.tracking['DEMO-1004'];
    expect(t).toMatchObject({ carrier: 'SF', delivered: false, trackingNumber: o.trackingNumber });
    expect(daysBefore(t?.lastScanAt)).toBe(4);
    expect(daysBefore(t?.promisedDeliveryBy)).toBe(3);
    expect(validateTrackingNumber('SF', t!.trackingNumber).ok).toBe(true);
  });

  it('DEMO-1005 delivered 30 days ago, DEMO-1006 unpaid, DEMO-2001 delivered 2 days ago', () => {
    expect(daysBefore(order('DEMO-1005').deliveredAt)).toBe(30);
    expect(order('DEMO-1006')).toMatchObject({ paid: false });
    expect(order('DEMO-1006').paidAt).toBeUndefined();
    expect(daysBefore(order('DEMO-2001').deliveredAt)).toBe(2);
  });

  it('dates are consistent: paid before shipped before delivered, all in the past', () => {
    for (const o of demo.orders) {
      const times = [o.paidAt, o.shippedAt, o.deliveredAt].filter((t): t is string => t !== undefined).map(Date.parse);
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      for (const t of times) expect(t).toBeLessThanOrEqual(NOW.getTime());
      if (o.shippedAt) expect(o.paid && o.carrier && o.trackingNumber).toBeTruthy();
      if (!o.paid) expect(o.shippedAt).toBeUndefined();
    }
  });

  it('every shipped order has tracking whose number is valid for its carrier', () => {
    for (const o of demo.orders.filter((x) => x.shippedAt)) {
      const t = demo.tracking[o.id];
      expect(t).toMatchObject({ carrier: o.carrier, trackingNumber: o.trackingNumber, delivered: Boolean(o.deliveredAt) });
      expect(validateTrackingNumber(o.carrier!, o.trackingNumber!)).toEqual({ ok: true, value: { carrier: o.carrier, trackingNumber: o.trackingNumber } });
    }
    expect(Object.keys(demo.tracking).sort()).toEqual(['DEMO-1002', 'DEMO-1003', 'DEMO-1004', 'DEMO-1005', 'DEMO-2001']);
  });

  it('tells the same story whenever it is built', () => {
    const later = new Date(NOW.getTime() + 37 * DAY + 12_345);
    const shifted = demoData(later);
    const shift = (iso: string): string => new Date(Date.parse(iso) + 37 * DAY + 12_345).toISOString();
    expect(shifted.orders.map((o) => o.deliveredAt)).toEqual(demo.orders.map((o) => o.deliveredAt && shift(o.deliveredAt)));
    expect(shifted.tracking['DEMO-1004']?.lastScanAt).toBe(shift(demo.tracking['DEMO-1004']!.lastScanAt!));
  });
});
