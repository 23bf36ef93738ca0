import { CaseWorld, ZH_BUYER, cardsText, seen } from './cases/case-world';
import { textOf } from '../support/bot-http';

// Shipping a return over real HTTP: the address, freight and ship-by date; carrier and tracking number typed in
// any common way or sent from the card; formats checked per carrier; confirmation; return_in_transit.

const LANGS = [
  {
    lang: 'zh-CN' as const,
    ship: '寄回商品',
    shipCase: (id: string) => `寄回 ${id}`,
    sfTyped: '顺丰 SF1234567890123',
    badSf: '顺丰 SF1234',
    yes: '确认',
    change: '修改',
    instructions: ['寄回商品 RD-000001', '数码优选售后部 李娜', '由您承担', '2025年6月25日 23:59'],
    confirmText: '请确认：RD-000001 的退货已通过 顺丰速运 寄出，运单号 SF1234567890123。',
    done: '已记录 RD-000001 的退货：顺丰速运 SF1234567890123。',
    badFormat: '“SF1234”不像顺丰速运的运单号（SF 加 12-13 位数字）。请核对后重新发送。',
    changed: '好的，请重新发送快递公司和运单号。',
    notAwaiting: 'RD-000001 现在不需要寄回商品：商家正在审核这笔申请。',
    none: '您目前没有等待寄回商品的申请。',
  },
  {
    lang: 'en-US' as const,
    ship: 'ship a return',
    shipCase: (id: string) => `ship the return for ${id}`,
    sfTyped: 'SF Express SF1234567890123',
    badSf: 'SF Express SF1234',
    yes: 'yes',
    change: 'no',
    instructions: ['Ship the return: RD-000001', '数码优选售后部 李娜', 'Paid by you', 'Jun 25, 2025, 23:59'],
    confirmText: 'Please confirm: the return for RD-000001 was shipped with SF Express, tracking number SF1234567890123.',
    done: 'Recorded the return for RD-000001: SF Express SF1234567890123.',
    badFormat: '"SF1234" does not look like a SF Express tracking number ("SF" and 12-13 digits). Please check it and send it again.',
    changed: 'OK, please send the carrier and tracking number again.',
    notAwaiting: "RD-000001 doesn't need a return shipment now: the shop is still reviewing the request.",
    none: 'You have no request waiting for a return shipment.',
  },
];

describe.each(LANGS)('shipping a return ($lang)', (L) => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('sends the address, freight and ship-by date, takes "carrier + number", confirms and records the shipment', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, L.lang);
    const shown = seen((await chat.say(L.ship)).replies);
    for (const part of L.instructions) expect(shown).toContain(part);

    const confirm = await chat.say(L.sfTyped);
    expect(seen(confirm.replies)).toContain(L.confirmText);
    const done = await chat.say(L.yes);
    expect(textOf(done.replies)).toContain(L.done);

    const after = await world.get(c.id);
    expect(after.status).toBe('return_in_transit');
    expect(after.returnShipment).toMatchObject({ carrier: 'SF', trackingNumber: 'SF1234567890123' });
  });

  it('explains an invalid number and asks again', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.say(L.ship);
    const bad = await chat.say(L.badSf);
    expect(textOf(bad.replies)).toBe(L.badFormat);
    expect((await world.get(c.id)).status).toBe('awaiting_return_shipment');
    // The carrier is kept: the corrected number alone is enough.
    const confirm = await chat.say('SF1234567890123');
    expect(seen(confirm.replies)).toContain(L.confirmText);
    await chat.say(L.yes);
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });

  it('lets the buyer change the number at the confirmation', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, L.lang);
    await chat.say(L.ship);
    await chat.say('SF1234567890999');
    const changed = await chat.say(L.change);
    expect(textOf(changed.replies)).toBe(L.changed);
    expect(seen((await chat.say(L.sfTyped)).replies)).toContain(L.confirmText);
    await chat.say(L.yes);
    expect((await world.get(c.id)).returnShipment?.trackingNumber).toBe('SF1234567890123');
  });

  it('says where the case stands when it is not waiting for a shipment', async () => {
    const c = await world.pendingMerchant();
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.shipCase(c.id))).replies)).toBe(L.notAwaiting);
  });

  it('says so when no case waits for a shipment', async () => {
    const chat = world.talk(ZH_BUYER, L.lang);
    expect(textOf((await chat.say(L.ship)).replies)).toBe(L.none);
  });
});

