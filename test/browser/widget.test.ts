import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { MERCHANT_VERBS } from '../../bot/cards/staff/merchant-verbs';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { artifactPath, launchBrowser } from '../support/browser';
import { FakeConnector, recordedText } from '../support/fake-connector';
import { TeamsClient, personalChat, teamsUser } from '../support/teams-http';
import { samples } from '../services/evidence/sample-files';

// The chat widget in a real browser (Debian's Chromium, headless), against the whole app: a buyer files a refund
// with a photo by typing, clicking card buttons and choosing a file; the merchant approves in Teams (an
// adaptiveCard/action invoke over HTTP) and the page shows it without a reload; a reload shows the same
// conversation. Screenshots go to test-artifacts/widget-*.png.

jest.setTimeout(180_000);

type Json = Record<string, unknown>;

describe('the chat widget in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let teamsConnector: FakeConnector;
  let base: string;

  beforeAll(async () => {
    // Fails with the install hint when Chromium is missing: nothing here is skipped.
    browser = await launchBrowser();
    teamsConnector = await FakeConnector.start();
    app = await startTestApp({ env: { WIDGET_UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'rd-widget-uploads-')) } });
    base = app.app.url;
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await teamsConnector?.stop();
  });

  async function openPage(locale: string, path = '/'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 420, height: 760 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    page.on('pageerror', (err) => {
      throw err;
    });
    await page.goto(`${base}${path}`);
    return page;
  }

  /** Waits until the transcript shows `text` (Web Chat also keeps screen-reader copies: any one will do). */
  const shows = (page: Page, text: string, timeout = 15_000) => page.getByText(text).first().waitFor({ timeout });
  /** Lets Web Chat finish scrolling to the newest message, and drop its passing "connecting" notice, before a screenshot. */
  async function settle(page: Page, text?: string): Promise<void> {
    if (text) await page.getByText(text).last().scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    for (const notice of ['Connecting…', '正在连接...']) await page.getByText(notice).first().waitFor({ state: 'detached', timeout: 5_000 });
  }

  async function screenshot(page: Page, name: string, text?: string): Promise<void> {
    await settle(page, text);
    await page.screenshot({ path: artifactPath(name) });
  }

  // Browser code is passed as text: this project's TypeScript has no DOM types.
  const conversationOf = (page: Page) => page.evaluate<string>('window.RefundDeskWidget.state.session.conversationId');

  it('files a refund with a photo, shows the merchant’s approval live, and keeps the conversation over a reload', async () => {
    const page = await openPage('zh-CN', '/?buyer=buyer-1001');
    await shows(page, '您好，我是退款助手');
    expect(await page.locator('#rd-title').textContent()).toBe('售后服务');
    expect(await page.locator('#rd-buyer').inputValue()).toBe('buyer-1001');
    await screenshot(page, 'widget-welcome.png');

    const sendBox = page.getByPlaceholder('描述您的问题，或输入订单号');
    await sendBox.fill('DEMO-1002 的东西坏了，我要退款');
    await sendBox.press('Enter');
    await shows(page, '订单 DEMO-1002：哪些商品需要售后？');
    // Card inputs and an Action.Submit button: one charger.
    await page.locator('.ac-numberInput').nth(1).fill('1');
    await page.getByRole('button', { name: '继续' }).last().click();
    await shows(page, '“质量问题”需要凭证');

    // The photo through the upload button's file input, then sent.
    await page.locator('input[type=file]').setInputFiles({ name: 'charger.png', mimeType: 'image/png', buffer: samples.png() });
    await page.getByRole('button', { name: '发送' }).click();
    await shows(page, '已收到：charger.png');
    await page.getByRole('button', { name: '完成' }).last().click();
    await shows(page, '退 ¥52.16');
    await page.getByRole('button', { name: '确认提交' }).last().click();
    await shows(page, '申请已提交：RD-000001');
    await screenshot(page, 'widget-case.png', '申请已提交：RD-000001');
    const filed = await app.app.infra.core.service.getCase({ role: 'buyer', id: 'buyer-1001' }, 'RD-000001');
    expect(filed).toMatchObject({ ok: true, value: { orderId: 'DEMO-1002', status: 'pending_merchant', evidence: [{ kind: 'image', name: 'charger.png' }] } });
    const conversationId = await conversationOf(page);

    // The merchant, linked to the shop in Teams, approves from the card the bot sent them.
    const teams = new TeamsClient(base, teamsConnector.url);
    const merchant = { ...teamsUser('alice'), name: 'Alice Li' };
    expect((await teams.say(merchant, personalChat(merchant), '绑定 LINK-201')).status).toBe(200);
    const isCard = (a: Json) => a.contentType === 'application/vnd.microsoft.card.adaptive';
    const cardMessage = await teamsConnector.waitFor(
      (r) => r.conversationId === personalChat(merchant).conversationId && ((r.activity.attachments as Json[] | undefined) ?? []).some(isCard) && recordedText(r).includes('RD-000001'),
      15_000,
    );
    const card = (cardMessage.activity.attachments as Json[]).find(isCard)!.content as Json;
    const approved = await teams.execute(merchant, personalChat(merchant), MERCHANT_VERBS.approve, { ...inputDefaults(card), ...actionData(card, MERCHANT_VERBS.approve) });
    expect(approved.status).toBe(200);
    expect((approved.body as Json).statusCode).toBe(200);

    // Pushed to the open page over its WebSocket: no reload.
    await shows(page, '商家已同意');
    await screenshot(page, 'widget-approved.png', '商家已同意');

    await page.reload();
    await shows(page, '申请已提交：RD-000001');
    await shows(page, '商家已同意');
    await shows(page, 'DEMO-1002 的东西坏了，我要退款');
    expect(await conversationOf(page)).toBe(conversationId);
    await screenshot(page, 'widget-reloaded.png');
    await page.context().close();
  });

  it('opens in English for an English browser, answers a suggested action, switches to Chinese, and refuses files over the limits before uploading them', async () => {
    const page = await openPage('en-US', '/?buyer=buyer-1002');
    const uploads: string[] = [];
    page.on('request', (req) => {
      if (req.url().includes('/upload')) uploads.push(req.url());
    });
    await shows(page, 'Help & refunds');
    await shows(page, 'How can I help');
    // A suggested action sends its words.
    await page.locator('.webchat__suggested-action', { hasText: 'Check my refund' }).click();
    await shows(page, 'You have no refund requests yet.');
    await screenshot(page, 'widget-english.png');

    const fileInput = page.locator('input[type=file]');
    await fileInput.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: samples.exe() });
    await shows(page, 'setup.exe: this kind of file is not accepted');
    await fileInput.setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([samples.png(), Buffer.alloc(11 * 1024 * 1024)]) });
    await shows(page, 'huge.png is 11 MB, over the 10 MB limit for a photo.');
    await screenshot(page, 'widget-refused-file.png');
    expect(uploads).toEqual([]);

    await page.locator('#rd-lang').click();
    await page.locator('#rd-title', { hasText: '售后服务' }).waitFor();
    expect(await page.locator('#rd-lang').textContent()).toBe('EN');
    await page.getByPlaceholder('描述您的问题，或输入订单号').waitFor();
    await fileInput.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await shows(page, 'notes.txt：不支持这种文件');
    expect(uploads).toEqual([]);
    await page.context().close();
  });

  it('shrinks a photo over Azure Direct Line’s 4 MB upload limit in the browser', async () => {
    const page = await openPage('zh-CN', '/?buyer=buyer-1001');
    await shows(page, '您好，我是退款助手');
    const result = await page.evaluate<{ before: number; after: number; type: string; name: string }>(`(async () => {
      const size = 2000;
      const canvas = document.createElement('canvas');
      canvas.width = size;
      canvas.height = size;
      const context = canvas.getContext('2d');
      const pixels = context.createImageData(size, size);
      for (let at = 0; at < pixels.data.length; at += 65536) crypto.getRandomValues(pixels.data.subarray(at, Math.min(at + 65536, pixels.data.length)));
      for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255;
      context.putImageData(pixels, 0, 0);
      const png = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
      const file = new File([png], 'noise.png', { type: 'image/png' });
      const smaller = await window.RefundDeskWidget.downsizeImage(file, 4 * 1024 * 1024);
      return { before: file.size, after: smaller.size, type: smaller.type, name: smaller.name };
    })()`);
    expect(result.before).toBeGreaterThan(4 * 1024 * 1024);
    expect(result.after).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(result).toMatchObject({ type: 'image/jpeg', name: 'noise.jpg' });
    await page.context().close();
  });

  it('opens from the embed snippet on another site, in a floating panel, as the buyer the site names', async () => {
    const host: Server = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Shop</title></head>
<body style="margin:0;font-family:sans-serif;background:#fafafa"><h1 style="padding:24px">Order DEMO-2001</h1>
<script src="${base}/widget.js" data-buyer-id="buyer-1002" data-lang="en-US" async></script></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    try {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 800 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      const launcher = page.locator('.rdw-launcher');
      await launcher.click();
      await page.locator('.rdw-launcher[aria-expanded="true"]').waitFor();
      const frame = page.frameLocator('.rdw-panel iframe');
      // The host page said English and buyer-1002, although the browser is Chinese.
      await frame.getByText('How can I help').first().waitFor({ timeout: 15_000 });
      expect(await frame.locator('#rd-buyer-label').isHidden()).toBe(true);
      await page.waitForTimeout(400);
      expect(await frame.locator('#rd-title').textContent()).toBe('Help & refunds');
      await page.screenshot({ path: artifactPath('widget-embed.png') });
      await frame.locator('#rd-close').click();
      await page.locator('.rdw-launcher[aria-expanded="false"]').waitFor();
      expect(await page.locator('.rdw-panel').isVisible()).toBe(false);
      await context.close();
    } finally {
      await new Promise<void>((resolve) => host.close(() => resolve()));
    }
  });
});

/** The data of the card's Action.Execute button for `verb`. */
function actionData(card: Json, verb: string): Json {
  let found: Json | null = null;
  walk(card, (node) => {
    if (!found && node.type === 'Action.Execute' && node.verb === verb) found = { ...((node.data as Json) ?? {}) };
  });
  if (!found) throw new Error(`no ${verb} button on the merchant card`);
  return found;
}

/** The card's input values as Teams sends them back with a click (their defaults, as a merchant leaves them). */
function inputDefaults(card: Json): Json {
  const values: Json = {};
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && typeof node.id === 'string' && node.value !== undefined) values[node.id] = node.value;
  });
  return values;
}

function walk(node: unknown, visit: (node: Json) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  visit(node as Json);
  for (const value of Object.values(node as Json)) walk(value, visit);
}
