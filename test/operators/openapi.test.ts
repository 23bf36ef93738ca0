import { Writable } from 'node:stream';
import restify from 'restify';
import Ajv2020 from 'ajv/dist/2020';
import { z } from 'zod';
import { mountOperators } from '../../bot/operators/mount';
import { openApiPath } from '../../bot/operators/openapi';
import { createLogger } from '../../bot/logger';
import { MemoryHandoffQueue } from '../../services/handoff';
import { MemoryCaseStore, MemoryOutbox } from '../../services/store';
import { refundHarness } from '../support/refund-harness';
import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { act, fileCancellation, fileReturn, merchantOf, operatorsWorld, settlePayments } from './world';

// The OpenAPI document against the routes: every route the server registers under /api/v1 is in the document and
// every documented operation is registered; the document is OpenAPI 3 shaped, its schemas compile, and real
// responses validate against what it documents. Also: each request is logged with its token's id, never the token.

const TOKEN = 'alice:ops-token-0123456789abcdef';
const BARE = 'bare-token-0123456789abcdef';

const OperationSchema = z.object({
  operationId: z.string().min(1),
  summary: z.string().min(1),
  tags: z.array(z.string()),
  security: z.array(z.record(z.string(), z.array(z.string()))),
  parameters: z.array(
    z.object({
      name: z.string().min(1),
      in: z.enum(['query', 'path', 'header', 'cookie']),
      required: z.boolean(),
      schema: z.record(z.string(), z.unknown()),
      description: z.string().optional(),
      style: z.string().optional(),
      explode: z.boolean().optional(),
    }),
  ),
  responses: z.record(
    z.string().regex(/^[1-5]\d\d$/),
    z.object({ description: z.string().min(1), content: z.record(z.string(), z.object({ schema: z.record(z.string(), z.unknown()) })).optional() }),
  ),
});

