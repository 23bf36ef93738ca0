import type { Buyer, Order } from '../../services/refunds/order';
import type { CatalogueData } from '../../services/orders';
import type { BuyerProfile } from './buyer-script';

// The marketplace of the long-running benchmarks: many buyers with one order each, so every buyer can file a
// case of their own for as long as the run lasts (the demo data has two buyers and a handful of orders, each
// order line refundable once). Built the same way in the benchmark and in the app process under test, from
// the same clock reading, so both agree on every order id and date.
//
// Buyer n:
//   even n (zh-CN): SOAK-n shipped 3 days ago, not delivered: "not received", refund only; the merchant's
//                   approval leads to a payment by the sweeper.
//   odd n (en-US):  SOAK-n delivered 2 days ago: a quality complaint, return and refund with a photo; the
//                   merchant's approval leads to the buyer shipping the return, the return poller seeing it
//                   arrive, and the merchant's inspection.
// Timer case k: TIMER-k of buyer timer-buyer-k, shipped 10 days ago, not delivered: filed "not received"
//                   through the core with the clock turned back, so its reminder or deadline is due at once.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const WORLD_SHOPS = { zh: 'shop-201', en: 'shop-201' } as const;

export const worldBuyer = (n: number): string => `soak-buyer-${n}`;
export const worldOrder = (n: number): string => `SOAK-${n}`;
export const timerBuyer = (k: number): string => `timer-buyer-${k}`;
export const timerOrder = (k: number): string => `TIMER-${k}`;

export function worldLocale(n: number): 'zh-CN' | 'en-US' {
  return n % 2 === 0 ? 'zh-CN' : 'en-US';
}

export function worldOrders(buyers: number, timers: number, now: Date): CatalogueData {
  const t = now.getTime();
  const ago = (ms: number): string => new Date(t - ms).toISOString();
  const orders: Order[] = [];
  const people: Buyer[] = [];
  for (let n = 0; n < buyers; n++) {
    const zh = worldLocale(n) === 'zh-CN';
    people.push({ id: worldBuyer(n), name: zh ? `买家${n}` : `Buyer ${n}`, language: worldLocale(n), flagged: false });
    orders.push({
      id: worldOrder(n),
      buyerId: worldBuyer(n),
      shopId: zh ? WORLD_SHOPS.zh : WORLD_SHOPS.en,
      currency: 'CNY',
      paid: true,
      paidAt: ago(5 * DAY),
      shippedAt: ago(3 * DAY),
      ...(zh ? {} : { deliveredAt: ago(2 * DAY) }),
      carrier: 'SF',
      trackingNumber: `SF${String(1_000_000_000_000 + n).slice(-13)}`,
      lines: zh
        ? [{ index: 0, sku: 'SOAK-USB', title: 'USB-C 编织快充数据线 1 米', titleEn: 'USB-C braided charging cable, 1 m', unitPrice: 2_990, quantity: 1 }]
        : [{ index: 0, sku: 'SOAK-ANC', title: '主动降噪蓝牙耳机 Pro 黑色', titleEn: 'Noise-cancelling Bluetooth Earbuds Pro, black', unitPrice: 19_900, quantity: 1 }],
      deductions: { coupon: zh ? 0 : 1_000, redPacket: 0, points: zh ? 0 : 300 },
      shippingFee: 0,
      paymentMethod: 'alipay',
    });
  }
  for (let k = 0; k < timers; k++) {
    people.push({ id: timerBuyer(k), name: `定时买家${k}`, language: 'zh-CN', flagged: false });
    orders.push({
      id: timerOrder(k),
      buyerId: timerBuyer(k),
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(12 * DAY),
      shippedAt: ago(10 * DAY),
      carrier: 'SF',
      trackingNumber: `SF${String(2_000_000_000_000 + k).slice(-13)}`,
      lines: [{ index: 0, sku: 'TIMER-CASE', title: '手机壳', titleEn: 'Phone case', unitPrice: 3_900, quantity: 1 }],
      deductions: { coupon: 0, redPacket: 0, points: 0 },
      shippingFee: 0,
      paymentMethod: 'wechat_pay',
    });
  }
  return { buyers: people, shops: [], orders };
}

/** What world buyer n says while filing, for the buyer script. */
export function worldProfile(n: number, atQuote: 'cancel' | 'confirm'): BuyerProfile {
  if (worldLocale(n) === 'zh-CN') {
    return {
      user: worldBuyer(n),
      locale: 'zh-CN',
      greeting: '你好',
      statusQuestion: '我的退款到哪了？',
      fileOpener: `我要退款，订单 ${worldOrder(n)} 一直没收到`,
      orderId: worldOrder(n),
      reason: 'not_received',
      type: 'refund_only',
      description: '物流三天没有更新了',
      uploadEvidence: false,
      atQuote,
    };
  }
  return {
    user: worldBuyer(n),
    locale: 'en-US',
    greeting: 'hello',
    statusQuestion: 'where is my refund?',
    fileOpener: `I want to return ${worldOrder(n)}, the headphones crackle in the left ear`,
    orderId: worldOrder(n),
    reason: 'quality_issue',
    type: 'return_refund',
    description: 'The left ear crackles at any volume.',
    uploadEvidence: true,
    atQuote,
  };
}

/** A return waybill the carrier rules accept (SF + 13 digits), unique per buyer. */
export function returnWaybill(n: number): string {
  return `SF${String(3_000_000_000_000 + n).slice(-13)}`;
}
