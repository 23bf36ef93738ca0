import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type { RefundCase } from '../../services/refunds';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { artifactPath, launchBrowser } from '../support/browser';
import { START, act, fileCancellation, fileReturn, merchantOf, operatorsWorld, payCases } from '../operators/world';

// The operators' dashboard in a real browser (Debian's Chromium, headless) against the whole app with three
// months of cases: sign in with a token, the charts drawn from the API (refunds and amounts per month by reason,
// time to decision against the 24 h / 48 h lines, cases per shop with the outlier marked, open cases by state with
// the overdue ones), a case's timeline, the CSV export. Screenshots go to test-artifacts/dashboard-*.png.

jest.setTimeout(180_000);

const TOKEN = 'dashboard-token-0123456789';
/** Runs in the page: what the dashboard kept in the tab's sessionStorage (no DOM types in this project). */
const storedToken = (): string | null =>
  (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('refundDesk.operatorToken');
const H = 3_600_000;

describe('the operators dashboard in a browser', () => {
  let app: TestApp;
  let browser: Browser;
  let overdueCase: RefundCase;
  let escalated: RefundCase;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    const world = operatorsWorld({ shops: ['shop-a', 'shop-b', 'shop-c', 'shop-d', 'shop-e', 'shop-f'], buyers: 60 });
    app = await startTestApp({ env: { OPERATOR_TOKENS: `ops:${TOKEN}` }, overrides: { clock: world.clock, orders: world.catalogue } });
    const core = app.app.infra.core;
    const paid: RefundCase[] = [];

    world.clock.set('2025-04-15T02:00:00.000Z');
    paid.push(await fileCancellation(core, world, 'shop-a'), await fileCancellation(core, world, 'shop-a'), await fileCancellation(core, world, 'shop-b', { reason: 'other' }));
    await payCases(core, paid.splice(0));
    world.clock.set('2025-05-20T02:00:00.000Z');
    for (const [shop, reason] of [
      ['shop-b', 'quality_issue'],
      ['shop-c', 'wrong_item'],
      ['shop-c', 'mistaken_purchase'],
      ['shop-d', 'other'],
      ['shop-d', 'quality_issue'],
    ] as const)
      paid.push(await fileCancellation(core, world, shop, { reason }));
    await payCases(core, paid.splice(0));

    world.clock.set(START);
    // June: shop-e far above the others; merchants decide returns after 3, 10 and 20 hours; two returns wait.
    for (let i = 0; i < 7; i++) paid.push(await fileCancellation(core, world, 'shop-e', { reason: i % 3 ? 'mistaken_purchase' : 'not_as_described' }));
    for (const shop of ['shop-a', 'shop-b', 'shop-f']) paid.push(await fileCancellation(core, world, shop));
    await payCases(core, paid.splice(0));
    const returns = [];
    for (const shop of ['shop-a', 'shop-b', 'shop-c', 'shop-d', 'shop-f']) returns.push(await fileReturn(core, world, shop, { description: '尺码不合适，想退货' }));
    world.clock.advance(3 * H);
    await act(core, merchantOf('shop-a'), returns[0]!.id, { kind: 'merchant_approve' });
    world.clock.advance(7 * H);
    await act(core, merchantOf('shop-b'), returns[1]!.id, { kind: 'merchant_approve', remark: '同意退货' });
    world.clock.advance(10 * H);
    await act(core, merchantOf('shop-c'), returns[2]!.id, { kind: 'merchant_reject', code: 'item_used_or_damaged_by_buyer', remark: '吊牌已剪' });
    await act(core, { role: 'buyer', id: returns[2]!.buyerId }, returns[2]!.id, { kind: 'buyer_escalate', remark: '吊牌是原本就没有的' });
    const photo = { sha256: 'd'.repeat(64), kind: 'image', mediaType: 'image/jpeg', size: 81_920, name: '吊牌照片.jpg', addedBy: 'buyer', addedAt: world.clock.now().toISOString() };
    await act(core, { role: 'buyer', id: returns[2]!.buyerId }, returns[2]!.id, { kind: 'add_evidence', evidence: [photo], remark: '收到时的照片' });
    escalated = returns[2]!;
    world.clock.advance(9 * H); // 29 hours after filing: the two unanswered returns are overdue
    overdueCase = returns[3]!;
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const ready = (p: Page, what: string) => p.waitForSelector(`body[data-ready="${what}"]`, { timeout: 20_000 });

  it('asks for a token, refuses a wrong one, then shows the overview with its charts', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1360, height: 1000 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    const errors: Error[] = [];
    page.on('pageerror', (err) => errors.push(err));
    await page.goto(`${app.app.url}/dashboard`);
    await page.waitForSelector('#sign-in:not([hidden])');
    expect(await page.textContent('#sign-in h2')).toBe('请输入运营令牌');

    await page.fill('#token', 'wrong-token-0123456789');
    await page.click('#sign-in button[type=submit]');
    await page.waitForSelector('#sign-in-error:not([hidden])');
    expect(await page.textContent('#sign-in-error')).toBe('令牌无效，请重新输入。');
    expect(await page.evaluate(storedToken)).toBeNull();

    await page.fill('#token', TOKEN);
    await page.click('#sign-in button[type=submit]');
    await ready(page, 'overview');
    expect(await page.evaluate(storedToken)).toBe(TOKEN);

    // Refunds per month by reason: April, May and June have bars; amounts too.
    const months = await page.$$eval('#chart-month-count rect.bar', (rects) => [...new Set(rects.map((r) => r.getAttribute('data-category')))]);
    expect(months).toEqual(['2025-04', '2025-05', '2025-06']);
    const juneCount = await page.$$eval('#chart-month-count rect.bar[data-category="2025-06"]', (rects) => rects.reduce((n, r) => n + Number(r.getAttribute('data-value')), 0));
    expect(juneCount).toBe(15);
    const aprilAmount = await page.$$eval('#chart-month-amount rect.bar[data-category="2025-04"]', (rects) => rects.reduce((n, r) => n + Number(r.getAttribute('data-value')), 0));
    expect(aprilAmount).toBe(300);
    const series = await page.$$eval('#chart-month-count rect.bar', (rects) => [...new Set(rects.map((r) => r.getAttribute('data-series')))].sort());
    expect(series).toEqual(['mistaken_purchase', 'no_reason_7_days', 'not_as_described', 'other', 'quality_issue', 'wrong_item']);

    // Time to decision: three decisions in their buckets, the 24 h and 48 h lines drawn.
    const decisions = await page.$$eval('#chart-decision rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-category'), r.getAttribute('data-value')]));
    expect(decisions).toEqual([
      ['0–6 小时', '1'],
      ['6–12 小时', '1'],
      ['12–24 小时', '1'],
    ]);
    expect(await page.$$eval('#chart-decision line.marker', (lines) => lines.length)).toBe(2);
    expect(await page.textContent('#chart-decision')).toContain('24 小时时限');

    // Cases per shop: shop-e marked as the outlier, the median and alert lines drawn.
    const shops = await page.$$eval('#chart-shops rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-category'), r.getAttribute('data-value'), r.getAttribute('fill')]));
    expect(shops[0]).toEqual(['shop-e', '7', '#d64545']);
    expect(shops.slice(1).every(([, , fill]) => fill === '#2f6fdf')).toBe(true);
    expect(await page.textContent('#chart-shops')).toContain('异常');
    expect(await page.$$eval('#chart-shops line.median, #chart-shops line.marker', (lines) => lines.length)).toBe(2);

    // Open cases by state, the overdue part in red, and the overdue list.
    const open = await page.$$eval('#chart-open rect.bar', (rects) => rects.map((r) => [r.getAttribute('data-category'), r.getAttribute('data-series'), r.getAttribute('data-value')]));
    expect(open).toEqual(
      expect.arrayContaining([
        ['pending_merchant', 'overdue', '2'],
        ['platform_review', 'in_time', '1'],
        ['awaiting_return_shipment', 'in_time', '2'],
      ]),
    );
    expect(await page.$$eval('#overdue-table tr.overdue', (rows) => rows.length)).toBe(2);
    expect(await page.textContent('#kpis')).toContain('已逾期');

    await page.screenshot({ path: artifactPath('dashboard-overview.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it("shows a case's timeline and evidence", async () => {
    await page.click(`#overdue-table a[href="#/case/${overdueCase.id}"]`);
    await ready(page, 'case');
    expect(await page.textContent('#view h2')).toContain(overdueCase.id);
    const steps = await page.$$eval('#timeline li', (items) => items.map((li) => li.querySelector('.what')!.textContent));
    expect(steps).toEqual(['提交申请 (file) 待商家处理']);
    expect(await page.textContent('main')).toContain('尺码不合适，想退货');

    await page.goto(`${app.app.url}/dashboard#/case/${escalated.id}`);
    await ready(page, 'case');
    const trail = await page.$$eval('#timeline li', (items) => items.map((li) => [li.querySelector('.what')!.textContent, li.querySelector('.remark')?.textContent ?? null]));
    expect(trail).toEqual([
      ['提交申请 (file) 待商家处理', null],
      ['商家拒绝 (merchant_reject) 待商家处理 → 商家已拒绝', '吊牌已剪'],
      ['买家申请平台介入 (buyer_escalate) 商家已拒绝 → 平台审核', '吊牌是原本就没有的'],
      ['补充凭证 (add_evidence) 平台审核', '收到时的照片'],
    ]);
    const link = await page.$eval('#evidence a', (a) => [a.textContent, a.getAttribute('href')]);
    expect(link[0]).toBe('吊牌照片.jpg');
    expect(link[1]).toContain(`/evidence/${'d'.repeat(64)}`);
    await page.screenshot({ path: artifactPath('dashboard-case.png'), fullPage: true });
  });

  it('searches cases in English and exports the search as CSV', async () => {
    await page.click('#lang-en');
    await page.goto(`${app.app.url}/dashboard#/cases?state=platform_review`);
    await ready(page, 'cases');
    const rows = await page.$$eval('#case-table tr td:first-child', (cells) => cells.map((c) => c.textContent));
    expect(rows).toHaveLength(1);
    expect(await page.textContent('#case-table')).toContain('Platform review');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toMatch(/^refund-cases-\d{8}\.csv$/);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(rows[0]!);
    await page.screenshot({ path: artifactPath('dashboard-cases.png'), fullPage: true });
  });
});
