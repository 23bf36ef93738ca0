import type { Activity } from 'botbuilder';
import { FixtureCatalogue } from '../../services/orders';
import { FixtureLogistics } from '../../services/logistics';
import { SystemClock } from '../../services/clock';
import type { RefundCase } from '../../services/refunds';
import { cancelOrder, chaosBuyer, chaosWorld, decisionOrder } from '../../scripts/chaos/world';
import { BotConversation, startTestApp, textOf, type TestApp } from '../support/bot-http';
import { snapshot, violations } from './support/invariants';
import { coreWorld, type CoreWorld } from './support/core-world';
import { MERCHANT, MERCHANT_2 } from './support/workload';

// Duplicates and races at scale (issue 6, item 3): the same activity delivered again and again (at once and later)
// files one case and always gets the first answer; two merchants deciding one case at the same moment, on two
// instances of the core, give exactly one outcome, and the loser is told who won.

const LONG = process.env.CHAOS_LONG === '1';
const DELIVERIES = LONG ? 1000 : 100;
const PAIRS = LONG ? 1000 : 100;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

describe('duplicated deliveries over HTTP', () => {
  const buyers = DELIVERIES / 4;
  let app: TestApp;
  beforeAll(async () => {
    const clock = new SystemClock();
    const world = chaosWorld(clock.now(), buyers);
    app = await startTestApp({
      redis: true,
      overrides: { clock, orders: new FixtureCatalogue({ data: world }), logistics: new FixtureLogistics({ clock, tracking: world.tracking }) },
    });
  });
  afterAll(() => app.stop());

  it(`${DELIVERIES} deliveries of confirmations (each sent twice at once, then twice more later): one case each, the first answer every time`, async () => {
    const numbers = Array.from({ length: buyers }, (_, i) => i + 1);
    const answers = new Map<number, string[]>();
    let deliveries = 0;
    await inBatches(numbers, 10, async (n) => {
      const c = new BotConversation(app.app.url, chaosBuyer(n), { locale: 'zh-CN' });
      const asked = await c.say(`我要取消订单 ${cancelOrder(n)}`);
      expect(asked.status).toBe(200);
      const confirm: Partial<Activity> = c.activity({ text: '好的' });
      const bodies: string[] = [];
      const deliver = async (): Promise<void> => {
        deliveries++;
        const turn = await c.post(confirm);
        expect(turn.status).toBe(200);
        bodies.push(JSON.stringify(turn.body));
      };
      await Promise.all([deliver(), deliver()]);
      await deliver();
      await deliver();
      answers.set(n, bodies);
    });
    expect(deliveries).toBe(DELIVERIES);

    const world = await snapshot(app.app.infra.redis!, app.prefix);
    expect(violations(world)).toEqual([]);
    expect(world.cases).toHaveLength(buyers);
    for (const n of numbers) {
      const bodies = answers.get(n)!;
      expect(new Set(bodies).size).toBe(1);
      const mine = world.cases.filter((x) => x.orderId === cancelOrder(n));
      expect(mine).toHaveLength(1);
      const replies = (JSON.parse(bodies[0]!) as { activities: Partial<Activity>[] }).activities;
      expect(textOf(replies)).toContain(mine[0]!.id);
    }
    expect(world.events.filter((e) => e.type === 'file')).toHaveLength(buyers);
  });
});

