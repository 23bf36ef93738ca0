import type { Order, Preview } from '../../../services/refunds';
import { quoteCase } from '../../../services/refunds';
import { demoData } from '../../../services/orders';
import { changeMenuCard, quoteCard } from '../../../bot/cards/buyer/quote-card';
import type { CaseType, ReasonCode } from '../../../services/refunds';
import { LANGS, TZ, cardText, expectValid, submits, tr, unfilled } from './filing-cards-support';

const demo = demoData(new Date('2026-03-10T04:00:00Z'));
const orderOf = (id: string): Order => demo.orders.find((o) => o.id === id)!;

function previewOf(order: Order, lines: { lineIndex: number; units: number[] }[], type: CaseType, reason: ReasonCode, extra: Partial<Preview> = {}): Preview {
  const quote = quoteCase({ order, lines, type, reason, otherUnits: [] });
  return {
    order,
    request: {
      orderId: order.id,
      lines: lines.map((l) => ({ lineIndex: l.lineIndex, quantity: l.units.length })),
      type,
      reason,
      description: '充电器充不进电',
      evidence: [{ sha256: 'a'.repeat(64), kind: 'image', mediaType: 'image/png', size: 100, addedBy: 'buyer', addedAt: '2026-03-10T04:00:00Z' }],
    },
    quote,
    lines,
    fastTrack: null,
    priority: 'high',
    special: true,
    firstStatus: 'pending_merchant',
    merchantDeadline: '2026-03-12T04:00:00.000Z',
    ...extra,
  };
}

const context = { action: 'file_refund', mode: 'refund', orderId: 'DEMO-1002' };

describe('quote card', () => {
  it('quotes one unit of line B of the E3 order: ¥52.16 cash and 172 points, the shop pays the return postage', () => {
    const card = quoteCard(
      { preview: previewOf(orderOf('DEMO-1002'), [{ lineIndex: 1, units: [1] }], 'return_refund', 'quality_issue'), lang: 'zh-CN', timeZone: TZ, print: 'p1', changes: ['lines', 'reason'], context },
      tr('zh-CN'),
    );
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('65W 氮化镓快充充电器 × 1 件');
    expect(text).toContain('退 ¥52.16');
    expect(text).toContain('¥52.16（退回支付宝）');
    expect(text).toContain('172 积分');
    expect(text).toContain('商家承担');
    expect(text).toContain('提交后商家需在 2026年3月12日 12:00 前处理');
    expect(text).toContain('1 个文件');
    expect(text).not.toContain('返还优惠券');
    expect(unfilled(text)).toEqual([]);
    const confirm = submits(card).find((s) => s.data.choice === 'confirm')!;
    expect(confirm.data).toEqual({ ...context, step: 'confirm', choice: 'confirm', print: 'p1' });
    expect(submits(card).filter((s) => s.data.step === 'change').map((s) => s.data.what)).toEqual(['lines', 'reason']);
  });

  it('returns the coupon and red packet (to the account, not as cash) with the whole order', () => {
    const order = orderOf('DEMO-1002');
    const all = order.lines.map((l) => ({ lineIndex: l.index, units: Array.from({ length: l.quantity }, (_, i) => i + 1) }));
    const text = cardText(quoteCard({ preview: previewOf(order, all, 'return_refund', 'quality_issue'), lang: 'en-US', timeZone: TZ, print: 'p', changes: [], context }, tr('en-US')));
    expect(text).toContain('¥303.50 (to your Alipay account)'); // E3: 17331 + 10433 + 2586
    expect(text).toContain('1000 points');
    expect(text).toContain('¥30.00 (back to your account, not as cash)');
    expect(text).toContain('¥5.00 (back to your account, not as cash)');
  });

  it.each(LANGS)('says a fast-tracked cancellation pays at once, shipping included (%s)', (lang) => {
    const order = orderOf('DEMO-1001');
    const card = quoteCard(
      {
        preview: previewOf(order, [{ lineIndex: 0, units: [1] }], 'refund_only', 'other', { fastTrack: 'before_shipment', firstStatus: 'refund_pending', merchantDeadline: null }),
        lang,
        timeZone: TZ,
        print: 'p',
        changes: ['order'],
        context,
      },
      tr(lang),
    );
    expectValid(card);
    const text = cardText(card);
    expect(text).toContain('¥207.00');
    expect(text).toContain('¥8.00');
    expect(text).toContain(lang === 'zh-CN' ? '符合快速退款条件' : 'fast-track refund');
    expect(text).not.toContain(lang === 'zh-CN' ? '商家需在' : 'must answer by');
  });

  it('says an exchange pays nothing and the replacement follows the return', () => {
    const text = cardText(
      quoteCard({ preview: previewOf(orderOf('DEMO-1002'), [{ lineIndex: 0, units: [1] }], 'exchange', 'quality_issue'), lang: 'en-US', timeZone: TZ, print: 'p', changes: [], context }, tr('en-US')),
    );
    expect(text).toContain('the shop sends the replacement once your return has arrived');
    expect(text).not.toContain('Cash back');
  });

  it('offers the changes as buttons when the buyer types "change"', () => {
    const card = changeMenuCard(['order', 'lines', 'reason', 'description', 'evidence'], context, tr('zh-CN'));
    expectValid(card);
    expect(submits(card).map((s) => s.title)).toEqual(['换个订单', '商品和数量', '原因和处理方式', '问题描述', '补充凭证']);
  });
});
