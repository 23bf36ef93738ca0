import { MERCHANT_VERBS } from '../../../bot/cards/staff/merchant-verbs';
import { recordedText } from '../../support/fake-connector';
import type { MerchantWorld } from './merchant-world';
import { HOUR, buttons, cardText, dataOf, merchantWorld } from './merchant-world';

// Reminders at 50% and 80% of the merchant's 24 hours and the auto-approval at the deadline, driven by the clock;
// fast-tracked cases as information; buyer cancellations and escalations told briefly.

const PHOTO = { sha256: 'd'.repeat(64), kind: 'image', mediaType: 'image/jpeg', size: 10, addedBy: 'buyer', addedAt: '2025-06-18T02:00:00.000Z' };

describe.each([
  ['memory', false],
  ['redis', true],
])('merchant reminders and information (%s)', (_name, redis) => {
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ redis });
    await w.linkAll();
  });
  afterAll(async () => {
    await w.stop();
  });

  const heard = (user: typeof w.alice, words: string) => w.fake.waitFor((r) => r.conversationId === w.chatOf(user).conversationId && recordedText(r).includes(words));

  it('sends a fast-tracked cancellation as information: a card without buttons', async () => {
    const c = await w.file({ orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase', description: '拍错了' });
    expect(c.fastTrack).toBe('before_shipment');
    const zh = await w.cardFor(w.alice, c.id);
    expect(zh.text).toContain('请不要发货');
    expect(buttons(zh.card)).toEqual([]);
    const en = await w.cardFor(w.bob, c.id);
    expect(en.text).toContain('please do not ship');
    expect(buttons(en.card)).toEqual([]);
  });

  it('tells the shop briefly when the buyer cancels or escalates', async () => {
    const cancelled = await w.file({ orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '键盘失灵', evidence: [PHOTO] });
    await w.cardFor(w.alice, cancelled.id);
    const cancel = await w.app.infra.core.service.execute({ role: 'buyer', id: 'buyer-1001' }, cancelled.id, { kind: 'buyer_cancel' }, 'cancel-1');
    expect(cancel.ok).toBe(true);
    await heard(w.alice, `买家撤销了退款申请 ${cancelled.id}`);
    await heard(w.bob, `The buyer withdrew case ${cancelled.id}`);

    const escalated = await w.file(
      { orderId: 'DEMO-2001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: 'Left side is silent', evidence: [PHOTO] },
      'buyer-1002',
    );
    const { card } = await w.cardFor(w.alice, escalated.id);
    await w.execute(w.alice, MERCHANT_VERBS.reject, { ...dataOf(card, MERCHANT_VERBS.reject), rejectCode: 'not_as_claimed', rejectRemark: '测试时左耳正常' });
    await heard(w.bob, `Alice Li rejected: ${escalated.id}`);
    const escalate = await w.app.infra.core.service.execute({ role: 'buyer', id: 'buyer-1002' }, escalated.id, { kind: 'buyer_escalate', remark: 'Still broken' }, 'escalate-1');
    expect(escalate.ok).toBe(true);
    await heard(w.alice, `买家对 ${escalated.id} 申请了平台介入`);
    await heard(w.bob, `The buyer escalated ${escalated.id} to the platform`);
  });

  it('reminds both merchants at 12 h and 19.2 h, then approves automatically at 24 h and says so', async () => {
    const c = await w.file({ orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '没收到' });
    const first = await w.cardFor(w.alice, c.id);
    const start = w.clock.now().getTime();

    w.clock.set(start + 12 * HOUR);
    await w.app.infra.core.timers.sweep();
    const half = await w.cardFor(w.alice, c.id, (t) => t.includes('还剩 12 小时'));
    await w.cardFor(w.bob, c.id, (t) => t.includes('Reminder: 12 hours left'));
    // The reminder's card acts at the case's current version; the first card is stale now.
    expect(dataOf(half.card, MERCHANT_VERBS.approve).version).toBe((await w.caseOf(c.id)).version);
    expect(dataOf(half.card, MERCHANT_VERBS.approve).version).toBeGreaterThan(dataOf(first.card, MERCHANT_VERBS.approve).version as number);

    w.clock.set(start + 19.2 * HOUR);
    await w.app.infra.core.timers.sweep();
    await w.cardFor(w.alice, c.id, (t) => t.includes('还剩 5 小时'));
    await w.cardFor(w.bob, c.id, (t) => t.includes('Reminder: 5 hours left'));

    w.clock.set(start + 24 * HOUR);
    await w.app.infra.core.timers.sweep();
    const auto = await w.cardFor(w.alice, c.id, (t) => t.includes('已按平台规则自动同意'));
    expect(buttons(auto.card)).toEqual([]);
    await w.cardFor(w.bob, c.id, (t) => t.includes('approved automatically'));
    expect((await w.caseOf(c.id)).merchantDecision?.outcome).toBe('auto_approved');

    // Each reminder went out once per merchant.
    const aliceChat = w.fake.sentTo(w.chatOf(w.alice).conversationId).filter((r) => recordedText(r).includes(c.id));
    expect(aliceChat.filter((r) => String(r.activity.text).startsWith('提醒'))).toHaveLength(2);

    const late = await w.execute(w.alice, MERCHANT_VERBS.approve, dataOf(half.card, MERCHANT_VERBS.approve));
    expect(cardText(late.body.value)).toContain('这笔申请已由 系统（到期自动处理）');
  });
});
