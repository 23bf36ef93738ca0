import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { FixtureLogistics } from '../services/logistics';
import { FixtureCatalogue, demoData } from '../services/orders';
import { SimulatedGateway } from '../services/payments';
import { createRefundCore } from '../services/refunds';
import type { Clock } from '../services/refunds';
import { RedisCaseStore, createRedis, storeKeys } from '../services/store';
import type { RedisClient } from '../services/store';
import { startChild } from './support/child';
import { fmt, median, percentile, table } from './support/figures';
import { describeMachine, loadAverageNow, machine } from './support/machine';
import { deleteKeysUnder, memoryUsage } from './support/redis-admin';
import { commitCases, seededCase, templateCase } from './support/seed-cases';
import type { SeedKind } from './support/seed-cases';
import { timerBuyer, timerOrder, worldOrders } from './support/world';

// The deadline sweep on Redis with many open cases: N cases seeded straight through RedisCaseStore.commit (the
// same atomic write the core makes, pipelined in batches), of which a small share is due now: half at their
// merchant deadline (auto-approval, then a payment on the next sweep), half at their first reminder. The rest
// wait in pending_merchant (reminders over the next 12 hours) or return_in_transit (a parcel on its way).
// Measured: a sweep with nothing due, every sweep until nothing is due (CaseTimers.sweep, 500 cases at most per
// sweep, as the app's SweeperLoop calls it), and the return poller (CaseTimers.pollReturns). Prints figures;
// asserts nothing; deletes its own keys.
//
//   npm run bench:sweep                                   1,000 / 10,000 / 100,000 open cases, 1% due
//   npm run bench:sweep -- --sizes 1000,10000 --due 0.01 --in-transit 0.1 --gateway-latency-ms 200

interface Options {
  sizes: number[];
  /** Share of the cases due now. */
  due: number;
  /** Share of the cases with a return parcel on its way (read by every return poll). */
  inTransit: number;
  /** Latency of the simulated payment gateway in the sweep of payments (the app's default is 200 ms). */
  gatewayLatencyMs: number;
  /** Payments due in the gateway-latency measurement. */
  payments: number;
  redisUrl: string;
}

interface SizeResult {
  n: number;
  seedMs: number;
  due: number;
  inTransit: number;
  idleBefore: number[];
  sweeps: { ms: number; examined: number; fired: number; commands: number }[];
  idleAfter: number[];
  idleCommands: number;
  poll: number[];
  /** The store query alone (one script call and the JSON parsing). */
  find: number[];
  /** Longest PING from another process during the store queries. */
  pingMax: number;
  /** Every case created in the last 30 days, read as the process alerts read them. */
  recent: { count: number; ms: number; pingMax: number };
  deadlineIndexBytes: number;
}

const MINUTE = 60_000;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const tag = randomBytes(3).toString('hex');
  const client = createRedis({ url: o.redisUrl, name: 'bench-sweep' });
  await client.connect();
  const prefixes: string[] = [];
  try {
    console.log(`deadline sweep bench: sizes ${o.sizes.join(', ')}; ${fmt(o.due * 100, 1)}% due, ${fmt(o.inTransit * 100, 0)}% of the others in return transit; prefix bench:sweep:${tag}:`);
    console.log(`machine: ${describeMachine(await machine(client))}`);
    const results: SizeResult[] = [];
    for (const n of o.sizes) {
      const prefix = `bench:sweep:${tag}:n${n}:`;
      prefixes.push(prefix);
      results.push(await runSize(client, prefix, n, o));
      await deleteKeysUnder(client, [prefix]);
      console.log(`  ${n}: done (load ${loadAverageNow()})`);
    }
    const paymentPrefix = `bench:sweep:${tag}:pay:`;
    prefixes.push(paymentPrefix);
    const payments = await paymentSweep(client, paymentPrefix, o);
    report(results, payments);
    console.log(`machine at the end: ${describeMachine(await machine(client))}`);
  } finally {
    const removed = await deleteKeysUnder(client, prefixes);
    console.log(`cleanup: ${removed} keys left under bench:sweep:${tag}: deleted`);
    await client.close();
  }
}

/** The core over the Redis store, on a clock the benchmark sets. */
function coreOn(client: RedisClient, prefix: string, orders: number, clock: { at: number }, gatewayLatencyMs = 0) {
  const c: Clock = { now: () => new Date(clock.at) };
  const world = worldOrders(0, orders, new Date(clock.at));
  const store = new RedisCaseStore({ client, prefix });
  const core = createRefundCore({
    store,
    orders: new FixtureCatalogue({ data: { buyers: world.buyers, shops: demoData(new Date(clock.at)).shops, orders: world.orders } }),
    payments: new SimulatedGateway({ clock: c, latencyMs: gatewayLatencyMs, confirmAfterMs: 0 }),
    logistics: new FixtureLogistics({ clock: c }),
    clock: c,
  });
  return { store, core, policy: core.service.policy };
}

