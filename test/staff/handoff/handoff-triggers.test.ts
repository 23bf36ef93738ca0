import { randomUUID } from 'node:crypto';
import type { PaymentGateway, RefundCase, RefundService } from '../../../services/refunds';
import { textOf } from '../../support/bot-http';
import { recordedText } from '../../support/fake-connector';
import type { HandoffHarness } from './handoff-harness';
import { cardText, cardsOf, handoffCard, startHandoffHarness, waitForText } from './handoff-harness';

// A person is fetched without the buyer asking (issue 4): the buyer escalates after a rejection, a refund
// payment is definitively declined, a quality complaint goes to platform review, or the buyer is very upset.
// The CS channel gets the packet with the case and its policy result; the buyer hears their place.

const BUYER = { role: 'buyer' as const, id: 'buyer-1001' };
const MERCHANT = { role: 'merchant' as const, id: 'merchant-201', shopId: 'shop-201' };

function must(outcome: { ok: true; value: { case: RefundCase } } | { ok: false; error: unknown }): RefundCase {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.value.case;
}

/** A gateway whose every payment is definitively declined. */
const decliningGateway: PaymentGateway = {
  submit: async () => ({ kind: 'declined', code: 'account_frozen', message: 'the buyer account is frozen' }),
  status: async () => ({ kind: 'unknown' }),
};

const SHA = 'a'.repeat(64);

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('handoff triggers (%s)', (_name, redis) => {
  let h: HandoffHarness;
  let service: RefundService;
  afterEach(async () => {
    await h.stop();
  });

  it('a buyer who escalates after a rejection is queued for a person, with the case on the card', async () => {
    h = await startHandoffHarness({ redis });
    service = h.test.app.infra.core.service;
    const buyer = h.buyer('buyer-1001');
    await buyer.say('你好');
    const filed = must(await service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '不想要了' }, randomUUID()));
    must(await service.execute(MERCHANT, filed.id, { kind: 'merchant_reject', code: 'outside_policy', remark: '已拆封' }, randomUUID()));
    must(await service.execute(BUYER, filed.id, { kind: 'buyer_escalate', remark: '包装完好，没有拆封' }, randomUUID()));

    const told = await waitForText(h.connector, buyer.conversationId, `您已申请平台介入退款单 ${filed.id}`);
    expect(recordedText(told)).toContain(`已为您申请人工客服（关于退款单 ${filed.id}），您目前排在第 1 位`);
    const { card } = await handoffCard(h, '王小明');
    const text = cardText(card);
    expect(text).toContain('商家拒绝后，买家申请平台介入');
    expect(text).toContain(filed.id);
    expect(text).toContain('DEMO-1002');
    expect(text).toContain('平台审核中');
    expect(text).toContain('七天无理由退货');
    expect(text).toMatch(/¥\d+\.\d\d/);
    expect(text).toContain('普通优先级');
    // Redelivered events do not queue or tell twice.
    const posts = await h.connector.settle(300, (r) => r.conversationId === buyer.conversationId && recordedText(r).includes('您已申请平台介入'));
    expect(posts).toHaveLength(1);
  });

  it('a definitively declined refund payment is an urgent handoff', async () => {
    h = await startHandoffHarness({ redis, overrides: { payments: decliningGateway } });
    service = h.test.app.infra.core.service;
    const buyer = h.buyer('buyer-1001');
    await buyer.say('你好');
    const filed = must(await service.file(BUYER, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, randomUUID()));
    for (let i = 0; i < 5; i++) {
      const now = await service.getCase(BUYER, filed.id);
      if (now.ok && now.value.status === 'refund_failed') break;
      await h.test.app.infra.core.timers.sweep();
    }
    const told = await waitForText(h.connector, buyer.conversationId, `退款单 ${filed.id} 的退款没能打到您的账户`);
    expect(recordedText(told)).toContain('排在第 1 位');
    const { card } = await handoffCard(h, '王小明');
    const text = cardText(card);
    expect(text).toContain('紧急');
    expect(text).toContain('退款支付被拒');
    expect(text).toContain('快速通道：发货前取消');
    expect(text).toContain('核对支付失败原因');
  });

  it('a quality complaint sent to platform review is an urgent handoff showing the evidence', async () => {
    h = await startHandoffHarness({ redis, env: { AUTO_CONFIRM_MAX_FEN: '0' } });
    service = h.test.app.infra.core.service;
    const buyer = h.buyer('buyer-1001');
    await buyer.say('你好');
    const evidence = [{ sha256: SHA, kind: 'image' as const, mediaType: 'image/jpeg', size: 2048, name: 'crack.jpg', addedBy: 'buyer' as const, addedAt: h.clock.now().toISOString() }];
    const filed = must(await service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '左耳没有声音', evidence }, randomUUID()));
    const reviewed = must(await service.execute(MERCHANT, filed.id, { kind: 'merchant_approve' }, randomUUID()));
    expect(reviewed.status).toBe('platform_review');

    await waitForText(h.connector, buyer.conversationId, `您反映的质量问题（退款单 ${filed.id}）需要平台审核`);
    const { card } = await handoffCard(h, '王小明');
    expect(cardText(card)).toContain('质量投诉进入平台审核');
    expect(cardText(card)).toContain('高优先级');
    const images = JSON.stringify(card);
    expect(images).toContain('"type":"ImageSet"');
    expect(images).toContain(`/evidence/${SHA}`);
  });

  it('a very upset buyer is handed to a person at once, ahead of the queue', async () => {
    h = await startHandoffHarness({ redis });
    const calm = h.buyer('buyer-1002', 'en-US');
    await calm.say('talk to a person');
    const upset = h.buyer('buyer-1001');
    const reply = textOf((await upset.say('你们这是什么破服务！！骗子！！退款到底什么时候到')).replies);
    expect(reply).toContain('排在第 1 位');
    const { card } = await handoffCard(h, '王小明');
    expect(cardText(card)).toContain('买家情绪激动');
    expect(cardText(card)).toContain('紧急');
    expect(cardsOf((await handoffCard(h, 'Emily Carter')).posted)).toHaveLength(1);
  });
});
