import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCallbackServer } from '../scripts/chat/callback-server';
import type { ActivityLike } from '../scripts/chat/render';
import { FixtureLogistics } from '../services/logistics';
import { FixtureCatalogue, demoData } from '../services/orders';
import { SimulatedGateway } from '../services/payments';
import { createRefundCore } from '../services/refunds';
import type { Actor, Clock } from '../services/refunds';
import { RedisCaseStore, createRedis } from '../services/store';
import type { RedisClient } from '../services/store';
import { BuyerScript, isFailedTurn } from './support/buyer-script';
import { startChild } from './support/child';
import type { Child } from './support/child';
import { BenchConversation } from './support/conversation-client';
import { fmt, table } from './support/figures';
import { describeMachine, machine } from './support/machine';
import { deleteKeysUnder, keysUnder, usedMemory } from './support/redis-admin';
import { timerBuyer, timerOrder, worldOrders, worldProfile } from './support/world';

// What Redis holds per conversation and per case.
//   1. Conversations: N buyers (each their own, from the benchmark's marketplace) talk to the refund app over
//      HTTP (greeting, status question, a refund up to the quote, cancelled), then go idle. Every key under the
//      app's prefix is weighed with MEMORY USAGE (SAMPLES 0: exact) and grouped by what it is.
//   2. Cases: M cases go through the core on Redis (filed, approved by the merchant, paid by the sweeper tick),
//      weighed when open (just filed) and when archived (refunded, terminal). The outbox stream is capped as in
//      production (100,000 events).
// INFO used_memory before and after is printed too, but the server is shared with other work: the per-key sums
// are the figures to trust. Deletes its own keys.
//
//   npm run bench:memory                                    500 conversations, 100,000 archived cases
//   npm run bench:memory -- --conversations 200 --cases 10000

interface Options {
  conversations: number;
  cases: number;
  concurrency: number;
  redisUrl: string;
}

type Weights = Map<string, { keys: number; bytes: number }>;

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const tag = randomBytes(3).toString('hex');
  const client = createRedis({ url: o.redisUrl, name: 'bench-memory' });
  await client.connect();
  const convPrefix = `bench:mem:${tag}:conv:`;
  const casePrefix = `bench:mem:${tag}:case:`;
  try {
    console.log(`memory bench: ${o.conversations} conversations, ${o.cases} cases; prefix bench:mem:${tag}:`);
    console.log(`machine: ${describeMachine(await machine(client))}`);
    if (o.conversations > 0) await conversations(client, convPrefix, o);
    if (o.cases > 0) await cases(client, casePrefix, o);
    console.log(`machine at the end: ${describeMachine(await machine(client))}`);
  } finally {
    const removed = await deleteKeysUnder(client, [convPrefix, casePrefix]);
    console.log(`cleanup: ${removed} keys under bench:mem:${tag}: deleted`);
    await client.close();
  }
}

