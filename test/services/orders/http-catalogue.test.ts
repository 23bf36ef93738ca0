import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { demoData } from '../../../services/orders/demo-data';
import { FixtureCatalogue } from '../../../services/orders/fixture-catalogue';
import { HttpCatalogue, OrderServiceError } from '../../../services/orders/http-catalogue';
import type { OrderServiceErrorKind } from '../../../services/orders/http-catalogue';
import { CONTRACT_NOW, orderCatalogueContract } from './order-catalogue-contract';
import { send, startOrderApi } from './order-api-server';
import type { OrderApi } from './order-api-server';

// The HTTP catalogue against a real local server speaking the documented contract, backed by the demo data.

let api: OrderApi;
let backend: FixtureCatalogue;

beforeAll(async () => {
  backend = new FixtureCatalogue({ data: demoData(CONTRACT_NOW) });
  api = await startOrderApi({
    getOrder: (id) => backend.getOrder(id),
    listOrdersOfBuyer: (id) => backend.listOrdersOfBuyer(id),
    getShop: (id) => backend.getShop(id),
    getBuyer: (id) => backend.getBuyer(id),
    markDoNotShip: (id) => backend.markDoNotShip(id),
  });
});
afterAll(() => api.close());

orderCatalogueContract('HttpCatalogue', async () => {
  backend = new FixtureCatalogue({ data: demoData(CONTRACT_NOW) });
  api.setOverride(null);
  return { catalogue: new HttpCatalogue({ baseUrl: api.baseUrl }) };
});

