import fc from 'fast-check';
import type { RefundCase } from '../../services/refunds';
import { BotConversation } from '../support/bot-http';
import { FakeConnector } from '../support/fake-connector';
import { TeamsClient, personalChat, teamsUser } from '../support/teams-http';
import { startAttackApp } from './support/attack-app';
import type { AttackApp } from './support/attack-app';
import { sendAll, summarize } from './support/fuzz-runner';
import { hostileReplies, hostileRequests } from './support/hostile-activities';
import type { HostileReply } from './support/hostile-activities';
import { OfflineRecognizer } from '../../services/nlu';
import { settle, troubleMark, troubleSince } from './support/process-trouble';

// Issue 6.1: generated malformed and hostile activities against POST /api/messages, with the whole app in this
// process. No answer may be a 5xx, nothing may go unhandled, the server must still serve a buyer afterwards, and
// since no sender owns a case (strangers, a merchant of another shop, unbound Teams users), the refund core must
// hold exactly what it held before: cases, versions, audit entries, outbox events.
//
// The counts only ever grow (cases, audit entries, events, versions), so "equal after the whole run" means
// "unchanged by every single request", the refused ones included.
//
// ATTACK_RUNS sets how many (default 2,000; README "Proving it": ATTACK_RUNS=10000 for the full run).

const RUNS = Number(process.env.ATTACK_RUNS ?? 2_000);
const SEED = Number(process.env.ATTACK_SEED ?? 20260506);

