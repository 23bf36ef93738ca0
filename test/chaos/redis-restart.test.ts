import { createClient } from 'redis';
import type { Activity } from 'botbuilder';
import { cancelOrder, chaosBuyer } from '../../scripts/chaos/world';
import { BotConversation, textOf } from '../support/bot-http';
import { snapshot, violations } from './support/invariants';
import { OwnRedis } from './support/redis-server';
import { ServerProcess } from './support/server-process';
import { sleep } from './support/workload';

// Redis restarts (issue 6, item 2), on a Redis of the test's own with AOF on and fsync always: killed mid-conversation
// and mid-payment. While it is down the bot answers 503 "temporarily unavailable, nothing is lost" at once (no hung
// requests, no crash); once it is back the bot recovers by itself, conversations resume where they were, cases are
// intact and payments finish, once.

type Client = ReturnType<typeof createClient>;

interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

async function post(url: string, activity: Partial<Activity>): Promise<Answer> {
  const started = Date.now();
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, ms: Date.now() - started };
}

const replyText = (a: Answer): string => textOf(((a.body as { activities?: Partial<Activity>[] })?.activities ?? []) as Partial<Activity>[]);

/** Resends until answered 200 (the channel's retry), up to `timeoutMs`. */
async function untilAnswered(url: string, activity: Partial<Activity>, timeoutMs = 30_000): Promise<Answer> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await post(url, activity).catch((err: unknown) => ({ status: 0, body: String(err), ms: 0 }));
    if (answer.status === 200 || Date.now() > deadline) return answer;
    await sleep(250);
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

describe('Redis restarts under a running bot (own redis-server, AOF, fsync always)', () => {
  let redis: OwnRedis;
  let server: ServerProcess;
  let client: Client;
  const prefix = `test:chaos:redis-restart:${process.pid}:`;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    client = createClient({ url: redis.url, socket: { reconnectStrategy: () => 100 } });
    client.on('error', () => undefined);
    await client.connect();
    server = await ServerProcess.start({
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      CHAOS_BUYERS: '4',
      CHAOS_GATEWAY_LEDGER: 'redis',
      CHAOS_CLOCK_EPOCH_MS: String(Date.now()),
      // Half an hour of the run's clock passes in a second: the gateway's retry backoff (1 min ... 2 h) stays within seconds.
      CHAOS_CLOCK_SPEED: '1800',
      SWEEP_INTERVAL_MS: '100',
      PAYMENT_LATENCY_MS: '20',
      // Accepted payments are confirmed 90 minutes later on the run's clock: 3 s of real time, long enough to kill
      // Redis while they wait.
      PAYMENT_CONFIRM_AFTER_MS: '5400000',
      TURN_LOCK_TTL_MS: '5000',
      TURN_LOCK_WAIT_MS: '3000',
    });
  });

  afterAll(async () => {
    await server?.stop();
    await client?.quit().catch(() => undefined);
    await redis?.stop();
  });

  it('mid-conversation and mid-payment: 503 at once while down, then the conversation resumes, cases intact, paid once', async () => {
    const url = server.info.url;
    // Buyer 1 is half-way through a cancellation (quote shown, not yet confirmed).
    const one = new BotConversation(url, chaosBuyer(1), { locale: 'zh-CN' });
    const quote = await post(url, one.activity({ text: `我要取消订单 ${cancelOrder(1)}` }));
    expect(quote.status).toBe(200);
    // Buyer 2 has filed: the fast track starts paying at once and waits for the gateway's confirmation.
    const two = new BotConversation(url, chaosBuyer(2), { locale: 'zh-CN' });
    expect((await post(url, two.activity({ text: `我要取消订单 ${cancelOrder(2)}` }))).status).toBe(200);
    const filed = await post(url, two.activity({ text: '好的' }));
    const secondCase = /RD-\d{6}/.exec(replyText(filed))?.[0];
    expect(secondCase).toBeDefined();
    await waitFor(async () => (await snapshot(client, prefix)).cases.some((c) => c.id === secondCase && c.payment?.status === 'accepted'), 10_000, 'the payment to be accepted');

    await redis.kill9();
    const confirm = one.activity({ text: '好的' });
    const down = await post(url, confirm);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ error: 'temporarily_unavailable', message: expect.stringMatching(/nothing is lost/i) });
    // Fails fast: no request waits for Redis to come back.
    expect(down.ms).toBeLessThan(2_000);
    const another = await post(url, new BotConversation(url, chaosBuyer(3)).activity({ text: '你好' }));
    expect(another.status).toBe(503);
    expect(another.ms).toBeLessThan(2_000);
    expect(server.alive).toBe(true);

    await sleep(1_500);
    await redis.up();
    // The same activity again: answered by the step the conversation was at (the confirmation), filed once.
    const resumed = await untilAnswered(url, confirm);
    expect(resumed.status).toBe(200);
    const firstCase = /RD-\d{6}/.exec(replyText(resumed))?.[0];
    expect(firstCase).toBeDefined();

    await waitFor(async () => {
      const w = await snapshot(client, prefix);
      return w.cases.length === 2 && w.cases.every((c) => c.status === 'refunded');
    }, 30_000, 'both cases to be refunded');
    const world = await snapshot(client, prefix);
    expect(violations(world, { filed: [firstCase!, secondCase!], settled: true })).toEqual([]);
    expect(world.ledger.map((r) => r.caseId).sort()).toEqual([firstCase, secondCase].sort());
    expect(server.alive).toBe(true);
  }, 90_000);

  it('several restarts while payments are accepted and confirming: every case ends refunded, once', async () => {
    const url = server.info.url;
    const before = (await snapshot(client, prefix)).cases.length;
    const filedHere: string[] = [];
    for (const n of [3, 4]) {
      const c = new BotConversation(url, chaosBuyer(n), { locale: 'zh-CN' });
      expect((await untilAnswered(url, c.activity({ text: `我要取消订单 ${cancelOrder(n)}` }))).status).toBe(200);
      const filed = await untilAnswered(url, c.activity({ text: '好的' }));
      expect(filed.status).toBe(200);
      filedHere.push(/RD-\d{6}/.exec(replyText(filed))![0]);
    }
    for (let i = 0; i < 3; i++) {
      await sleep(400 + Math.random() * 800);
      await redis.kill9();
      await sleep(500 + Math.random() * 1000);
      await redis.up();
    }
    await waitFor(async () => {
      const w = await snapshot(client, prefix);
      return w.cases.length === filedHere.length + before && w.cases.every((c) => c.status === 'refunded');
    }, 40_000, 'every case to be refunded');
    const world = await snapshot(client, prefix);
    expect(violations(world, { filed: filedHere, settled: true })).toEqual([]);
    expect(world.ledger).toHaveLength(world.cases.length);
    // And the bot answers again as if nothing happened.
    const after = await untilAnswered(url, new BotConversation(url, chaosBuyer(1)).activity({ text: '我的退款到哪了' }));
    expect(after.status).toBe(200);
    expect(server.alive).toBe(true);
  }, 90_000);
});
