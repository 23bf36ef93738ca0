import type { TurnContext } from 'botbuilder';
import { RedisMerchantDirectory } from '../../../services/merchants';
import { MemoryMerchantDirectory } from '../../../services/merchants';
import type { DomainEvent, RefundCase } from '../../../services/refunds';
import { createLogger } from '../../../bot/logger';
import { MemoryDeliveryMarks } from '../../../bot/proactive';
import type { ProactiveAdapter } from '../../../bot/proactive';
import { MemoryStaffReferences } from '../../../bot/staff/staff-references';
import type { CsAlerts } from '../../../bot/staff/cs-alerts';
import { MerchantNotifier } from '../../../bot/staff/merchant/merchant-notifier';
import type { MerchantCaseView } from '../../../bot/cards/staff/merchant-case-view';
import { aCase, anEventFor } from '../../support/case-builder';
import { FakeClock } from '../../support/fake-clock';
import { recordedText } from '../../support/fake-connector';
import type { MerchantWorld } from './merchant-world';
import { HOUR, merchantWorld } from './merchant-world';
import { channelPlace, teamsUser } from '../../support/teams-http';

// A merchant who blocked or removed the app: marked unreachable, CS alerted once, the shop's other merchants
// still told, the deadlines still running; a later message from them makes them reachable again.

describe.each([
  ['memory', false],
  ['redis', true],
])('an unreachable merchant over HTTP (%s)', (_name, redis) => {
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ redis });
    await w.linkAll();
  });
  afterAll(async () => {
    await w.stop();
  });

  const refused = (conversationId: string) => w.fake.requests.filter((r) => decodeURIComponent(r.path).includes(conversationId) && r.status === 403);
  const unreachable = async (userId: string) => {
    if (!redis) return undefined;
    const directory = new RedisMerchantDirectory({ client: w.app.infra.redis!, prefix: w.t.prefix, demoCodes: true });
    return (await directory.merchantsOf('shop-201')).find((m) => m.userId === userId)?.unreachable;
  };

  it('survives a 403 from the connector: the other merchant gets the card, the deadline still acts, a message makes the merchant reachable again', async () => {
    const aliceChat = w.chatOf(w.alice).conversationId;
    w.fake.blockConversation(aliceChat);
    const c = await w.file({ orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '没收到' });
    await w.cardFor(w.bob, c.id);
    const deadline = Date.now() + 5_000;
    while (refused(aliceChat).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(refused(aliceChat).length).toBeGreaterThan(0);
    if (redis) expect(await unreachable(w.alice.aadObjectId)).toMatchObject({ reason: 'MessageWritesBlocked' });

    // The case's deadline runs whoever could be told.
    w.clock.advance(24 * HOUR);
    await w.app.infra.core.timers.sweep();
    await w.fake.waitFor((r) => r.conversationId === w.chatOf(w.bob).conversationId && recordedText(r).includes(`Case ${c.id}`) && recordedText(r).includes('approved automatically'));
    expect((await w.caseOf(c.id)).merchantDecision?.outcome).toBe('auto_approved');

    // Alice unblocks the app and writes: she is reachable again and gets the next case.
    w.fake.heal(aliceChat);
    const replies = await w.say(w.alice, '帮助');
    expect(replies.length).toBeGreaterThan(0);
    if (redis) expect(await unreachable(w.alice.aadObjectId)).toBeUndefined();
    const next = await w.file({ orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '坏了', evidence: [{ sha256: '1'.repeat(64), kind: 'image', mediaType: 'image/png', size: 1, addedBy: 'buyer', addedAt: '2025-06-18T02:00:00.000Z' }] });
    await w.cardFor(w.alice, next.id);
  });

  it('treats a bot removed from the roster the same way', async () => {
    const bobChat = w.chatOf(w.bob).conversationId;
    w.fake.failConversation(bobChat, { status: 403, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } });
    const c = await w.file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '' });
    await w.cardFor(w.alice, c.id);
    const deadline = Date.now() + 5_000;
    while (refused(bobChat).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(refused(bobChat).length).toBeGreaterThan(0);
    if (redis) expect(await unreachable(w.bob.aadObjectId)).toMatchObject({ reason: 'BotNotInConversationRoster' });
    w.fake.heal(bobChat);
  });
});