describe('duplicated and racing commands on the core (two instances on one Redis)', () => {
  let w: CoreWorld;
  afterEach(() => w.close());

  const fileReturns = async (w: CoreWorld, n: number): Promise<RefundCase[]> => {
    const core = w.core(w.gateway());
    const cases: RefundCase[] = [];
    const numbers = Array.from({ length: n }, (_, i) => i + 1);
    await inBatches(numbers, 50, async (i) => {
      const outcome = await core.service.file(
        { role: 'buyer', id: chaosBuyer(i) },
        { orderId: decisionOrder(i), lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' },
        `file-${i}`,
      );
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
      cases.push(outcome.value.case);
    });
    return cases;
  };

  it('the same filing delivered 10 times at once to two instances files one case, and every copy gets it', async () => {
    w = await coreWorld(20, 'dup-file');
    const a = w.core(w.gateway());
    const b = w.core(w.gateway());
    const numbers = Array.from({ length: 20 }, (_, i) => i + 1);
    await Promise.all(
      numbers.map(async (n) => {
        const request = { orderId: cancelOrder(n), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' };
        const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).service.file({ role: 'buyer', id: chaosBuyer(n) }, request, `activity-${n}`)));
        const ids = new Set(outcomes.map((o) => (o.ok ? o.value.case.id : JSON.stringify(o.error))));
        expect(ids.size).toBe(1);
        expect(outcomes.filter((o) => o.ok && !o.value.replayed).length).toBe(1);
      }),
    );
    const world = await w.snapshot();
    expect(violations(world)).toEqual([]);
    expect(world.cases).toHaveLength(20);
  });

  it(`${PAIRS} racing decision pairs: two merchants approve and reject one case at once, exactly one outcome each time`, async () => {
    w = await coreWorld(PAIRS, 'race-decide');
    const cases = await fileReturns(w, PAIRS);
    const a = w.core(w.gateway());
    const b = w.core(w.gateway());
    const approve = { kind: 'merchant_approve_without_return', remark: '不用寄回了' };
    const reject = { kind: 'merchant_reject', code: 'outside_policy', remark: '商品已拆封使用' };
    const results: { caseId: string; winner: 'approve' | 'reject' | 'none' | 'both'; loserSaw: unknown }[] = [];
    const order = new Map(cases.map((c, i) => [c.id, i % 3]));
    await inBatches(cases, 50, async (c) => {
      // A third of the pairs start together (an approval reads more before it writes, so it tends to win those);
      // a third give the rejection a head start and a third the approval, so both outcomes are exercised.
      const flip = Math.random() < 0.5;
      const lane = order.get(c.id)!;
      const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
      const approveDelay = lane === 1 ? 25 : Math.random() * 2;
      const rejectDelay = lane === 2 ? 25 : Math.random() * 2;
      const [approved, rejected] = await Promise.all([
        pause(approveDelay).then(() => (flip ? a : b).service.execute(MERCHANT, c.id, approve, `invoke-a-${c.id}`)),
        pause(rejectDelay).then(() => (flip ? b : a).service.execute(MERCHANT_2, c.id, reject, `invoke-r-${c.id}`)),
      ]);
      const winner = approved.ok && rejected.ok ? 'both' : approved.ok ? 'approve' : rejected.ok ? 'reject' : 'none';
      const loser = approved.ok ? rejected : approved;
      results.push({ caseId: c.id, winner, loserSaw: loser.ok ? null : loser.error });
    });
    expect(results.filter((r) => r.winner === 'both' || r.winner === 'none')).toEqual([]);
    const world = await w.snapshot();
    expect(violations(world)).toEqual([]);
    const byId = new Map(world.cases.map((c) => [c.id, c]));
    for (const r of results) {
      const c = byId.get(r.caseId)!;
      // The case shows the winner's decision, its trail has exactly one decision, and the loser was told who won.
      expect(c.status).toBe(r.winner === 'approve' ? 'refund_pending' : 'merchant_rejected');
      const decisions = world.audits.get(c.id)!.filter((e) => e.event.startsWith('merchant_'));
      expect(decisions).toHaveLength(1);
      expect(r.loserSaw).toMatchObject({ kind: 'conflict', by: { id: r.winner === 'approve' ? MERCHANT.id : MERCHANT_2.id }, event: decisions[0]!.event });
    }
    // Both outcomes happen: the race is real, not one side always first.
    expect(new Set(results.map((r) => r.winner)).size).toBe(2);
  });
});
