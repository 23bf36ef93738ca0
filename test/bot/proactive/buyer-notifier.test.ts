import { randomUUID } from 'node:crypto';
import type { Actor, DomainEvent, EvidenceRef, RefundCase } from '../../../services/refunds';
import { BotConversation, startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { FakeConnector, recordedText } from '../../support/fake-connector';
import type { RecordedActivity } from '../../support/fake-connector';
import { cardErrors } from '../../support/card-schema';

// Proactive updates end to end: buyers talk to the bot over HTTP (their activities' serviceUrl is the fake Bot
// Connector), the refund core is driven directly, and what the buyers receive is read off the fake connector.

const SYSTEM: Actor = { role: 'system', id: 'system' };
const MERCHANT: Actor = { role: 'merchant', id: 'merchant-201', shopId: 'shop-201' };
const CS: Actor = { role: 'cs', id: 'cs-1' };
const ZH_BUYER: Actor = { role: 'buyer', id: 'buyer-1001' };
const EN_BUYER: Actor = { role: 'buyer', id: 'buyer-1002' };

function photo(): EvidenceRef {
  return { sha256: 'c'.repeat(64), kind: 'image', mediaType: 'image/png', size: 1234, addedBy: 'buyer', addedAt: new Date().toISOString() };
}

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('buyer notifications %s', (_name, redis) => {
  let connector: FakeConnector;
  let test: TestApp;
  let zh: BotConversation;
  let en: BotConversation;

  beforeAll(async () => {
    connector = await FakeConnector.start();
    test = await startTestApp({ redis });
    zh = new BotConversation(test.app.url, 'buyer-1001', { serviceUrl: connector.url, locale: 'zh-CN' });
    en = new BotConversation(test.app.url, 'buyer-1002', { serviceUrl: connector.url, locale: 'en-US' });
    expect((await zh.say('你好')).status).toBe(200);
    expect((await en.say('hello')).status).toBe(200);
  });

  afterAll(async () => {
    await test.stop();
    await connector.stop();
  });

  const core = () => test.app.infra.core;

  async function file(buyer: Actor, request: Record<string, unknown>): Promise<RefundCase> {
    const outcome = await core().service.file(buyer, request, randomUUID());
    if (!outcome.ok) throw new Error(`filing refused: ${JSON.stringify(outcome.error)}`);
    return outcome.value.case;
  }

  async function act(actor: Actor, caseId: string, command: Record<string, unknown>): Promise<RefundCase> {
    const outcome = await core().service.execute(actor, caseId, command, randomUUID());
    if (!outcome.ok) throw new Error(`${String(command.kind)} failed: ${JSON.stringify(outcome.error)}`);
    return outcome.value.case;
  }

  const about = (conversation: BotConversation, caseId: string) => (r: RecordedActivity) =>
    r.conversationId === conversation.conversationId && (r.kind === 'send' || r.kind === 'reply') && recordedText(r).includes(caseId);

  /** The messages about a case that reached the conversation, after giving stragglers time to arrive. */
  const settled = (conversation: BotConversation, caseId: string) => connector.settle(300, about(conversation, caseId));

  it('tells the buyer in Chinese, exactly once, that the refund was paid', async () => {
    const c = await file(ZH_BUYER, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' });
    expect(c.status).toBe('refund_pending');
    await core().timers.sweep();
    expect(await core().service.getCase(SYSTEM, c.id)).toMatchObject({ ok: true, value: { status: 'refunded' } });

    const paid = await connector.waitFor(about(zh, c.id));
    const text = recordedText(paid);
    expect(text).toContain('您的退款已完成');
    expect(text).toContain('¥207.00');
    expect(text).toContain('支付宝');
    expect(paid.activity.locale).toBe('zh-CN');
    // Filing and submitting the payment are not news for the buyer: one message in all.
    expect(await settled(zh, c.id)).toHaveLength(1);
  });

  it("answers a merchant's approval with one message: the next step and the return address, in English for an English buyer", async () => {
    const c = await file(EN_BUYER, { orderId: 'DEMO-2001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
    expect(c.status).toBe('pending_merchant');
    await act(MERCHANT, c.id, { kind: 'merchant_approve', remark: 'ok' });

    const approved = await connector.waitFor(about(en, c.id));
    const text = recordedText(approved);
    expect(text).toContain('The shop approved your request');
    expect(text).toContain('Please send the item back to the address below');
    expect(text).toContain('数码优选售后部 李娜');
    expect(text).not.toMatch(/商家已同意/);
    const cards = ((approved.activity.attachments ?? []) as { contentType: string; content: unknown }[]).filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
    expect(cards).toHaveLength(1);
    expect(cardErrors(cards[0]!.content)).toEqual([]);
    expect(JSON.stringify(cards[0]!.content)).toContain(JSON.stringify({ action: 'return_shipping', caseId: c.id }));
    expect(await settled(en, c.id)).toHaveLength(1);
  });

  it("answers a merchant's rejection with one message: reason, remark and the three ways on", async () => {
    const c = await file(ZH_BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
    await act(MERCHANT, c.id, { kind: 'merchant_reject', code: 'outside_policy', remark: '充电器已拆封使用' });

    const rejected = await connector.waitFor(about(zh, c.id));
    const text = recordedText(rejected);
    expect(text).toContain('商家拒绝了您的申请');
    expect(text).toContain('不符合退款规则');
    expect(text).toContain('充电器已拆封使用');
    for (const choice of ['resubmit', 'escalate', 'accept']) {
      expect(JSON.stringify(rejected.activity.attachments)).toContain(JSON.stringify({ action: 'after_rejection', caseId: c.id, choice }));
    }
    expect(await settled(zh, c.id)).toHaveLength(1);
  });

  it("says nothing about the buyer's own cancellation", async () => {
    const cancelled = await file(ZH_BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
    await act(ZH_BUYER, cancelled.id, { kind: 'buyer_cancel' });
    // Events are handled in order: once a later event's message is in, the cancellation has been handled too.
    const later = await file(EN_BUYER, { orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
    await act(MERCHANT, later.id, { kind: 'request_evidence', message: 'Please send a photo of the case.' });
    const asked = await connector.waitFor(about(en, later.id));
    expect(recordedText(asked)).toContain('Please send a photo of the case.');
    expect(await settled(zh, cancelled.id)).toHaveLength(0);
  });

  it('sends a redelivered event only once', async () => {
    await test.app.notifier.stop();
    try {
      const c = await file(ZH_BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' });
      const rejected = await act(MERCHANT, c.id, { kind: 'merchant_reject', code: 'evidence_insufficient', remark: '请补充照片' });
      const trail = await core().service.auditTrail(SYSTEM, c.id);
      if (!trail.ok) throw new Error('no audit trail');
      const entry = trail.value.find((e) => e.version === rejected.version)!;
      const event: DomainEvent = {
        id: `${c.id}:${entry.version}`,
        caseId: c.id,
        version: entry.version,
        at: entry.at,
        actor: entry.actor,
        type: entry.event,
        from: entry.from,
        to: entry.to,
        ...(entry.data ? { data: entry.data } : {}),
      };
      expect(await test.app.notifier.handle(event)).toEqual({ kind: 'sent', conversationId: zh.conversationId });
      expect(await test.app.notifier.handle(event)).toEqual({ kind: 'skipped', why: 'already_sent' });
      expect(recordedText(await connector.waitFor(about(zh, c.id)))).toContain('请补充照片');
      expect(await settled(zh, c.id)).toHaveLength(1);
    } finally {
      // Started again, it reads the events committed meanwhile: the one just sent is skipped, not sent twice.
      await test.app.notifier.start();
    }
    await connector.settle(500);
    const rejections = connector.activities.filter((r) => r.conversationId === zh.conversationId && recordedText(r).includes('请补充照片'));
    expect(rejections).toHaveLength(1);
  });

  it('drops a message the connector refuses with 403 (the buyer blocked the bot) and keeps going', async () => {
    const c = await file(ZH_BUYER, { orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', evidence: [photo()] });
    connector.blockConversation(zh.conversationId);
    const before = connector.requests.length;
    await act(MERCHANT, c.id, { kind: 'merchant_approve' });
    const refused = async () => connector.requests.slice(before).filter((r) => r.status === 403 && r.path.includes(zh.conversationId));
    for (let i = 0; i < 100 && (await refused()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await refused()).toHaveLength(1);

    connector.heal(zh.conversationId);
    await act(CS, c.id, { kind: 'cs_intervene', remark: 'checking the quality complaint' });
    const intervened = await connector.waitFor(about(zh, c.id));
    expect(recordedText(intervened)).toContain('平台客服已介入');
    // The refused event was acknowledged, not retried.
    expect(await refused()).toHaveLength(1);
    expect(await settled(zh, c.id)).toHaveLength(1);
  });
});