describe('shipping a return: the ways buyers give the parcel', () => {
  let world: CaseWorld;
  beforeEach(async () => {
    world = await CaseWorld.start();
  });
  afterEach(async () => {
    await world.stop();
  });

  it('takes just the number when its format names the carrier', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('寄回商品');
    expect(seen((await chat.say('sf 1234 5678 90123')).replies)).toContain('顺丰速运 寄出，运单号 SF1234567890123');
    await chat.say('好的');
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });

  it('asks which carrier when bare digits fit several, offering those that fit', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('寄回商品');
    const which = await chat.say('73108846291537');
    expect(textOf(which.replies)).toContain('运单号 73108846291537 可能属于：中通快递或韵达快递。请问是哪家快递？');
    const offered = which.replies.flatMap((r) => r.suggestedActions?.actions ?? []).map((a) => a.title);
    expect(offered).toEqual(['中通快递', '韵达快递']);
    expect(seen((await chat.say('中通快递')).replies)).toContain('中通快递 寄出，运单号 73108846291537');
    await chat.say('确认');
    expect((await world.get(c.id)).returnShipment).toMatchObject({ carrier: 'ZTO', trackingNumber: '73108846291537' });
  });

  it('asks for the number when only the carrier was given', async () => {
    await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('寄回商品');
    expect(textOf((await chat.say('京东')).replies)).toBe('好的，京东物流。请发送运单号。');
    expect(seen((await chat.say('JDVA30452871946')).replies)).toContain('京东物流 寄出，运单号 JDVA30452871946');
  });

  it('records another carrier by the name the buyer gave', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('寄回商品');
    expect(seen((await chat.say('德邦 DPK123456789')).replies)).toContain('通过 德邦 寄出，运单号 DPK123456789');
    await chat.say('确认');
    expect((await world.get(c.id)).returnShipment).toMatchObject({ carrier: '德邦', trackingNumber: 'DPK123456789' });
  });

  it('takes the card form, and the confirm button', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const shown = await chat.say('寄回商品');
    expect(cardsText(shown.replies)).toContain('"id":"trackingNumber"');
    const confirm = await chat.click({ action: 'return_shipping', caseId: c.id, carrier: 'YTO', trackingNumber: 'yt 7465012938470', carrierName: '' });
    const card = cardsText(confirm.replies);
    expect(card).toContain('圆通速递 寄出，运单号 YT7465012938470');
    const yes = await chat.click({ action: 'return_shipping', caseId: c.id, carrier: 'YTO', carrierName: '', trackingNumber: 'YT7465012938470', confirm: true });
    expect(textOf(yes.replies)).toContain('已记录 RD-000001 的退货：圆通速递 YT7465012938470。');
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });

  it('reads carrier and number from the first message', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const confirm = await chat.say(`寄回 ${c.id} 顺丰 SF1234567890123`);
    expect(seen(confirm.replies)).toContain('请确认：RD-000001 的退货已通过 顺丰速运 寄出');
    await chat.say('确认');
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });

  it('a late click on a confirm card records exactly what it showed', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    const done = await chat.click({ action: 'return_shipping', caseId: c.id, carrier: 'SF', carrierName: '', trackingNumber: 'SF1234567890123', confirm: true });
    expect(textOf(done.replies)).toContain('已记录 RD-000001 的退货');
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });

  it('says who changed the case when it closed while the buyer was confirming', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    await chat.say('寄回商品');
    await chat.say('顺丰 SF1234567890123');
    world.clock.advance(8 * 24 * 3_600_000);
    await world.core.timers.sweep();
    const late = await chat.say('确认');
    expect(textOf(late.replies)).toBe('RD-000001 已于 2025年6月26日 10:00 被系统更新，当前状态：已关闭（这笔申请已关闭）。');
    expect((await world.get(c.id)).closeReason).toBe('return_not_shipped');
  });
});

describe('shipping a return on Redis', () => {
  let world: CaseWorld;
  beforeAll(async () => {
    world = await CaseWorld.start({ redis: true });
  });
  afterAll(async () => {
    await world.stop();
  });

  it('explains a bad number, then records a valid SF number', async () => {
    const c = await world.awaitingReturnShipment();
    const chat = world.talk(ZH_BUYER, 'zh-CN');
    expect(seen((await chat.say('寄回商品')).replies)).toContain('数码优选售后部 李娜');
    expect(textOf((await chat.say('顺丰 SF12')).replies)).toContain('不像顺丰速运的运单号');
    expect(seen((await chat.say('顺丰 SF1234567890123')).replies)).toContain('请确认');
    expect(textOf((await chat.say('确认')).replies)).toContain('已记录');
    expect((await world.get(c.id)).status).toBe('return_in_transit');
  });
});
