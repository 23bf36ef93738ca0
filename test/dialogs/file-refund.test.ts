import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import type { Actor } from '../../services/refunds';
import { FixtureCatalogue, demoData } from '../../services/orders';
import { CheckedConversation, buttonData, buttonTitles, cards, fakeJpeg, pngFile, seen, suggested } from './file-refund-support';

// Filing a refund over real HTTP, in both languages: the demo orders of README "Demo data".

const BUYER_1001: Actor = { role: 'buyer', id: 'buyer-1001' };
const BUYER_1002: Actor = { role: 'buyer', id: 'buyer-1002' };

describe('filing a refund (in memory)', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startTestApp();
  });
  afterEach(() => app.stop());

  const zh = (user = 'buyer-1001') => new CheckedConversation(app.app.url, user, { locale: 'zh-CN' });
  const en = (user = 'buyer-1002') => new CheckedConversation(app.app.url, user, { locale: 'en-US' });
  const casesOf = (actor: Actor) => app.app.infra.core.service.listCases(actor);

  it('files "DEMO-1002 的东西坏了，我要退款" with one charger and a photo in five turns, by clicks', async () => {
    const c = zh();
    const first = await c.say('DEMO-1002 的东西坏了，我要退款');
    // Order, reason, problem and "a refund" are known: only the items are asked.
    expect(seen(first)).toContain('订单 DEMO-1002：哪些商品需要售后？');
    expect(seen(first)).not.toContain('请选择要申请售后的订单');

    const evidence = await c.click(buttonData(first, '继续', { qty_0: '0', qty_1: '1', qty_2: '0' }));
    expect(seen(evidence)).toContain('“质量问题”需要凭证');
    expect(seen(evidence)).not.toMatch(/您希望怎么处理|请用一两句话描述/);

    const received = await c.attach([pngFile('charger.png')]);
    expect(seen(received)).toContain('已收到：charger.png（照片');
    expect(seen(received)).toContain('已收到 1 个文件');

    const quote = await c.click(buttonData(received, '完成'));
    const quoteText = seen(quote);
    expect(quoteText).toContain('65W 氮化镓快充充电器 × 1 件');
    expect(quoteText).toContain('退 ¥52.16'); // E3: the first unit of line B
    expect(quoteText).toContain('¥52.16（退回支付宝）');
    expect(quoteText).toContain('返还积分: 172 积分');
    expect(quoteText).toContain('退货运费: 商家承担');
    expect(quoteText).toContain('处理方式: 退货退款');
    expect(quoteText).toMatch(/提交后商家需在 .+ 前处理/);
    expect(quoteText).not.toContain('返还优惠券'); // only with the whole order

    const filed = await c.click(buttonData(quote, '确认提交'));
    const filedText = seen(filed);
    expect(filedText).toContain('申请已提交：RD-000001');
    expect(filedText).toContain('当前状态: 等待商家处理');
    expect(filedText).toMatch(/商家需在 .+ 前处理您的申请/);
    expect(buttonTitles(filed)).toEqual(['查询进度', '转人工客服']);
    expect(buttonData(filed, '查询进度')).toEqual({ action: 'case_status', caseId: 'RD-000001' });

    const cases = await casesOf(BUYER_1001);
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({
      id: 'RD-000001',
      orderId: 'DEMO-1002',
      type: 'return_refund',
      reason: 'quality_issue',
      description: 'DEMO-1002 的东西坏了，我要退款',
      lines: [{ lineIndex: 1, units: [1] }],
      status: 'pending_merchant',
    });
    expect(cases[0]!.quote.cash).toBe(5216);
    expect(cases[0]!.evidence).toEqual([expect.objectContaining({ kind: 'image', mediaType: 'image/png', name: 'charger.png', addedBy: 'buyer' })]);
  });

  it('files the same request by typing every answer', async () => {
    const c = zh();
    await c.say('DEMO-1002 的东西坏了，我要退款');
    const evidence = await c.say('第二个 1件');
    expect(seen(evidence)).toContain('“质量问题”需要凭证');
    await c.attach([pngFile()]);
    const quote = await c.say('完成');
    expect(seen(quote)).toContain('退 ¥52.16');
    const filed = await c.say('确认');
    expect(seen(filed)).toContain('申请已提交：RD-000001');
    expect(await casesOf(BUYER_1001)).toHaveLength(1);
  });

  it('asks how many when a line with several units is named without a quantity', async () => {
    const c = zh();
    await c.say('DEMO-1002 的东西坏了，我要退款');
    const howMany = await c.say('充电器');
    expect(seen(howMany)).toContain('65W 氮化镓快充充电器：申请几件？（最多 2 件）');
    const evidence = await c.click(buttonData(howMany, '2'));
    expect(seen(evidence)).toContain('上传凭证');
    await c.attach([pngFile()]);
    const quote = await c.say('好了');
    expect(seen(quote)).toContain('65W 氮化镓快充充电器 × 2 件');
    expect(seen(quote)).toContain('退 ¥104.33'); // 5216 + 5217
  });

  it('takes the product, the quantity and a photo from the first message', async () => {
    const c = zh();
    const evidence = await c.attach([pngFile('charger.png')], 'DEMO-1002 的充电器坏了一个，我要退款');
    const text = seen(evidence);
    expect(text).toContain('已收到：charger.png');
    expect(text).toContain('已收到 1 个文件');
    expect(text).not.toContain('哪些商品需要售后');
    const quote = await c.click(buttonData(evidence, '完成'));
    expect(seen(quote)).toContain('65W 氮化镓快充充电器 × 1 件');
    expect(seen(quote)).toContain('退 ¥52.16');
  });

  it('asks only the quantity when the first message names a product with several units', async () => {
    const c = zh();
    const howMany = await c.say('DEMO-1002 的充电器坏了，我要退款');
    expect(seen(howMany)).toContain('65W 氮化镓快充充电器：申请几件？');
    const evidence = await c.say('全部');
    expect(seen(evidence)).toContain('上传凭证');
  });

  it('keeps at most nine files and says why the tenth was refused', async () => {
    const c = zh();
    await c.say('DEMO-1002 的东西坏了，我要退款');
    await c.say('3 1件');
    const files = Array.from({ length: 10 }, (_, i) => {
      const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`photo ${i}`)]);
      return { contentType: 'image/png', contentUrl: `data:image/png;base64,${bytes.toString('base64')}`, name: `p${i + 1}.png` };
    });
    const received = await c.attach(files);
    const text = seen(received);
    expect(text).toContain('✓ 已收到：p9.png');
    expect(text).toContain('✗ 未收下：p10.png 没有收下：每份申请最多 9 个文件。');
    expect(text).toContain('已收到 9 个文件');
    const again = await c.attach([pngFile('late.png')]);
    expect(seen(again)).toContain('late.png 没有收下：每份申请最多 9 个文件');
  });

  it('files "I want to return the earphones from DEMO-2001" for buyer-1002 in English', async () => {
    const c = en();
    const lines = await c.say('I want to return the earphones from DEMO-2001');
    expect(seen(lines)).toContain('Order DEMO-2001: which items is it about?');
    expect(seen(lines)).toContain('H9 over-ear noise-cancelling headphones');

    const reasons = await c.say('1');
    expect(seen(reasons)).toContain('What is the problem?');
    // Only reasons a return can be filed with; the parcel has arrived, so no "late" or "not received".
    expect(buttonTitles(reasons)).toEqual(
      expect.arrayContaining(['Quality problem', 'Not as described', 'No-reason return (7 days)', 'Ordered by mistake']),
    );
    expect(buttonTitles(reasons)).not.toContain('Parcel is late');

    const description = await c.click(buttonData(reasons, 'Quality problem'));
    expect(seen(description)).toContain('Please describe the problem');
    expect(suggested(description)).toEqual(['Nothing to add']);

    const evidence = await c.say('The left ear cup crackles at any volume since day one.');
    expect(seen(evidence)).toContain('"Quality problem" needs evidence');

    const quote = await c.attach([pngFile('crackle.png')], 'done');
    const quoteText = seen(quote);
    expect(quoteText).toContain('Please check your request');
    expect(quoteText).toContain('Request: Return and refund');
    expect(quoteText).toContain('Return postage: Paid by the shop');
    expect(quoteText).toContain('H9 over-ear noise-cancelling headphones × 1');
    expect(quoteText).not.toMatch(/[\u4e00-\u9fff]/);

    const filed = await c.say('yes');
    expect(seen(filed)).toContain('Request filed: RD-000001');
    expect(seen(filed)).toContain('Status: Waiting for the shop');
    const [filedCase] = await casesOf(BUYER_1002);
    expect(filedCase).toMatchObject({ orderId: 'DEMO-2001', type: 'return_refund', reason: 'quality_issue', lines: [{ lineIndex: 0, units: [1] }] });
    expect(filedCase!.description).toContain('crackles');
  });

  it('cancels the unshipped DEMO-1001 on the fast track: two turns, the money comes back at once', async () => {
    const c = zh();
    const quote = await c.say('我要取消订单 DEMO-1001');
    const quoteText = seen(quote);
    expect(quoteText).toContain('处理方式: 仅退款');
    expect(quoteText).toContain('¥207.00（退回支付宝）'); // ¥199 earphones + ¥8 shipping: the whole order
    expect(quoteText).toContain('退运费: ¥8.00');
    expect(quoteText).toContain('符合快速退款条件');

    const filed = await c.click(buttonData(quote, '确认提交'));
    expect(seen(filed)).toContain('退款 ¥207.00 正在退回您的支付宝，无需等待商家审核');
    expect(seen(filed)).toContain('已通知商家不要发货');
    const [cancelled] = await casesOf(BUYER_1001);
    expect(cancelled).toMatchObject({ orderId: 'DEMO-1001', type: 'refund_only', fastTrack: 'before_shipment' });
    expect(['refund_pending', 'refunding', 'refunded']).toContain(cancelled!.status);
  });

  it('cancels in English too', async () => {
    const c = en('buyer-1001');
    const quote = await c.say('Cancel my order DEMO-1001');
    expect(seen(quote)).toContain('fast-track refund');
    const filed = await c.say('yes');
    expect(seen(filed)).toContain('The refund of ¥207.00 is on its way to your Alipay account');
  });

  it('refuses a no-reason return of fresh fruit (DEMO-1003), says why for every line, and offers a return for a real problem', async () => {
    const c = zh();
    const lines = await c.say('DEMO-1003 七天无理由退货');
    const refused = await c.click(buttonData(lines, '全部商品'));
    const text = seen(refused);
    expect(text).toContain('这份申请暂时不能提交');
    expect(text).toContain('烟台红富士苹果 5 斤装 属于鲜活易腐商品（生鲜）');
    expect(text).toContain('海南金煌芒果 3 斤装 属于鲜活易腐商品（生鲜）');
    expect(buttonTitles(refused)).toEqual(['商品有问题？申请退货退款', '转人工客服']);
    expect(buttonData(refused, '转人工客服')).toMatchObject({ action: 'human' });

    const reasons = await c.click(buttonData(refused, '商品有问题？申请退货退款'));
    expect(buttonTitles(reasons)).toContain('质量问题');
    expect(buttonTitles(reasons)).not.toContain('七天无理由退货');
    const description = await c.click(buttonData(reasons, '质量问题'));
    expect(seen(description)).toContain('请用一两句话描述一下问题');
    const evidence = await c.say('芒果烂了好几个，苹果也有压伤');
    expect(seen(evidence)).toContain('“质量问题”需要凭证');
    await c.attach([pngFile('mango.png')]);
    const quote = await c.say('完成');
    expect(seen(quote)).toContain('处理方式: 退货退款');
    expect(seen(quote)).toContain('退货运费: 商家承担');
    expect(await casesOf(BUYER_1001)).toHaveLength(0);
  });

  it('refuses a no-reason return after the 7-day window (DEMO-1005) with the date it ended', async () => {
    const c = en('buyer-1001');
    const refused = await c.say('I changed my mind about DEMO-1005, I want to return it');
    expect(seen(refused)).toMatch(/The 7-day no-reason return window ended on \w{3} \d{1,2}, \d{4}/);
    expect(buttonTitles(refused)).toEqual(['Something wrong with it? Return and refund', 'Talk to a person']);
    expect(await casesOf(BUYER_1001)).toHaveLength(0);
  });

  it('says an unpaid order (DEMO-1006) has nothing to refund before asking anything', async () => {
    const c = zh();
    const refused = await c.say('DEMO-1006 退款');
    expect(seen(refused)).toContain('这个订单还没有付款，没有需要退的钱');
    expect(buttonTitles(refused)).toEqual(['选择其他订单', '转人工客服']);
    const picker = await c.click(buttonData(refused, '选择其他订单'));
    expect(seen(picker)).toContain('请选择要申请售后的订单');
  });

  it("reveals nothing about another buyer's order (buyer-1001 asking about DEMO-2001)", async () => {
    const c = zh();
    const turn = await c.say('DEMO-2001 退款');
    const text = seen(turn);
    expect(text).toContain('在您的订单中找不到订单 DEMO-2001');
    const everything = JSON.stringify(turn.body);
    for (const secret of ['H9', '头戴式', 'headphones', '收纳包', '899', '49.00', 'Emily', 'YT7465012938475']) {
      expect(everything).not.toContain(secret);
    }
    // Instead: the buyer's own orders to pick from.
    expect(buttonTitles(turn)).toContain('选择 DEMO-1002');
    expect(buttonTitles(turn)).not.toContain('选择 DEMO-2001');
  });

  it('refuses a file that is not what it claims (an .exe named photo.jpg) and keeps asking for a photo', async () => {
    const c = zh();
    await c.say('DEMO-1002 的东西坏了，我要退款');
    await c.say('第二个 1件');
    const refused = await c.attach([fakeJpeg('photo.jpg')]);
    const text = seen(refused);
    expect(text).toContain('未收下：photo.jpg 不是照片、视频或 PDF（看起来是可执行程序）');
    expect(text).not.toContain('已收到 1 个文件');
    expect(buttonTitles(refused)).not.toContain('完成');
    const notYet = await c.say('完成');
    expect(seen(notYet)).toContain('“质量问题”的申请必须有照片或视频凭证，不能跳过');
    const both = await c.attach([fakeJpeg('second.jpg'), pngFile('real.png')]);
    expect(seen(both)).toContain('✗ 未收下：second.jpg');
    expect(seen(both)).toContain('✓ 已收到：real.png');
    expect(seen(both)).toContain('已收到 1 个文件');
  });

  it('files nothing twice when the confirming activity is delivered again', async () => {
    const c = zh();
    const quote = await c.say('我要取消订单 DEMO-1001');
    const confirm = c.activity({ value: buttonData(quote, '确认提交') });
    const first = await c.post(confirm);
    const again = await c.post(confirm);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(seen(again)).toContain('RD-000001');
    expect(await casesOf(BUYER_1001)).toHaveLength(1);
  });

  it('starts the flow from a click on an old card when no flow is waiting', async () => {
    const c = zh();
    const lines = await c.click({ action: 'file_refund', mode: 'refund', step: 'order', orderId: 'DEMO-1002' });
    expect(seen(lines)).toContain('订单 DEMO-1002：哪些商品需要售后？');
    const reasons = await c.click(buttonData(lines, '继续', { qty_2: '2' }));
    expect(seen(reasons)).toContain('请问是什么问题？');
  });

  it('keeps files sent without words as evidence and asks which order', async () => {
    const c = zh();
    const picker = await c.attach([pngFile('scratch.png')]);
    expect(seen(picker)).toContain('已收到：scratch.png');
    expect(seen(picker)).toContain('收到您的文件了，我会把它们作为凭证保存。请问是哪个订单的问题？');
    const lines = await c.click(buttonData(picker, '选择 DEMO-1002'));
    const reasons = await c.click(buttonData(lines, '继续', { qty_0: '1' }));
    const types = await c.click(buttonData(reasons, '质量问题'));
    expect(buttonTitles(types)).toEqual(['退货退款', '换货']);
    const description = await c.click(buttonData(types, '换货'));
    const evidence = await c.say('不用补充');
    // The file sent first is already there: Done is offered straight away.
    expect(seen(evidence)).toContain('已收到 1 个文件');
    const quote = await c.click(buttonData(evidence, '完成'));
    expect(seen(quote)).toContain('凭证: 1 个文件');
    expect(seen(quote)).toContain('换货不退钱');
    expect(description.status).toBe(200);
  });

  it('shows what is known about a late parcel (DEMO-1004) and files a fast-tracked delay refund', async () => {
    const c = zh();
    const facts = await c.say('DEMO-1004 物流太慢了');
    const text = seen(facts);
    expect(text).toContain('订单 DEMO-1004 的物流情况');
    expect(text).toMatch(/发货时间: .+/);
    expect(text).toMatch(/承诺送达: .+/);
    expect(text).toContain('包裹已经超过承诺的送达时间');
    expect(buttonTitles(facts)).toEqual(['物流超时', '没有收到货', '我再等等', '转人工客服']);
    const quote = await c.click(buttonData(facts, '物流超时'));
    expect(seen(quote)).toContain('符合快速退款条件');
    expect(seen(quote)).toContain('返还优惠券'); // the whole order is refunded
    const filed = await c.say('确认');
    expect(seen(filed)).toContain('正在退回您的支付宝');
    const [delayCase] = await casesOf(BUYER_1001);
    expect(delayCase).toMatchObject({ orderId: 'DEMO-1004', reason: 'logistics_delay', fastTrack: 'logistics_delay' });
  });

  it('files a "not received" claim for a parcel tracking calls delivered, files optional', async () => {
    const c = zh();
    const facts = await c.say('DEMO-1002 显示签收了但我没收到');
    expect(seen(facts)).toMatch(/物流显示包裹已于 .+ 签收/);
    expect(buttonTitles(facts)).toEqual(['没有收到货', '商品有问题，申请退货', '转人工客服']);
    const evidence = await c.click(buttonData(facts, '没有收到货'));
    expect(buttonTitles(evidence)).toEqual(['没有文件，跳过']);
    const quote = await c.say('跳过');
    expect(seen(quote)).toContain('处理方式: 仅退款');
    expect(seen(quote)).toContain('原因: 没有收到货');
    expect(seen(quote)).toContain('问题描述: DEMO-1002 显示签收了但我没收到');
    expect(seen(quote)).toContain('¥303.50'); // the whole parcel
  });

  it('tells a buyer waiting for an unshipped order that it can be cancelled instead', async () => {
    const c = en('buyer-1001');
    const picker = await c.say('Where is my parcel? It is late');
    expect(buttonTitles(picker)).toEqual(['Choose DEMO-1001', 'Choose DEMO-1004']);
    const notShipped = await c.click(buttonData(picker, 'Choose DEMO-1001'));
    expect(seen(notShipped)).toContain('Order DEMO-1001 has not shipped yet');
    const quote = await c.click(buttonData(notShipped, 'Cancel the order'));
    expect(seen(quote)).toContain('Request: Refund only');
    const bye = await new CheckedConversation(app.app.url, 'buyer-1001', { locale: 'en-US' }).say('my parcel for DEMO-1004 is late');
    expect(seen(bye)).toContain("I'll wait");
  });

  it('changes the items from the quote card and quotes again', async () => {
    const c = zh();
    await c.say('DEMO-1002 的东西坏了，我要退款');
    await c.say('2');
    const howMany = await c.attach([pngFile()]);
    expect(seen(howMany)).toContain('申请几件');
    const evidence = await c.say('1');
    const quote = await c.click(buttonData(evidence, '完成'));
    const menu = await c.say('修改');
    expect(buttonTitles(menu)).toEqual(expect.arrayContaining(['商品和数量', '原因和处理方式', '问题描述', '补充凭证']));
    const lines = await c.click(buttonData(menu, '商品和数量'));
    const again = await c.click(buttonData(lines, '继续', { qty_2: '1' }));
    expect(seen(again)).toContain('USB-C 编织快充数据线 1 米 × 1 件');
    expect(seen(again)).toContain('退 ¥8.63');
    // The old quote's Confirm no longer matches what is shown: nothing is filed from it.
    const stale = await c.click(buttonData(quote, '确认提交'));
    expect(seen(stale)).toContain('申请内容有变化');
    expect(await casesOf(BUYER_1001)).toHaveLength(0);
    const filed = await c.click(buttonData(again, '确认提交'));
    expect(seen(filed)).toContain('申请已提交');
    expect((await casesOf(BUYER_1001))[0]!.lines).toEqual([{ lineIndex: 2, units: [1] }]);
  });

  it('leaves the filing flow for a person when "talk to a person" is clicked on one of its cards', async () => {
    const c = zh();
    const lines = await c.say('DEMO-1002 的东西坏了，我要退款');
    const evidence = await c.click(buttonData(lines, '继续', { qty_1: '1' }));
    const person = await c.click(buttonData(evidence, '转人工客服'));
    expect(person.status).toBe(200);
    // Whatever the person flow answers, it is not the filing flow asking for files again.
    expect(JSON.stringify(person.body)).not.toContain('file_refund');
    expect(seen(person)).not.toContain('上传凭证');
  });

  it('asks again when no item is chosen, and explains an order whose items are all in a case', async () => {
    const c = zh();
    const lines = await c.say('DEMO-1002 的东西坏了，我要退款');
    const none = await c.click(buttonData(lines, '继续', { qty_0: '0', qty_1: '0', qty_2: '0' }));
    expect(seen(none)).toContain('请至少选择一件商品');
    expect(seen(none)).toContain('订单 DEMO-1002：哪些商品需要售后？');

    const cancel = zh();
    await cancel.say('我要取消订单 DEMO-1001');
    await cancel.say('确认');
    const again = await zh().say('DEMO-1001 退款');
    expect(seen(again)).toContain('订单 DEMO-1001 的商品都已退款或正在售后处理中（RD-000001）');
    expect(buttonTitles(again)).toEqual(['查看 RD-000001 进度', '选择其他订单', '转人工客服']);
  });

  it('ends without filing when the buyer cancels', async () => {
    const c = zh();
    const quote = await c.say('我要取消订单 DEMO-1001');
    const bye = await c.click(buttonData(quote, '取消申请'));
    expect(seen(bye)).toContain('申请已取消，什么都没有提交');
    expect(await casesOf(BUYER_1001)).toHaveLength(0);
    expect(cards(bye)).toHaveLength(0);
  });
});

describe('a parcel that is not late yet', () => {
  let app: TestApp;
  beforeAll(async () => {
    const data = demoData(new Date());
    const order = data.orders.find((o) => o.id === 'DEMO-1004')!;
    order.promisedDeliveryBy = new Date(Date.now() + 2 * 86_400_000).toISOString();
    app = await startTestApp({ overrides: { orders: new FixtureCatalogue({ data }) } });
  });
  afterAll(() => app.stop());

  it('says when to expect it and files nothing', async () => {
    const c = new CheckedConversation(app.app.url, 'buyer-1001', { locale: 'zh-CN' });
    const turn = await c.say('DEMO-1004 到哪了，怎么还没到');
    expect(seen(turn)).toMatch(/商家承诺 .+ 前送达，还没有超时/);
    expect(buttonTitles(turn)).toEqual(['转人工客服']);
    // The flow has ended: "1" is not read as a choice of this flow.
    const next = await c.say('1');
    expect(JSON.stringify(next.body)).not.toContain('file_refund');
    expect(await app.app.infra.core.service.listCases({ role: 'buyer', id: 'buyer-1001' })).toHaveLength(0);
  });
});
