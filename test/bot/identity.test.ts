import { createHmac } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { BuyerIdentity, signBuyerToken, verifyBuyerToken } from '../../bot/identity';
import { t as translate } from '../../bot/i18n';
import { FixtureCatalogue, demoData } from '../../services/orders';
import type { Order } from '../../services/refunds/order';
import type { OrderCatalogue } from '../../services/refunds/ports';
import { BotConversation, startTestApp, textOf } from '../support/bot-http';
import type { SentTurn, TestApp } from '../support/bot-http';

// Deployments with BUYER_TOKEN_SECRET trust only a platform-signed token for who the buyer is: never the
// channel's user id, never a token that is missing, expired, forged, unsigned or malformed.

const SECRET = 'identity-test-secret-0123456789';
const OTHER_SECRET = 'someone-elses-secret-9876543210';
const NOW = new Date('2026-03-01T08:00:00Z');
const HOUR = 3_600_000;
const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A token with any header and claims, signed with `secret` (or with the signature given). */
function craftToken(header: unknown, claims: unknown, secret = SECRET, signature?: string): string {
  const head = b64(header);
  const body = b64(claims);
  const sig = signature ?? createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

describe('verifyBuyerToken', () => {
  const inAnHour = new Date(NOW.getTime() + HOUR);

  it('accepts a token it signed, and gives the buyer and the expiry', () => {
    const token = signBuyerToken('buyer-1001', SECRET, inAnHour);
    expect(verifyBuyerToken(token, SECRET, NOW)).toEqual({ ok: true, buyerId: 'buyer-1001', expiresAt: new Date(Math.floor(inAnHour.getTime() / 1000) * 1000) });
  });

  it.each([
    ['undefined', undefined],
    ['an empty string', ''],
    ['a number', 42],
    ['an object', { sub: 'buyer-1001' }],
  ])('calls %s missing', (_name, token) => {
    expect(verifyBuyerToken(token, SECRET, NOW)).toEqual({ ok: false, kind: 'missing' });
  });

  it('refuses a token past its expiry, including the very second it expires', () => {
    expect(verifyBuyerToken(signBuyerToken('buyer-1001', SECRET, new Date(NOW.getTime() - 1_000)), SECRET, NOW)).toEqual({ ok: false, kind: 'expired' });
    expect(verifyBuyerToken(signBuyerToken('buyer-1001', SECRET, NOW), SECRET, NOW)).toEqual({ ok: false, kind: 'expired' });
    expect(verifyBuyerToken(signBuyerToken('buyer-1001', SECRET, new Date(NOW.getTime() + 1_000)), SECRET, NOW).ok).toBe(true);
  });

  it('refuses a token signed with another secret, or whose claims were changed after signing', () => {
    expect(verifyBuyerToken(signBuyerToken('buyer-1001', OTHER_SECRET, inAnHour), SECRET, NOW)).toEqual({ ok: false, kind: 'bad_signature' });
    const [head, , sig] = signBuyerToken('buyer-1001', SECRET, inAnHour).split('.');
    const swapped = `${head}.${b64({ sub: 'buyer-1002', exp: Math.floor(inAnHour.getTime() / 1000) })}.${sig}`;
    expect(verifyBuyerToken(swapped, SECRET, NOW)).toEqual({ ok: false, kind: 'bad_signature' });
    expect(verifyBuyerToken(craftToken({ alg: 'HS256' }, { sub: 'buyer-1001', exp: 2e9 }, SECRET, ''), SECRET, NOW)).toEqual({ ok: false, kind: 'bad_signature' });
  });

  it('checks the algorithm named in the header rather than trusting it: alg none and others are refused', () => {
    const claims = { sub: 'buyer-1001', exp: Math.floor(inAnHour.getTime() / 1000) };
    expect(verifyBuyerToken(craftToken({ alg: 'none', typ: 'JWT' }, claims, SECRET, ''), SECRET, NOW)).toEqual({ ok: false, kind: 'wrong_algorithm' });
    expect(verifyBuyerToken(craftToken({ alg: 'none' }, claims), SECRET, NOW)).toEqual({ ok: false, kind: 'wrong_algorithm' });
    expect(verifyBuyerToken(craftToken({ alg: 'HS512' }, claims), SECRET, NOW)).toEqual({ ok: false, kind: 'wrong_algorithm' });
    expect(verifyBuyerToken(craftToken({ typ: 'JWT' }, claims), SECRET, NOW)).toEqual({ ok: false, kind: 'wrong_algorithm' });
    expect(verifyBuyerToken(craftToken('"HS256"', claims), SECRET, NOW)).toEqual({ ok: false, kind: 'wrong_algorithm' });
  });

  it.each([
    ['two parts', 'abc.def'],
    ['four parts', 'a.b.c.d'],
    ['a header that is not JSON', `${b64('not json')}.${b64({ sub: 'b', exp: 2e9 })}.sig`],
    ['claims that are not JSON', `${b64({ alg: 'HS256' })}.${b64('{')}.sig`],
    ['no subject', craftToken({ alg: 'HS256' }, { exp: 2e9 })],
    ['an empty subject', craftToken({ alg: 'HS256' }, { sub: '', exp: 2e9 })],
    ['a subject that is not a string', craftToken({ alg: 'HS256' }, { sub: 1001, exp: 2e9 })],
    ['a subject longer than 128 characters', craftToken({ alg: 'HS256' }, { sub: 'b'.repeat(129), exp: 2e9 })],
    ['no expiry', craftToken({ alg: 'HS256' }, { sub: 'buyer-1001' })],
    ['an expiry that is a string', craftToken({ alg: 'HS256' }, { sub: 'buyer-1001', exp: '2000000000' })],
    ['claims that are null', craftToken({ alg: 'HS256' }, null)],
    ['more than 4 KB', `${'a'.repeat(4097)}.b.c`],
  ])('calls a token with %s malformed', (_name, token) => {
    expect(verifyBuyerToken(token, SECRET, NOW)).toEqual({ ok: false, kind: 'malformed' });
  });
});

describe('BuyerIdentity', () => {
  const activity = (from: string, channelData?: unknown): Partial<Activity> => ({ from: { id: from, name: from }, ...(channelData !== undefined ? { channelData } : {}) });

  it('without a secret, the channel user id is the buyer (development only)', () => {
    const identity = new BuyerIdentity({});
    expect(identity.signed).toBe(false);
    expect(identity.resolve(activity('buyer-1001'))).toEqual({ ok: true, buyerId: 'buyer-1001' });
    expect(identity.resolve({})).toEqual({ ok: false, kind: 'no_user' });
    expect(identity.resolve(activity('x'.repeat(129)))).toEqual({ ok: false, kind: 'no_user' });
  });

  it('with a secret, only the token counts, whatever from.id says', () => {
    const identity = new BuyerIdentity({ secret: SECRET, now: () => NOW });
    const token = signBuyerToken('buyer-1002', SECRET, new Date(NOW.getTime() + HOUR));
    expect(identity.signed).toBe(true);
    expect(identity.resolve(activity('buyer-1001', { buyerToken: token }))).toEqual({ ok: true, buyerId: 'buyer-1002' });
    expect(identity.resolve(activity('buyer-1001'))).toEqual({ ok: false, kind: 'missing' });
    expect(identity.resolve(activity('buyer-1001', 'not an object'))).toEqual({ ok: false, kind: 'missing' });
    expect(identity.resolve(activity('buyer-1001', { token }))).toEqual({ ok: false, kind: 'missing' });
  });
});

/** The demo catalogue, recording every lookup: which buyer's data the bot asked for. */
class RecordingCatalogue implements OrderCatalogue {
  readonly calls: string[] = [];
  constructor(private readonly inner: FixtureCatalogue) {}
  getOrder(orderId: string): Promise<Order | null> {
    this.calls.push(`getOrder ${orderId}`);
    return this.inner.getOrder(orderId);
  }
  listOrdersOfBuyer(buyerId: string): Promise<Order[]> {
    this.calls.push(`listOrdersOfBuyer ${buyerId}`);
    return this.inner.listOrdersOfBuyer(buyerId);
  }
  getShop(shopId: string) {
    return this.inner.getShop(shopId);
  }
  getBuyer(buyerId: string) {
    this.calls.push(`getBuyer ${buyerId}`);
    return this.inner.getBuyer(buyerId);
  }
  markDoNotShip(orderId: string): Promise<boolean> {
    this.calls.push(`markDoNotShip ${orderId}`);
    return this.inner.markDoNotShip(orderId);
  }
}

const DEMO_1001_SECRETS = [/DEMO-1001/, /无线蓝牙耳机/, /Wireless Earphones/i, /199\.00/];

describe('buyer identity over HTTP with BUYER_TOKEN_SECRET set', () => {
  let t: TestApp;
  let catalogue: RecordingCatalogue;
  const valid = (buyerId: string) => signBuyerToken(buyerId, SECRET, new Date(Date.now() + HOUR));

  beforeAll(async () => {
    catalogue = new RecordingCatalogue(new FixtureCatalogue({ data: demoData(new Date()) }));
    t = await startTestApp({ env: { BUYER_TOKEN_SECRET: SECRET }, overrides: { orders: catalogue } });
  });
  afterAll(() => t.stop());

  const chat = (buyerToken: string | undefined, locale = 'zh-CN', from = 'buyer-1001') =>
    new BotConversation(t.app.url, from, { locale, ...(buyerToken !== undefined ? { channelData: { buyerToken } } : {}) });

  function expectRefusedWithoutData(turn: SentTurn, lang: 'zh-CN' | 'en-US'): void {
    expect(turn.status).toBe(200);
    expect(turn.replies).toHaveLength(1);
    expect(turn.replies[0]!.text).toBe(translate(lang, 'error.identity'));
    expect(turn.replies[0]!.attachments ?? []).toEqual([]);
    expect(turn.replies[0]!.suggestedActions).toBeUndefined();
    const shown = textOf(turn.replies);
    for (const secret of DEMO_1001_SECRETS) expect(shown).not.toMatch(secret);
  }

  it('serves the buyer a valid token names, and remembers the conversation as theirs', async () => {
    const c = chat(valid('buyer-1001'));
    const turn = await c.say('你好');
    expect(turn.status).toBe(200);
    expect(textOf(turn.replies)).toContain(translate('zh-CN', 'common.welcome'));
    expect((await t.app.references.forBuyer('buyer-1001'))?.conversation?.id).toBe(c.conversationId);
  });

  const badTokens: [string, () => string | undefined][] = [
    ['no token at all', () => undefined],
    ['an empty token', () => ''],
    ['an expired token', () => signBuyerToken('buyer-1001', SECRET, new Date(Date.now() - 60_000))],
    ['a token signed with another secret', () => signBuyerToken('buyer-1001', OTHER_SECRET, new Date(Date.now() + HOUR))],
    ['an unsigned token (alg none)', () => craftToken({ alg: 'none', typ: 'JWT' }, { sub: 'buyer-1001', exp: Math.floor(Date.now() / 1000) + 3600 }, SECRET, '')],
    ['a malformed token', () => 'this-is-not-a-jwt'],
    ['a token whose subject was swapped', () => {
      const [head, , sig] = valid('buyer-1002').split('.');
      return `${head}.${b64({ sub: 'buyer-1001', exp: Math.floor(Date.now() / 1000) + 3600 })}.${sig}`;
    }],
  ];

  it.each(badTokens)('politely refuses %s, in either language, and reads no order data', async (_name, make) => {
    const before = catalogue.calls.length;
    const zh = chat(make());
    expectRefusedWithoutData(await zh.say('DEMO-1001 的退款到哪了？'), 'zh-CN');
    expectRefusedWithoutData(await zh.click({ action: 'file_refund', orderId: 'DEMO-1001' }), 'zh-CN');
    const en = chat(make(), 'en-US');
    expectRefusedWithoutData(await en.say('I want a refund for DEMO-1001'), 'en-US');
    expect(catalogue.calls.slice(before)).toEqual([]);
  });

  it('never remembers a refused conversation as anybody\'s', async () => {
    const c = chat('this-is-not-a-jwt', 'zh-CN', 'buyer-9999');
    await c.say('你好');
    expect(await t.app.references.forBuyer('buyer-9999')).toBeNull();
    expect((await t.app.references.forBuyer('buyer-1001'))?.conversation?.id).not.toBe(c.conversationId);
  });

  it('acts as the buyer in the token when from.id names someone else: their orders, not the channel user\'s', async () => {
    const c = chat(valid('buyer-1002'), 'en-US', 'buyer-1001');
    const hello = await c.say('hello');
    expect(textOf(hello.replies)).toContain(translate('en-US', 'common.welcome'));
    expect((await t.app.references.forBuyer('buyer-1002'))?.conversation?.id).toBe(c.conversationId);

    const before = catalogue.calls.length;
    const turn = await c.say('I want a refund');
    const shown = textOf(turn.replies);
    expect(shown).toContain('DEMO-2001');
    expect(shown).not.toMatch(/DEMO-100\d/);
    const lookups = catalogue.calls.slice(before).filter((call) => call.startsWith('listOrdersOfBuyer'));
    expect(lookups.length).toBeGreaterThan(0);
    expect(lookups.every((call) => call === 'listOrdersOfBuyer buyer-1002')).toBe(true);
  });

  it('asking that buyer-1002 conversation about DEMO-1001 (buyer-1001\'s order) reveals nothing about it', async () => {
    const c = chat(valid('buyer-1002'), 'zh-CN', 'buyer-1001');
    const turns = [await c.say('DEMO-1001 的退款到哪了？')];
    turns.push(await c.say('取消'), await c.say('我要退款 DEMO-1001'));
    turns.push(await c.say('取消'), await c.click({ action: 'file_refund', orderId: 'DEMO-1001' }));
    for (const turn of turns) {
      expect(turn.status).toBe(200);
      expect(turn.replies.length).toBeGreaterThan(0);
      const shown = textOf(turn.replies);
      for (const secret of DEMO_1001_SECRETS.slice(1)) expect(shown).not.toMatch(secret);
      // A failed turn hides a leak as well as a refusal would: the bot must answer, not apologise.
      expect(shown).not.toContain(translate('zh-CN', 'error.turn', { correlationId: '' }).slice(0, 12));
    }
    expect(catalogue.calls.filter((call) => call.startsWith('listOrdersOfBuyer') && call !== 'listOrdersOfBuyer buyer-1002')).toEqual([]);
  });
});
