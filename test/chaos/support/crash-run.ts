import { createClient } from 'redis';
import type { PaymentStep, RefundCase } from '../../../services/refunds';
import { FakeConnector } from '../../support/fake-connector';
import { snapshot, violations, type WorldSnapshot } from './invariants';
import { ServerProcess } from './server-process';
import { AskStatus, CancelInChat, Driver, FileAndDecide, newStats, sleep, turnWatch, within, type AnyTask, type WorkloadStats } from './workload';

// One fault-injection run: a fresh world (own key prefix) on a real Redis, a real server process that is killed
// (kill -9) again and again while buyers file in chat, merchants decide, deadlines fire and payments run, and a
// last process that is left to finish. Then every rule of DESIGN.md §2 "safe to repeat and to race" is checked on
// what Redis holds, with the gateway's ledger (kept in Redis, across the deaths) as the judge of money.

export type Kill =
  /** kill -9 this long after the process is ready. */
  | { kind: 'random'; afterMs: number }
  /** The process kills itself at the first pass of a payment step (CHAOS_CRASH_AT). */
  | { kind: 'payment'; step: PaymentStep }
  /** kill -9 a few ms after a buyer's confirmation (the turn that files) was sent: inside the filing turn. */
  | { kind: 'mid_turn' };

export interface CrashRunOptions {
  redisUrl: string;
  /** Buyers in the world: each cancels one order in chat and has one return decided (or not) by the merchant. */
  buyers: number;
  kills: Kill[];
  /** How much faster than real time the run's clock goes (the merchant's hour passes in 3600/speed seconds). */
  speed?: number;
  /** A payment-step kill that did not happen within this long is done at random instead. */
  stepWaitMs?: number;
  log?: (line: string) => void;
}

export interface CrashRunReport {
  /** Processes killed, by how. */
  kills: Record<string, number>;
  /** Payment-step kills that found no payment at that step in time and were done at random instead. */
  stepMisses: number;
  stats: WorkloadStats;
  statuses: Record<string, number>;
  cases: number;
  ledgerRows: number;
  filedInChat: number;
  /** Broken rules: must be empty. */
  violations: string[];
  /** Answers that were wrong (a turn answered with nothing, a decision answered with an error): must be empty. */
  problems: string[];
  ms: number;
}

const DECISIONS = ['approve_without_return', 'none', 'reject', 'approve_without_return'] as const;

