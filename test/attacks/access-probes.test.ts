import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { signBuyerToken } from '../../bot/identity';
import { DirectLineTokens } from '../../bot/directline/tokens';
import { connectorKey as connectorKeyOf } from '../../bot/directline/token-secret';
import { EvidenceService, signEvidenceUrl, toEvidenceRef } from '../../services/evidence';
import { demoData } from '../../services/orders';
import { RedisMerchantDirectory } from '../../services/merchants';
import type { RefundCase } from '../../services/refunds';
import { BotConversation, textOf } from '../support/bot-http';
import { FakeClock } from '../support/fake-clock';
import { FakeConnector, recordedText } from '../support/fake-connector';
import { TeamsClient, channelPlace, personalChat, teamsUser } from '../support/teams-http';
import { samples } from '../services/evidence/sample-files';
import { DirectLineClient, call } from '../directline/dl-client';
import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';
import { revealed, secretsOf } from './support/secrets';
import type { Secret } from './support/secrets';

// Issue 6.2: access probes. A buyer after another buyer's orders, cases, evidence and conversation (guessed
// ids, another buyer's token, expired and forged tokens with BUYER_TOKEN_SECRET set, a Direct Line token of
// another conversation); a merchant after another shop's case; a Teams user bound to nothing; operator calls
// without the right token; tampered and expired evidence links. Every probe is refused, changes nothing, and
// its answer shows nothing of the other buyer: no order id, product title, amount or name.

const BUYER_SECRET = 'buyer-token-secret-for-the-attack-suite';
const WIDGET_SECRET = 'widget-token-secret-for-the-attack-suite';
const EVIDENCE_SECRET = 'evidence-url-secret-for-the-attack-suite';
const OPERATOR_TOKEN = 'operator-token-for-the-attack-suite';
const CS_CHANNEL = '19:cs-desk@thread.tacv2';
const HOUR = 3_600_000;

