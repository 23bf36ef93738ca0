import type { Buyer, Order } from '../../services/refunds/order';
import { demoData, type DemoData } from '../../services/orders';

// The marketplace of fault-injection runs: the demo data plus many buyers with two orders each, so hundreds of
// cases can be filed, decided and paid without one buyer reaching the platform's "many recent cases" flag.
//   CXC-<n>: paid, not shipped: a cancellation goes on the fast track straight to payment.
//   CXD-<n>: delivered two days ago: a no-reason return waits for the merchant (decision or deadline).

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const chaosBuyer = (n: number): string => `cb-${n}`;
export const cancelOrder = (n: number): string => `CXC-${100000 + n}`;
export const decisionOrder = (n: number): string => `CXD-${100000 + n}`;
export const CHAOS_SHOP = 'shop-201';

export function chaosWorld(now: Date, buyers: number): DemoData {
  const base = demoData(now);
  const t = now.getTime();
  const ago = (ms: number): string => new Date(t - ms).toISOString();
  const extraBuyers: Buyer[] = [];
  const orders: Order[] = [];
  for (let n = 1; n <= buyers; n++) {
    const buyerId = chaosBuyer(n);
    extraBuyers.push({ id: buyerId, name: `买家${n}`, language: 'zh-CN', flagged: false });
    orders.push({
      id: cancelOrder(n),
      buyerId,
      shopId: CHAOS_SHOP,
      currency: 'CNY',
      paid: true,
      paidAt: ago(2 * HOUR),
      lines: [{ index: 0, sku: 'DS-EAR-AIR2-WHT', title: '无线蓝牙耳机 Air 2 白色', titleEn: 'Wireless Earphones Air 2, white', unitPrice: 19900 + n, quantity: 1 }],
      deductions: { coupon: 0, redPacket: 0, points: 0 },
      shippingFee: 800,
      paymentMethod: 'alipay',
    });
    orders.push({
      id: decisionOrder(n),
      buyerId,
      shopId: CHAOS_SHOP,
      currency: 'CNY',
      paid: true,
      paidAt: ago(5 * DAY),
      shippedAt: ago(4 * DAY),
      deliveredAt: ago(2 * DAY),
      promisedDeliveryBy: ago(1 * DAY),
      carrier: 'YTO',
      trackingNumber: `YT${String(7465012938475 + n)}`,
      lines: [
        { index: 0, sku: 'DS-KB-K8-RGB', title: 'K8 无线机械键盘 茶轴', titleEn: 'K8 wireless mechanical keyboard', unitPrice: 29900, quantity: 1 },
        { index: 1, sku: 'DS-CBL-C2C-1M', title: 'USB-C 编织快充数据线 1 米', titleEn: 'USB-C braided cable, 1 m', unitPrice: 990 + n, quantity: 2 },
      ],
      deductions: { coupon: 1000, redPacket: 0, points: 300 },
      shippingFee: 0,
      paymentMethod: 'wechat_pay',
    });
  }
  return { ...base, buyers: [...base.buyers, ...extraBuyers], orders: [...base.orders, ...orders] };
}
