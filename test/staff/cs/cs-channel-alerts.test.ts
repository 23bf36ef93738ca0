import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { DomainEvent, EventSource, RefundCase } from '../../../services/refunds';
import { createLogger } from '../../../bot/logger';
import { MemoryDeliveryMarks } from '../../../bot/proactive';
import type { ProactiveAdapter } from '../../../bot/proactive';
import { MemoryStaffReferences } from '../../../bot/staff/staff-references';
import { MemoryCsAgents } from '../../../bot/staff/cs/cs-agents';
import { CsAlertConsumer, CS_ALERTS_GROUP } from '../../../bot/staff/cs/cs-alert-consumer';
import { CsCaseViews } from '../../../bot/staff/cs/cs-case-view';
import { CsChannelAlerts } from '../../../bot/staff/cs/cs-channel-alerts';
import { CsChannelPoster } from '../../../bot/staff/cs/cs-channel-poster';
import { CsDirectory } from '../../../bot/staff/cs/cs-roster';
import { startTestApp } from '../../support/bot-http';
import type { TestApp } from '../../support/bot-http';
import { BUYER, escalatedCase, expectValid, must } from './cs-harness';

// Delivery rules of CS alerts, with a scripted adapter in place of the Bot Connector: once per event, trouble
// that may pass leaves the event for redelivery, a channel that is gone is logged and acknowledged.

const CHANNEL = '19:cs-desk@thread.tacv2';

type Script = 'ok' | { status: number; code?: string };

class ScriptedAdapter implements ProactiveAdapter {
  readonly sent: { reference: Partial<ConversationReference>; activity: Partial<Activity> }[] = [];
  script: Script[] = [];
  async continueConversationAsync(_appId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = {
      sendActivity: async (activity: Partial<Activity>) => {
        const next = this.script.shift() ?? 'ok';
        if (next === 'ok') {
          this.sent.push({ reference, activity });
          return { id: `sent-${this.sent.length}` };
        }
        throw Object.assign(new Error(`connector answered ${next.status}`), { statusCode: next.status, ...(next.code ? { body: { error: { code: next.code } } } : {}) });
      },
    } as unknown as TurnContext;
    await logic(context);
  }
}

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

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.stop();
});

async function setUp(options: { channel?: boolean } = {}) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger('info', sink);
  const adapter = new ScriptedAdapter();
  const references = new MemoryStaffReferences();
  if (options.channel !== false) {
    await references.saveChannel(CHANNEL, { channelId: 'msteams', serviceUrl: 'https://smba.example/', conversation: { id: CHANNEL } as ConversationReference['conversation'], locale: 'en-US' });
  }
  await references.saveUser('merchant-201', { user: { id: '29:m', name: '李店长' } } as Partial<ConversationReference>);
  const service = app.app.infra.core.service;
  const agents = new MemoryCsAgents();
  await agents.replace([{ id: '29:alice', name: 'Alice' }], new Date());
  const directory = new CsDirectory({ agents, configured: [], csChannelId: CHANNEL, clock: app.app.infra.clock, log });
  const views = new CsCaseViews({ refunds: service, orders: app.app.infra.orders, evidenceUrl: (sha) => `https://bot.example/evidence/${sha}` });
  const marks = new MemoryDeliveryMarks();
  const alerts = new CsChannelAlerts({ csChannelId: CHANNEL, references, views, directory, poster: new CsChannelPoster({ adapter, appId: '' }), marks, timeZone: 'Asia/Shanghai', log });
  const events = new HandEventSource();
  const consumer = new CsAlertConsumer({ events, alerts, policy: service.policy });
  return { adapter, alerts, consumer, events, marks, lines };
}

function escalation(c: RefundCase): DomainEvent {
  return { id: `${c.id}:${c.version}`, caseId: c.id, version: c.version, at: c.updatedAt, actor: BUYER, type: 'buyer_escalate', from: 'merchant_rejected', to: 'platform_review' };
}

