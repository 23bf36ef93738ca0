import { z } from 'zod';

// An order as the platform's order service describes it. Amounts are integer minor units (fen).
// This schema is the documented contract of the order API (see services/orders/README.md) and is used to
// validate every answer from it.

export const FenSchema = z.number().int().nonnegative();

/** CRPL Art. 25 exclusions from no-reason returns. */
export const NoReasonExclusionSchema = z.enum([
  'custom_made',
  'perishable',
  'unsealed_digital',
  'delivered_periodical',
  'confirmed_non_returnable',
]);
export type NoReasonExclusion = z.infer<typeof NoReasonExclusionSchema>;

export const OrderLineSchema = z.object({
  /** Position of the line in the order, 0-based; lower index wins allocation ties. */
  index: z.number().int().nonnegative(),
  sku: z.string().min(1),
  title: z.string().min(1),
  /** Optional English title; `title` is the shop's own wording. */
  titleEn: z.string().optional(),
  unitPrice: FenSchema,
  quantity: z.number().int().positive(),
  noReasonExclusion: NoReasonExclusionSchema.optional(),
});
export type OrderLine = z.infer<typeof OrderLineSchema>;

export const DeductionsSchema = z.object({
  coupon: FenSchema.default(0),
  redPacket: FenSchema.default(0),
  /** 1 point = 1 fen. */
  points: FenSchema.default(0),
});
export type Deductions = z.infer<typeof DeductionsSchema>;

export const PaymentMethodSchema = z.enum(['alipay', 'wechat_pay', 'bank_card', 'balance']);
export type PaymentMethod = z.infer<typeof PaymentMethodSchema>;

export const OrderSchema = z
  .object({
    id: z.string().min(1),
    buyerId: z.string().min(1),
    shopId: z.string().min(1),
    currency: z.string().length(3).default('CNY'),
    paid: z.boolean(),
    paidAt: z.iso.datetime().optional(),
    /** Set once the merchant ships; absent before shipment. */
    shippedAt: z.iso.datetime().optional(),
    deliveredAt: z.iso.datetime().optional(),
    promisedDeliveryBy: z.iso.datetime().optional(),
    carrier: z.string().optional(),
    trackingNumber: z.string().optional(),
    /** Set when a fast-tracked cancellation asked the shop not to ship. */
    doNotShip: z.boolean().optional(),
    lines: z.array(OrderLineSchema).min(1),
    deductions: DeductionsSchema.default({ coupon: 0, redPacket: 0, points: 0 }),
    shippingFee: FenSchema.default(0),
    paymentMethod: PaymentMethodSchema.default('alipay'),
  })
  .refine((o) => o.lines.every((l, i) => l.index === i), { message: 'line indexes must be 0..n-1 in order' })
  .refine(
    (o) =>
      o.deductions.coupon + o.deductions.redPacket + o.deductions.points <=
      o.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0),
    { message: 'deductions exceed the order subtotal' },
  );
export type Order = z.infer<typeof OrderSchema>;

export type ShippingState = 'not_shipped' | 'in_transit' | 'delivered';

export function shippingState(order: Order): ShippingState {
  if (order.deliveredAt) return 'delivered';
  if (order.shippedAt) return 'in_transit';
  return 'not_shipped';
}

export const ShopSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  nameEn: z.string().optional(),
  category: z.string().optional(),
  returnAddress: z.object({
    recipient: z.string().min(1),
    phone: z.string().min(1),
    address: z.string().min(1),
  }),
});
export type Shop = z.infer<typeof ShopSchema>;

export const BuyerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  language: z.enum(['zh-CN', 'en-US']),
  /** Set by the platform's risk team. */
  flagged: z.boolean().default(false),
});
export type Buyer = z.infer<typeof BuyerSchema>;
