import { createClient } from 'redis';
import type { Activity } from 'botbuilder';
import { DEFAULT_POLICY } from '../../services/refunds';
import { notificationFor } from '../../bot/proactive/buyer-notifications';
import { cancelOrder, chaosBuyer, decisionOrder } from '../../scripts/chaos/world';
import { BotConversation, textOf } from '../support/bot-http';
import { FakeConnector, recordedText } from '../support/fake-connector';
import { snapshot, violations, type WorldSnapshot } from './support/invariants';
import { REDIS_URL } from './support/core-world';
import { RoundRobinProxy } from './support/round-robin-proxy';
import { ServerProcess } from './support/server-process';
import { MERCHANT, sleep } from './support/workload';

// Two instances of the server behind a round-robin load balancer on one Redis (issue 6, item 4): a conversation's
// turns alternate between the instances and still flow (dialog state lives in Redis), every deadline fires exactly
// once although both instances sweep, and every event the buyer should hear of is sent exactly once although both
// instances consume the outbox (the fake connector counts what reached each buyer).

type Client = ReturnType<typeof createClient>;
const BUYERS = 6;
const SPEED = 1800;

describe('two instances behind a round-robin proxy', () => {
  let client: Client;
  let connector: FakeConnector;
  let servers: ServerProcess[] = [];
  let proxy: RoundRobinProxy;
  const prefix = `test:chaos:two:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;

  beforeAll(async () => {
    client = createClient({ url: REDIS_URL });
    await client.connect();
    connector = await FakeConnector.start();
    const env = {
      REDIS_URL,
      REDIS_PREFIX: prefix,
      CHAOS_BUYERS: String(BUYERS),
      CHAOS_GATEWAY_LEDGER: 'redis',
      CHAOS_CLOCK_EPOCH_MS: String(Date.now()),
      CHAOS_CLOCK_SPEED: String(SPEED),
      SWEEP_INTERVAL_MS: '100',
      MERCHANT_HOURS: '1',
      MERCHANT_SPECIAL_HOURS: '2',
      PAYMENT_FAILURE_RATE: '0.3',
      PAYMENT_LATENCY_MS: '20',
      PAYMENT_CONFIRM_AFTER_MS: '600000',
    };
    servers = await Promise.all([ServerProcess.start(env), ServerProcess.start(env)]);
    proxy = await RoundRobinProxy.start(servers.map((s) => s.info.url));
  });

  afterAll(async () => {
    await proxy?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await connector?.stop();
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await client.del(keys);
    await client.quit();
  });

  it('conversations alternate between the instances turn by turn; deadlines fire once; each event is notified once', async () => {
    const say = async (c: BotConversation, text: string): Promise<string> => {
      const res = await fetch(`${proxy.baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(c.activity({ text })),
      });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { activities: Partial<Activity>[] };
      expect(body.activities.length).toBeGreaterThan(0);
      return textOf(body.activities);
    };

    // One turn at a time through the proxy: each conversation's turns land on one instance, then the other.
    const filedInChat: string[] = [];
    for (let n = 1; n <= BUYERS; n++) {
      const c = new BotConversation('', chaosBuyer(n), { locale: 'zh-CN', serviceUrl: connector.url });
      expect(await say(c, `我要取消订单 ${cancelOrder(n)}`)).toContain('确认');
      const filed = await say(c, '好的');
      const id = /RD-\d{6}/.exec(filed)?.[0];
      expect(id).toBeDefined();
      filedInChat.push(id!);
      await say(c, '我的退款到哪了');
    }
    const byConversation = new Map<string, number[]>();
    for (const t of proxy.turns) if (t.conversationId) byConversation.set(t.conversationId, [...(byConversation.get(t.conversationId) ?? []), t.backend]);
    expect(byConversation.size).toBe(BUYERS);
    for (const backends of byConversation.values()) expect(backends).toEqual([backends[0], 1 - backends[0]!, backends[0]]);

    // Returns for the merchant, filed on one instance and decided on the other; a third of them left to the deadline.
    const admins = servers.map((s) => s.info.admin);
    for (let n = 1; n <= BUYERS; n++) {
      const filed = await (await fetch(`${admins[n % 2]}/file`, {
        method: 'POST',
        body: JSON.stringify({ buyerId: chaosBuyer(n), key: `two-file-${n}`, request: { orderId: decisionOrder(n), lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' } }),
      })).json() as { ok: boolean; value: { case: { id: string } } };
      expect(filed.ok).toBe(true);
      if (n % 3 === 0) continue;
      const command = n % 3 === 1 ? { kind: 'merchant_approve_without_return', remark: '不用寄回了' } : { kind: 'merchant_reject', code: 'outside_policy', remark: '商品已拆封使用' };
      const decided = await (await fetch(`${admins[(n + 1) % 2]}/execute`, {
        method: 'POST',
        body: JSON.stringify({ actor: MERCHANT, caseId: filed.value.case.id, command, key: `two-decide-${n}` }),
      })).json() as { ok: boolean };
      expect(decided.ok).toBe(true);
    }

    // The merchant's hour passes in 2 s of real time; payments settle; both instances sweep all along.
    const settled = async (): Promise<WorldSnapshot> => {
      const deadline = Date.now() + 40_000;
      for (;;) {
        const w = await snapshot(client, prefix);
        const open = w.cases.filter((c) => ['pending_merchant', 'refund_pending', 'refunding'].includes(c.status));
        if ((open.length === 0 && w.cases.length === 2 * BUYERS) || Date.now() > deadline) return w;
        await sleep(250);
      }
    };
    let world = await settled();
    expect(violations(world, { filed: filedInChat, settled: true })).toEqual([]);
    const timedOut = world.cases.filter((c) => c.merchantDecision?.outcome === 'auto_approved');
    expect(timedOut).toHaveLength(BUYERS / 3);
    for (const c of timedOut) expect(world.audits.get(c.id)!.filter((e) => e.event === 'merchant_timeout')).toHaveLength(1);
    // Both merchant reminders (50% and 80% of the hour) went out once each for the undecided cases.
    for (const c of timedOut) {
      const reminders = world.events.filter((e) => e.caseId === c.id && e.type === 'notice').map((e) => e.notice);
      expect(new Set(reminders).size).toBe(reminders.length);
      expect(reminders.length).toBeGreaterThanOrEqual(1);
    }

    // What each buyer should have heard: one message per event that concerns them.
    const policy = { ...DEFAULT_POLICY, merchantHours: 1, merchantSpecialHours: 2 };
    const expected = (w: WorldSnapshot): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const e of w.events) {
        const c = w.cases.find((x) => x.id === e.caseId)!;
        if (notificationFor(e, c, { policy })) counts.set(c.id, (counts.get(c.id) ?? 0) + 1);
      }
      return counts;
    };
    const received = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const r of connector.activities) {
        if (r.kind !== 'send' && r.kind !== 'reply') continue;
        const id = /RD-\d{6}/.exec(recordedText(r))?.[0];
        if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
      }
      return counts;
    };
    const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
    const deadline = Date.now() + 20_000;
    while (total(received()) < total(expected(world)) && Date.now() < deadline) await sleep(200);
    await sleep(1_500); // anything sent twice would show by now
    world = await snapshot(client, prefix);
    const want = expected(world);
    expect(total(want)).toBeGreaterThanOrEqual(2 * BUYERS);
    expect(Object.fromEntries(received())).toEqual(Object.fromEntries(want));
    expect(servers.every((s) => s.alive)).toBe(true);
  }, 120_000);
});