describe('CS alerts delivery', () => {
  let c: RefundCase;
  beforeAll(async () => {
    c = await escalatedCase(app.app.infra.core.service);
  });

  it('subscribes as the cs-alerts group and posts each event once, in the channel reference language', async () => {
    const { adapter, consumer, events } = await setUp();
    await consumer.start();
    expect(events.group).toBe(CS_ALERTS_GROUP);
    await events.handler!(escalation(c));
    await events.handler!(escalation(c));
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]!.reference.conversation?.id).toBe(CHANNEL);
    const card = adapter.sent[0]!.activity.attachments?.[0]?.content as Record<string, unknown>;
    expectValid(card);
    expect(JSON.stringify(card)).toContain("The buyer escalated after the shop's rejection");
    await consumer.stop();
    expect(events.handler).toBeNull();
  });

  it('a failed post that may pass throws and stays unmarked; the next delivery posts it', async () => {
    const { adapter, consumer, marks } = await setUp();
    adapter.script = [{ status: 502 }];
    await expect(consumer.handle(escalation(c))).rejects.toThrow('502');
    expect(await marks.has(escalation(c).id)).toBe(false);
    await expect(consumer.handle(escalation(c))).resolves.toEqual({ kind: 'sent' });
    expect(adapter.sent).toHaveLength(1);
  });

  it('a channel the bot was removed from is logged and the event acknowledged', async () => {
    const { adapter, consumer, lines } = await setUp();
    adapter.script = [{ status: 403, code: 'BotNotInConversationRoster' }];
    await expect(consumer.handle(escalation(c))).resolves.toEqual({ kind: 'unreachable', status: 403, code: 'BotNotInConversationRoster' });
    expect(lines.some((l) => l.level === 40 && String(l.msg).includes('CS channel unreachable'))).toBe(true);
  });

  it('without a known channel: a warning, nothing posted', async () => {
    const { adapter, consumer, lines } = await setUp({ channel: false });
    await expect(consumer.handle(escalation(c))).resolves.toEqual({ kind: 'skipped', why: 'no_channel' });
    expect(adapter.sent).toEqual([]);
    expect(lines.some((l) => l.level === 40 && String(l.msg).includes('no CS channel known yet'))).toBe(true);
  });

  it('events CS does not act on, and alerts for cases that have moved on since, are not posted', async () => {
    const { adapter, consumer } = await setUp();
    await expect(consumer.handle({ ...escalation(c), type: 'merchant_reject', to: 'merchant_rejected' })).resolves.toEqual({ kind: 'skipped', why: 'not_for_cs' });
    await expect(consumer.handle({ ...escalation(c), id: 'late', type: 'payment_declined', to: 'refund_failed' })).resolves.toEqual({ kind: 'skipped', why: 'moved_on' });
    await expect(consumer.handle({ ...escalation(c), caseId: 'RD-999999' })).resolves.toEqual({ kind: 'skipped', why: 'case_gone' });
    expect(adapter.sent).toEqual([]);
  });

  it('an unreachable merchant is reported once per case and merchant, and a failed post never throws', async () => {
    const { adapter, alerts, lines } = await setUp();
    const pending = must(await app.app.infra.core.service.file(BUYER, { orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' }, randomUUID()));
    adapter.script = [{ status: 500 }];
    await expect(alerts.merchantUnreachable('shop-201', 'merchant-201', pending.id)).resolves.toBeUndefined();
    expect(lines.some((l) => l.level === 50 && String(l.msg).includes('unreachable merchant'))).toBe(true);
    await alerts.merchantUnreachable('shop-201', 'merchant-201', pending.id);
    await alerts.merchantUnreachable('shop-201', 'merchant-201', pending.id);
    expect(adapter.sent).toHaveLength(1);
    const card = adapter.sent[0]!.activity.attachments?.[0]?.content;
    expectValid(card);
    expect(JSON.stringify(card)).toContain("The shop's user 李店长 (Digital Select) cannot be reached");
    expect(JSON.stringify(card)).toContain('cs.intervene');
  });
});