describe('an unreachable merchant raises a CS alert in the CS channel', () => {
  const CS_CHANNEL = '19:cs-desk@thread.tacv2';
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ env: { CS_CHANNEL_ID: CS_CHANNEL } });
    await w.linkAll();
    // The bot installed in the CS channel: the CS desk now knows where to post.
    await w.teams.install(teamsUser('agent'), channelPlace(CS_CHANNEL));
  });
  afterAll(async () => {
    await w.stop();
  });

  it('posts the alert for the case once, naming the merchant', async () => {
    w.fake.blockConversation(w.chatOf(w.alice).conversationId);
    const c = await w.file({ orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '没收到' });
    await w.cardFor(w.bob, c.id);
    const alert = await w.fake.waitFor((r) => r.conversationId === CS_CHANNEL && recordedText(r).includes('Alice Li') && recordedText(r).includes(c.id));
    expect(recordedText(alert)).toMatch(/无法接收通知|cannot be reached/);
    // A reminder later fails for Alice again: no second alert.
    w.clock.advance(12 * HOUR);
    await w.app.infra.core.timers.sweep();
    await w.cardFor(w.bob, c.id, (t) => t.includes('12 hours left'));
    const alerts = await w.fake.settle(200, (r) => r.conversationId === CS_CHANNEL && recordedText(r).includes('Alice Li'));
    expect(alerts).toHaveLength(1);
  });
});

