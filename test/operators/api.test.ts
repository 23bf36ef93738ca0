import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import type { RefundCase } from '../../services/refunds';
import { CaseDetailSchema, CaseSearchResultSchema, MonthFiguresSchema, OpenCasesSchema, ShopRatesSchema } from '../../bot/operators/schemas';
import { readCsv } from './csv-reader';
import { START, act, fileCancellation, fileReturn, merchantOf, operatorsWorld, settlePayments } from './world';

// The operator API over real HTTP through the whole app, in memory and on Redis: bearer tokens, validation,
// search filters and paging, one case with its audit trail and evidence, monthly figures, CSV export.

const TOKEN = 'ops-token-0123456789abcdef';
const OTHER_TOKEN = 'second-token-0123456789';
const TRICKY = '=HYPERLINK("http://x.example","点我"), 外包装破损\n第二行 "quoted"';
const PHOTO = { sha256: 'c'.repeat(64), kind: 'image', mediaType: 'image/jpeg', size: 48_213, name: 'box.jpg', addedBy: 'buyer', addedAt: START } as const;

interface Seeded {
  a1: RefundCase;
  a2: RefundCase;
  b1: RefundCase;
  r1: RefundCase;
  r2: RefundCase;
  r3: RefundCase;
}

describe.each([
  ['memory', false],
  ['redis', true],
])('operator API (%s)', (_name, redis) => {
  let t: TestApp;
  let base: string;
  let s: Seeded;

  const get = async (path: string, token: string | null = TOKEN, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
    // Decoded keeping a byte-order mark: Response.text() would drop it silently.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
    let body: unknown = text;
    if ((res.headers.get('content-type') ?? '').startsWith('application/json')) body = JSON.parse(text);
    return { status: res.status, body: body as Record<string, unknown> & { issues?: { path: string; message: string }[] }, text, headers: res.headers };
  };
  const ids = (body: unknown): string[] => (body as { items: { id: string }[] }).items.map((i) => i.id);

  beforeAll(async () => {
    const world = operatorsWorld();
    t = await startTestApp({ redis, env: { OPERATOR_TOKENS: `alice:${TOKEN},${OTHER_TOKEN}` }, overrides: { clock: world.clock, orders: world.catalogue } });
    base = t.app.url;
    const core = t.app.infra.core;

    world.clock.set('2025-04-10T02:00:00.000Z');
    const a1 = await fileCancellation(core, world, 'shop-a');
    const a2 = await fileCancellation(core, world, 'shop-a', { reason: 'other' });
    await settlePayments(core);
    world.clock.set('2025-05-12T02:00:00.000Z');
    const b1 = await fileCancellation(core, world, 'shop-b', { description: TRICKY });
    await settlePayments(core);

    world.clock.set(START);
    const r1 = await fileReturn(core, world, 'shop-a');
    const r2 = await fileReturn(core, world, 'shop-c');
    const r3 = await fileReturn(core, world, 'shop-b');
    await act(core, { role: 'buyer', id: r3.buyerId }, r3.id, { kind: 'add_evidence', evidence: [PHOTO] });
    world.clock.advance(5 * 3_600_000);
    await act(core, merchantOf('shop-a'), r1.id, { kind: 'merchant_approve' });
    world.clock.advance(8 * 3_600_000);
    await act(core, merchantOf('shop-c'), r2.id, { kind: 'merchant_reject', code: 'other', remark: '商品已使用' });
    await act(core, { role: 'buyer', id: r2.buyerId }, r2.id, { kind: 'buyer_escalate', remark: '我没有用过' });
    // 30 hours after filing: r3 is past the merchant's 24 hours (nobody swept it).
    world.clock.advance(17 * 3_600_000);
    s = { a1, a2, b1, r1, r2, r3 };
  });

  afterAll(async () => {
    await t?.stop();
  });

  describe('auth', () => {
    it('answers 401 without a token, with a wrong one, or with another scheme', async () => {
      for (const [token, headers] of [
        [null, {}],
        ['not-the-token-at-all', {}],
        [null, { authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` }],
      ] as const) {
        const r = await get('/api/v1/cases', token, headers);
        expect(r.status).toBe(401);
        expect(r.body.error).toBe('unauthorized');
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer /);
      }
    });

    it('accepts every configured token, named or bare', async () => {
      expect((await get('/api/v1/cases', TOKEN)).status).toBe(200);
      expect((await get('/api/v1/cases', OTHER_TOKEN)).status).toBe(200);
    });

    it('serves the OpenAPI document without a token', async () => {
      const r = await get('/api/v1/openapi.json', null);
      expect(r.status).toBe(200);
      expect(r.body.openapi).toBe('3.1.0');
    });

    it('offers no way to change a case', async () => {
      const before = await get(`/api/v1/cases/${s.r3.id}`);
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await fetch(`${base}/api/v1/cases/${s.r3.id}`, { method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{"kind":"cs_approve"}' });
        await res.text();
        expect([404, 405]).toContain(res.status);
      }
      const after = await get(`/api/v1/cases/${s.r3.id}`);
      expect((after.body.case as RefundCase).version).toBe((before.body.case as RefundCase).version);
    });
  });

  describe('validation', () => {
    it.each([
      ['/api/v1/cases?state=bogus', 'state.0'],
      ['/api/v1/cases?page=0', 'page'],
      ['/api/v1/cases?pageSize=500', 'pageSize'],
      ['/api/v1/cases?from=2025-13-01', 'from'],
      ['/api/v1/cases?from=2025-06-10&to=2025-06-01', 'to'],
      ['/api/v1/cases?overdue=yes', 'overdue'],
      ['/api/v1/cases?colour=red', 'colour'],
      ['/api/v1/cases?buyer=a&buyer=b', 'buyer'],
      ['/api/v1/cases.csv?reason=broken', 'reason.0'],
      ['/api/v1/stats/monthly?month=2025-13', 'month'],
      ['/api/v1/stats/shops?days=0', 'days'],
      ['/api/v1/cases/RD%20000001', 'caseId'],
    ])('%s is a 400 naming %s', async (path, where) => {
      const r = await get(path);
      expect(r.status).toBe(400);
      expect(r.body.error).toBe('invalid_request');
      expect(r.body.issues!.map((i) => i.path)).toContain(where);
      expect(r.body.issues!.every((i) => i.message.length > 0)).toBe(true);
    });

    it('checks the token before the input', async () => {
      expect((await get('/api/v1/cases?state=bogus', null)).status).toBe(401);
    });
  });

  describe('search', () => {
    it('lists every case, newest first, in the documented shape', async () => {
      const r = await get('/api/v1/cases');
      expect(r.status).toBe(200);
      expect(CaseSearchResultSchema.safeParse(r.body).success).toBe(true);
      expect(ids(r.body)).toEqual([s.r3.id, s.r2.id, s.r1.id, s.b1.id, s.a2.id, s.a1.id]);
      expect(r.body.total).toBe(6);
    });

    it.each<[string, (s: Seeded) => RefundCase[]]>([
      ['state=pending_merchant', (s) => [s.r3]],
      ['state=refunded', (s) => [s.b1, s.a2, s.a1]],
      ['state=refunded,platform_review', (s) => [s.r2, s.b1, s.a2, s.a1]],
      ['state=refunded&state=platform_review', (s) => [s.r2, s.b1, s.a2, s.a1]],
      ['shop=shop-a', (s) => [s.r1, s.a2, s.a1]],
      ['shop=shop-a,shop-b', (s) => [s.r3, s.r1, s.b1, s.a2, s.a1]],
      ['reason=other', (s) => [s.a2]],
      ['reason=no_reason_7_days&shop=shop-c', (s) => [s.r2]],
      ['type=refund_only', (s) => [s.b1, s.a2, s.a1]],
      ['from=2025-05-01&to=2025-05-31', (s) => [s.b1]],
      ['from=2025-04-10&to=2025-04-10', (s) => [s.a2, s.a1]],
      ['to=2025-04-09', () => []],
      ['overdue=true', (s) => [s.r3]],
      ['overdue=false&state=pending_merchant', () => []],
      ['sort=oldest&shop=shop-a', (s) => [s.a1, s.a2, s.r1]],
    ])('filters by %s', async (query, expected) => {
      const r = await get(`/api/v1/cases?${query}`);
      expect(r.status).toBe(200);
      expect(ids(r.body)).toEqual(expected(s).map((c) => c.id));
    });

    it('filters by buyer and by order', async () => {
      expect(ids((await get(`/api/v1/cases?buyer=${s.r1.buyerId}`)).body)).toEqual([s.r1.id]);
      expect(ids((await get(`/api/v1/cases?order=${s.b1.orderId}`)).body)).toEqual([s.b1.id]);
    });

    it('pages', async () => {
      const r = await get('/api/v1/cases?pageSize=2&page=2');
      expect(ids(r.body)).toEqual([s.r1.id, s.b1.id]);
      expect(r.body).toMatchObject({ page: 2, pageSize: 2, total: 6, pages: 3 });
      expect(ids((await get('/api/v1/cases?pageSize=2&page=4')).body)).toEqual([]);
    });

    it('marks overdue cases and their due time in the summary', async () => {
      const r = await get('/api/v1/cases?state=pending_merchant');
      const [row] = (r.body as unknown as { items: { overdue: boolean; dueAt: string; cashFen: number }[] }).items;
      expect(row!.overdue).toBe(true);
      expect(row!.dueAt).toBe(new Date(Date.parse(START) + 24 * 3_600_000).toISOString());
      expect(row!.cashFen).toBe(25_900);
    });
  });

  describe('one case', () => {
    it('has the full audit trail, oldest first', async () => {
      const r = await get(`/api/v1/cases/${s.r2.id}`);
      expect(r.status).toBe(200);
      expect(CaseDetailSchema.safeParse(r.body).success).toBe(true);
      const audit = r.body.audit as { event: string; from: string | null; to: string; actor: { role: string }; remark?: string }[];
      expect(audit.map((e) => e.event)).toEqual(['file', 'merchant_reject', 'buyer_escalate']);
      expect(audit[1]).toMatchObject({ from: 'pending_merchant', to: 'merchant_rejected', actor: { role: 'merchant' }, remark: '商品已使用' });
      expect(audit[2]).toMatchObject({ to: 'platform_review', actor: { role: 'buyer' } });
      expect((r.body.summary as { status: string }).status).toBe('platform_review');
    });

    it('lists the evidence with signed links', async () => {
      const r = await get(`/api/v1/cases/${s.r3.id}`);
      const evidence = r.body.evidence as { sha256: string; name: string; url: string }[];
      expect(evidence).toHaveLength(1);
      expect(evidence[0]).toMatchObject({ sha256: PHOTO.sha256, name: 'box.jpg' });
      expect(evidence[0]!.url).toContain(`/evidence/${PHOTO.sha256}`);
      expect(evidence[0]!.url).toMatch(/[?&](sig|signature|exp|expires)=/);
    });

    it('is a 404 for an unknown case', async () => {
      const r = await get('/api/v1/cases/RD-999999');
      expect(r.status).toBe(404);
      expect(r.body.error).toBe('not_found');
    });
  });

  describe('statistics', () => {
    it("gives a month's figures by the month of filing", async () => {
      const r = await get('/api/v1/stats/monthly?month=2025-04');
      expect(r.status).toBe(200);
      const parsed = MonthFiguresSchema.safeParse(r.body);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const f = parsed.data!;
      expect(f).toMatchObject({ month: '2025-04', timeZone: 'Asia/Shanghai', cases: 2, refundedFen: 20_000 });
      expect(f.byReason.mistaken_purchase).toEqual({ count: 1, refundedFen: 10_000 });
      expect(f.byReason.other).toEqual({ count: 1, refundedFen: 10_000 });
      expect(f.byShop['shop-a']).toEqual({ count: 2, refundedFen: 20_000 });
      expect(f.byOutcome.refunded).toEqual({ count: 2, refundedFen: 20_000 });
      expect(f.settledWithoutPerson).toEqual({ cases: 2, share: 1 });
      expect(f.handoffs.cases).toBe(0);
      expect(f.filingToPaid.count).toBe(2);
    });

    it('defaults to the current month and adds decision times and hand-offs to CS', async () => {
      const r = await get('/api/v1/stats/monthly');
      const f = MonthFiguresSchema.parse(r.body);
      expect(f.month).toBe('2025-06');
      expect(f.cases).toBe(3);
      expect(f.merchantDecision).toMatchObject({ count: 2, within24h: 2, share24h: 1 });
      expect(f.decisionTimes.decisions).toBe(2);
      expect(f.decisionTimes.withinStandard).toBe(2);
      const byBucket = Object.fromEntries(f.decisionTimes.buckets.map((b) => [`${b.fromHours}-${b.toHours}`, b.byMerchant]));
      expect(byBucket).toMatchObject({ '0-6': 1, '12-24': 1, '6-12': 0 });
      expect(f.handoffs).toMatchObject({ cases: 1, byRoute: { escalation: 1, confirmation: 0, intervention: 0, payment_failed: 0 } });
      expect(f.handoffs.byReason.no_reason_7_days).toEqual({ cases: 3, handedOff: 1, share: 1 / 3 });
    });

    it('gives cases per shop against the median, with shop names', async () => {
      const r = await get('/api/v1/stats/shops');
      const rates = ShopRatesSchema.parse(r.body);
      expect(rates).toMatchObject({ windowDays: 30, factor: 3, median: 1 });
      expect(rates.shops.map((x) => [x.shopId, x.cases, x.outlier])).toEqual([
        ['shop-a', 1, false],
        ['shop-b', 1, false],
        ['shop-c', 1, false],
      ]);
      expect(rates.shops[0]!.name).toBe('测试店铺1');
      const wide = ShopRatesSchema.parse((await get('/api/v1/stats/shops?days=90')).body);
      expect(wide.shops.find((x) => x.shopId === 'shop-a')!.cases).toBe(3);
    });

    it('counts open cases by state and lists the overdue ones', async () => {
      const open = OpenCasesSchema.parse((await get('/api/v1/stats/open')).body);
      expect(open.total).toBe(3);
      expect(open.byState).toEqual([
        { state: 'pending_merchant', open: 1, overdue: 1 },
        { state: 'platform_review', open: 1, overdue: 0 },
        { state: 'awaiting_return_shipment', open: 1, overdue: 0 },
      ]);
      expect(open.overdueCases.map((c) => [c.id, c.overdueMs])).toEqual([[s.r3.id, 6 * 3_600_000]]);
    });
  });

  describe('CSV export', () => {
    it('exports the search as UTF-8 CSV with a BOM that parses back', async () => {
      const r = await get('/api/v1/cases.csv?shop=shop-b');
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(r.headers.get('content-disposition')).toMatch(/^attachment; filename="refund-cases-\d{8}\.csv"$/);
      expect(r.headers.get('x-total-count')).toBe('2');
      const { bom, rows } = readCsv(r.text);
      expect(bom).toBe(true);
      const [header, ...body] = rows;
      expect(header).toContain('case');
      expect(header).toContain('filed (Asia/Shanghai)');
      expect(body.map((row) => row[0])).toEqual([s.r3.id, s.b1.id]);
      expect(body.every((row) => row.length === header!.length)).toBe(true);
      const col = (name: string) => header!.indexOf(name);
      const b1 = body[1]!;
      // The buyer's words come back whole; a leading = is defused so Excel shows text instead of running it.
      expect(b1[col('description')]).toBe(`'${TRICKY}`);
      expect(b1[col('refund amount')]).toBe('100.00');
      expect(b1[col('status')]).toBe('refunded');
      expect(b1[col('filed (Asia/Shanghai)')]).toBe('2025-05-12 10:00:00');
      expect(body[0]![col('overdue')]).toBe('true');
    });

    it('exports every match (no paging) and an empty search as just the header', async () => {
      const all = readCsv((await get('/api/v1/cases.csv')).text).rows;
      expect(all).toHaveLength(7);
      const none = readCsv((await get('/api/v1/cases.csv?reason=wrong_item')).text).rows;
      expect(none).toHaveLength(1);
    });

    it('needs the token too', async () => {
      expect((await get('/api/v1/cases.csv', null)).status).toBe(401);
    });
  });
});

describe('operator API without OPERATOR_TOKENS', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('is disabled with a 503 that says how to enable it', async () => {
    const res = await fetch(`${t.app.url}/api/v1/cases`, { headers: { authorization: 'Bearer anything-at-all-here' } });
    const body = (await res.json()) as { error: string; message: string };
    expect(res.status).toBe(503);
    expect(body.error).toBe('operator_api_disabled');
    expect(body.message).toContain('OPERATOR_TOKENS');
  });
});