export async function crashRun(o: CrashRunOptions): Promise<CrashRunReport> {
  const started = Date.now();
  const log = o.log ?? (() => undefined);
  const run = `r${process.pid}${Math.random().toString(36).slice(2, 7)}`;
  const prefix = `test:chaos:${run}:`;
  const speed = o.speed ?? 1800;
  const env: Record<string, string> = {
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: prefix,
    CHAOS_BUYERS: String(o.buyers),
    CHAOS_GATEWAY_LEDGER: 'redis',
    CHAOS_CLOCK_EPOCH_MS: String(Date.now()),
    CHAOS_CLOCK_SPEED: String(speed),
    SWEEP_INTERVAL_MS: '100',
    MERCHANT_HOURS: '1',
    MERCHANT_SPECIAL_HOURS: '2',
    PAYMENT_FAILURE_RATE: '0.2',
    PAYMENT_DECLINE_RATE: '0.05',
    PAYMENT_LATENCY_MS: '20',
    // Accepted payments are confirmed a quarter of an hour later on the run's clock (half a second at 1800x).
    PAYMENT_CONFIRM_AFTER_MS: '900000',
    TURN_LOCK_TTL_MS: '4000',
    TURN_LOCK_WAIT_MS: '3000',
  };
  const redis = createClient({ url: o.redisUrl });
  await redis.connect();
  const connector = await FakeConnector.start();
  const stats = newStats();
  const chats: CancelInChat[] = [];
  const decisions: FileAndDecide[] = [];
  for (let n = 1; n <= o.buyers; n++) {
    chats.push(new CancelInChat(stats, n, connector.url));
    decisions.push(new FileAndDecide(stats, n, DECISIONS[n % DECISIONS.length]!, run));
  }
  // Work is released over the cycles, so every process has payments and decisions to die in the middle of.
  const batches: AnyTask[][] = Array.from({ length: o.kills.length + 1 }, () => []);
  for (let i = 0; i < o.buyers; i++) {
    batches[i % batches.length]!.push(chats[i]!, decisions[i]!);
  }

  let current: ServerProcess | null = null;
  const live = (): ServerProcess | null => (current?.alive ? current : null);
  const driver = new Driver([], () => live()?.info ?? null, 6);
  const asks: AskStatus[] = [];
  // Status questions all through each cycle, so a kill finds turns in flight.
  let chatter = true;
  const chattering = (async () => {
    while (chatter) {
      if (live()) {
        const ask = new AskStatus(stats, 1 + Math.floor(Math.random() * o.buyers), connector.url);
        asks.push(ask);
        driver.add([ask]);
      }
      await sleep(150);
    }
  })();
  const driving = driver.run();
  const kills: Record<string, number> = {};
  let stepMisses = 0;
  const count = (what: string): void => {
    kills[what] = (kills[what] ?? 0) + 1;
  };

  const start = async (extra: Record<string, string> = {}): Promise<ServerProcess | null> => {
    try {
      return await ServerProcess.start({ ...env, ...extra });
    } catch (err) {
      // Killed by its own crash hook while reconciling payments at start-up, before it listened.
      if (String((err as Error).message).includes('chaos: crashing at')) return null;
      throw err;
    }
  };

  try {
    for (const [i, kill] of o.kills.entries()) {
      // Fed one task at a time, so kills land while turns and commands are in flight.
      void feed(driver, batches[i]!, 120);
      if (kill.kind === 'payment') {
        current = await start({ CHAOS_CRASH_AT: `payment:${kill.step}` });
        if (!current) {
          count(`payment:${kill.step}`);
          continue;
        }
        const died = await within(current.exited, o.stepWaitMs ?? 8_000);
        if (died) {
          count(`payment:${kill.step}`);
        } else {
          stepMisses++;
          await current.kill9();
          count('random');
        }
      } else if (kill.kind === 'mid_turn') {
        current = await start();
        if (!current) throw new Error('a process without a crash hook died at start-up');
        const victim = current;
        const filingSent = new Promise<void>((resolve) => {
          turnWatch.listener = (filing) => {
            if (!filing) return;
            turnWatch.listener = null;
            // Somewhere inside the turn: before the case is written, after, or after the state is saved.
            setTimeout(resolve, Math.random() * 80);
          };
        });
        if (!(await within(filingSent, 8_000))) stepMisses++;
        turnWatch.listener = null;
        await victim.kill9();
        count(kill.kind);
      } else {
        current = await start();
        if (!current) throw new Error('a process without a crash hook died at start-up');
        await sleep(kill.afterMs);
        await current.kill9();
        count('random');
      }
      log(`cycle ${i + 1}/${o.kills.length}: ${kill.kind === 'payment' ? kill.step : kill.kind === 'random' ? `random after ${kill.afterMs} ms` : 'mid-turn'}; turns ${stats.turnsSent} (${stats.turnsInterrupted} cut), commands ${stats.commandsSent} (${stats.commandsInterrupted} cut)`);
    }

    // The last process lives: everything pending finishes, deadlines fire, payments settle.
    chatter = false;
    await chattering;
    driver.add(batches[o.kills.length]!);
    current = await start();
    if (!current) throw new Error('the last process died at start-up');
    driver.close();
    const finished = await within(driving, 120_000);
    if (!finished) {
      driver.stop();
      throw new Error(`the workload did not finish: ${driver.remaining} tasks left; server said:\n${current.tail.join('\n')}`);
    }
    log(`workload done at ${Date.now() - started} ms`);
    const world = await settle(redis, prefix, 60_000);
    log(`settled at ${Date.now() - started} ms`);
    const filed = chats.map((c) => c.filedCase).filter((id): id is string => id !== null);
    const found = violations(world, { filed, settled: true });
    // A chat that answered "filed" must have filed that very order.
    for (const chat of chats) {
      const c = world.cases.find((x) => x.id === chat.filedCase);
      if (chat.filedCase && c && c.orderId !== chat.orderId) found.push(`${chat.orderId}: the chat answered ${chat.filedCase}, which is ${c.orderId}`);
    }
    for (const d of decisions) if (d.caseId && !world.cases.some((c) => c.id === d.caseId)) found.push(`${d.orderId}: filed as ${d.caseId}, which is gone`);
    const statuses: Record<string, number> = {};
    for (const c of world.cases) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
    await current.stop();
    current = null;
    log(`stopped at ${Date.now() - started} ms`);
    return {
      kills,
      stepMisses,
      stats,
      statuses,
      cases: world.cases.length,
      ledgerRows: world.ledger.length,
      filedInChat: filed.length,
      violations: found,
      problems: [...chats.flatMap((c) => c.problems), ...decisions.flatMap((d) => d.problems), ...asks.flatMap((a) => a.problems)],
      ms: Date.now() - started,
    };
  } finally {
    turnWatch.listener = null;
    chatter = false;
    driver.stop();
    if (current) await current.kill9();
    await connector.stop();
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length) await redis.del(keys);
    await redis.quit();
  }
}

async function feed(driver: Driver, tasks: AnyTask[], spacingMs: number): Promise<void> {
  for (const task of tasks) {
    driver.add([task]);
    await sleep(spacingMs);
  }
}

const UNSETTLED: ReadonlySet<RefundCase['status']> = new Set(['refund_pending', 'refunding', 'pending_merchant']);

/** Waits until no case waits for a payment or the merchant's deadline, and returns the world as it is then. */
async function settle(redis: Parameters<typeof snapshot>[0], prefix: string, timeoutMs: number): Promise<WorldSnapshot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const world = await snapshot(redis, prefix);
    const open = world.cases.filter((c) => UNSETTLED.has(c.status));
    if (open.length === 0 || Date.now() > deadline) return world;
    await sleep(250);
  }
}
