import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { Actor, DomainEvent, EventSource, RefundCase } from '../../../services/refunds';
import { BuyerNotifier, MemoryConversationReferences, MemoryDeliveryMarks } from '../../../bot/proactive';
import type { ProactiveAdapter } from '../../../bot/proactive';
import { createLogger } from '../../../bot/logger';
import { startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { aReference } from './conversation-references.contract';

// Delivery rules of the notifier, with a scripted adapter in place of the Bot Connector: exactly once per event,
// a transient failure leaves the event for redelivery, an unreachable buyer is logged and acknowledged.

const MERCHANT: Actor = { role: 'merchant', id: 'merchant-201', shopId: 'shop-201' };
const BUYER: Actor = { role: 'buyer', id: 'buyer-1001' };

type Script = 'ok' | { status: number; code?: string } | { network: string };

class ScriptedAdapter implements ProactiveAdapter {
  readonly sent: { appId: string; reference: Partial<ConversationReference>; activity: Partial<Activity> }[] = [];
  readonly attempts: string[] = [];
  script: Script[] = [];

  async continueConversationAsync(appId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = {
      sendActivity: async (activity: Partial<Activity>) => {
        const next = this.script.shift() ?? 'ok';
        this.attempts.push(typeof next === 'string' ? next : JSON.stringify(next));
        if (next === 'ok') {
          this.sent.push({ appId, reference, activity });
          return { id: `sent-${this.sent.length}` };
        }
        if ('network' in next) throw Object.assign(new Error(next.network), { code: next.network });
        throw Object.assign(new Error(`connector answered ${next.status}`), { statusCode: next.status, ...(next.code ? { body: { error: { code: next.code } } } : {}) });
      },
    } as unknown as TurnContext;
    await logic(context);
  }
}

/** An event source that hands its handler to the test, as a stream would deliver to it. */
class HandEventSource implements EventSource {
  handler: ((event: DomainEvent) => Promise<void>) | null = null;
  group = '';
  async subscribe(group: string, _consumer: string, handler: (event: DomainEvent) => Promise<void>): Promise<() => Promise<void>> {
    this.group = group;
    this.handler = handler;
    return async () => {
      this.handler = null;
    };
  }
}

let test: TestApp;
beforeAll(async () => {
  test = await startTestApp();
});
afterAll(async () => {
  await test.stop();
});

function setUp() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const adapter = new ScriptedAdapter();
  const events = new HandEventSource();
  const references = new MemoryConversationReferences();
  const marks = new MemoryDeliveryMarks();
  const notifier = new BuyerNotifier({
    events,
    adapter,
    references,
    marks,
    refunds: test.app.infra.core.service,
    buyers: test.app.infra.orders,
    timeZone: 'Asia/Shanghai',
    log: createLogger('info', sink),
  });
  return { adapter, events, references, marks, notifier, lines };
}

async function rejectedCase(): Promise<{ c: RefundCase; event: DomainEvent }> {
  const service = test.app.infra.core.service;
  const filed = await service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' }, randomUUID());
  if (!filed.ok) throw new Error(JSON.stringify(filed.error));
  const rejected = await service.execute(MERCHANT, filed.value.case.id, { kind: 'merchant_reject', code: 'other', remark: '不支持' }, randomUUID());
  if (!rejected.ok) throw new Error(JSON.stringify(rejected.error));
  const c = rejected.value.case;
  // Cancelled again right away so the next test can file on the same line.
  await service.execute(BUYER, c.id, { kind: 'buyer_accept_rejection' }, randomUUID());
  const event: DomainEvent = { id: `${c.id}:${c.version}`, caseId: c.id, version: c.version, at: c.updatedAt, actor: MERCHANT, type: 'merchant_reject', from: 'pending_merchant', to: 'merchant_rejected', data: { code: 'other' } };
  return { c, event };
}

