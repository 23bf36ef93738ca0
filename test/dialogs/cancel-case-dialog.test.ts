import { CaseWorld, MERCHANT, PHOTO, ZH_BUYER, cardsText, seen } from './cases/case-world';
import { textOf } from '../support/bot-http';

// Withdrawing a request over real HTTP: which one, "are you sure?", done; refused in words where the state
// table no longer allows it.

const LANGS = [
  {
    lang: 'zh-CN' as const,
    cancel: '撤销退款申请',
    cancelCase: (id: string) => `撤销 ${id}`,
    confirm: '确定要撤销吗？这将撤回 RD-000001（订单 DEMO-1005，¥294.00），撤销后不能恢复。',
    yes: '确定',
    no: '不',
    done: 'RD-000001 已撤销。',
    kept: '好的，RD-000001 保持不变。',
    paid: 'RD-000001 已无法撤销：退款已经完成。',
    paying: 'RD-000001 已无法撤销：退款已在支付中。',
    none: '您目前没有可以撤销的申请。',
    pick: '您有 2 笔申请可以撤销',
  },
  {
    lang: 'en-US' as const,
    cancel: 'cancel my refund request',
    cancelCase: (id: string) => `cancel my refund ${id}`,
    confirm: 'Are you sure? This withdraws RD-000001 (order DEMO-1005, ¥294.00) and cannot be undone.',
    yes: 'yes',
    no: 'no',
    done: 'RD-000001 has been withdrawn.',
    kept: 'OK, RD-000001 stays as it is.',
    paid: "RD-000001 can't be withdrawn any more: the refund has already been paid.",
    paying: "RD-000001 can't be withdrawn any more: the refund is already being paid.",
    none: 'You have no request that can be withdrawn now.',
    pick: 'You have 2 requests that can be withdrawn',
  },
];

describe.each(LANGS)('withdrawing a request ($lang)', (L) => {
  let world: CaseWorld;
  afterEach(async () => {
    await world.stop();
  });

  it('asks "are you sure?" and withdraws the case', async () => {
    world = await CaseWorld.start();
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(seen((await chat.say(L.cancel)).replies)).toContain(L.confirm);
    expect(textOf((await chat.say(L.yes)).replies)).toContain(L.done);
    const after = await world.get(c.id);
    expect(after.status).toBe('closed');
    expect(after.closeReason).toBe('buyer_cancelled');
  });

  it('keeps the case when the buyer says no', async () => {
    world = await CaseWorld.start();
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.say(L.cancel);
    expect(textOf((await chat.say(L.no)).replies)).toBe(L.kept);
    expect((await world.get(c.id)).status).toBe('pending_merchant');
  });

  it('refuses in words once the refund is paid', async () => {
    world = await CaseWorld.start();
    const c = await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.cancelCase(c.id))).replies)).toBe(L.paid);
    expect((await world.get(c.id)).status).toBe('refunded');
  });

  it('refuses in words while the refund is being paid', async () => {
    // The gateway accepts at once but confirms only after an hour: the case stays in refunding.
    world = await CaseWorld.start({ env: { PAYMENT_CONFIRM_AFTER_MS: '3600000' } });
    const c = await world.refundedByAlipay();
    expect(c.status).toBe('refunding');
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.cancelCase(c.id))).replies)).toBe(L.paying);
  });

  it('says so when nothing can be withdrawn', async () => {
    world = await CaseWorld.start();
    await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.cancel)).replies)).toBe(L.none);
  });

  it('lists the cases that can be withdrawn and takes the one picked', async () => {
    world = await CaseWorld.start();
    const first = await world.pendingMerchant();
    const second = await world.awaitingReturnShipment();
    await world.refundedByAlipay();
    const chat = world.talk(ZH_BUYER, L.lang);
    const listed = seen((await chat.say(L.cancel)).replies);
    expect(listed).toContain(L.pick);
    expect(listed).toContain(first.id);
    expect(listed).toContain(second.id);
    expect(cardsText((await chat.say(first.id)).replies)).toContain(`"caseId":"${first.id}"`);
    await chat.say(L.yes);
    expect((await world.get(first.id)).status).toBe('closed');
    expect((await world.get(second.id)).status).toBe('awaiting_return_shipment');
  });
});

describe('withdrawing a request: details', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('takes the buttons of the confirm card', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const asked = await chat.click({ action: 'cancel_case', caseId: c.id });
    expect(cardsText(asked.replies)).toContain('"confirm":true');
    const done = await chat.click({ action: 'cancel_case', caseId: c.id, confirm: true });
    expect(textOf(done.replies)).toContain('RD-000001 已撤销');
    // Clicking again later changes nothing and says why.
    const again = await chat.click({ action: 'cancel_case', caseId: c.id, confirm: true });
    expect(textOf(again.replies)).toBe('RD-000001 已无法撤销：这笔申请已关闭。');
  });

  it('says who changed the case, when and where it stands, when the shop decided while the buyer was confirming', async () => {
    const c = await world.file(ZH_BUYER, {
      orderId: 'DEMO-1002',
      lines: [{ lineIndex: 2, quantity: 1 }],
      type: 'refund_only',
      reason: 'missing_parts',
      description: '少了一根线',
      evidence: [PHOTO],
    });
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('撤销退款申请');
    await world.act(MERCHANT, c.id, { kind: 'merchant_approve' });
    const late = await chat.say('确定');
    expect(textOf(late.replies)).toBe('RD-000001 已于 2025年6月18日 10:00 被商家更新，当前状态：退款准备中（退款即将发起支付）。');
    expect((await world.get(c.id)).status).toBe('refund_pending');
  });

  it('goes ahead on a case the shop rejected meanwhile: withdrawing is still allowed there', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('撤销退款申请');
    await world.act(MERCHANT, c.id, { kind: 'merchant_reject', code: 'outside_policy', remark: '已超过保修期' });
    expect(textOf((await chat.say('确定')).replies)).toContain('RD-000001 已撤销');
  });

  it('asks once more when the answer is neither yes nor no', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('撤销退款申请');
    expect(textOf((await chat.say('什么意思？')).replies)).toBe('请回复“确定”撤销，或回复“不”保留申请。');
    await chat.say('是的');
    expect((await world.get(c.id)).status).toBe('closed');
  });
});

describe('withdrawing a request on Redis', () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await CaseWorld.start({ redis: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('confirms and withdraws, and refuses a paid refund', async () => {
    const paid = await world.refundedByAlipay();
    const open = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    expect(seen((await chat.say(`撤销 ${open.id}`)).replies)).toContain('确定要撤销吗？');
    expect(textOf((await chat.say('确定')).replies)).toContain(`${open.id} 已撤销`);
    expect(textOf((await chat.say(`撤销 ${paid.id}`)).replies)).toBe(`${paid.id} 已无法撤销：退款已经完成。`);
  });
});