async function runSize(client: RedisClient, prefix: string, n: number, o: Options): Promise<SizeResult> {
  const now = Date.now();
  const clock = { at: now };
  const { store, core, policy } = coreOn(client, prefix, n, clock);
  const template = await templateCase(now);
  let seed = 42;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const dueEvery = Math.max(1, Math.round(1 / o.due));
  const transitEvery = o.inTransit > 0 ? Math.max(1, Math.round(1 / o.inTransit)) : Infinity;
  const kinds: SeedKind[] = Array.from({ length: n }, (_, i) =>
    i % dueEvery === 0 ? ((i / dueEvery) % 2 === 0 ? 'due_expiry' : 'due_reminder') : i % transitEvery === 1 ? 'in_transit' : 'waiting',
  );
  const cases = kinds.map((k, i) => seededCase(template, i, k, now, rand));
  const seedStarted = performance.now();
  await commitCases(store, cases, policy);
  const seedMs = performance.now() - seedStarted;
  const due = kinds.filter((k) => k.startsWith('due')).length;
  const inTransit = kinds.filter((k) => k === 'in_transit').length;

  const timeSweeps = async (times: number): Promise<{ ms: number[]; commands: number }> => {
    const ms: number[] = [];
    const before = store.roundTrips;
    for (let i = 0; i < times; i++) {
      const t = performance.now();
      const r = await core.timers.sweep();
      ms.push(performance.now() - t);
      if (r.examined !== 0) throw new Error(`expected nothing due, found ${r.examined}`);
    }
    return { ms, commands: (store.roundTrips - before) / times };
  };

  // Nothing due yet: the clock before the earliest wake time (due cases fell due within the last hour).
  clock.at = now - 61 * MINUTE;
  const idleBefore = await timeSweeps(200);

  // Everything due, sweep after sweep, as the loop would run them (500 cases at most per sweep).
  clock.at = Date.now();
  const sweeps: SizeResult['sweeps'] = [];
  for (let i = 0; i < 50; i++) {
    clock.at = Date.now();
    const before = store.roundTrips;
    const t = performance.now();
    const r = await core.timers.sweep();
    const ms = performance.now() - t;
    if (r.examined === 0) break;
    sweeps.push({ ms, examined: r.examined, fired: r.fired, commands: store.roundTrips - before });
  }
  const idleAfter = await timeSweeps(200);

  // The return poller reads every case in return transit, in one script call: while the script runs, Redis
  // serves no one else. A PINGing process of its own sees that as its longest wait.
  const poll: number[] = [];
  const find: number[] = [];
  let pingMax = 0;
  let recentCount = 0;
  let recentMs = NaN;
  let recentPing = NaN;
  const probe = await startChild<{ type: 'ready' }>('bench/support/ping-probe.ts', { ...childEnv(), BENCH_REDIS_TARGET: o.redisUrl });
  try {
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await core.timers.pollReturns();
      poll.push(performance.now() - t);
    }
    await probe.request({ op: 'read' });
    for (let i = 0; i < 3; i++) {
      const f = performance.now();
      await store.find({ status: 'return_in_transit' });
      find.push(performance.now() - f);
    }
    pingMax = (await probe.request<{ longestMs: number }>({ op: 'read' })).longestMs;
    // What the process alerts read every 5 minutes besides the open cases: every case created in 30 days.
    const r = performance.now();
    recentCount = (await store.find({ createdFrom: new Date(Date.now() - 30 * 86_400_000), createdTo: new Date(Date.now() + 1) })).length;
    recentMs = performance.now() - r;
    recentPing = (await probe.request<{ longestMs: number }>({ op: 'read' })).longestMs;
  } finally {
    await probe.stop();
  }
  const deadlineIndexBytes = await memoryUsage(client, storeKeys(prefix).deadlines);
  return { n, seedMs, due, inTransit, idleBefore: idleBefore.ms, idleCommands: idleBefore.commands, sweeps, idleAfter: idleAfter.ms, poll, find, pingMax, recent: { count: recentCount, ms: recentMs, pingMax: recentPing }, deadlineIndexBytes };
}

