import type { Buyer, Order, Shop } from '../refunds/order';
import type { TrackingInfo } from '../refunds/ports';

// The demo marketplace: two buyers, two shops and one order per situation the refund rules distinguish.
// Every date is relative to `now`, so the demo tells the same story whenever it is started.

export interface CatalogueData {
  buyers: Buyer[];
  shops: Shop[];
  orders: Order[];
}

export interface DemoData extends CatalogueData {
  /** Outbound parcel tracking keyed by order id. */
  tracking: Record<string, TrackingInfo>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const NO_DEDUCTIONS = { coupon: 0, redPacket: 0, points: 0 };

export function demoData(now: Date): DemoData {
  const t = now.getTime();
  const ago = (ms: number): string => new Date(t - ms).toISOString();

  const buyers: Buyer[] = [
    { id: 'buyer-1001', name: '王小明', language: 'zh-CN', flagged: false },
    { id: 'buyer-1002', name: 'Emily Carter', language: 'en-US', flagged: false },
  ];

  const shops: Shop[] = [
    {
      id: 'shop-201',
      name: '数码优选旗舰店',
      nameEn: 'Digital Select',
      category: 'electronics',
      returnAddress: {
        recipient: '数码优选售后部 李娜',
        phone: '0755-2683-0201',
        address: '广东省深圳市南山区科技园科苑路 88 号 数码优选仓储中心 3 号门',
      },
    },
    {
      id: 'shop-202',
      name: '鲜果园',
      nameEn: 'Fresh Orchard',
      category: 'fresh_fruit',
      returnAddress: {
        recipient: '鲜果园售后组 张伟',
        phone: '0535-6120-0202',
        address: '山东省烟台市福山区果园路 16 号 鲜果园冷链仓',
      },
    },
  ];

  const orders: Order[] = [
    // Paid, not shipped: a cancellation is fast-tracked and the shop is asked not to ship.
    {
      id: 'DEMO-1001',
      buyerId: 'buyer-1001',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(2 * HOUR),
      lines: [
        { index: 0, sku: 'DS-EAR-AIR2-WHT', title: '无线蓝牙耳机 Air 2 白色', titleEn: 'Wireless Earphones Air 2, white', unitPrice: 19900, quantity: 1 },
      ],
      deductions: { ...NO_DEDUCTIONS },
      shippingFee: 800,
      paymentMethod: 'alipay',
    },
    // The E3 order of DESIGN.md (money test vectors), delivered 3 days ago: inside the 7-day no-reason window.
    {
      id: 'DEMO-1002',
      buyerId: 'buyer-1001',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(6 * DAY),
      shippedAt: ago(5 * DAY),
      deliveredAt: ago(3 * DAY),
      promisedDeliveryBy: ago(2 * DAY),
      carrier: 'JD',
      trackingNumber: 'JDVA30452871946',
      lines: [
        { index: 0, sku: 'DS-ANC-PRO-BLK', title: '主动降噪蓝牙耳机 Pro 黑色', titleEn: 'Noise-cancelling Bluetooth Earbuds Pro, black', unitPrice: 19900, quantity: 1 },
        { index: 1, sku: 'DS-GAN-65W', title: '65W 氮化镓快充充电器', titleEn: '65W GaN fast charger', unitPrice: 5990, quantity: 2 },
        { index: 2, sku: 'DS-CBL-C2C-1M', title: 'USB-C 编织快充数据线 1 米', titleEn: 'USB-C braided charging cable, 1 m', unitPrice: 990, quantity: 3 },
      ],
      deductions: { coupon: 3000, redPacket: 500, points: 1000 },
      shippingFee: 0,
      paymentMethod: 'alipay',
    },
    // Fresh fruit, delivered yesterday: perishable goods are excluded from no-reason returns (CRPL Art. 25).
    {
      id: 'DEMO-1003',
      buyerId: 'buyer-1001',
      shopId: 'shop-202',
      currency: 'CNY',
      paid: true,
      paidAt: ago(3 * DAY),
      shippedAt: ago(2 * DAY),
      deliveredAt: ago(1 * DAY),
      promisedDeliveryBy: ago(1 * DAY - 6 * HOUR),
      carrier: 'SF',
      trackingNumber: 'SF1402387659014',
      lines: [
        { index: 0, sku: 'FO-APL-FUJI-5J', title: '烟台红富士苹果 5 斤装', titleEn: 'Yantai Fuji apples, 2.5 kg box', unitPrice: 6990, quantity: 1, noReasonExclusion: 'perishable' },
        { index: 1, sku: 'FO-MGO-JH-3J', title: '海南金煌芒果 3 斤装', titleEn: 'Hainan Jinhuang mangoes, 1.5 kg box', unitPrice: 3990, quantity: 2, noReasonExclusion: 'perishable' },
      ],
      deductions: { ...NO_DEDUCTIONS },
      shippingFee: 0,
      paymentMethod: 'wechat_pay',
    },
    // Shipped 8 days ago, promised 3 days ago, last carrier scan 4 days ago: a logistics delay the tracking confirms.
    {
      id: 'DEMO-1004',
      buyerId: 'buyer-1001',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(9 * DAY),
      shippedAt: ago(8 * DAY),
      promisedDeliveryBy: ago(3 * DAY),
      carrier: 'SF',
      trackingNumber: 'SF1318842075563',
      lines: [
        { index: 0, sku: 'DS-WATCH-S3-GRY', title: '智能手表 S3 深空灰', titleEn: 'Smart Watch S3, space grey', unitPrice: 39900, quantity: 1 },
      ],
      deductions: { coupon: 2000, redPacket: 0, points: 0 },
      shippingFee: 0,
      paymentMethod: 'alipay',
    },
    // Delivered 30 days ago: past the no-reason window, quality complaints still possible.
    {
      id: 'DEMO-1005',
      buyerId: 'buyer-1001',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(34 * DAY),
      shippedAt: ago(33 * DAY),
      deliveredAt: ago(30 * DAY),
      promisedDeliveryBy: ago(30 * DAY),
      carrier: 'ZTO',
      trackingNumber: '73108846291537',
      lines: [
        { index: 0, sku: 'DS-KB-K8-RGB', title: 'K8 无线机械键盘 茶轴', titleEn: 'K8 wireless mechanical keyboard, brown switches', unitPrice: 29900, quantity: 1 },
      ],
      deductions: { coupon: 0, redPacket: 0, points: 500 },
      shippingFee: 0,
      paymentMethod: 'wechat_pay',
    },
    // Placed but never paid: nothing to refund.
    {
      id: 'DEMO-1006',
      buyerId: 'buyer-1001',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: false,
      lines: [
        { index: 0, sku: 'DS-SPK-MINI-BLU', title: '便携蓝牙音箱 Mini 蓝色', titleEn: 'Portable Bluetooth speaker Mini, blue', unitPrice: 15900, quantity: 1 },
      ],
      deductions: { ...NO_DEDUCTIONS },
      shippingFee: 0,
      paymentMethod: 'alipay',
    },
    // The English-speaking buyer's order, delivered 2 days ago.
    {
      id: 'DEMO-2001',
      buyerId: 'buyer-1002',
      shopId: 'shop-201',
      currency: 'CNY',
      paid: true,
      paidAt: ago(5 * DAY),
      shippedAt: ago(4 * DAY),
      deliveredAt: ago(2 * DAY),
      promisedDeliveryBy: ago(1 * DAY),
      carrier: 'YTO',
      trackingNumber: 'YT7465012938475',
      lines: [
        { index: 0, sku: 'DS-HP-OVR-ANC', title: '头戴式主动降噪耳机 H9', titleEn: 'H9 over-ear noise-cancelling headphones', unitPrice: 89900, quantity: 1 },
        { index: 1, sku: 'DS-CASE-H9', title: 'H9 耳机收纳包', titleEn: 'H9 headphone carrying case', unitPrice: 4900, quantity: 1 },
      ],
      deductions: { coupon: 5000, redPacket: 0, points: 0 },
      shippingFee: 0,
      paymentMethod: 'bank_card',
    },
  ];

  const tracking: Record<string, TrackingInfo> = {};
  for (const order of orders) {
    if (!order.shippedAt || !order.carrier || !order.trackingNumber) continue;
    tracking[order.id] = {
      carrier: order.carrier,
      trackingNumber: order.trackingNumber,
      delivered: Boolean(order.deliveredAt),
      ...(order.deliveredAt ? { deliveredAt: order.deliveredAt } : {}),
      lastScanAt: order.deliveredAt ?? order.shippedAt,
      ...(order.promisedDeliveryBy ? { promisedDeliveryBy: order.promisedDeliveryBy } : {}),
    };
  }
  // The parcel stalled at a sorting centre: its last scan is 4 days old, a day before the promised date, and
  // nothing since.
  tracking['DEMO-1004'] = { ...tracking['DEMO-1004']!, lastScanAt: ago(4 * DAY) };

  return { buyers, shops, orders, tracking };
}
