import WebSocket from 'ws';
import { signBuyerToken } from '../../bot/identity';
import { connectorKey } from '../../bot/directline/token-secret';
import { MERCHANT_INPUTS } from '../../bot/cards/staff/merchant-verbs';
import { RedisMerchantDirectory } from '../../services/merchants';
import { signEvidenceUrl } from '../../services/evidence';
import { BotConversation, textOf } from '../support/bot-http';
import { FakeClock } from '../support/fake-clock';
import { FakeConnector, recordedText } from '../support/fake-connector';
import { TeamsClient, channelPlace, personalChat, teamsUser } from '../support/teams-http';
import { samples } from '../services/evidence/sample-files';
import { DirectLineClient, call } from '../directline/dl-client';
import { cardsOf, executeActions } from '../staff/handoff/handoff-harness';
import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';

// Issue 6.5: no phone number, address, token or message text in the logs. The app's logger writes into memory
// at the most verbose level while a representative day runs: a buyer files a refund with their phone and
// address in the text and a photo; a merchant binds and approves with a return address; another buyer chats
// and uploads through the widget; a third conversation is handed to a CS agent who relays messages both ways;
// operators call the API with a good and a bad token; evidence links are opened and tampered with; and refused
// turns (a forged buyer token, a malformed activity, a foreign Direct Line token) carry personal data too.
// Then every log line is searched for all of it.

const BUYER_SECRET = 'buyer-token-secret-for-the-log-scan';
const WIDGET_SECRET = 'widget-token-secret-for-the-log-scan';
const EVIDENCE_SECRET = 'evidence-url-secret-for-the-log-scan';
const OPERATOR_TOKEN = 'operator-token-for-the-log-scan-0001';
const CS_CHANNEL = '19:cs-logs@thread.tacv2';
const HOUR = 3_600_000;
const PNG_URL = `data:image/png;base64,${samples.png().toString('base64')}`;

const TEXTS = {
  filing: 'DEMO-1002 的充电器坏了，我要退款，我的电话 13912345678，地址 上海市浦东新区世纪大道 100 号 5 楼 501 室',
  widget: 'my phone is +1 415 555 0199 and I live at 1600 Amphitheatre Parkway, Mountain View',
  widgetUpload: 'photo of the broken strap, call 415-555-0142',
  beforeHandoff: '耳机左边没声音了，手机 13700001111',
  agent: '您好，我是客服小李，请问您的地址是杭州市西湖区文三路 200 号吗',
  buyerToAgent: '是的，另一个电话是 021-6123-4567',
  forged: '我的身份证 110101199003074514，电话 18800002222',
  malformed: '格式不对的消息，电话 18600003333',
  foreignToken: 'someone else writing, phone 17700004444',
};

const PERSONAL = [
  '13912345678',
  '139 1234 5678',
  '世纪大道',
  '浦东新区',
  '415 555 0199',
  'Amphitheatre',
  '415-555-0142',
  '13700001111',
  '文三路',
  '021-6123-4567',
  '110101199003074514',
  '18800002222',
  '18600003333',
  '17700004444',
  '0755-8888-6666',
  '高新南一道',
  '王小明',
  'Emily Carter',
];

