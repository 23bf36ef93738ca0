import { z } from 'zod';
import { BuyerSchema, OrderSchema, ShopSchema } from '../refunds/order';
import type { Buyer, Order, Shop } from '../refunds/order';
import type { OrderCatalogue } from '../refunds/ports';
import { newestFirst } from './newest-first';

// OrderCatalogue against the platform's order API (contract: services/orders/README.md). Every answer is
// validated: the refund rules decide money on these fields, so a body that does not match the contract is
// an infrastructure failure, never "probably fine".

export type OrderServiceErrorKind = 'timeout' | 'unavailable' | 'malformed';

/** The order API could not give a trustworthy answer. Infrastructure trouble: thrown, not returned. */
export class OrderServiceError extends Error {
  override readonly name = 'OrderServiceError';

  constructor(
    readonly kind: OrderServiceErrorKind,
    message: string,
    /** HTTP status, when the API answered at all. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface HttpCatalogueOptions {
  /** e.g. https://orders.internal.example.com/api/v1 (no trailing slash needed). */
  baseUrl: string;
  /** Per request, headers and body included. */
  timeoutMs?: number;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
}

const OrderListSchema = z.object({ orders: z.array(OrderSchema) });
const DoNotShipSchema = z.object({ accepted: z.boolean() });

type Answer = { status: 404 } | { status: number; body: unknown };

export class HttpCatalogue implements OrderCatalogue {
  private readonly baseUrl: string;
  private readonly timeoutMs: number;
  private readonly token: string | undefined;

  constructor(options: HttpCatalogueOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.token = options.token;
  }

  async getOrder(orderId: string): Promise<Order | null> {
    const answer = await this.call('GET', `/orders/${enc(orderId)}`);
    if (!('body' in answer)) return null;
    const order = this.parse(OrderSchema, answer, `order ${orderId}`);
    // A proxy or cache answering for another order would let one buyer's refund run on someone else's data.
    if (order.id !== orderId) throw new OrderServiceError('malformed', `asked for order ${orderId}, got ${order.id}`, answer.status);
    return order;
  }

  async listOrdersOfBuyer(buyerId: string): Promise<Order[]> {
    const answer = await this.call('GET', `/buyers/${enc(buyerId)}/orders`);
    if (!('body' in answer)) return [];
    const { orders } = this.parse(OrderListSchema, answer, `orders of buyer ${buyerId}`);
    const foreign = orders.find((o) => o.buyerId !== buyerId);
    if (foreign) throw new OrderServiceError('malformed', `order ${foreign.id} listed for buyer ${buyerId} belongs to another buyer`, answer.status);
    return newestFirst(orders);
  }

  async getShop(shopId: string): Promise<Shop | null> {
    const answer = await this.call('GET', `/shops/${enc(shopId)}`);
    if (!('body' in answer)) return null;
    const shop = this.parse(ShopSchema, answer, `shop ${shopId}`);
    if (shop.id !== shopId) throw new OrderServiceError('malformed', `asked for shop ${shopId}, got ${shop.id}`, answer.status);
    return shop;
  }

  async getBuyer(buyerId: string): Promise<Buyer | null> {
    const answer = await this.call('GET', `/buyers/${enc(buyerId)}`);
    if (!('body' in answer)) return null;
    const buyer = this.parse(BuyerSchema, answer, `buyer ${buyerId}`);
    if (buyer.id !== buyerId) throw new OrderServiceError('malformed', `asked for buyer ${buyerId}, got ${buyer.id}`, answer.status);
    return buyer;
  }

  async markDoNotShip(orderId: string): Promise<boolean> {
    const answer = await this.call('POST', `/orders/${enc(orderId)}/do-not-ship`);
    // The core only asks for orders it has just read, so a 404 here means the API is not serving what it served.
    if (!('body' in answer)) throw new OrderServiceError('unavailable', `do-not-ship: order ${orderId} not found`, 404);
    return this.parse(DoNotShipSchema, answer, `do-not-ship of order ${orderId}`).accepted;
  }

  private parse<T>(schema: z.ZodType<T>, answer: { status: number; body: unknown }, what: string): T {
    const result = schema.safeParse(answer.body);
    if (!result.success) {
      throw new OrderServiceError('malformed', `${what}: ${z.prettifyError(result.error)}`, answer.status, { cause: result.error });
    }
    return result.data;
  }

  private async call(method: 'GET' | 'POST', path: string): Promise<Answer> {
    const url = `${this.baseUrl}${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (method === 'POST') headers['content-type'] = 'application/json';
    // One signal for the whole exchange: a server that sends headers and then stalls the body is just as stuck.
    const signal = AbortSignal.timeout(this.timeoutMs);
    let status: number;
    let text: string;
    try {
      const res = await fetch(url, { method, headers, signal, ...(method === 'POST' ? { body: '{}' } : {}) });
      status = res.status;
      text = await res.text();
    } catch (err) {
      // Checked on the signal, not the error: undici's abort error is a DOMException from another realm under
      // some runners, so instanceof and error names are unreliable.
      if (signal.aborted) throw new OrderServiceError('timeout', `${method} ${url}: no answer within ${this.timeoutMs} ms`, undefined, { cause: err });
      throw new OrderServiceError('unavailable', `${method} ${url}: ${describe(err)}`, undefined, { cause: err });
    }
    if (status === 404) return { status: 404 };
    if (status < 200 || status >= 300) {
      throw new OrderServiceError('unavailable', `${method} ${url}: HTTP ${status}`, status);
    }
    try {
      return { status, body: JSON.parse(text) as unknown };
    } catch (err) {
      throw new OrderServiceError('malformed', `${method} ${url}: body is not JSON`, status, { cause: err });
    }
  }
}

function enc(id: string): string {
  return encodeURIComponent(id);
}

function describe(err: unknown): string {
  const message = (e: unknown): string =>
    typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
  // undici wraps the socket error ("ECONNREFUSED", "ECONNRESET") in `cause` under a generic "fetch failed".
  const cause = typeof err === 'object' && err !== null ? (err as { cause?: unknown }).cause : undefined;
  return cause === undefined ? message(err) : `${message(err)} (${message(cause)})`;
}
