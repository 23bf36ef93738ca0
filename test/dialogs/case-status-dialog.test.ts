import { CaseWorld, EN_BUYER, MERCHANT, ZH_BUYER, cardsText, seen } from './cases/case-world';
import { textOf } from '../support/bot-http';

// "Where is my refund?" over real HTTP: the list of open cases, one case's timeline from its audit trail, the
// deadline and next step, when the money arrives, and nothing at all about another buyer's case.

const LANGS = [
  {
    lang: 'zh-CN' as const,
    whereIs: '我的退款到哪了',
    progressOf: (id: string) => `${id} 进度`,
    listed: '您有 2 笔进行中的申请',
    filed: '提交了申请',
    approved: '同意了申请',
    shopActor: '**商家**',
    next: '请在 2025年6月25日 23:59 前寄回商品',
    // A quality complaint needs an inspection: the shop gets 48 h.
    nextPending: '商家需在 2025年6月20日 10:00 前处理',
    arrival: '通常几分钟内到账',
    paid: '¥207.00 已于 2025年6月18日 10:00 原路退回您的支付宝',
    noCases: '您目前没有退款申请',
  },
  {
    lang: 'en-US' as const,
    whereIs: 'where is my refund',
    progressOf: (id: string) => `status of ${id}`,
    listed: 'You have 2 open requests',
    filed: 'filed the request',
    approved: 'approved the request',
    shopActor: '**The shop**',
    next: 'Please ship the goods back by Jun 25, 2025, 23:59',
    nextPending: 'The shop must respond by Jun 20, 2025, 10:00',
    arrival: 'It usually arrives within minutes, at most 1 day.',
    paid: '¥207.00 was refunded to your Alipay on Jun 18, 2025, 10:00.',
    noCases: 'You have no refund requests yet',
  },
];

describe.each(LANGS)('following a case ($lang)', (L) => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('lists the open cases, then shows the one picked by its number', async () => {
    const returning = await world.awaitingReturnShipment();
    const waiting = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);

    const list = await chat.say(L.whereIs);
    expect(list.status).toBe(200);
    const listed = seen(list.replies);
    expect(listed).toContain(L.listed);
    expect(listed).toContain(returning.id);
    expect(listed).toContain(waiting.id);
    // Newest first: the pending case was filed last.
    expect(listed.indexOf(`1. ${waiting.id}`)).toBeGreaterThanOrEqual(0);

    const shown = await chat.say('2');
    const timeline = seen(shown.replies);
    expect(timeline).toContain(returning.id);
    expect(timeline).toContain(L.filed);
    expect(timeline).toContain(`${L.shopActor} ${L.approved}`);
    expect(timeline).toContain(L.next);
  });

  it('shows a named case as a timeline with its deadline, next step and the buttons for what the buyer can do', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = await chat.say(L.progressOf(c.id));
    const text = seen(shown.replies);
    expect(text).toContain(c.id);
    expect(text).toContain('DEMO-1005');
    expect(text).toContain(L.filed);
    expect(text).toContain(L.nextPending);
    const card = cardsText(shown.replies);
    expect(card).toContain('"action":"cancel_case"');
    expect(card).not.toContain('"action":"rate"');
  });

  it('says when the money arrives once a refund is paid (Alipay)', async () => {
    const c = await world.refundedByAlipay();
    expect(c.status).toBe('refunded');
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = await chat.say(L.progressOf(c.id));
    const text = seen(shown.replies);
    expect(text).toContain(L.paid);
    expect(text).toContain(L.arrival);
    expect(cardsText(shown.replies)).toContain('"action":"rate"');
  });

  it('says the buyer has no requests when there are none', async () => {
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = await chat.say(L.whereIs);
    expect(textOf(shown.replies)).toContain(L.noCases);
  });
});