describe('personal data in the logs', () => {
  let t: AttackApp;
  let fake: FakeConnector;
  const alice = { ...teamsUser('alice'), name: 'Alice Li' };
  const secrets: string[] = [];

  beforeAll(async () => {
    fake = await FakeConnector.start();
    fake.setMembers(CS_CHANNEL, [{ id: alice.id, name: alice.name, aadObjectId: alice.aadObjectId }] as unknown as { id: string; name?: string }[]);
    // On Redis: with BUYER_TOKEN_SECRET set there are no demo link codes, and a real one is issued there.
    t = await startAttackApp({
      redis: true,
      logLevel: 'trace',
      overrides: { clock: new FakeClock('2025-06-18T02:00:00.000Z') },
      env: {
        BUYER_TOKEN_SECRET: BUYER_SECRET,
        WIDGET_TOKEN_SECRET: WIDGET_SECRET,
        EVIDENCE_URL_SECRET: EVIDENCE_SECRET,
        OPERATOR_TOKENS: `ops:${OPERATOR_TOKEN}`,
        CS_CHANNEL_ID: CS_CHANNEL,
        CS_AGENT_IDS: alice.aadObjectId,
        HANDOFF_CHECK_INTERVAL_MS: '100',
      },
    });
    secrets.push(BUYER_SECRET, WIDGET_SECRET, EVIDENCE_SECRET, OPERATOR_TOKEN, connectorKey(WIDGET_SECRET));
    const teams = new TeamsClient(t.url, fake.url);
    for (const place of [channelPlace(CS_CHANNEL), personalChat(alice)]) expect((await teams.install(alice, place)).status).toBeLessThan(400);
  }, 60_000);

  afterAll(async () => {
    await t?.stop();
    await fake?.stop();
  });

  it('runs a representative day', async () => {
    const token1001 = signBuyerToken('buyer-1001', BUYER_SECRET, new Date(Date.now() + HOUR));
    const token1002 = signBuyerToken('buyer-1002', BUYER_SECRET, new Date(Date.now() + HOUR));
    secrets.push(token1001, token1002);
    const teams = new TeamsClient(t.url, fake.url);

    // A buyer files a refund with personal data in the text, and a photo.
    const buyer = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: token1001 } });
    await buyer.say(TEXTS.filing);
    await buyer.say('全部');
    await buyer.attach([{ contentType: 'image/png', contentUrl: PNG_URL, name: 'charger.png' }]);
    await buyer.say('完成');
    const filed = await buyer.say('确认');
    const caseId = /RD-\d{6}/.exec(textOf(filed.replies))?.[0];
    expect(caseId).toBeDefined();

    // The merchant binds with a code the platform issued, and approves the return with an address and a phone.
    const { code } = await new RedisMerchantDirectory({ client: t.app.infra.redis!, prefix: t.prefix, demoCodes: false }).issue('shop-201', new Date());
    secrets.push(code);
    expect((await teams.say(alice, personalChat(alice), `绑定 ${code}`)).status).toBe(200);
    const c = await t.app.infra.store.get(caseId!);
    const approved = await teams.execute(alice, personalChat(alice), 'merchant.approve', {
      caseId,
      version: c!.version,
      [MERCHANT_INPUTS.recipient]: '售后 王师傅',
      [MERCHANT_INPUTS.phone]: '0755-8888-6666',
      [MERCHANT_INPUTS.address]: '深圳市南山区粤海街道高新南一道 9 号',
      [MERCHANT_INPUTS.approveRemark]: '请寄回时附上纸条写明电话 13912345678',
    });
    expect(approved.status).toBe(200);
    expect((await t.app.infra.store.get(caseId!))?.status).toBe('awaiting_return_shipment');

    // Another buyer through the widget: text, an upload, the stream (token in its URL), a refreshed token.
    const issued = await call<{ token: string; conversationId: string; domain: string }>(`${t.url}/api/widget/token`, { body: { buyerToken: token1002 } });
    expect(issued.status).toBe(200);
    const widget = new DirectLineClient(issued.body.domain, issued.body.token, issued.body.conversationId);
    expect((await widget.start()).status).toBe(201);
    secrets.push(widget.token);
    const streamToken = new URL(widget.streamUrl).searchParams.get('t')!;
    secrets.push(streamToken);
    await openAndClose(widget.streamUrl);
    expect((await widget.say(TEXTS.widget, { locale: 'en-US' })).status).toBe(200);
    expect((await widget.upload([{ name: 'strap.png', type: 'image/png', bytes: samples.png() }], { type: 'message', text: TEXTS.widgetUpload, locale: 'en-US' })).status).toBe(200);
    const refreshed = await call<{ token: string }>(`${t.url}/v3/directline/tokens/refresh`, { method: 'POST', token: widget.token });
    secrets.push(refreshed.body.token);
    await widget.poll('');

    // A third conversation goes to a person and back.
    const handed = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: token1001 } });
    await handed.say(TEXTS.beforeHandoff);
    await handed.say('转人工');
    // (Generous waits: the desk posts in the background, and the machine may be busy with other suites.)
    const posted = await fake.waitFor((r) => r.conversationId === CS_CHANNEL && executeActions(cardsOf(r)[0]).some((a) => a.verb === 'handoff.take'), 30_000);
    const handoffId = String(executeActions(cardsOf(posted)[0]).find((a) => a.verb === 'handoff.take')!.data.handoffId);
    expect((await teams.execute(alice, channelPlace(CS_CHANNEL), 'handoff.take', { handoffId })).status).toBe(200);
    const start = await seen(fake, (text) => text.includes('您正在与买家 王小明 对话'));
    const agentChat = { conversationId: start.conversationId, kind: 'personal' as const };
    await teams.say(alice, agentChat, TEXTS.agent);
    await seen(fake, (text) => text.includes('文三路'), handed.conversationId);
    await handed.say(TEXTS.buyerToAgent);
    await seen(fake, (text) => text.includes('021-6123-4567'), start.conversationId);
    await teams.say(alice, agentChat, '结束');
    await seen(fake, (text) => text.includes('已结束本次对话'), handed.conversationId);

    // Operators, with the token and without.
    for (const authorization of [`Bearer ${OPERATOR_TOKEN}`, `Bearer ${OPERATOR_TOKEN}-wrong`]) {
      for (const path of [`/api/v1/cases?buyer=buyer-1001`, `/api/v1/cases/${caseId}`, '/api/v1/cases.csv']) {
        const res = await fetch(`${t.url}${path}`, { headers: { authorization } });
        const body = await res.text();
        for (const sig of body.matchAll(/sig=([A-Za-z0-9_-]{43})/g)) secrets.push(sig[1]!);
      }
    }

    // Evidence links, good and tampered.
    const sha = (await t.app.infra.store.get(caseId!))!.evidence[0]!.sha256;
    const link = signEvidenceUrl(`${t.url}/evidence`, sha, new Date(Date.now() + HOUR), EVIDENCE_SECRET);
    secrets.push(new URL(link).searchParams.get('sig')!);
    expect((await fetch(link)).status).toBe(200);
    expect((await fetch(link.replace(/sig=./, 'sig=_'))).status).toBe(403);

    // Refused turns carry personal data too.
    const forged = new BotConversation(t.url, 'buyer-1001', { locale: 'zh-CN', serviceUrl: fake.url, channelData: { buyerToken: `${token1001.slice(0, -3)}abc` } });
    secrets.push(`${token1001.slice(0, -3)}abc`);
    expect((await forged.say(TEXTS.forged)).status).toBe(200);
    const malformed = await fetch(`${t.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: TEXTS.malformed, from: { id: 'x' } }) });
    expect(malformed.status).toBe(400);
    const foreign = await call(`${widget.domain}/conversations/${widget.conversationId}/activities`, { token: `${widget.token}x`, body: { type: 'message', text: TEXTS.foreignToken } });
    expect(foreign.status).toBe(403);
  }, 90_000);

  it('wrote no phone number, address, name, token, secret or message text to the logs', () => {
    const lines = t.logs.lines();
    expect(lines.length).toBeGreaterThan(20);
    const messages = Object.values(TEXTS);
    const found: { what: string; line: string }[] = [];
    for (const line of lines) {
      for (const p of PERSONAL) if (line.includes(p)) found.push({ what: `personal data ${p}`, line: line.slice(0, 300) });
      for (const s of secrets) if (s && line.includes(s)) found.push({ what: `secret or token ${s.slice(0, 12)}…`, line: line.slice(0, 300) });
      for (const m of messages) if (line.includes(m) || line.includes(m.slice(0, 12))) found.push({ what: `message text "${m.slice(0, 20)}…"`, line: line.slice(0, 300) });
    }
    expect(found).toEqual([]);
  });

  it('still logs what operations need: turns, case events, refusals, operator requests', () => {
    const messages = new Set(t.logs.entries().map((e) => String(e.msg)));
    for (const m of ['turn', 'case event', 'buyer identity refused', 'operator api request', 'evidence link refused']) expect(messages).toContain(m);
  });
});

/** A post (anywhere, or in one conversation) whose visible text passes `test`. */
function seen(fake: FakeConnector, test: (text: string) => boolean, conversationId?: string) {
  return fake.waitFor((r) => (r.kind === 'send' || r.kind === 'reply') && (!conversationId || r.conversationId === conversationId) && test(recordedText(r)), 30_000);
}

function openAndClose(url: string): Promise<void> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url);
    ws.once('open', () => ws.close());
    ws.once('close', () => resolve());
    ws.once('error', () => resolve());
  });
}
