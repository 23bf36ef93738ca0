import type { Buyer, Order, Shop } from '../refunds/order';
import type { Clock, OrderCatalogue } from '../refunds/ports';
import type { CatalogueData } from './demo-data';
import { newestFirst } from './newest-first';

export interface FixtureCatalogueOptions {
  data: CatalogueData;
  /**
   * With a clock, the catalogue shows each order as it stands at clock.now(): a shipment or delivery dated in
   * the future has not happened yet. Tests use this to script an order that ships later (even after a
   * do-not-ship request: the shop may ship anyway). Without one, fixtures are shown as they are.
   */
  clock?: Clock;
}

export interface Shipment {
  carrier: string;
  trackingNumber: string;
  /** Defaults to the clock's now (or the wall clock without one). */
  at?: Date;
}

/** OrderCatalogue over in-memory fixtures (the demo data or a test's own). Every answer is a copy. */
export class FixtureCatalogue implements OrderCatalogue {
  private readonly clock: Clock | undefined;
  private readonly orders = new Map<string, Order>();
  private readonly shops = new Map<string, Shop>();
  private readonly buyers = new Map<string, Buyer>();

  constructor(options: FixtureCatalogueOptions) {
    this.clock = options.clock;
    for (const order of options.data.orders) this.orders.set(order.id, structuredClone(order));
    for (const shop of options.data.shops) this.shops.set(shop.id, structuredClone(shop));
    for (const buyer of options.data.buyers) this.buyers.set(buyer.id, structuredClone(buyer));
  }

  async getOrder(orderId: string): Promise<Order | null> {
    const order = this.orders.get(orderId);
    return order ? this.asOfNow(order) : null;
  }

  async listOrdersOfBuyer(buyerId: string): Promise<Order[]> {
    const mine = [...this.orders.values()].filter((o) => o.buyerId === buyerId).map((o) => this.asOfNow(o));
    return newestFirst(mine);
  }

  async getShop(shopId: string): Promise<Shop | null> {
    const shop = this.shops.get(shopId);
    return shop ? structuredClone(shop) : null;
  }

  async getBuyer(buyerId: string): Promise<Buyer | null> {
    const buyer = this.buyers.get(buyerId);
    return buyer ? structuredClone(buyer) : null;
  }

  async markDoNotShip(orderId: string): Promise<boolean> {
    const stored = this.orders.get(orderId);
    // The refund core only asks for orders it has just read: an unknown id is a bug, not a business outcome.
    if (!stored) throw new Error(`markDoNotShip: unknown order ${orderId}`);
    if (this.asOfNow(stored).shippedAt) return false;
    stored.doNotShip = true;
    return true;
  }

  /** Replaces or adds an order (tests and the demo script use it to change the world under the bot). */
  putOrder(order: Order): void {
    this.orders.set(order.id, structuredClone(order));
  }

  /** The shop ships the order (whether or not it was asked not to). */
  ship(orderId: string, shipment: Shipment): void {
    const stored = this.mustGet(orderId);
    stored.shippedAt = (shipment.at ?? this.now()).toISOString();
    stored.carrier = shipment.carrier;
    stored.trackingNumber = shipment.trackingNumber;
  }

  deliver(orderId: string, at?: Date): void {
    const stored = this.mustGet(orderId);
    if (!stored.shippedAt) throw new Error(`deliver: order ${orderId} has not shipped`);
    stored.deliveredAt = (at ?? this.now()).toISOString();
  }

  private mustGet(orderId: string): Order {
    const stored = this.orders.get(orderId);
    if (!stored) throw new Error(`unknown order ${orderId}`);
    return stored;
  }

  private now(): Date {
    return this.clock?.now() ?? new Date();
  }

  private asOfNow(order: Order): Order {
    const copy = structuredClone(order);
    if (!this.clock) return copy;
    const now = this.clock.now().getTime();
    const future = (iso: string | undefined): boolean => iso !== undefined && Date.parse(iso) > now;
    if (future(copy.shippedAt)) {
      delete copy.shippedAt;
      delete copy.carrier;
      delete copy.trackingNumber;
      delete copy.deliveredAt;
    }
    if (future(copy.deliveredAt)) delete copy.deliveredAt;
    return copy;
  }
}