describe('following a case: details', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('shows the only open case straight away, with the shop approval and a reminder in words', async () => {
    const c = await world.awaitingReturnShipment();
    world.clock.advance(6 * 24 * 3_600_000); // past the buyer's day 5: the ship-by reminder goes out
    await world.core.timers.sweep();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const shown = await chat.say('我的退款到哪了');
    const text = seen(shown.replies);
    expect(text).toContain(`退款进度 ${c.id}`);
    expect(text).toContain('**系统** 向您发送了提醒');
    expect(cardsText(shown.replies)).toContain('"action":"return_shipping"');
  });

  it('finds the case of an order named in the question', async () => {
    await world.pendingMerchant();
    const other = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const shown = await chat.say('DEMO-1002 的退款进度');
    const text = seen(shown.replies);
    expect(text).toContain(`退款进度 ${other.id}`);
    expect(text).not.toContain('DEMO-1005');
  });

  it('shows a case when the buyer only types its id', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const shown = await chat.say(c.id);
    expect(seen(shown.replies)).toContain(`退款进度 ${c.id}`);
  });

  it('shows a case picked by a click on the list', async () => {
    const a = await world.pendingMerchant();
    const b = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('我的退款到哪了');
    const shown = await chat.click({ action: 'case_status', caseId: a.id });
    const text = seen(shown.replies);
    expect(text).toContain(`退款进度 ${a.id}`);
    expect(text).not.toContain(`退款进度 ${b.id}`);
  });

  it('asks again when the answer to "which one" matches nothing, and a different request leaves the list', async () => {
    await world.pendingMerchant();
    await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('我的退款到哪了');
    const again = await chat.say('7');
    expect(textOf(again.replies)).toContain('没有对上');
    const away = await chat.say('我要寄回商品');
    // The shipping flow took the message: its instructions card for the only case awaiting shipment.
    expect(seen(away.replies)).toContain('寄回商品 RD-');
  });

  it('offers the recently finished cases when none is open', async () => {
    const paid = await world.refundedByAlipay();
    const dropped = await world.rejected();
    await world.act({ role: 'buyer', id: ZH_BUYER }, dropped.id, { kind: 'buyer_accept_rejection' });
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const listed = await chat.say('我的退款到哪了');
    const text = seen(listed.replies);
    expect(text).toContain('您目前没有进行中的退款申请。以下是最近结束的 2 笔');
    expect(text).toContain(paid.id);
    const shown = seen((await chat.say('2')).replies);
    expect(shown).toContain(`退款进度 ${paid.id}`);
    expect(shown).toContain('已退款');
  });

  it('shows the one finished case straight away, with why it closed', async () => {
    const c = await world.rejected();
    await world.act({ role: 'buyer', id: ZH_BUYER }, c.id, { kind: 'buyer_accept_rejection' });
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const text = seen((await chat.say('我的退款到哪了')).replies);
    expect(text).toContain(`退款进度 ${c.id}`);
    expect(text).toContain('申请已关闭：您接受了商家的拒绝。');
  });

  it('says a bank card refund takes 1-5 business days', async () => {
    const c = await world.refundedByBankCard();
    expect(c.status).toBe('refunded');
    const chat = world.talk(EN_BUYER, 'en-US');
    const shown = await chat.say('where is my refund');
    const text = seen(shown.replies);
    expect(text).toContain('to your bank card');
    expect(text).toContain('Bank cards usually take 1-5 business days.');
  });

  it("reveals nothing of another buyer's case", async () => {
    const theirs = await world.awaitingReturnShipment();
    const chat = world.talk(EN_BUYER, 'en-US');
    const asked = await chat.say(`status of ${theirs.id}`);
    const text = seen(asked.replies);
    expect(text).toContain(`There is no case ${theirs.id} among yours`);
    expect(text).not.toContain('DEMO-1002');
    expect(asked.replies.some((r) => (r.attachments ?? []).length > 0)).toBe(false);
    const clicked = await chat.click({ action: 'case_status', caseId: theirs.id });
    expect(textOf(clicked.replies)).toBe(text.split('\n')[0]);
    // The same words as for a case that does not exist at all.
    const missing = await chat.say('status of RD-999999');
    expect(textOf(missing.replies)).toBe(`There is no case RD-999999 among yours. Please check the number.`);
  });

  it('names who changed the case in the timeline: buyer, shop, platform and system in words', async () => {
    const c = await world.rejected();
    await world.act({ role: 'buyer', id: ZH_BUYER }, c.id, { kind: 'buyer_escalate' });
    await world.act({ role: 'cs', id: 'cs-7' }, c.id, { kind: 'cs_approve', remark: '凭证充分' });
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const shown = await chat.say(`${c.id} 进度`);
    const text = seen(shown.replies);
    expect(text).toContain('**商家** 拒绝了申请');
    expect(text).toContain('凭证不足');
    expect(text).toContain('**您** 申请了平台介入');
    expect(text).toContain('**平台客服** 审核通过');
    expect(text).not.toContain('cs-7');
    expect(text).not.toContain(MERCHANT.id);
  });
});

describe('following a case on Redis', () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await CaseWorld.start({ redis: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('lists open cases and shows the one picked, in both languages', async () => {
    const returning = await world.awaitingReturnShipment();
    const waiting = await world.pendingMerchant();
    const zh = world.talk(ZH_BUYER, 'zh-CN');
    expect(seen((await zh.say('我的退款到哪了')).replies)).toContain(waiting.id);
    const shown = seen((await zh.say('第二个')).replies);
    expect(shown).toContain(`退款进度 ${returning.id}`);
    expect(shown).toContain('**商家** 同意了申请');

    const en = world.talk(ZH_BUYER, 'en-US');
    expect(seen((await en.say('where is my refund')).replies)).toContain('You have 2 open requests');
    expect(seen((await en.say(waiting.id)).replies)).toContain(`Refund ${waiting.id}`);
  });
});
