import { RedisMerchantDirectory } from '../../../services/merchants';
import { recordedText } from '../../support/fake-connector';
import type { MerchantWorld } from './merchant-world';
import { cardOf, cardText, merchantWorld } from './merchant-world';

// Linking a Teams account to a shop with a one-time code, and what unlinked users get: instructions, no data.

const textOf = (records: { activity: Record<string, unknown> }[]): string => records.map((r) => recordedText(r as never)).join('\n');

describe.each([
  ['memory', false],
  ['redis', true],
])('merchant binding (%s)', (_name, redis) => {
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ redis });
  });
  afterAll(async () => {
    await w.stop();
  });

  it('gives an unlinked user instructions, never case data', async () => {
    await w.file({ orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没收到' });
    const stranger = { id: '29:stranger-1', aadObjectId: '00000000-0000-4000-8000-99999999aaaa', name: 'Stranger' };
    for (const text of ['帮助', 'RD-000001', 'show me the cases']) {
      const replies = await w.say(stranger, text);
      expect(replies).toHaveLength(1);
      expect(replies[0]!.activity.attachments ?? []).toEqual([]);
      const words = textOf(replies);
      expect(words).not.toContain('DEMO-1004');
      expect(words).toMatch(/绑定|link/);
    }
    expect(textOf(await w.say(stranger, 'help', 'en-US'))).toContain('not linked to a shop yet');
  });

  it('links with LINK-201 in Chinese and English, then lists the waiting cases with their cards', async () => {
    const zh = await w.say(w.alice, '绑定 LINK-201');
    expect(textOf(zh)).toContain('绑定成功');
    expect(textOf(zh)).toContain('数码优选旗舰店');
    expect(textOf(zh)).toContain('RD-000001');
    const card = zh.map(cardOf).find(Boolean);
    expect(cardText(card)).toContain('一直没收到');

    const en = await w.say(w.bob, 'link LINK-201');
    expect(textOf(en)).toContain('Linked: your account now acts for the shop "Digital Select"');
    expect(textOf(en)).toContain('1 case(s) waiting for you');
  });

  it('refuses a bad code and explains a link command without one', async () => {
    expect(textOf(await w.say(w.carol, '绑定 LINK-999'))).toContain('绑定码无效');
    // English words get English answers whatever the client's locale.
    expect(textOf(await w.say(w.carol, 'link LINK-999'))).toContain('That link code is not valid');
    expect(textOf(await w.say(w.carol, '绑定 123'))).toContain('绑定店铺请发送');
    expect(textOf(await w.say(w.carol, '帮助'))).toContain('还没有绑定店铺');
  });

  it('answers help with what the bot does and the shop cases (own shop only)', async () => {
    const help = await w.say(w.alice, '帮助');
    expect(textOf(help)).toContain('每有新的退款申请');
    expect(textOf(help)).toContain('RD-000001');
    expect(help.filter((r) => cardOf(r))).toHaveLength(1);
    await w.say(w.carol, '绑定 LINK-202');
    const other = await w.say(w.carol, '帮助');
    expect(textOf(other)).toContain('目前没有需要您处理的申请');
    expect(textOf(other)).not.toContain('RD-000001');
    expect(textOf(await w.say(w.carol, 'RD-000001'))).toContain('不属于您的店铺');
  });

  it('welcomes on install and keeps the new chat as the place to reach the merchant', async () => {
    const dave = { id: '29:dave-1', aadObjectId: '00000000-0000-4000-8000-00000000dddd', name: 'Dave' };
    const firstChat = { conversationId: 'a:personal-dave-first', kind: 'personal' as const };
    await w.teams.install(dave, firstChat);
    expect(textOf(w.fake.sentTo(firstChat.conversationId))).toContain('请先绑定店铺');
    await w.teams.say(dave, firstChat, '绑定 LINK-201');
    // Reinstalled: Teams opens another personal chat; the install alone is enough to reach Dave there.
    const secondChat = { conversationId: 'a:personal-dave-second', kind: 'personal' as const };
    await w.teams.install(dave, secondChat);
    expect(textOf(w.fake.sentTo(secondChat.conversationId))).toContain('数码优选旗舰店');
    const c = await w.file({ orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '轴体松动', evidence: [{ sha256: '2'.repeat(64), kind: 'image', mediaType: 'image/png', size: 1, addedBy: 'buyer', addedAt: '2025-06-18T02:00:00.000Z' }] });
    await w.fake.waitFor((r) => r.conversationId === secondChat.conversationId && r.kind === 'send' && recordedText(r).includes(c.id));
    expect(w.fake.sentTo(firstChat.conversationId).filter((r) => recordedText(r).includes(c.id))).toEqual([]);
  });

  it('answers files sent in the chat with where photos go', async () => {
    const chat = w.chatOf(w.alice);
    const before = w.fake.sentTo(chat.conversationId).length;
    await w.teams.say(w.alice, chat, '', { attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/a.png', name: 'a.png' }] });
    expect(textOf(w.fake.sentTo(chat.conversationId).slice(before))).toContain('卡片上无法附加照片');
  });
});

describe('merchant binding with issued codes (redis)', () => {
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ redis: true, env: { BUYER_TOKEN_SECRET: 'a-secret-of-at-least-16-chars' } });
  });
  afterAll(async () => {
    await w.stop();
  });

  it('accepts no demo code once a signing secret is configured; an issued code works once and expires', async () => {
    expect(textOf(await w.say(w.alice, '绑定 LINK-201'))).toContain('绑定码无效');
    const directory = new RedisMerchantDirectory({ client: w.app.infra.redis!, prefix: w.t.prefix, demoCodes: false });
    const issued = await directory.issue('shop-201', w.clock.now(), 60_000);
    expect(textOf(await w.say(w.alice, `绑定 ${issued.code}`))).toContain('绑定成功');
    expect(textOf(await w.say(w.bob, `link ${issued.code}`))).toContain('already been used');
    const late = await directory.issue('shop-201', w.clock.now(), 60_000);
    w.clock.advance(61_000);
    expect(textOf(await w.say(w.bob, `link ${late.code}`))).toContain('has expired');
    expect(await directory.shopOf(w.alice.aadObjectId)).toBe('shop-201');
    expect(await directory.shopOf(w.bob.aadObjectId)).toBeNull();
  });
});