function fuzzSuite(redis: boolean): void {
  const runs = redis ? Math.max(200, Math.round(RUNS / 5)) : RUNS;
  describe(`fuzzing /api/messages ${redis ? 'on Redis' : 'in memory'} (${runs} generated activities, seed ${SEED})`, () => {
    let t: AttackApp;
    let fake: FakeConnector;
    let seeded: RefundCase[];
    const carol = { ...teamsUser('carol'), name: 'Carol Wu' };

    beforeAll(async () => {
      fake = await FakeConnector.start();
      t = await startAttackApp({ logLevel: 'warn', redis });
      const file = async (buyerId: string, request: Record<string, unknown>): Promise<RefundCase> => {
        const outcome = await t.app.infra.core.service.file({ role: 'buyer', id: buyerId }, request as never, `seed-${buyerId}-${String(request.orderId)}`);
        if (!outcome.ok) throw new Error(`seed refused: ${JSON.stringify(outcome.error)}`);
        return outcome.value.case;
      };
      seeded = [
        await file('buyer-1001', { orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没收到货' }),
        await file('buyer-1001', { orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '不想要了' }),
        await file('buyer-1002', { orderId: 'DEMO-2001', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: 'changed my mind' }),
      ];
      // A merchant of shop-202: every seeded case is shop-201's.
      const linked = await new TeamsClient(t.url, fake.url).say(carol, personalChat(carol), '绑定 LINK-202');
      expect(linked.status).toBe(200);
      expect(seeded.every((c) => c.shopId === 'shop-201')).toBe(true);
    });

    afterAll(async () => {
      await t?.stop();
      await fake?.stop();
    });

    it('answers every one without a 5xx, changes no case and stays up', async () => {
      const requests = fc.sample(
        hostileRequests({
          serviceUrl: fake.url,
          caseIds: seeded.map((c) => c.id),
          merchantFrom: [{ id: carol.id, name: carol.name, aadObjectId: carol.aadObjectId }],
        }),
        { numRuns: runs, seed: SEED },
      );
      const before = await t.counts();
      const mark = troubleMark();

      const report = await sendAll(`${t.url}/api/messages`, requests, { concurrency: 4 });
      await settle(100);
      console.log(`fuzz /api/messages ${redis ? 'on Redis' : 'in memory'}: ${summarize(report)}`);

      expect(report.sent).toBe(runs);
      expect(report.findings).toEqual([]);
      expect(troubleSince(mark)).toEqual({ unhandledRejections: [], uncaughtExceptions: [] });
      expect(await t.counts()).toEqual(before);
      // Refused inputs were refused: a good share never got past the shape check.
      expect(report.byStatus['400'] ?? 0).toBeGreaterThan(runs / 10);

      // Still serving: the health check and a buyer's ordinary turn.
      expect((await fetch(`${t.url}/healthz`)).status).toBe(200);
      const buyer = new BotConversation(t.url, 'buyer-1002', { locale: 'en-US', serviceUrl: fake.url });
      const turn = await buyer.say('where is my refund?');
      expect(turn.status).toBe(200);
      expect(turn.replies.length).toBeGreaterThan(0);
    }, 600_000);

    // Found by the generator: each answered 501 (a turn error or the SDK's "not implemented") before.
    const INVOKES: [string, Record<string, unknown>][] = [
      ['a message-extension submit without a value', { name: 'composeExtension/submitAction' }],
      ['a task module fetch', { name: 'task/fetch', value: { data: {} } }],
      ['a tab fetch', { name: 'tab/fetch', value: {} }],
      ['a card action whose value has no action', { name: 'adaptiveCard/action', value: { id: { nested: true } } }],
      ['a card action whose value is a string', { name: 'adaptiveCard/action', value: 'merchant.approve' }],
      ['a card action whose action is a number', { name: 'adaptiveCard/action', value: { action: 5 } }],
      ['a nameless invoke in Teams', { value: { action: { type: 'Action.Execute', verb: 'merchant.approve' } } }],
    ];
    it.each(INVOKES)('answers %s with 400', async (_what, invoke) => {
      const before = await t.counts();
      const res = await new TeamsClient(t.url, fake.url).post({
        ...new TeamsClient(t.url, fake.url).base(carol, personalChat(carol), { type: 'invoke' }),
        ...invoke,
      });
      expect(res.status).toBe(400);
      expect(await t.counts()).toEqual(before);
    });

    it('takes hostile answers from a buyer in the middle of a flow without a 5xx, and never lets them touch a case', async () => {
      const recognizer = new OfflineRecognizer();
      // No confirmation among them: nothing here may file or cancel anything.
      const replies: HostileReply[] = [];
      for (const r of fc.sample(hostileReplies(), { numRuns: Math.max(200, Math.round(runs / 10)), seed: SEED + 1 })) {
        if (typeof r.text === 'string' && (await recognizer.recognize(r.text)).intent === 'confirm') continue;
        replies.push(r);
      }
      const openers = ['DEMO-1002 的东西坏了，我要退款', 'DEMO-1005 键盘坏了要退货', 'RD-000002 到哪了', 'I want to return the earphones from DEMO-1002', '我要寄回退货', '转人工'];
      const conversations = openers.map((_, i) => new BotConversation(t.url, 'buyer-1001', { locale: i % 2 ? 'en-US' : 'zh-CN', serviceUrl: fake.url }));
      for (const [i, c] of conversations.entries()) expect((await c.say(openers[i]!)).status).toBe(200);
      const before = await t.counts();
      const mark = troubleMark();
      const statuses: Record<string, number> = {};
      const findings: unknown[] = [];
      const started = Date.now();
      for (const [i, reply] of replies.entries()) {
        const c = conversations[i % conversations.length]!;
        const turn = await c.post(c.activity(reply as never));
        statuses[turn.status] = (statuses[turn.status] ?? 0) + 1;
        if (turn.status >= 500) findings.push({ reply: JSON.stringify(reply).slice(0, 300), status: turn.status, body: JSON.stringify(turn.body).slice(0, 300) });
        // A flow the junk ended starts again, so the next replies land in the middle of something again.
        if (i % 25 === 24) await c.say(openers[i % openers.length]!);
      }
      await settle(100);
      console.log(`hostile replies mid-flow ${redis ? 'on Redis' : 'in memory'}: ${replies.length} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(statuses)}`);
      expect(findings).toEqual([]);
      expect(troubleSince(mark)).toEqual({ unhandledRejections: [], uncaughtExceptions: [] });
      expect(await t.counts()).toEqual(before);
    }, 600_000);
  });
}

fuzzSuite(false);
fuzzSuite(true);
