import { startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import type { Actor } from '../../services/refunds';
import { CheckedConversation, buttonData, buttonTitles, pngFile, seen } from './file-refund-support';

// The main filing paths on Redis: conversation state, the reply cache of resent activities and the case store are
// all the durable ones.

describe('filing a refund (on Redis)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ redis: true });
  });
  afterAll(() => app.stop());

  const casesOf = (actor: Actor) => app.app.infra.core.service.listCases(actor);

  it('files "DEMO-1002 的东西坏了，我要退款" with a photo, and a resent confirmation files nothing twice', async () => {
    const c = new CheckedConversation(app.app.url, 'buyer-1001', { locale: 'zh-CN' });
    const lines = await c.say('DEMO-1002 的东西坏了，我要退款');
    const evidence = await c.click(buttonData(lines, '继续', { qty_1: '1' }));
    const received = await c.attach([pngFile('charger.png')]);
    const quote = await c.click(buttonData(received, '完成'));
    expect(evidence.status).toBe(200);
    expect(seen(quote)).toContain('退 ¥52.16');
    expect(seen(quote)).toContain('返还积分: 172 积分');

    const confirm = c.activity({ value: buttonData(quote, '确认提交') });
    const filed = await c.post(confirm);
    expect(seen(filed)).toMatch(/申请已提交：RD-\d{6}/);
    const again = await c.post(confirm);
    expect(again.body).toEqual(filed.body);

    const cases = (await casesOf({ role: 'buyer', id: 'buyer-1001' })).filter((x) => x.orderId === 'DEMO-1002');
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ reason: 'quality_issue', type: 'return_refund', lines: [{ lineIndex: 1, units: [1] }] });
    expect(cases[0]!.quote.cash).toBe(5216);
    expect(cases[0]!.evidence).toHaveLength(1);
  });

  it('files an English return for buyer-1002 by typing', async () => {
    const c = new CheckedConversation(app.app.url, 'buyer-1002', { locale: 'en-US' });
    await c.say('I want to return the earphones from DEMO-2001');
    const reasons = await c.say('the carrying case');
    expect(buttonTitles(reasons)).toContain('Quality problem');
    const description = await c.say('quality problem');
    expect(seen(description)).toContain('Please describe the problem');
    const evidence = await c.say('The zip broke the first time I used it.');
    await c.attach([pngFile('zip.png')]);
    const quote = await c.say('done');
    expect(seen(quote)).toContain('H9 headphone carrying case × 1');
    expect(seen(evidence)).toContain('"Quality problem" needs evidence');
    const filed = await c.say('confirm');
    expect(seen(filed)).toMatch(/Request filed: RD-\d{6}/);
    const [filedCase] = await casesOf({ role: 'buyer', id: 'buyer-1002' });
    expect(filedCase).toMatchObject({ orderId: 'DEMO-2001', lines: [{ lineIndex: 1, units: [1] }], reason: 'quality_issue', type: 'return_refund' });
    expect(filedCase!.description).toBe('The zip broke the first time I used it.');
  });

  it('cancels DEMO-1001 on the fast track', async () => {
    const c = new CheckedConversation(app.app.url, 'buyer-1001', { locale: 'zh-CN' });
    const quote = await c.say('我要取消订单 DEMO-1001');
    const filed = await c.say('好的');
    expect(seen(quote)).toContain('符合快速退款条件');
    expect(seen(filed)).toContain('退款 ¥207.00 正在退回您的支付宝');
  });
});