async function conversations(client: RedisClient, prefix: string, o: Options): Promise<void> {
  const evidenceDir = mkdtempSync(join(tmpdir(), 'rd-mem-evidence-'));
  const callbacks = await startCallbackServer({ onActivity: () => undefined });
  let app: Child<{ type: 'ready'; url: string }> | null = null;
  try {
    const worldAt = Date.now();
    app = await startChild<{ type: 'ready'; url: string }>('bench/support/refund-app-process.ts', {
      ...baseEnv(),
      PORT: '0',
      HOST: '127.0.0.1',
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: prefix,
      LOG_LEVEL: 'silent',
      EVIDENCE_DIR: evidenceDir,
      SWEEP_INTERVAL_MS: '3600000',
      RETURN_POLL_INTERVAL_MS: '3600000',
      BENCH_WORLD_BUYERS: String(o.conversations),
      BENCH_WORLD_AT: String(worldAt),
    });
    const url = app.ready.url;
    const before = await usedMemory(client);
    let next = 0;
    let turns = 0;
    let failed = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(20, o.conversations) }, async () => {
        while (next < o.conversations) {
          const n = next++;
          const profile = worldProfile(n, 'cancel');
          const conversation = new BenchConversation(url, profile.user, profile.locale, callbacks.url, 'mem');
          const script = new BuyerScript(profile);
          let replies: ActivityLike[] = [];
          for (let plan = script.next(replies); plan; plan = script.next(replies)) {
            const t = await conversation.send(plan.content);
            turns++;
            if (t.status !== 200 || isFailedTurn(t.replies)) failed++;
            replies = t.replies;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = await usedMemory(client);
    const weights = await weigh(client, prefix, conversationArea);
    console.log('');
    console.log(`Conversations: ${o.conversations} buyers, ${turns} turns in ${fmt(seconds, 1)} s (${failed} failed), each buyer's conversation ended at the quote (cancelled), then idle:`);
    printWeights(weights, o.conversations, 'per conversation');
    const idle = [...weights.entries()].filter(([area]) => area !== 'reply cache (expires after 10 min)');
    const idleBytes = idle.reduce((s, [, w]) => s + w.bytes, 0);
    const allBytes = [...weights.values()].reduce((s, w) => s + w.bytes, 0);
    console.log(
      `per idle conversation: ${fmt(allBytes / o.conversations)} B in the first 10 minutes, ${fmt(idleBytes / o.conversations)} B once the reply cache has expired; ` +
        `INFO used_memory +${fmt((after - before) / o.conversations)} B per conversation (shared server: indicative)`,
    );
  } finally {
    if (app) await app.stop().catch(() => undefined);
    await callbacks.close();
    rmSync(evidenceDir, { recursive: true, force: true });
  }
}

async function cases(client: RedisClient, prefix: string, o: Options): Promise<void> {
  const clock: Clock = { now: () => new Date() };
  const world = worldOrders(0, o.cases, clock.now());
  const store = new RedisCaseStore({ client, prefix });
  const gateway = new SimulatedGateway({ clock, latencyMs: 0, confirmAfterMs: 0 });
  const core = createRefundCore({
    store,
    orders: new FixtureCatalogue({ data: { buyers: world.buyers, shops: demoData(clock.now()).shops, orders: world.orders } }),
    payments: gateway,
    logistics: new FixtureLogistics({ clock }),
    clock,
  });
  const merchant: Actor = { role: 'merchant', id: 'bench-merchant', shopId: 'shop-201' };
  const ids: string[] = new Array(o.cases);
  const before = await usedMemory(client);

  const phase = async (name: string, run: (i: number) => Promise<void>): Promise<void> => {
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: o.concurrency }, async () => {
        while (next < o.cases) await run(next++);
      }),
    );
    console.log(`  ${name}: ${o.cases} in ${fmt((performance.now() - started) / 1000, 1)} s`);
  };
  console.log('');
  await phase('file', async (i) => {
    const filed = await core.service.file({ role: 'buyer', id: timerBuyer(i) }, { orderId: timerOrder(i), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '物流一直没有更新' }, `mem-file-${i}`);
    if (!filed.ok || filed.value.case.status !== 'pending_merchant') throw new Error(`filing: ${JSON.stringify(filed).slice(0, 200)}`);
    ids[i] = filed.value.case.id;
  });
  const afterFile = await usedMemory(client);
  const open = await weigh(client, prefix, caseArea);
  console.log(`Open cases (just filed, pending_merchant): ${o.cases}`);
  printWeights(open, o.cases, 'per case');
  console.log(`INFO used_memory +${fmt((afterFile - before) / o.cases)} B per open case (shared server: indicative)`);

  await phase('merchant approve', async (i) => {
    const r = await core.service.execute(merchant, ids[i]!, { kind: 'merchant_approve' }, `mem-approve-${i}`);
    if (!r.ok || r.value.case.status !== 'refund_pending') throw new Error(`approval: ${JSON.stringify(r).slice(0, 200)}`);
  });
  await phase('pay (sweep tick)', async (i) => {
    const r = await core.timers.tick(ids[i]!);
    if (r.kind !== 'fired' || r.case.status !== 'refunded') throw new Error(`payment of ${ids[i]} ended ${r.kind}`);
  });
  const afterPay = await usedMemory(client);
  const archived = await weigh(client, prefix, caseArea);
  console.log(`Archived cases (refunded: filed, approved, paid; ${fmt(gateway.ledger().length)} payments in the gateway's ledger): ${o.cases}`);
  printWeights(archived, o.cases, 'per case');
  const expiring = ['idempotency records (expire after 7 days)'];
  const kept = [...archived.entries()].filter(([area]) => !expiring.includes(area)).reduce((s, [, w]) => s + w.bytes, 0);
  const total = [...archived.values()].reduce((s, w) => s + w.bytes, 0);
  console.log(
    `${o.cases} archived cases: ${fmt(total / 2 ** 20, 1)} MB in Redis (${fmt(total / o.cases)} B per case); ${fmt(kept / 2 ** 20, 1)} MB once the idempotency records have expired (${fmt(kept / o.cases)} B per case); ` +
      `INFO used_memory +${fmt((afterPay - before) / 2 ** 20, 1)} MB (shared server: indicative)`,
  );
}

