import fc from 'fast-check';
import type { RefundCase } from '../../services/refunds';
import { DirectLineClient, call } from '../directline/dl-client';
import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';
import { directLineBodies, operatorAttacks, uploadBodies } from './support/hostile-http';
import type { HttpAttack } from './support/hostile-http';
import { settle, troubleMark, troubleSince } from './support/process-trouble';
import { rawRequest } from './support/raw-http';

// Issue 6.1, the other doors: the operator API (generated paths, query strings and Authorization headers), the
// widget's Direct Line endpoint (generated activity bodies with a valid token, and its token endpoints), and the
// upload endpoint (broken multipart). No 5xx, nothing unhandled, nothing changed in the refund core.

const RUNS = Number(process.env.ATTACK_RUNS ?? 2_000);
const SEED = Number(process.env.ATTACK_SEED ?? 20260506);
const OPERATOR_TOKEN = 'ops-attack-suite-token-0123456789';

describe('fuzzing the operator API, the widget endpoints and uploads', () => {
  let t: AttackApp;
  let seeded: RefundCase;
  let mark: ReturnType<typeof troubleMark>;

  beforeAll(async () => {
    t = await startAttackApp({ logLevel: 'warn', env: { OPERATOR_TOKENS: `ops:${OPERATOR_TOKEN}` } });
    const outcome = await t.app.infra.core.service.file(
      { role: 'buyer', id: 'buyer-1002' },
      { orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: 'changed my mind' } as never,
      'seed-endpoints',
    );
    if (!outcome.ok) throw new Error('seed refused');
    seeded = outcome.value.case;
  });
  afterAll(() => t?.stop());

  beforeEach(() => {
    mark = troubleMark();
  });
  afterEach(async () => {
    await settle(50);
    expect(troubleSince(mark)).toEqual({ unhandledRejections: [], uncaughtExceptions: [] });
    expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
  });

  const send = async (a: HttpAttack): Promise<{ status: number; text: string }> => {
    const res = await fetch(`${t.url}${a.path}`, { method: a.method, headers: a.headers, ...(a.body !== undefined ? { body: a.body } : {}) });
    return { status: res.status, text: await res.text() };
  };

  it(`answers ${Math.round(RUNS / 4)} generated operator API requests without a 5xx, and only with the token`, async () => {
    const attacks = fc.sample(operatorAttacks(OPERATOR_TOKEN), { numRuns: Math.round(RUNS / 4), seed: SEED });
    const before = await t.counts();
    const statuses: Record<string, Record<number, number>> = {};
    const wrong: unknown[] = [];
    const started = Date.now();
    for (const a of attacks) {
      const { status, text } = await send(a);
      (statuses[a.kind] ??= {})[status] = (statuses[a.kind]![status] ?? 0) + 1;
      const withToken = a.kind === 'operator:token';
      const openApi = a.path.split('?')[0] === '/api/v1/openapi.json';
      if (status >= 500) wrong.push({ a, status, text: text.slice(0, 200) });
      // Without the token only the OpenAPI document answers; nothing about a case leaks in a refusal.
      else if (!withToken && !openApi && status === 200) wrong.push({ a, status, why: 'answered without a token' });
      else if (!withToken && !openApi && (text.includes(seeded.id) || text.includes('buyer-1002'))) wrong.push({ a, status, why: 'a refusal names a case or a buyer' });
    }
    console.log(`fuzz operator API: ${attacks.length} requests in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}`);
    expect(wrong).toEqual([]);
    expect(await t.counts()).toEqual(before);
  }, 120_000);

  it('answers broken request targets on the API with 4xx, not 5xx', async () => {
    const port = Number(new URL(t.url).port);
    for (const target of ['/api/v1/cases/%E0%A4%A', '/api/v1/cases/%', '/api/v1/cases?state=%zz', '/api/v1/cases/%00', `/api/v1/cases?${'a=1&'.repeat(2_000)}`, `/api/v1/cases/${'%41'.repeat(20_000)}`]) {
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${OPERATOR_TOKEN}\r\nConnection: close\r\n\r\n`);
      expect({ target: target.slice(0, 40), status: answer.status }).toEqual({ target: target.slice(0, 40), status: expect.any(Number) });
      expect(answer.status!).toBeGreaterThanOrEqual(400);
      expect(answer.status!).toBeLessThan(500);
    }
  });

  it(`answers ${Math.round(RUNS / 4)} generated Direct Line posts without a 5xx, and never as anyone but the token's buyer`, async () => {
    const client = await DirectLineClient.open(t.url, { buyerId: 'stranger' });
    const bodies = fc.sample(directLineBodies(), { numRuns: Math.round(RUNS / 4), seed: SEED });
    const before = await t.counts();
    const statuses: Record<number, number> = {};
    const wrong: unknown[] = [];
    const started = Date.now();
    for (const b of bodies) {
      const res = await fetch(`${client.domain}/conversations/${client.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
        body: b.body,
      });
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status >= 500) wrong.push({ kind: b.kind, status: res.status, body: b.body.slice(0, 300), answer: (await res.text()).slice(0, 200) });
      else await res.arrayBuffer();
    }
    console.log(`fuzz Direct Line posts: ${bodies.length} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}`);
    expect(wrong).toEqual([]);
    expect(await t.counts()).toEqual(before);
    // The log the page reads holds only what the endpoint shaped: the buyer of the token, its conversation.
    const log = await client.poll('');
    const users = (log.body.activities as { from?: { id?: string; role?: string }; conversation?: { id?: string } }[]).filter((a) => a.from?.role !== 'bot');
    expect(users.length).toBeGreaterThan(0);
    for (const a of users) {
      expect(a.from?.id).toBe('stranger');
      expect(a.conversation?.id).toBe(client.conversationId);
    }
    expect(JSON.stringify(log.body)).not.toContain('forged.token.here');
  }, 120_000);

  // Found by the generator: the size check serialised the value and overflowed the stack (500) before.
  it.each(['value', 'channelData', 'entities'])('refuses a %s nested too deep to serialise with 400', async (field) => {
    const client = await DirectLineClient.open(t.url, { buyerId: 'stranger' });
    const depth = 20_000;
    const res = await fetch(`${client.domain}/conversations/${client.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': 'application/json' },
      body: `{"type":"message","text":"deep","${field}":${'{"a":'.repeat(depth)}0${'}'.repeat(depth)}}`,
    });
    expect(res.status).toBe(400);
  });

  it('refuses garbage at the token endpoints with 4xx', async () => {
    const bodies: unknown[] = [undefined, 'null', '[]', '{"buyerId":5}', '{"buyerId":""}', `{"buyerId":"${'b'.repeat(200)}"}`, '{"buyerId":"../etc"}', '{"buyerId":"a b"}', '{"buyerId":"\\u202ebuyer-1001"}', '{"user":{"id":{"$ne":null}}}', '{'];
    for (const body of bodies) {
      for (const path of ['/api/widget/token', '/v3/directline/tokens/generate']) {
        const res = await fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...(body !== undefined ? { body: String(body) } : {}) });
        expect({ path, body, status: res.status }).toEqual({ path, body, status: expect.any(Number) });
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
      }
    }
    for (const token of ['', 'dl1.x.y', 'dl1..', 'a.b.c.d', 'x'.repeat(3_000)]) {
      const refreshed = await call(`${t.url}/v3/directline/tokens/refresh`, { method: 'POST', token });
      expect(refreshed.status === 401 || refreshed.status === 403).toBe(true);
    }
  });

  it('refuses broken uploads with 4xx and stores nothing for the bot', async () => {
    const client = await DirectLineClient.open(t.url, { buyerId: 'stranger' });
    const before = await t.counts();
    for (const u of fc.sample(uploadBodies(), { numRuns: 60, seed: SEED })) {
      const res = await fetch(`${client.domain}/conversations/${client.conversationId}/upload`, {
        method: 'POST',
        headers: { authorization: `Bearer ${client.token}`, 'content-type': u.contentType },
        body: u.body,
      });
      const text = await res.text();
      expect({ kind: u.kind, status: res.status, text: res.status >= 500 ? text : '' }).toEqual({ kind: u.kind, status: expect.any(Number), text: '' });
      expect(res.status).toBeLessThan(500);
    }
    expect(await t.counts()).toEqual(before);
  }, 60_000);
});
