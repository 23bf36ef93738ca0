import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SystemClock } from '../services/clock';
import { FixtureLogistics } from '../services/logistics';
import { FixtureCatalogue, demoData } from '../services/orders';
import { SimulatedGateway } from '../services/payments';
import { createRefundCore, type Actor, type CommandOutcome } from '../services/refunds';
import type { Order } from '../services/refunds/order';
import { RedisCaseStore, createRedis, type RedisClient } from '../services/store';

// Throughput of the refund core on Redis: N cases filed, approved by the merchant and paid by the sweeper, with
// about 50 commands in flight. Prints figures; asserts nothing.
//
//   npm run bench:core                 N = 10000, concurrency 50
//   npm run bench:core -- 2000 50      N and concurrency as arguments (or BENCH_N / BENCH_CONCURRENCY)
//   REDIS_URL=redis://host:6379 npm run bench:core

const N = positive(process.argv[2] ?? process.env.BENCH_N, 10_000);
const CONCURRENCY = positive(process.argv[3] ?? process.env.BENCH_CONCURRENCY, 50);
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PREFIX = `bench:core:${randomBytes(4).toString('hex')}:`;
const MERCHANT: Actor = { role: 'merchant', id: 'm-bench', shopId: 'shop-201' };

interface Phase {
  name: string;
  commands: number;
  ms: number;
  roundTrips: number;
  latencies: number[];
  failures: number;
}

async function main(): Promise<void> {
  const client = createRedis({ url: REDIS_URL, name: 'bench-core' });
  await client.connect();
  const redisBefore = await usedMemory(client);
  try {
    await run(client, redisBefore);
  } finally {
    const removed = await deleteKeysUnder(client, PREFIX);
    console.log(`cleanup: ${removed} keys under ${PREFIX} deleted`);
    await client.close();
  }
}

async function run(client: RedisClient, redisBefore: number): Promise<void> {
  const clock = new SystemClock();
  const now = clock.now();
  const demo = demoData(now);
  const catalogue = new FixtureCatalogue({ data: { buyers: [], shops: demo.shops, orders: [] } });
  // Each case has its own buyer: platform confirmation flags a buyer with 5 cases in 30 days.
  for (let i = 0; i < N; i++) catalogue.putOrder(orderFor(i, now));
  const store = new RedisCaseStore({ client, prefix: PREFIX, outboxMaxLength: N * 5 });
  const gateway = new SimulatedGateway({ clock });
  const core = createRefundCore({ store, orders: catalogue, payments: gateway, logistics: new FixtureLogistics({ clock }), clock });

  console.log(`refund core bench: N=${N}, concurrency=${CONCURRENCY}, redis ${redactUrl(REDIS_URL)}, prefix ${PREFIX}`);
  const heapStart = process.memoryUsage();
  const phases: Phase[] = [];

  const ids: string[] = new Array(N);
  phases.push(
    await phase('file', store, N, async (i) => {
      const buyer: Actor = { role: 'buyer', id: `bench-buyer-${i}` };
      const outcome = await core.service.file(buyer, { orderId: `BENCH-${i}`, lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received' }, `act-file-${i}`);
      ids[i] = caseOf(outcome, 'pending_merchant');
    }),
  );

  phases.push(
    await phase('merchant approve', store, N, async (i) => {
      caseOf(await core.service.execute(MERCHANT, ids[i]!, { kind: 'merchant_approve' }, `invoke-${i}`), 'refund_pending');
    }),
  );

  // The sweeper's work, spread over CONCURRENCY workers: each tick submits and confirms one payment.
  const due = await store.due(new Date(Date.now() + 1_000), N + 1);
  if (due.length !== N) throw new Error(`expected ${N} payments due, found ${due.length}`);
  phases.push(
    await phase('pay (sweep tick)', store, N, async (i) => {
      const outcome = await core.timers.tick(due[i]!);
      if (outcome.kind !== 'fired' || outcome.case.status !== 'refunded') throw new Error(`payment of ${due[i]} ended ${outcome.kind}`);
    }),
  );

  const paid = gateway.ledger();
  if (paid.length !== N || gateway.paidTwice().length > 0) throw new Error(`ledger has ${paid.length} rows, ${gateway.paidTwice().length} cases paid twice`);

  const heapEnd = process.memoryUsage();
  const redisAfter = await usedMemory(client);
  const sample = ids[Math.floor(N / 2)]!;
  const caseBytes = await memoryUsage(client, `${PREFIX}case:${sample}`);
  const auditBytes = await memoryUsage(client, `${PREFIX}audit:${sample}`);
  const streamBytes = await memoryUsage(client, `${PREFIX}events`);

  console.log('');
  console.log('phase               cases/s   ms total   round trips/cmd   p50 ms   p99 ms   failures');
  for (const p of phases) {
    console.log(
      `${p.name.padEnd(18)} ${fmt(p.commands / (p.ms / 1000), 9)} ${fmt(p.ms, 10)} ${fmt(p.roundTrips / p.commands, 17, 2)} ${fmt(percentile(p.latencies, 0.5), 8, 1)} ${fmt(percentile(p.latencies, 0.99), 8, 1)} ${fmt(p.failures, 10)}`,
    );
  }
  const totalMs = phases.reduce((s, p) => s + p.ms, 0);
  const totalTrips = phases.reduce((s, p) => s + p.roundTrips, 0);
  console.log(`${'overall'.padEnd(18)} ${fmt(N / (totalMs / 1000), 9)} ${fmt(totalMs, 10)} ${fmt(totalTrips / N, 17, 2)}   (per case, 3 commands)`);
  console.log('');
  console.log(`node memory: rss ${mb(heapStart.rss)} -> ${mb(heapEnd.rss)} MB, heap used ${mb(heapStart.heapUsed)} -> ${mb(heapEnd.heapUsed)} MB`);
  console.log(`redis used_memory: +${mb(redisAfter - redisBefore)} MB for ${N} cases (${fmt((redisAfter - redisBefore) / N, 0)} bytes per case, indexes and outbox included)`);
  console.log(`redis MEMORY USAGE of one case: document ${caseBytes} B, audit trail ${auditBytes} B; outbox stream ${mb(streamBytes)} MB`);
}

/** Runs `n` commands with at most CONCURRENCY in flight and measures them. */
async function phase(name: string, store: RedisCaseStore, n: number, command: (i: number) => Promise<void>): Promise<Phase> {
  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const tripsBefore = store.roundTrips;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < n) {
      const i = next++;
      const t = performance.now();
      try {
        await command(i);
      } catch (err) {
        failures++;
        if (failures <= 3) console.error(`${name} #${i}: ${err instanceof Error ? err.message : String(err)}`);
      }
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, worker));
  const ms = performance.now() - started;
  const p: Phase = { name, commands: n, ms, roundTrips: store.roundTrips - tripsBefore, latencies, failures };
  console.log(`  ${name}: ${n} in ${(ms / 1000).toFixed(2)} s`);
  return p;
}