describe('BuyerNotifier delivery', () => {
  it('subscribes as the buyer-notifier group and sends with the app id, or an empty one', async () => {
    const { adapter, events, references, notifier } = setUp();
    await references.saveForBuyer('buyer-1001', aReference('conv-1'));
    await notifier.start();
    expect(events.group).toBe('buyer-notifier');
    const { event } = await rejectedCase();
    await events.handler!(event);
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]!.appId).toBe('');
    expect(adapter.sent[0]!.reference.conversation?.id).toBe('conv-1');
    expect(adapter.sent[0]!.activity.text).toContain('商家拒绝了您的申请');
    await notifier.stop();
    expect(events.handler).toBeNull();
  });

  it('marks an event only after it was sent: a failed send leaves it unmarked, and the next delivery sends it', async () => {
    const { adapter, events, references, marks, notifier } = setUp();
    await references.saveForBuyer('buyer-1001', aReference('conv-1'));
    await notifier.start();
    const { event } = await rejectedCase();

    adapter.script = [{ status: 503 }];
    await expect(events.handler!(event)).rejects.toThrow('503');
    expect(await marks.has(event.id)).toBe(false);

    adapter.script = [{ network: 'ECONNRESET' }];
    await expect(events.handler!(event)).rejects.toThrow('ECONNRESET');
    expect(await marks.has(event.id)).toBe(false);

    await events.handler!(event);
    expect(await marks.has(event.id)).toBe(true);
    await events.handler!(event);
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.attempts).toEqual(['{"status":503}', '{"network":"ECONNRESET"}', 'ok']);
  });

  it('logs and acknowledges a buyer who blocked the bot (403) or whose conversation is gone (404)', async () => {
    const { adapter, references, marks, notifier, lines } = setUp();
    await references.saveForBuyer('buyer-1001', aReference('conv-blocked'));
    const { event } = await rejectedCase();

    adapter.script = [{ status: 403, code: 'MessageWritesBlocked' }];
    expect(await notifier.handle(event)).toEqual({ kind: 'unreachable', status: 403, code: 'MessageWritesBlocked' });
    const warning = lines.find((l) => l.msg === 'buyer unreachable (blocked the bot or conversation gone); notification dropped');
    expect(warning).toMatchObject({ level: 40, status: 403, code: 'MessageWritesBlocked', conversationId: 'conv-blocked', eventId: event.id });

    adapter.script = [{ status: 404 }];
    expect(await notifier.handle({ ...event, id: `${event.id}-again` })).toEqual({ kind: 'unreachable', status: 404 });
    expect(await marks.has(event.id)).toBe(false);
    expect(adapter.sent).toHaveLength(0);
  });

  it('prefers the buyer\'s latest conversation, and falls back to the one the case was filed from', async () => {
    const { adapter, references, notifier } = setUp();
    const { c, event } = await rejectedCase();
    expect(await notifier.handle(event)).toEqual({ kind: 'skipped', why: 'no_conversation' });

    await references.saveForCase(c.id, aReference('conv-filed'));
    expect(await notifier.handle(event)).toEqual({ kind: 'sent', conversationId: 'conv-filed' });

    await references.saveForBuyer('buyer-1001', aReference('conv-latest'));
    expect(await notifier.handle({ ...event, id: `${event.id}:b` })).toEqual({ kind: 'sent', conversationId: 'conv-latest' });
    expect(adapter.sent.map((s) => s.reference.conversation?.id)).toEqual(['conv-filed', 'conv-latest']);
  });

  it("records the buyer's conversation for a case when its filing comes by", async () => {
    const { references, notifier } = setUp();
    await references.saveForBuyer('buyer-1001', aReference('conv-at-filing'));
    const filing: DomainEvent = { id: 'RD-999999:1', caseId: 'RD-999999', version: 1, at: new Date().toISOString(), actor: BUYER, type: 'file', from: null, to: 'pending_merchant' };
    expect(await notifier.handle(filing)).toEqual({ kind: 'skipped', why: 'not_for_buyer' });
    expect((await references.forCase('RD-999999'))?.conversation?.id).toBe('conv-at-filing');
  });

  it('skips events of cases that no longer exist', async () => {
    const { references, notifier } = setUp();
    await references.saveForBuyer('buyer-1001', aReference('conv-1'));
    const ghost: DomainEvent = { id: 'RD-888888:2', caseId: 'RD-888888', version: 2, at: new Date().toISOString(), actor: MERCHANT, type: 'merchant_approve', from: 'pending_merchant', to: 'refund_pending' };
    expect(await notifier.handle(ghost)).toEqual({ kind: 'skipped', why: 'case_gone' });
  });
});