const OpenApi3Schema = z.object({
  openapi: z.string().regex(/^3\.\d+\.\d+$/),
  info: z.object({ title: z.string().min(1), version: z.string().min(1), description: z.string().optional() }),
  tags: z.array(z.object({ name: z.string(), description: z.string() })).optional(),
  paths: z.record(z.string().startsWith('/'), z.partialRecord(z.enum(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']), OperationSchema)),
  components: z.object({
    schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
    securitySchemes: z.record(z.string(), z.object({ type: z.string(), scheme: z.string().optional() })),
  }),
});
type OpenApi3 = z.infer<typeof OpenApi3Schema>;

function refsIn(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refsIn(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('operator routes and their OpenAPI document', () => {
  let server: restify.Server;
  let base: string;
  let logs: Record<string, unknown>[];
  let doc: OpenApi3;
  let raw: unknown;

  beforeAll(async () => {
    const h = refundHarness({ store: new MemoryCaseStore({ outbox: new MemoryOutbox() }) });
    logs = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    server = restify.createServer({ handleUncaughtExceptions: false });
    server.use(restify.plugins.queryParser());
    const mount = mountOperators(server, {
      config: { OPERATOR_TOKENS: [TOKEN, BARE], REFUND_RATE_ALERT_FACTOR: 3 },
      log: createLogger('info', sink),
      core: h.core,
      orders: h.catalogue,
      handoff: new MemoryHandoffQueue(),
      clock: h.clock,
    });
    raw = mount.openapi;
    doc = OpenApi3Schema.parse(raw);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('documents exactly the routes registered under /api/v1, and serves that document', async () => {
    const registered = Object.values(server.router.getRoutes())
      .map((r) => ({ method: String((r as { method: string }).method).toLowerCase(), path: String((r as { path: string }).path) }))
      .filter((r) => r.path.startsWith('/api/v1'))
      .map((r) => `${r.method} ${openApiPath(r.path)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(registered.length).toBeGreaterThanOrEqual(7);
    expect(documented).toEqual(registered);
    const served = await (await fetch(`${base}/api/v1/openapi.json`)).json();
    expect(served).toEqual(raw);
  });

  it('is OpenAPI 3 shaped: unique operation ids, resolvable references, path parameters declared, bearer security', () => {
    const ops = Object.entries(doc.paths).flatMap(([path, o]) => Object.values(o).map((op) => ({ path, op })));
    expect(new Set(ops.map((o) => o.op.operationId)).size).toBe(ops.length);
    for (const ref of refsIn(doc)) {
      const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
      expect([ref, name !== undefined && name in doc.components.schemas]).toEqual([ref, true]);
    }
    for (const { path, op } of ops) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(op.parameters.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(inPath);
      expect(op.responses['200']).toBeDefined();
      if (op.operationId !== 'openApiDocument') {
        expect(op.security).toEqual([{ bearer: [] }]);
        expect(op.responses['401']).toBeDefined();
      }
    }
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer' });
    const search = doc.paths['/api/v1/cases']!.get!;
    const state = search.parameters.find((p) => p.name === 'state')!;
    expect(state).toMatchObject({ in: 'query', required: false, style: 'form', explode: false });
    expect((state.schema.items as { enum: string[] }).enum).toContain('pending_merchant');
    expect(search.parameters.find((p) => p.name === 'page')!.schema).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('has schemas that compile as JSON Schema 2020-12', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      expect([name, typeof ajv.compile(schema)]).toEqual([name, 'function']);
    }
  });

  it("logs every request with method, path, status, duration and the token's id, never the token", async () => {
    logs.length = 0;
    await (await fetch(`${base}/api/v1/stats/open`, { headers: { authorization: `Bearer ${TOKEN.slice('alice:'.length)}` } })).text();
    await (await fetch(`${base}/api/v1/cases?page=0`, { headers: { authorization: `Bearer ${BARE}` } })).text();
    await (await fetch(`${base}/api/v1/cases`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).text();
    const lines = logs.filter((l) => l.msg === 'operator api request');
    expect(lines.map((l) => [l.method, l.path, l.status, l.tokenId])).toEqual([
      ['GET', '/api/v1/stats/open', 200, 'alice'],
      ['GET', '/api/v1/cases', 400, expect.stringMatching(/^token-[0-9a-f]{8}$/)],
      ['GET', '/api/v1/cases', 401, null],
    ]);
    for (const l of lines) expect(typeof l.durationMs).toBe('number');
    const all = JSON.stringify(logs);
    expect(all).not.toContain('ops-token-0123456789abcdef');
    expect(all).not.toContain(BARE);
    expect(all).not.toContain('wrong-token');
  });
});

describe('real responses against the served document', () => {
  let t: TestApp;
  let doc: OpenApi3;
  let caseId: string;
  const auth = { authorization: 'Bearer ops-token-0123456789abcdef' };

  beforeAll(async () => {
    const world = operatorsWorld();
    t = await startTestApp({ env: { OPERATOR_TOKENS: TOKEN }, overrides: { clock: world.clock, orders: world.catalogue } });
    const core = t.app.infra.core;
    await fileCancellation(core, world, 'shop-a');
    const r = await fileReturn(core, world, 'shop-b');
    world.clock.advance(3 * 3_600_000);
    await act(core, merchantOf('shop-b'), r.id, { kind: 'merchant_approve' });
    await settlePayments(core);
    caseId = r.id;
    doc = OpenApi3Schema.parse(await (await fetch(`${t.app.url}/api/v1/openapi.json`)).json());
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('every documented operation answers, and its JSON validates against the documented schema', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    for (const schema of Object.entries(doc.components.schemas)) ajv.addSchema(schema[1], `#/components/schemas/${schema[0]}`);
    let checked = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.get!;
      const url = `${t.app.url}${path.replace('{caseId}', caseId)}`;
      const res = await fetch(url, { headers: auth });
      expect([path, res.status]).toEqual([path, 200]);
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!;
      const documented = op.responses['200']!.content![type];
      expect([path, documented !== undefined]).toEqual([path, true]);
      if (type !== 'application/json') {
        await res.text();
        continue;
      }
      const body = await res.json();
      const schema = documented!.schema;
      const validate = typeof schema.$ref === 'string' ? ajv.getSchema(schema.$ref)! : ajv.compile(schema);
      expect([path, validate(body), validate.errors ?? null]).toEqual([path, true, null]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('documents the error body that a 400 really has', async () => {
    const res = await fetch(`${t.app.url}/api/v1/cases?state=nope`, { headers: auth });
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const validate = ajv.compile(doc.components.schemas.Error!);
    expect(res.status).toBe(400);
    expect(validate(await res.json())).toBe(true);
  });
});