/** MEMORY USAGE (exact) of every key under the prefix, summed by area. */
async function weigh(client: RedisClient, prefix: string, areaOf: (key: string) => string): Promise<Weights> {
  const keys = await keysUnder(client, prefix);
  const weights: Weights = new Map();
  for (let i = 0; i < keys.length; i += 1_000) {
    const batch = keys.slice(i, i + 1_000);
    const sizes = await Promise.all(batch.map((k) => client.sendCommand<number | null>(['MEMORY', 'USAGE', k, 'SAMPLES', '0'])));
    batch.forEach((key, j) => {
      const area = areaOf(key.slice(prefix.length));
      const w = weights.get(area) ?? { keys: 0, bytes: 0 };
      w.keys += 1;
      w.bytes += Number(sizes[j] ?? 0);
      weights.set(area, w);
    });
  }
  return weights;
}

function printWeights(weights: Weights, per: number, label: string): void {
  const total = [...weights.values()].reduce((s, w) => s + w.bytes, 0);
  const rows = [...weights.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([area, w]) => [area, String(w.keys), fmt(w.bytes / 2 ** 20, 2), fmt(w.bytes / per), fmt(w.bytes / w.keys), `${fmt((100 * w.bytes) / total)}%`]);
  rows.push(['total', String([...weights.values()].reduce((s, w) => s + w.keys, 0)), fmt(total / 2 ** 20, 2), fmt(total / per), '', '100%']);
  console.log(table(['what', 'keys', 'MB', `bytes ${label}`, 'bytes per key', 'share'], rows).join('\n'));
}

function conversationArea(key: string): string {
  if (key.startsWith('bot:state:')) return 'conversation state';
  if (key.startsWith('bot:convref:buyer:')) return 'conversation reference (per buyer)';
  if (key.startsWith('bot:convref:case:')) return 'conversation reference (per case)';
  if (key.startsWith('bot:convref:')) return 'conversation reference (other)';
  if (key.startsWith('reply:')) return 'reply cache (expires after 10 min)';
  if (key.startsWith('handoff:lines:')) return 'transcript (handoff lines)';
  if (key.startsWith('handoff:')) return 'handoff queue';
  if (key.startsWith('bot:turn-lock:')) return 'turn lock';
  if (key.startsWith('bot:')) return `bot: ${key.split(':')[1]}`;
  return `other: ${key.split(':')[0]}`;
}

function caseArea(key: string): string {
  if (key.startsWith('case:')) return 'case document';
  if (key.startsWith('audit:')) return 'audit trail';
  if (key.startsWith('idem:')) return 'idempotency records (expire after 7 days)';
  if (key.startsWith('filings:')) return 'order guard counter';
  if (key === 'events') return 'outbox stream (capped at 100,000 events)';
  if (key === 'deadlines') return 'deadline index';
  if (key === 'idx:created') return 'index: by creation';
  if (key.startsWith('idx:buyer:')) return 'index: by buyer';
  if (key.startsWith('idx:shop:')) return 'index: by shop';
  if (key.startsWith('idx:order:')) return 'index: by order';
  if (key.startsWith('idx:status:')) return 'index: by status';
  return `other: ${key.split(':')[0]}`;
}

function parseArgs(argv: string[]): Options {
  const num = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number >= 0, not "${raw}"`);
    return n;
  };
  return {
    conversations: num('conversations', 500),
    cases: num('cases', 100_000),
    concurrency: Math.max(1, num('concurrency', 50)),
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_PATH', 'TS_NODE_PROJECT'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

main().catch((err: unknown) => {
  console.error(`memory bench: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