/** Payments due with a gateway that takes time to answer: the sweep pays one case after another. */
async function paymentSweep(client: RedisClient, prefix: string, o: Options): Promise<{ count: number; ms: number; fired: number; latencyMs: number }> {
  const clock = { at: Date.now() };
  const { core } = coreOn(client, prefix, o.payments, clock, o.gatewayLatencyMs);
  const merchant = { role: 'merchant' as const, id: 'bench-merchant', shopId: 'shop-201' };
  for (let k = 0; k < o.payments; k++) {
    const filed = await core.service.file({ role: 'buyer', id: timerBuyer(k) }, { orderId: timerOrder(k), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received' }, `pay-${k}`);
    if (!filed.ok) throw new Error(`filing refused: ${JSON.stringify(filed.error)}`);
    const approved = await core.service.execute(merchant, filed.value.case.id, { kind: 'merchant_approve' }, `approve-${k}`);
    if (!approved.ok || approved.value.case.status !== 'refund_pending') throw new Error(`approval: ${JSON.stringify(approved).slice(0, 200)}`);
  }
  clock.at = Date.now() + 1_000;
  const t = performance.now();
  const r = await core.timers.sweep();
  return { count: o.payments, ms: performance.now() - t, fired: r.fired, latencyMs: o.gatewayLatencyMs };
}

function report(results: SizeResult[], payments: { count: number; ms: number; fired: number; latencyMs: number }): void {
  const out: string[] = [''];
  out.push('Seeding and sweeps with nothing due (200 sweeps each; one ZRANGE BYSCORE ... LIMIT on the deadline index):');
  out.push(
    ...table(
      ['open cases', 'seeded/s', 'due', 'in transit', 'idle sweep p50 ms', 'p99 ms', 'after drain p50 ms', 'p99 ms', 'cmds/idle sweep', 'deadline index MB'],
      results.map((r) => [
        String(r.n),
        fmt(r.n / (r.seedMs / 1000)),
        String(r.due),
        String(r.inTransit),
        fmt(median(r.idleBefore), 3),
        fmt(percentile(r.idleBefore, 0.99), 3),
        fmt(median(r.idleAfter), 3),
        fmt(percentile(r.idleAfter, 0.99), 3),
        fmt(r.idleCommands, 0),
        fmt(r.deadlineIndexBytes / 2 ** 20, 2),
      ]),
    ),
  );
  out.push('', 'Sweeps with work due (each sweep takes at most 500 due cases, earliest first, and fires them one after another):');
  const rows: string[][] = [];
  for (const r of results) {
    r.sweeps.forEach((s, i) =>
      rows.push([String(r.n), String(i + 1), String(s.examined), String(s.fired), fmt(s.ms, 1), fmt(s.ms / Math.max(1, s.examined), 2), fmt(s.commands / Math.max(1, s.examined), 1)]),
    );
  }
  out.push(...table(['open cases', 'sweep', 'examined', 'fired', 'ms', 'ms per case', 'Redis cmds per case'], rows));
  out.push('', 'Growth with the number of open cases (all sweeps until nothing was due):');
  out.push(
    ...table(
      ['open cases', 'due', 'sweeps', 'cases fired', 'total ms', 'ms per fired case', 'first sweep ms', 'return poll ms (cases in transit)'],
      results.map((r) => {
        const fired = r.sweeps.reduce((s, x) => s + x.fired, 0);
        const total = r.sweeps.reduce((s, x) => s + x.ms, 0);
        return [String(r.n), String(r.due), String(r.sweeps.length), String(fired), fmt(total, 0), fmt(total / Math.max(1, fired), 2), fmt(r.sweeps[0]?.ms ?? NaN, 1), `${fmt(median(r.poll), 1)} (${r.inTransit})`];
      }),
    ),
  );
  out.push('', 'The return poller (CaseTimers.pollReturns, every 30 s by default: every case in return transit, read in one script call):');
  out.push(
    ...table(
      ['open cases', 'in transit', 'poll ms (p50 of 3)', 'store query ms', 'longest PING from another process during the queries ms'],
      results.map((r) => [String(r.n), String(r.inTransit), fmt(median(r.poll), 1), fmt(median(r.find), 1), fmt(r.pingMax, 1)]),
    ),
  );
  out.push('', 'Every case created in the last 30 days in one query (what the process alerts read every 5 minutes, besides every open case):');
  out.push(
    ...table(
      ['open cases', 'cases read', 'query ms', 'longest PING from another process ms'],
      results.map((r) => [String(r.n), String(r.recent.count), fmt(r.recent.ms, 1), fmt(r.recent.pingMax, 1)]),
    ),
  );
  out.push(
    '',
    `Payments with a gateway answering in ${payments.latencyMs} ms: ${payments.count} due, one sweep took ${fmt(payments.ms, 0)} ms for ${payments.fired} fired ` +
      `(${fmt(payments.ms / Math.max(1, payments.fired), 0)} ms per payment: ${fmt((1000 * payments.fired) / payments.ms, 1)} payments/s per instance)`,
  );
  console.log(out.join('\n'));
}

function childEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_PATH', 'TS_NODE_PROJECT'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

function parseArgs(argv: string[]): Options {
  const raw = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  };
  const num = (name: string, fallback: number): number => {
    const v = raw(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, not "${v}"`);
    return n;
  };
  const sizes = (raw('sizes') ?? '1000,10000,100000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((s) => !Number.isInteger(s) || s <= 0)) throw new Error('--sizes takes whole numbers, e.g. 1000,10000');
  return {
    sizes,
    due: Math.min(1, Math.max(0.0001, num('due', 0.01))),
    inTransit: Math.min(1, num('in-transit', 0.1)),
    gatewayLatencyMs: num('gateway-latency-ms', 200),
    payments: Math.max(1, Math.round(num('payments', 25))),
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`sweep bench: ${(err as Error).stack ?? String(err)}`);
    process.exit(1);
  });
}