describe('access probes', () => {
  let t: AttackApp;
  let fake: FakeConnector;
  let clock: FakeClock;
  let victimCase: RefundCase;
  let otherCase: RefundCase;
  let photoSha: string;
  let secrets: Secret[];
  const agent = teamsUser('agent');
  const carol = { ...teamsUser('carol'), name: 'Carol Wu' };
  const dave = { ...teamsUser('dave'), name: 'Dave Unbound' };
  const tokenOf = (buyerId: string, expiresAt = new Date(Date.now() + HOUR)) => signBuyerToken(buyerId, BUYER_SECRET, expiresAt);

  beforeAll(async () => {
    fake = await FakeConnector.start();
    clock = new FakeClock(new Date());
    const evidenceDir = mkdtempSync(join(tmpdir(), 'rd-attack-access-'));
    // On Redis: with BUYER_TOKEN_SECRET set there are no demo link codes, and a real one is issued there.
    t = await startAttackApp({
      redis: true,
      logLevel: 'warn',
      overrides: { clock },
      env: {
        EVIDENCE_DIR: evidenceDir,
        BUYER_TOKEN_SECRET: BUYER_SECRET,
        WIDGET_TOKEN_SECRET: WIDGET_SECRET,
        EVIDENCE_URL_SECRET: EVIDENCE_SECRET,
        OPERATOR_TOKENS: `ops:${OPERATOR_TOKEN}`,
        CS_CHANNEL_ID: CS_CHANNEL,
        CS_AGENT_IDS: agent.aadObjectId,
      },
    });
    const stored = await new EvidenceService({ dir: evidenceDir }).ingest({ contentUrl: `data:image/png;base64,${samples.png().toString('base64')}`, name: 'broken-keyboard.png' }, { existingCount: 0 });
    if (!stored.ok) throw new Error('evidence not stored');
    photoSha = stored.value.sha256;
    const file = async (buyerId: string, request: Record<string, unknown>, key: string): Promise<RefundCase> => {
      const outcome = await t.app.infra.core.service.file({ role: 'buyer', id: buyerId }, request as never, key);
      if (!outcome.ok) throw new Error(`seed refused: ${JSON.stringify(outcome.error)}`);
      return outcome.value.case;
    };
    victimCase = await file(
      'buyer-1001',
      { orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '键盘有几个键失灵，按下去没反应', evidence: [toEvidenceRef(stored.value, 'buyer', clock.now().toISOString())] },
      'seed-victim',
    );
    otherCase = await file('buyer-1002', { orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: 'changed my mind' }, 'seed-attacker');
    secrets = secretsOf('buyer-1001', demoData(clock.now()), [victimCase]);
    const teams = new TeamsClient(t.url, fake.url);
    const { code } = await new RedisMerchantDirectory({ client: t.app.infra.redis!, prefix: t.prefix, demoCodes: false }).issue('shop-202', clock.now());
    expect((await teams.say(carol, personalChat(carol), `绑定 ${code}`)).status).toBe(200);
    expect(await new RedisMerchantDirectory({ client: t.app.infra.redis!, prefix: t.prefix, demoCodes: false }).shopOf(carol.aadObjectId)).toBe('shop-202');
  });

  afterAll(async () => {
    await t?.stop();
    await fake?.stop();
  });

  /** Runs a probe and checks the refund core is exactly as before. */
  async function unchanged<T>(probe: () => Promise<T>): Promise<T> {
    const before = await t.counts();
    const result = await probe();
    expect(await t.counts()).toEqual(before);
    return result;
  }

  const attacker = (conversationId?: string, token = tokenOf('buyer-1002')) =>
    new BotConversation(t.url, 'buyer-1002', { locale: 'en-US', serviceUrl: fake.url, channelData: { buyerToken: token }, ...(conversationId ? { conversationId } : {}) });

  describe('a buyer after another buyer (BUYER_TOKEN_SECRET set)', () => {
    const guesses = [
      'RD-000001',
      'where is RD-000001',
      'RD-000001 到哪了',
      'cancel RD-000001',
      '取消 RD-000001',
      'I want to rate RD-000001 five stars',
      'RD-000001 shipped back with SF SF1234567890123',
      'DEMO-1005 is broken, I want a refund',
      'DEMO-1002 的东西坏了，我要退款',
      '我要取消订单 DEMO-1001',
      'return DEMO-1003',
      'my orders',
      '我的订单',
      'where is my refund',
      'talk to a person about RD-000001',
      ...Array.from({ length: 8 }, (_, i) => `RD-${String(i + 1).padStart(6, '0')}`),
    ];
    it.each(guesses)('typed "%s": nothing of buyer-1001 in the answer, nothing changed', async (text) => {
      const c = attacker();
      const answers: string[] = [];
      await unchanged(async () => {
        for (const said of [text, 'yes', '好的', '确认']) {
          const turn = await c.say(said);
          expect(turn.status).toBe(200);
          answers.push(textOf(turn.replies));
        }
      });
      expect(revealed(answers.join('\n'), secrets, text)).toEqual([]);
    });

    const clicks: Record<string, unknown>[] = [
      { action: 'case_status', caseId: 'RD-000001' },
      { action: 'cancel_case', caseId: 'RD-000001', confirm: true },
      { action: 'cancel_case', caseId: 'RD-000001' },
      { action: 'rate', caseId: 'RD-000001', rating: 1, comment: 'bad' },
      { action: 'return_shipping', caseId: 'RD-000001', carrier: 'SF', trackingNumber: 'SF1234567890123' },
      { action: 'after_rejection', caseId: 'RD-000001', choice: 'escalate' },
      { action: 'after_rejection', caseId: 'RD-000001', choice: 'accept' },
      { action: 'file_refund', orderId: 'DEMO-1005', step: 'order' },
      { action: 'file_refund', orderId: 'DEMO-1005', step: 'lines', qty_0: '1' },
      { action: 'file_refund', orderId: 'DEMO-1002', step: 'reason', reason: 'quality_issue', type: 'return_refund' },
      { action: 'human', caseId: 'RD-000001' },
    ];
    it.each(clicks)('clicked %j: nothing of buyer-1001 in the answer, nothing changed', async (value) => {
      const c = attacker();
      const turn = await unchanged(() => c.click(value));
      expect(turn.status).toBe(200);
      expect(revealed(textOf(turn.replies), secrets, JSON.stringify(value))).toEqual([]);
    });

    it("continues nothing of buyer-1001's in buyer-1001's own conversation when buyer-1002 writes there with their own token", async () => {
      const victim = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: tokenOf('buyer-1001') } });
      const started = await victim.say('DEMO-1002 的东西坏了，我要退款');
      expect(textOf(started.replies)).toContain('DEMO-1002');
      const intruder = attacker(victim.conversationId);
      const answers: string[] = [];
      await unchanged(async () => {
        for (const said of ['第二个 1件', '2', 'done', '完成', 'yes', '确认']) answers.push(textOf((await intruder.say(said)).replies));
        answers.push(textOf((await intruder.click({ action: 'file_refund', step: 'lines', qty_0: '0', qty_1: '1', qty_2: '0' })).replies));
      });
      expect(revealed(answers.join('\n'), secrets)).toEqual([]);
    });

    it("replays buyer-1001's answer to a resent activity only to buyer-1001", async () => {
      const victim = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: tokenOf('buyer-1001') } });
      const sent = victim.activity({ text: '我的订单' });
      const first = await victim.post(sent);
      expect(revealed(textOf(first.replies), secrets).length).toBeGreaterThan(0);
      await unchanged(async () => {
        for (const channelData of [{ buyerToken: tokenOf('buyer-1002') }, {}, { buyerToken: 'forged' }]) {
          const replay = await victim.post({ ...sent, from: { id: 'buyer-1002', name: 'buyer-1002' }, channelData, text: 'x' });
          expect(replay.status).toBe(409);
          expect(revealed(JSON.stringify(replay.body), secrets)).toEqual([]);
        }
      });
      // The channel resending the very same activity still gets the first answer.
      const again = await victim.post(sent);
      expect(again.status).toBe(200);
      expect(textOf(again.replies)).toBe(textOf(first.replies));
    });

    const forged: [string, () => unknown][] = [
      ['no token', () => undefined],
      ['an empty token', () => ''],
      ["buyer-1001's token, expired", () => tokenOf('buyer-1001', new Date(Date.now() - 1_000))],
      ['a token signed with another secret', () => signBuyerToken('buyer-1001', 'some-other-secret-of-16+chars', new Date(Date.now() + HOUR))],
      ['an unsigned token (alg none)', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'buyer-1001', exp: Math.floor(Date.now() / 1000) + 3600 })}.`],
      [
        "buyer-1002's token with its subject changed to buyer-1001",
        () => {
          const [h, , s] = tokenOf('buyer-1002').split('.');
          return `${h}.${b64({ sub: 'buyer-1001', exp: Math.floor(Date.now() / 1000) + 3600 })}.${s}`;
        },
      ],
      ['a token whose header says HS512', () => reheader(tokenOf('buyer-1001'), { alg: 'HS512', typ: 'JWT' })],
      ['a token as an object', () => ({ sub: 'buyer-1001' })],
      ['a token of 5000 characters', () => 'a'.repeat(5_000)],
    ];
    it.each(forged)('%s: refused, nothing shown, nothing changed', async (_what, token) => {
      const c = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: token() } });
      const answers: string[] = [];
      await unchanged(async () => {
        for (const said of ['我的订单', 'RD-000001', '我要取消订单 DEMO-1001', '好的']) {
          const turn = await c.say(said);
          expect(turn.status).toBe(200);
          answers.push(textOf(turn.replies));
        }
        answers.push(textOf((await c.click({ action: 'cancel_case', caseId: victimCase.id, confirm: true })).replies));
      });
      expect(revealed(answers.join('\n'), secrets, 'DEMO-1001 RD-000001')).toEqual([]);
      for (const a of answers) expect(a).toContain('无法确认您的身份');
    });
  });

  describe('the widget (Direct Line) with another conversation', () => {
    const open = async (buyerId: string, extra: Record<string, unknown> = {}) => {
      const issued = await call<{ conversationId: string; token: string; domain: string; resumed: boolean }>(`${t.url}/api/widget/token`, { body: { buyerToken: tokenOf(buyerId), ...extra } });
      expect(issued.status).toBe(200);
      return issued.body;
    };

    it("refuses buyer-1002's token on buyer-1001's conversation everywhere, and never resumes it for them", async () => {
      const victim = await open('buyer-1001');
      const victimClient = new DirectLineClient(victim.domain, victim.token, victim.conversationId);
      expect((await victimClient.start()).status).toBe(201);
      expect((await victimClient.say('我的订单')).status).toBe(200);
      const intruder = await open('buyer-1002');
      const base = `${victim.domain}/conversations/${victim.conversationId}`;
      await unchanged(async () => {
        for (const [method, path, body] of [
          ['GET', '/activities', undefined],
          ['GET', '/activities?watermark=0', undefined],
          ['GET', '', undefined],
          ['POST', '/activities', { type: 'message', text: '取消 RD-000001' }],
        ] as const) {
          const answer = await call(`${base}${path}`, { method, token: intruder.token, ...(body ? { body } : {}) });
          expect({ path, status: answer.status }).toEqual({ path, status: 403 });
          expect(revealed(JSON.stringify(answer.body), secrets)).toEqual([]);
        }
        const form = new FormData();
        form.append('file', new Blob([samples.png()], { type: 'image/png' }), 'x.png');
        expect((await call(`${base}/upload`, { token: intruder.token, body: form })).status).toBe(403);
        expect(await streamStatus(`${base.replace(/^http/, 'ws')}/stream?t=${intruder.token}`)).toBe(403);
        // Asking the token endpoint for buyer-1001's conversation with buyer-1002's proof: a new one.
        const again = await open('buyer-1002', { conversationId: victim.conversationId });
        expect(again.resumed).toBe(false);
        expect(again.conversationId).not.toBe(victim.conversationId);
      });
    });

    it('refuses forged, expired and misused Direct Line tokens', async () => {
      const victim = await open('buyer-1001');
      const base = `${victim.domain}/conversations/${victim.conversationId}`;
      const now = Math.floor(Date.now() / 1000);
      const ours = new DirectLineTokens(WIDGET_SECRET);
      const theirs = new DirectLineTokens('some-other-widget-secret');
      const bad = {
        expired: ours.issue({ cid: victim.conversationId, sub: 'buyer-1001', exp: now - 1, use: 'dl' }),
        'signed with another secret': theirs.issue({ cid: victim.conversationId, sub: 'buyer-1001', exp: now + 600, use: 'dl' }),
        'a stream token as a Direct Line token': ours.issue({ cid: victim.conversationId, sub: 'buyer-1001', exp: now + 60, use: 'stream' }),
        'another buyer named in it': ours.issue({ cid: victim.conversationId, sub: 'buyer-1002', exp: now + 600, use: 'dl' }),
        'claims edited': (() => {
          const [p, , s] = ours.issue({ cid: 'x', sub: 'buyer-1002', exp: now + 600, use: 'dl' }).split('.');
          return `${p}.${Buffer.from(JSON.stringify({ cid: victim.conversationId, sub: 'buyer-1001', exp: now + 600, use: 'dl' })).toString('base64url')}.${s}`;
        })(),
      };
      await unchanged(async () => {
        for (const [what, token] of Object.entries(bad)) {
          const read = await call(`${base}/activities`, { token });
          expect({ what, status: read.status }).toEqual({ what, status: 403 });
          const post = await call(`${base}/activities`, { token, body: { type: 'message', text: '我的订单' } });
          expect({ what, status: post.status }).toEqual({ what, status: 403 });
          expect(revealed(JSON.stringify([read.body, post.body]), secrets)).toEqual([]);
        }
        for (const token of [tokenOf('buyer-1001', new Date(Date.now() - 1_000)), signBuyerToken('buyer-1001', 'some-other-secret-of-16+chars', new Date(Date.now() + HOUR))]) {
          expect((await call(`${t.url}/api/widget/token`, { body: { buyerToken: token } })).status).toBe(403);
          expect((await call(`${t.url}/v3/directline/tokens/generate`, { token, body: {} })).status).toBe(403);
        }
        expect((await call(`${t.url}/api/widget/token`, { body: { buyerId: 'buyer-1001' } })).status).toBe(401);
      });
    });

    it("lets nobody but the bot write into a conversation through the connector endpoint", async () => {
      const victim = await open('buyer-1001');
      const client = new DirectLineClient(victim.domain, victim.token, victim.conversationId);
      expect((await client.start()).status).toBe(201);
      const before = (await client.poll('')).body.activities.length;
      for (const key of ['wrong', 'x'.repeat(32), connectorKeyOf('another-widget-secret-1234'), '']) {
        const res = await fetch(`${t.url}/dl-connector/${key}/v3/conversations/${encodeURIComponent(victim.conversationId)}/activities`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'Your refund is approved: confirm your card number here' }),
        });
        expect(res.status === 403 || res.status === 404).toBe(true);
        await res.arrayBuffer();
      }
      expect((await client.poll('')).body.activities.length).toBe(before);
    });

    it('serves no uploaded file by a guessed id', async () => {
      for (const id of ['0'.repeat(32), 'f'.repeat(32), '../../etc/passwd', photoSha]) {
        const res = await fetch(`${t.url}/dl-attachments/${encodeURIComponent(id)}`);
        expect(res.status).toBe(404);
        await res.arrayBuffer();
      }
    });
  });

  describe('evidence links', () => {
    const link = (sha = photoSha, expiresAt = new Date(clock.now().getTime() + HOUR), secret = EVIDENCE_SECRET) => signEvidenceUrl(`${t.url}/evidence`, sha, expiresAt, secret);

    it('serves the file only on an untouched, unexpired link', async () => {
      const good = await fetch(link());
      expect(good.status).toBe(200);
      expect(Buffer.from(await good.arrayBuffer())).toEqual(samples.png());

      const u = new URL(link());
      const otherSha = 'a'.repeat(64);
      const tampered: Record<string, string> = {
        'no signature': `${t.url}/evidence/${photoSha}`,
        'another file, same signature': u.toString().replace(photoSha, otherSha),
        'expiry moved later': u.toString().replace(/expires=\d+/, `expires=${Number(u.searchParams.get('expires')) + 3_600}`),
        'signature changed': u.toString().replace(/sig=./, (m) => (m.endsWith('A') ? 'sig=B' : 'sig=A')),
        'signature repeated': `${u.toString()}&sig=${u.searchParams.get('sig')}`,
        'signed with another secret': link(photoSha, undefined, 'another-evidence-secret-xx'),
        expired: link(photoSha, new Date(clock.now().getTime() - 1_000)),
        'upper-case hash': u.toString().replace(photoSha, photoSha.toUpperCase()).replace(/sig=[^&]+/, 'sig=' + 'A'.repeat(43)),
      };
      for (const [what, url] of Object.entries(tampered)) {
        const res = await fetch(url);
        const body = Buffer.from(await res.arrayBuffer());
        expect({ what, status: res.status }).toEqual({ what, status: 403 });
        expect(body.includes(samples.png().subarray(0, 8))).toBe(false);
      }
      // A link that was good stops working once its time is up.
      const soon = link(photoSha, new Date(clock.now().getTime() + 60_000));
      expect((await fetch(soon)).status).toBe(200);
      clock.advance(61_000);
      expect((await fetch(soon)).status).toBe(403);
    });
  });

  describe('Teams: a merchant of another shop, an unbound user', () => {
    const teams = () => new TeamsClient(t.url, fake.url);
    const invokeAnswer = async (user: typeof carol, verb: string, data: Record<string, unknown>, place = personalChat(user)) => {
      const res = await teams().execute(user, place, verb, data);
      expect(res.status).toBeLessThan(500);
      return JSON.stringify(res.body);
    };
    const decisions: [string, Record<string, unknown>][] = [
      ['merchant.approve', {}],
      ['merchant.approve_without_return', {}],
      ['merchant.reject', { rejectCode: 'other', rejectRemark: 'no' }],
      ['merchant.request_evidence', { evidenceMessage: 'more' }],
      ['merchant.refresh', {}],
      ['cs.approve', { remark: 'ok' }],
      ['cs.reject', { remark: 'no' }],
      ['cs.intervene', { remark: 'mine now' }],
      ['cs.refresh', {}],
      ['cs.view', {}],
      ['handoff.take', { handoffId: 'any' }],
    ];

    it.each(decisions)("a shop-202 merchant clicking %s on shop-201's case: refused, nothing shown, nothing changed", async (verb, extra) => {
      const before = fake.activities.length;
      const answer = await unchanged(() => invokeAnswer(carol, verb, { caseId: victimCase.id, version: victimCase.version, ...extra }));
      const sent = fake.activities.slice(before).map((r) => recordedText(r)).join('\n');
      expect(revealed(`${answer}\n${sent}`, secrets, victimCase.id)).toEqual([]);
      expect(answer).not.toContain(photoSha);
    });

    it.each(decisions)('a Teams user bound to nothing clicking %s: refused, nothing shown, nothing changed', async (verb, extra) => {
      const before = fake.activities.length;
      const answer = await unchanged(() => invokeAnswer(dave, verb, { caseId: victimCase.id, version: victimCase.version, ...extra }));
      const sent = fake.activities.slice(before).map((r) => recordedText(r)).join('\n');
      expect(revealed(`${answer}\n${sent}`, secrets, victimCase.id)).toEqual([]);
      expect(answer).not.toContain(photoSha);
    });

    it('a shop-202 merchant or an unbound user typing the case id learns nothing', async () => {
      for (const user of [carol, dave]) {
        for (const said of [victimCase.id, `approve ${victimCase.id}`, `${victimCase.id} 同意`, 'open cases', '待处理']) {
          const chat = personalChat(user);
          const before = fake.sentTo(chat.conversationId).length;
          await unchanged(async () => expect((await teams().say(user, chat, said)).status).toBe(200));
          const sent = fake.sentTo(chat.conversationId).slice(before).map(recordedText).join('\n');
          expect(revealed(sent, secrets, said)).toEqual([]);
        }
      }
    });

    it('a member of the CS channel who is not an agent sees the posted card there, without its buttons', async () => {
      const res = await teams().execute(dave, channelPlace(CS_CHANNEL), 'cs.refresh', { caseId: victimCase.id });
      expect(res.status).toBe(200);
      const body = res.body as { type?: string; value?: Record<string, unknown> };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(JSON.stringify(body.value)).toContain(victimCase.id);
      const verbs = JSON.stringify(body.value?.actions ?? []);
      expect(verbs).not.toMatch(/cs\.(approve|reject|intervene|request_evidence|retry_payment)/);
    });

    it('an agent in the CS channel still sees the case (the probes above are refused for who they are, not for what they ask)', async () => {
      const answer = await invokeAnswer(agent, 'cs.refresh', { caseId: victimCase.id }, channelPlace(CS_CHANNEL));
      expect(answer).toContain(victimCase.id);
      expect(revealed(answer, secrets).length).toBeGreaterThan(0);
    });
  });

  describe('the operator API', () => {
    it('answers 401 without the token or with a wrong one, and shows nothing', async () => {
      for (const authorization of [undefined, '', 'Bearer', `Bearer ${OPERATOR_TOKEN}x`, `Bearer ${OPERATOR_TOKEN.slice(1)}`, `Basic ${Buffer.from(`ops:${OPERATOR_TOKEN}`).toString('base64')}`, OPERATOR_TOKEN]) {
        for (const path of ['/api/v1/cases', `/api/v1/cases/${victimCase.id}`, '/api/v1/cases.csv', '/api/v1/stats/open', '/api/v1/stats/shops', '/api/v1/stats/monthly']) {
          const res = await fetch(`${t.url}${path}`, { headers: authorization !== undefined ? { authorization } : {} });
          const body = await res.text();
          expect({ path, authorization, status: res.status }).toEqual({ path, authorization, status: 401 });
          expect(revealed(body, secrets)).toEqual([]);
          expect(body).not.toContain(victimCase.id);
        }
      }
      // The right token works (the probes fail for the token, not the path).
      const ok = await fetch(`${t.url}/api/v1/cases/${victimCase.id}`, { headers: { authorization: `Bearer ${OPERATOR_TOKEN}` } });
      expect(ok.status).toBe(200);
      await ok.arrayBuffer();
    });
  });

  it('leaves the attacker their own case untouched too', async () => {
    expect((await t.app.infra.store.get(otherCase.id))?.version).toBe(otherCase.version);
    expect((await t.app.infra.store.get(victimCase.id))?.version).toBe(victimCase.version);
  });
});

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function reheader(token: string, header: unknown): string {
  const [, payload, signature] = token.split('.');
  return `${b64(header)}.${payload}.${signature}`;
}

function streamStatus(url: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    ws.once('error', () => resolve(0));
  });
}
