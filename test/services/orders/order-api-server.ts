import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OrderCatalogue } from '../../../services/refunds/ports';

// A local stand-in for the platform's order API (services/orders/README.md), serving any OrderCatalogue.
// `override` lets a test take over a request (slow, broken or malformed answers); return true when handled.

export type Override = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface OrderApi {
  baseUrl: string;
  /** Requests seen, as "METHOD path" with the Authorization header if any. */
  requests: { method: string; path: string; authorization?: string }[];
  setOverride(override: Override | null): void;
  close(): Promise<void>;
}

export async function startOrderApi(catalogue: OrderCatalogue): Promise<OrderApi> {
  let override: Override | null = null;
  const requests: OrderApi['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').replace(/^\/api\/v1/, '');
    requests.push({ method: req.method ?? '', path, ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    void (async () => {
      if (override && (await override(req, res))) return;
      await serve(catalogue, req.method ?? 'GET', path, res);
    })().catch((err: unknown) => send(res, 500, { error: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    requests,
    setOverride: (o) => {
      override = o;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function serve(catalogue: OrderCatalogue, method: string, path: string, res: ServerResponse): Promise<void> {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [collection, id, sub] = parts;
  if (method === 'GET' && collection === 'orders' && id && parts.length === 2) return found(res, await catalogue.getOrder(id));
  if (method === 'POST' && collection === 'orders' && id && sub === 'do-not-ship' && parts.length === 3) {
    if (!(await catalogue.getOrder(id))) return send(res, 404, { error: 'order_not_found' });
    return send(res, 200, { accepted: await catalogue.markDoNotShip(id) });
  }
  if (method === 'GET' && collection === 'buyers' && id && sub === 'orders' && parts.length === 3) {
    if (!(await catalogue.getBuyer(id))) return send(res, 404, { error: 'buyer_not_found' });
    return send(res, 200, { orders: await catalogue.listOrdersOfBuyer(id) });
  }
  if (method === 'GET' && collection === 'buyers' && id && parts.length === 2) return found(res, await catalogue.getBuyer(id));
  if (method === 'GET' && collection === 'shops' && id && parts.length === 2) return found(res, await catalogue.getShop(id));
  send(res, 404, { error: 'no_such_route' });
}

function found(res: ServerResponse, value: unknown): void {
  if (value === null) send(res, 404, { error: 'not_found' });
  else send(res, 200, value);
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