async function expectServiceError(promise: Promise<unknown>, kind: OrderServiceErrorKind, status?: number): Promise<OrderServiceError> {
  const err = await promise.then(
    () => {
      throw new Error('expected an OrderServiceError');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OrderServiceError);
  const e = err as OrderServiceError;
  expect(e.kind).toBe(kind);
  expect(e.name).toBe('OrderServiceError');
  if (status !== undefined) expect(e.status).toBe(status);
  return e;
}

describe('HttpCatalogue', () => {
  beforeEach(() => {
    backend = new FixtureCatalogue({ data: demoData(CONTRACT_NOW) });
    api.setOverride(null);
    api.requests.length = 0;
  });

  it('happy path: reads an order, sending the token and encoding the id', async () => {
    const catalogue = new HttpCatalogue({ baseUrl: `${api.baseUrl}/`, token: 's3cret' });
    const order = await catalogue.getOrder('DEMO-1002');
    expect(order?.deductions).toEqual({ coupon: 3000, redPacket: 500, points: 1000 });
    await expect(catalogue.getOrder('a/b c')).resolves.toBeNull();
    expect(api.requests).toEqual([
      { method: 'GET', path: '/orders/DEMO-1002', authorization: 'Bearer s3cret' },
      { method: 'GET', path: '/orders/a%2Fb%20c', authorization: 'Bearer s3cret' },
    ]);
  });

  it('fills the schema defaults of a minimal order', async () => {
    api.setOverride((req, res) => {
      if (req.url !== '/api/v1/orders/MIN-1') return false;
      send(res, 200, { id: 'MIN-1', buyerId: 'b', shopId: 's', paid: true, lines: [{ index: 0, sku: 'x', title: '商品', unitPrice: 100, quantity: 1 }] });
      return true;
    });
    const order = await new HttpCatalogue({ baseUrl: api.baseUrl }).getOrder('MIN-1');
    expect(order).toMatchObject({ currency: 'CNY', shippingFee: 0, paymentMethod: 'alipay', deductions: { coupon: 0, redPacket: 0, points: 0 } });
  });

  it('posts do-not-ship and reads {"accepted": boolean}', async () => {
    const catalogue = new HttpCatalogue({ baseUrl: api.baseUrl });
    await expect(catalogue.markDoNotShip('DEMO-1001')).resolves.toBe(true);
    await expect(catalogue.markDoNotShip('DEMO-1004')).resolves.toBe(false);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /orders/DEMO-1001/do-not-ship', 'POST /orders/DEMO-1004/do-not-ship']);
    await expectServiceError(catalogue.markDoNotShip('NOPE'), 'unavailable', 404);
  });

  it('a slow server is a timeout', async () => {
    const timers: NodeJS.Timeout[] = [];
    api.setOverride((_req, res) => {
      timers.push(setTimeout(() => send(res, 200, {}), 2000));
      return true;
    });
    const started = Date.now();
    try {
      await expectServiceError(new HttpCatalogue({ baseUrl: api.baseUrl, timeoutMs: 150 }).getOrder('DEMO-1002'), 'timeout');
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      timers.forEach(clearTimeout);
    }
  });

  it('a body that stalls after the headers is a timeout too', async () => {
    api.setOverride((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"id": "DEMO-');
      return true;
    });
    await expectServiceError(new HttpCatalogue({ baseUrl: api.baseUrl, timeoutMs: 150 }).getOrder('DEMO-1002'), 'timeout');
  });

  it('a 5xx is unavailable', async () => {
    api.setOverride((_req, res) => {
      send(res, 503, { error: 'maintenance' });
      return true;
    });
    const catalogue = new HttpCatalogue({ baseUrl: api.baseUrl });
    await expectServiceError(catalogue.getOrder('DEMO-1002'), 'unavailable', 503);
    await expectServiceError(catalogue.listOrdersOfBuyer('buyer-1001'), 'unavailable', 503);
    await expectServiceError(catalogue.markDoNotShip('DEMO-1001'), 'unavailable', 503);
  });

  it('a 500 on every endpoint is unavailable', async () => {
    api.setOverride((_req, res) => {
      send(res, 500, 'Internal Server Error');
      return true;
    });
    const catalogue = new HttpCatalogue({ baseUrl: api.baseUrl });
    await expectServiceError(catalogue.getShop('shop-201'), 'unavailable', 500);
    await expectServiceError(catalogue.getBuyer('buyer-1001'), 'unavailable', 500);
  });

  it('a refused connection is unavailable', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expectServiceError(new HttpCatalogue({ baseUrl: `http://127.0.0.1:${port}` }).getOrder('DEMO-1002'), 'unavailable');
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['a negative amount', { ...demoData(CONTRACT_NOW).orders[1], lines: [{ index: 0, sku: 'x', title: 't', unitPrice: -1, quantity: 1 }] }],
    ['deductions above the subtotal', { ...demoData(CONTRACT_NOW).orders[1], deductions: { coupon: 999999, redPacket: 0, points: 0 } }],
    ['fractional fen', { ...demoData(CONTRACT_NOW).orders[1], shippingFee: 1.5 }],
    ['another order', demoData(CONTRACT_NOW).orders[0]],
  ])('a malformed order body (%s) is malformed', async (_what, body) => {
    api.setOverride((_req, res) => {
      send(res, 200, body);
      return true;
    });
    await expectServiceError(new HttpCatalogue({ baseUrl: api.baseUrl }).getOrder('DEMO-1002'), 'malformed', 200);
  });

  it('malformed list, shop, buyer and do-not-ship answers are malformed', async () => {
    const catalogue = new HttpCatalogue({ baseUrl: api.baseUrl });
    const answer = (body: unknown) =>
      api.setOverride((_req, res) => {
        send(res, 200, body);
        return true;
      });
    answer([demoData(CONTRACT_NOW).orders[0]]);
    await expectServiceError(catalogue.listOrdersOfBuyer('buyer-1001'), 'malformed');
    answer({ orders: [demoData(CONTRACT_NOW).orders.find((o) => o.buyerId === 'buyer-1002')] });
    await expectServiceError(catalogue.listOrdersOfBuyer('buyer-1001'), 'malformed');
    answer({ id: 'shop-201', name: '数码优选旗舰店' });
    await expectServiceError(catalogue.getShop('shop-201'), 'malformed');
    answer({ id: 'buyer-1001', name: '王小明', language: 'fr-FR' });
    await expectServiceError(catalogue.getBuyer('buyer-1001'), 'malformed');
    answer({ accepted: 'yes' });
    await expectServiceError(catalogue.markDoNotShip('DEMO-1001'), 'malformed');
  });

  it('sorts a list the API returned in another order', async () => {
    const orders = demoData(CONTRACT_NOW).orders.filter((o) => o.buyerId === 'buyer-1001');
    api.setOverride((_req, res) => {
      send(res, 200, { orders });
      return true;
    });
    const ids = (await new HttpCatalogue({ baseUrl: api.baseUrl }).listOrdersOfBuyer('buyer-1001')).map((o) => o.id);
    expect(ids).toEqual(['DEMO-1006', 'DEMO-1001', 'DEMO-1003', 'DEMO-1002', 'DEMO-1004', 'DEMO-1005']);
  });
});
