import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'redis';
import { signBuyerToken } from '../../bot/identity';
import { REDIS_URL, startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { samples } from '../services/evidence/sample-files';
import { DirectLineClient, call, fromBot, visibleText, widgetToken } from './dl-client';
import type { Json } from './dl-client';

// Who gets a widget conversation: with BUYER_TOKEN_SECRET only a platform-signed buyer token opens one (and it
// reaches the bot with every message); a conversation kept in Redis outlives the server; with
// DIRECT_LINE_SECRET the page is sent to Azure Direct Line instead.

const SECRET = 'platform-signing-secret-for-tests';
const uploadDir = () => mkdtempSync(join(tmpdir(), 'rd-widget-uploads-'));
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

describe('widget tokens with platform-signed buyer tokens', () => {
  let app: TestApp;
  let base: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { BUYER_TOKEN_SECRET: SECRET, WIDGET_UPLOAD_DIR: uploadDir() } });
    base = app.app.url;
  });
  afterAll(() => app.stop());

  it('offers no buyer switcher, and refuses a named buyer, a forged token and an expired one', async () => {
    const config = await call(`${base}/api/widget/config`);
    expect(config.body).toMatchObject({ mode: 'local', signed: true, buyers: [] });

    expect(await call(`${base}/api/widget/token`, { body: { buyerId: 'buyer-1001' } })).toMatchObject({ status: 401, body: { error: { code: 'Unauthorized' } } });
    const forged = signBuyerToken('buyer-1001', 'some-other-secret-entirely', inSeconds(600));
    expect((await call(`${base}/api/widget/token`, { body: { buyerToken: forged } })).status).toBe(403);
    const expired = signBuyerToken('buyer-1001', SECRET, inSeconds(-5));
    expect(await call(`${base}/api/widget/token`, { body: { buyerToken: expired } })).toMatchObject({ status: 403, body: { error: { message: 'The buyer token has expired.' } } });
  });

  it("binds the conversation to the token's buyer and passes the token on to the bot, never into the page's log", async () => {
    const buyerToken = signBuyerToken('buyer-1001', SECRET, inSeconds(3600));
    const issued = await widgetToken(base, { buyerToken, buyerId: 'buyer-1002' });
    expect(issued.buyerId).toBe('buyer-1001');
    const dl = new DirectLineClient(issued.domain, issued.token, issued.conversationId);
    await dl.start();
    await dl.poll();

    const answer = await dl.turn(() => dl.say('DEMO-1002 的东西坏了，我要退款'));
    // The bot knew who this was: it showed buyer-1001's order instead of refusing to look.
    expect(visibleText(answer.filter(fromBot))).toContain('订单 DEMO-1002：哪些商品需要售后？');
    expect(visibleText(answer)).not.toContain('无法确认您的身份');
    expect(JSON.stringify((await dl.poll('')).body)).not.toContain(buyerToken);
  });

  it('never issues a Direct Line token that outlives the buyer token', async () => {
    const buyerToken = signBuyerToken('buyer-1002', SECRET, inSeconds(90));
    const issued = await widgetToken(base, { buyerToken });
    expect(issued.expiresIn).toBeLessThanOrEqual(90);
    expect(issued.expiresIn).toBeGreaterThan(60);
    const dl = new DirectLineClient(issued.domain, issued.token, issued.conversationId);
    const started = await dl.start();
    expect(Number(started.body.expires_in)).toBeLessThanOrEqual(90);
  });

  it('generates Direct Line tokens from a buyer token in the Authorization header (tokens/generate)', async () => {
    const buyerToken = signBuyerToken('buyer-1002', SECRET, inSeconds(600));
    const generated = await call(`${base}/v3/directline/tokens/generate`, { method: 'POST', token: buyerToken });
    expect(generated.status).toBe(200);
    expect(generated.body).toMatchObject({ conversationId: expect.any(String), token: expect.any(String), expires_in: expect.any(Number) });
    expect((await call(`${base}/v3/directline/tokens/generate`, { body: { user: { id: 'buyer-1002' } } })).status).toBe(401);
  });
});

describe('widget tokens in development (no signing secret)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { WIDGET_UPLOAD_DIR: uploadDir() } });
  });
  afterAll(() => app.stop());

  it('offers the demo buyers, and takes a named buyer', async () => {
    const config = await call(`${app.app.url}/api/widget/config`);
    expect(config.body).toMatchObject({
      mode: 'local',
      signed: false,
      buyers: [
        { id: 'buyer-1001', name: '王小明', language: 'zh-CN' },
        { id: 'buyer-1002', name: 'Emily Carter', language: 'en-US' },
      ],
      limits: { imageBytes: 10 * 1024 * 1024, videoBytes: 50 * 1024 * 1024, pdfBytes: 10 * 1024 * 1024, filesPerCase: 9 },
    });
    expect((await call(`${app.app.url}/api/widget/token`, { body: { buyerId: '../etc/passwd' } })).status).toBe(400);
    const generated = await call(`${app.app.url}/v3/directline/tokens/generate`, { body: { user: { id: 'buyer-1002' } } });
    expect(generated.status).toBe(200);
  });
});

