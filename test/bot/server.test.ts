import { startApp } from '../../bot/app';
import type { App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function configFor(env: Record<string, string>) {
  const loaded = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  return loaded.config;
}

describe('server on embedded defaults', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp(configFor({}), createLogger('silent'));
  });
  afterAll(() => app.stop());

  it('answers /healthz with the store kind and the demo orders', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; store: string; durable: boolean; demo: { orders: { id: string }[] } };
    expect(body).toMatchObject({ status: 'ok', store: 'memory', durable: false });
    expect(body.demo.orders.map((o) => o.id)).toEqual(
      expect.arrayContaining(['DEMO-1001', 'DEMO-1002', 'DEMO-1003', 'DEMO-1004', 'DEMO-1005', 'DEMO-1006', 'DEMO-2001']),
    );
  });

  it('is ready without Redis', async () => {
    const res = await fetch(`${app.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', store: 'memory' });
  });
});

describe('server on Redis', () => {
  let app: App;
  const prefix = `test:server:${process.pid}:${Date.now()}:`;
  beforeAll(async () => {
    app = await startApp(configFor({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix }), createLogger('silent'));
  });
  afterAll(async () => {
    const redis = app.infra.redis!;
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    await app.stop();
  });

  it('reports Redis as its store and is ready', async () => {
    const health = (await (await fetch(`${app.url}/healthz`)).json()) as { store: string; durable: boolean };
    expect(health).toMatchObject({ store: 'redis', durable: true });
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'redis' });
  });
});