// The notifier on its own, with hand-written fakes: what exactly happens per merchant and per delivery.
describe('merchant notifier deliveries', () => {
  const clock = new FakeClock();
  const c: RefundCase = aCase({ shopId: 'shop-201' });
  const view: MerchantCaseView = { case: c, orderLines: [], shopReturnAddress: null, deadline: null, evidence: [], refreshUserIds: [], names: { alice: 'Alice' } };

  function setup() {
    const directory = new MemoryMerchantDirectory({ demoCodes: true });
    const references = new MemoryStaffReferences();
    const sent: { conversationId: string; text: string }[] = [];
    const failures = new Map<string, unknown>();
    const alerts: [string, string, string][] = [];
    const adapter: ProactiveAdapter = {
      async continueConversationAsync(_appId, reference, logic) {
        const conversationId = reference.conversation?.id ?? '';
        const context = {
          onSendActivities: () => context,
          sendActivity: async (activity: { text?: string }) => {
            const failure = failures.get(conversationId);
            if (failure) throw failure;
            sent.push({ conversationId, text: activity.text ?? '' });
            return { id: String(sent.length) };
          },
        };
        await logic(context as unknown as TurnContext);
      },
    };
    const csAlerts: CsAlerts = {
      async merchantUnreachable(shopId, userId, caseId) {
        alerts.push([shopId, userId, caseId]);
      },
    };
    const notifier = new MerchantNotifier({
      events: { subscribe: async () => async () => undefined },
      adapter,
      directory,
      references,
      marks: new MemoryDeliveryMarks(),
      service: { getCase: async () => ({ ok: true, value: c }) },
      views: { of: async () => view },
      alerts: () => csAlerts,
      clock,
      timeZone: 'Asia/Shanghai',
      log: createLogger('silent'),
    });
    const link = async (userId: string, withChat = true) => {
      await directory.redeem('LINK-201', { userId, name: userId }, clock.now());
      if (withChat) await references.saveUser(userId, { conversation: { id: `chat-${userId}` } as never, serviceUrl: 'http://connector.invalid/', locale: 'en-US' });
    };
    return { directory, notifier, sent, failures, alerts, link };
  }

  const event = (overrides: Partial<DomainEvent> = {}): DomainEvent => anEventFor(c, null, { type: 'file', to: 'pending_merchant', ...overrides });
  const blocked = Object.assign(new Error('blocked'), { statusCode: 403, body: { error: { code: 'MessageWritesBlocked', message: 'blocked' } } });

  it('tells each merchant once, never the one who caused the event, and nobody twice on redelivery', async () => {
    const s = setup();
    await s.link('alice');
    await s.link('bob');
    await s.link('nochat', false);
    const first = await s.notifier.handle(event());
    expect(first).toEqual({
      kind: 'delivered',
      deliveries: [
        { userId: 'alice', outcome: 'sent' },
        { userId: 'bob', outcome: 'sent' },
        { userId: 'nochat', outcome: 'no_conversation' },
      ],
    });
    expect(await s.notifier.handle(event())).toMatchObject({ deliveries: [{ outcome: 'already_sent' }, { outcome: 'already_sent' }, { outcome: 'no_conversation' }] });
    expect(s.sent.map((m) => m.conversationId)).toEqual(['chat-alice', 'chat-bob']);

    const byAlice = event({ id: `${c.id}:9`, version: 9, type: 'merchant_reject', actor: { role: 'merchant', id: 'alice', shopId: 'shop-201' }, to: 'merchant_rejected' });
    expect(await s.notifier.handle(byAlice)).toMatchObject({ deliveries: [{ userId: 'alice', outcome: 'caused_it' }, { userId: 'bob', outcome: 'sent' }, { userId: 'nochat', outcome: 'no_conversation' }] });
    expect(s.sent.at(-1)).toEqual({ conversationId: 'chat-bob', text: `Alice rejected: ${c.id}.` });
    expect(await s.notifier.handle(event({ type: 'payment_confirmed' }))).toEqual({ kind: 'skipped', why: 'not_for_merchants' });
  });

  it('marks a merchant who blocked the app unreachable and alerts CS once; the others are still told; a later send marks them reachable', async () => {
    const s = setup();
    await s.link('alice');
    await s.link('bob');
    s.failures.set('chat-alice', blocked);
    expect(await s.notifier.handle(event())).toMatchObject({ deliveries: [{ userId: 'alice', outcome: 'unreachable' }, { userId: 'bob', outcome: 'sent' }] });
    expect(s.alerts).toEqual([['shop-201', 'alice', c.id]]);
    expect((await s.directory.merchantsOf('shop-201')).find((m) => m.userId === 'alice')?.unreachable).toEqual({ reason: 'MessageWritesBlocked', since: clock.now().toISOString() });

    await s.notifier.handle(event({ id: `${c.id}:2`, version: 2, type: 'notice', notice: 'reminder:50', data: { to: 'merchant' } }));
    expect(s.alerts).toHaveLength(1);

    s.failures.delete('chat-alice');
    await s.notifier.handle(event({ id: `${c.id}:3`, version: 3, type: 'notice', notice: 'reminder:80', data: { to: 'merchant' } }));
    expect((await s.directory.merchantsOf('shop-201')).find((m) => m.userId === 'alice')?.unreachable).toBeUndefined();
  });

  it('leaves the event pending on trouble that may pass, without telling anyone twice when it comes again', async () => {
    const s = setup();
    await s.link('alice');
    await s.link('bob');
    s.failures.set('chat-alice', Object.assign(new Error('bad gateway'), { statusCode: 502 }));
    await expect(s.notifier.handle(event())).rejects.toThrow('bad gateway');
    expect(s.sent.map((m) => m.conversationId)).toEqual(['chat-bob']);
    s.failures.delete('chat-alice');
    expect(await s.notifier.handle(event())).toMatchObject({ deliveries: [{ userId: 'alice', outcome: 'sent' }, { userId: 'bob', outcome: 'already_sent' }] });
    expect(s.sent.map((m) => m.conversationId)).toEqual(['chat-bob', 'chat-alice']);
    expect(s.alerts).toEqual([]);
  });

  it('drops a message the connector refuses for other reasons, without calling the merchant unreachable', async () => {
    const s = setup();
    await s.link('alice');
    s.failures.set('chat-alice', Object.assign(new Error('not found'), { statusCode: 404, body: { error: { code: 'ConversationNotFound' } } }));
    expect(await s.notifier.handle(event())).toMatchObject({ deliveries: [{ userId: 'alice', outcome: 'dropped' }] });
    expect(s.alerts).toEqual([]);
    expect((await s.directory.merchantsOf('shop-201'))[0]?.unreachable).toBeUndefined();
  });
});