describe('a widget conversation kept in Redis', () => {
  const prefix = `test:dl-restart:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
  const env = { REDIS_URL, REDIS_PREFIX: prefix, WIDGET_UPLOAD_DIR: uploadDir() };

  afterAll(async () => {
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    await redis.close();
  });

  it('survives a restart: the page reconnects with its token and gets the whole history, files included', async () => {
    const first = await startTestApp({ env });
    let dl: DirectLineClient;
    let photoUrl: string;
    try {
      dl = await DirectLineClient.open(first.app.url, { buyerId: 'buyer-1001', locale: 'zh-CN' });
      await dl.turn(() => dl.say('DEMO-1002 的东西坏了，我要退款'));
      await dl.upload([{ name: 'charger.png', type: 'image/png', bytes: samples.png() }]);
      const echo = (await dl.poll('')).body.activities.find((a) => Array.isArray(a.attachments) && !fromBot(a))!;
      photoUrl = String((echo.attachments as Json[])[0]!.contentUrl);
    } finally {
      await first.app.stop();
    }

    const second = await startTestApp({ env });
    try {
      const domain = `${second.app.url}/v3/directline`;
      const again = new DirectLineClient(domain, dl.token, dl.conversationId);
      expect((await again.reconnect('')).status).toBe(200);
      const history = (await again.poll('')).body.activities;
      expect(visibleText(history)).toContain('DEMO-1002 的东西坏了，我要退款');
      expect(visibleText(history)).toContain('订单 DEMO-1002：哪些商品需要售后？');
      const path = new URL(photoUrl).pathname;
      const photo = await fetch(`${second.app.url}${path}`);
      expect(photo.status).toBe(200);
      expect(Buffer.from(await photo.arrayBuffer())).toEqual(samples.png());
      // And the conversation goes on where it was.
      const next = await again.turn(() => again.say('你好'));
      expect(next.filter(fromBot).length).toBeGreaterThan(0);
    } finally {
      await second.app.stop();
    }
  });
});

describe('the Azure Direct Line option', () => {
  let azure: Server;
  let azureUrl: string;
  let failing = false;
  const seen: { authorization?: string; body: Json }[] = [];
  let app: TestApp;

  beforeAll(async () => {
    azure = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: body ? (JSON.parse(body) as Json) : {} });
        res.setHeader('content-type', 'application/json');
        if (failing || req.url !== '/v3/directline/tokens/generate') {
          res.statusCode = 500;
          res.end('{}');
          return;
        }
        res.end(JSON.stringify({ conversationId: 'azure-conversation', token: 'azure-token', expires_in: 3600 }));
      });
    });
    await new Promise<void>((resolve) => azure.listen(0, '127.0.0.1', resolve));
    azureUrl = `http://127.0.0.1:${(azure.address() as AddressInfo).port}/v3/directline`;
    app = await startTestApp({ env: { DIRECT_LINE_SECRET: 'azure-secret-value', DIRECT_LINE_DOMAIN: azureUrl, WIDGET_UPLOAD_DIR: uploadDir() } });
  });
  afterAll(async () => {
    await app.stop();
    await new Promise<void>((resolve) => azure.close(() => resolve()));
  });

  it("hands the page an Azure token and domain, with Azure's 4 MB upload limit", async () => {
    const config = await call(`${app.app.url}/api/widget/config`);
    expect(config.body).toMatchObject({ mode: 'azure', limits: { uploadBytes: 4 * 1024 * 1024 } });
    const issued = await widgetToken(app.app.url, { buyerId: 'buyer-1001' });
    expect(issued).toMatchObject({ mode: 'azure', domain: azureUrl, token: 'azure-token', conversationId: 'azure-conversation', buyerId: 'buyer-1001' });
    expect(seen.at(-1)).toEqual({ authorization: 'Bearer azure-secret-value', body: { user: { id: 'buyer-1001' } } });
  });

  it('says the chat is unavailable when Azure refuses, without passing on its answer', async () => {
    failing = true;
    const refused = await call(`${app.app.url}/api/widget/token`, { body: { buyerId: 'buyer-1001' } });
    failing = false;
    expect(refused).toMatchObject({ status: 503, body: { error: { code: 'Unavailable' } } });
  });
});