function caseOf(outcome: CommandOutcome, expected: string): string {
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  if (outcome.value.case.status !== expected) throw new Error(`${outcome.value.case.id} is ${outcome.value.case.status}, expected ${expected}`);
  return outcome.value.case.id;
}

function orderFor(i: number, now: Date): Order {
  const t = now.getTime();
  const day = 86_400_000;
  return {
    id: `BENCH-${i}`,
    buyerId: `bench-buyer-${i}`,
    shopId: 'shop-201',
    currency: 'CNY',
    paid: true,
    paidAt: new Date(t - 6 * day).toISOString(),
    shippedAt: new Date(t - 5 * day).toISOString(),
    deliveredAt: new Date(t - 2 * day).toISOString(),
    lines: [
      { index: 0, sku: 'BENCH-A', title: '基准商品 A', unitPrice: 19_900, quantity: 2 },
      { index: 1, sku: 'BENCH-B', title: '基准商品 B', unitPrice: 990, quantity: 3 },
    ],
    deductions: { coupon: 1_000, redPacket: 200, points: 300 },
    shippingFee: 0,
    paymentMethod: 'alipay',
  };
}

async function usedMemory(client: RedisClient): Promise<number> {
  const info = await client.sendCommand<string>(['INFO', 'memory']);
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? 0);
}

async function memoryUsage(client: RedisClient, key: string): Promise<number> {
  return Number((await client.sendCommand<number | null>(['MEMORY', 'USAGE', key])) ?? 0);
}

async function deleteKeysUnder(client: RedisClient, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '1000']);
    if (keys.length > 0) deleted += Number(await client.sendCommand(['UNLINK', ...keys]));
    cursor = String(next);
  } while (cursor !== '0');
  return deleted;
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function positive(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function fmt(n: number, width: number, digits = 0): string {
  return n.toFixed(digits).padStart(width);
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
