import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCallbackServer } from '../scripts/chat/callback-server';
import type { ActivityLike } from '../scripts/chat/render';
import { renderActivity } from '../scripts/chat/render';
import { FixtureLogistics } from '../services/logistics';
import { FixtureCatalogue, demoData } from '../services/orders';
import { SimulatedGateway } from '../services/payments';
import { CASE_STATUSES, createRefundCore } from '../services/refunds';
import type { Clock } from '../services/refunds';
import { RedisCaseStore, createRedis, storeKeys } from '../services/store';
import type { RedisClient } from '../services/store';
import { BuyerScript, isFailedTurn } from './support/buyer-script';
import type { MessageContent } from './support/buyer-script';
import { startChild } from './support/child';
import type { Child } from './support/child';
import { BenchConversation } from './support/conversation-client';
import type { TurnResult } from './support/conversation-client';
import { summarizeProfile } from './support/cpu-profile';
import type { ProfileSummary } from './support/cpu-profile';
import { fmt, median, percentile, table } from './support/figures';
import { describeMachine, machine } from './support/machine';
import { MerchantClient } from './support/merchant-client';
import type { InvokeResult } from './support/merchant-client';
import type { MemoryReading } from './support/memory-probe';
import { deleteKeysUnder, usedMemory } from './support/redis-admin';
import { returnWaybill, timerBuyer, timerOrder, worldOrders, worldProfile } from './support/world';

// Soak: the refund app (bot/app.ts on Redis, in its own process) under mixed traffic for a long time.
//   buyers     concurrent conversations with a think time: greeting, status question, a refund filed up to the
//              quote, then cancelled or confirmed; buyers whose return was approved ship it in a new conversation
//   merchants  two Teams merchants of shop-201: open each confirmed case (refresh), approve most, reject some,
//              leave some for the deadline; inspect returns once the return poller has seen them arrive
//   timers     the app's own sweeper and return poller: payments after approvals, parcels arriving, and a steady
//              feed of older cases (filed through the core with the clock turned back) whose reminder or
//              merchant deadline is due now
// Every 30 s the app's memory (heap low point and high point since the last reading, rss) and Redis are read;
// per 5 minutes: latencies (p50, p99), errors, what the timers did. Prints figures; asserts nothing; deletes its
// own keys afterwards.
//
//   npm run bench:soak                               30 minutes
//   npm run bench:soak -- --minutes 5 --buyers 20 --think-ms 300 --timer-rate 1 --json /tmp/soak.json
//   npm run bench:soak -- --app-heap-mb 512        the app with --max-old-space-size (as a deployment would cap it)
//   npm run bench:soak -- --profile-at 3,25        60 s processor profiles of the app from those minutes, compared

interface Options {
  minutes: number;
  buyers: number;
  thinkMs: number;
  merchants: number;
  /** Older cases fed per second whose reminder or deadline is due at once. */
  timerRate: number;
  sampleSeconds: number;
  windowMinutes: number;
  /** Share of buyers who confirm at the quote (the rest cancel). */
  confirmShare: number;
  json: string | null;
  /** --max-old-space-size of the app process (0: Node's default for this machine). */
  appHeapMb: number;
  /** Minutes at which a 60 s processor profile of the app starts. */
  profileAt: number[];
  redisUrl: string;
}

type Kind = 'buyer turn' | 'merchant invoke';

interface Event {
  at: number;
  kind: Kind;
  ms: number;
  ok: boolean;
}

interface Sample {
  at: number;
  minute: number;
  app: MemoryReading;
  appCpuMs: number;
  driver: NodeJS.MemoryUsage;
  redisUsed: number;
  statuses: Record<string, number>;
  load: number[];
}

interface Task {
  readyAt: number;
  kind: 'decide' | 'ship' | 'inspect';
  n: number;
  caseId: string;
  tries: number;
}

const RETURN_TRANSIT_MS = 60_000;
const RETURN_POLL_MS = 10_000;
const SWEEP_MS = 5_000;
const SHOP_ADDRESS = { returnRecipient: '数码优选售后部 李娜', returnPhone: '0755-2683-0201', returnAddress: '广东省深圳市南山区科技园科苑路 88 号 3 号门' };

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const tag = randomBytes(3).toString('hex');
  const prefix = `bench:soak:${tag}:`;
  const evidenceDir = mkdtempSync(join(tmpdir(), 'rd-soak-evidence-'));
  const worldAt = Date.now();
  // Conversations a buyer worker can get through (~8 turns each), twice over: each confirmed filing uses an order up.
  const worldBuyers = Math.max(2_000, Math.ceil(((o.buyers * o.minutes * 60_000) / (8 * (o.thinkMs + 30))) * 2));
  const worldTimers = Math.ceil(o.timerRate * o.minutes * 60) + 100;
  const client = createRedis({ url: o.redisUrl, name: 'bench-soak' });
  await client.connect();
  const keys = storeKeys(prefix);
  const store = new RedisCaseStore({ client, prefix });

  const proactive = { buyer: 0, merchant: 0, other: 0 };
  const callbacks = await startCallbackServer({
    onActivity: (_a, conversationId) => {
      if (conversationId.startsWith('bench-')) proactive.buyer++;
      else if (conversationId.startsWith('a:bench-personal-')) proactive.merchant++;
      else proactive.other++;
    },
  });
  const log = { warn: new Map<string, number>(), error: new Map<string, number>(), stderr: 0 };
  let app: Child<{ type: 'ready'; url: string }> | null = null;
  const m0 = await machine(client);
  try {
    app = await startChild<{ type: 'ready'; url: string }>(
      'bench/support/refund-app-process.ts',
      {
        ...baseEnv(),
        PORT: '0',
        HOST: '127.0.0.1',
        REDIS_URL: o.redisUrl,
        REDIS_PREFIX: prefix,
        LOG_LEVEL: 'warn',
        EVIDENCE_DIR: evidenceDir,
        EVIDENCE_URL_SECRET: randomBytes(24).toString('hex'),
        SWEEP_INTERVAL_MS: String(SWEEP_MS),
        RETURN_POLL_INTERVAL_MS: String(RETURN_POLL_MS),
        RETURN_TRANSIT_MS: String(RETURN_TRANSIT_MS),
        PAYMENT_LATENCY_MS: '50',
        PAYMENT_CONFIRM_AFTER_MS: '2000',
        BENCH_WORLD_BUYERS: String(worldBuyers),
        BENCH_WORLD_TIMERS: String(worldTimers),
        BENCH_WORLD_AT: String(worldAt),
        ...(o.appHeapMb > 0 ? { NODE_OPTIONS: `--max-old-space-size=${o.appHeapMb}` } : {}),
      },
      120_000,
      {
        onLine: (line, stream) => {
          if (stream === 'stderr') {
            log.stderr++;
            if (log.stderr <= 5) process.stderr.write(`app stderr: ${line}\n`);
            return;
          }
          let entry: { level?: number; msg?: string } = {};
          try {
            entry = JSON.parse(line) as typeof entry;
          } catch {
            entry = { level: 30, msg: line.slice(0, 120) };
          }
          const into = (entry.level ?? 0) >= 50 ? log.error : (entry.level ?? 0) >= 40 ? log.warn : null;
          if (into) into.set(entry.msg ?? '?', (into.get(entry.msg ?? '?') ?? 0) + 1);
        },
      },
    );
    const url = app.ready.url;
    const appChild = app;
    console.log(
      `soak: ${o.minutes} min; ${o.buyers} buyer conversations at a time (think ${o.thinkMs} ms), ${o.merchants} merchants, ${o.timerRate} due case(s)/s fed to the timers; ` +
        `world of ${worldBuyers} buyers; prefix ${prefix}; app pid ${app.pid}`,
    );
    console.log(`machine: ${describeMachine(m0)}`);
    log.warn.clear(); // the start-up warnings (development settings) are not the run's

    // Merchants link their Teams accounts to shop-201 with the demo code.
    const merchants = Array.from({ length: o.merchants }, (_, i) => new MerchantClient(url, callbacks.url, `merchant-${i}`, i % 2 === 0 ? 'zh-CN' : 'en-US'));
    for (const m of merchants) {
      const linked = await m.link('LINK-201');
      if (linked.status !== 200) throw new Error(`merchant link answered ${linked.status}`);
    }

    // The core the timer feed files through: same store and policy as the app, its own clock turned back.
    let feedClockAt = Date.now();
    const feedClock: Clock = { now: () => new Date(feedClockAt) };
    const world = worldOrders(0, worldTimers, new Date(worldAt));
    const demo = demoData(new Date(worldAt));
    const core = createRefundCore({
      store,
      orders: new FixtureCatalogue({ data: { buyers: world.buyers, shops: demo.shops, orders: world.orders } }),
      payments: new SimulatedGateway({ clock: feedClock }),
      logistics: new FixtureLogistics({ clock: feedClock }),
      clock: feedClock,
    });

    const started = performance.now();
    const startedWall = Date.now();
    const end = started + o.minutes * 60_000;
    const running = () => performance.now() < end;
    const events: Event[] = [];
    const problems = new Map<string, number>();
    const problem = (what: string) => problems.set(what, (problems.get(what) ?? 0) + 1);
    const counts = { conversations: 0, confirmed: 0, cancelled: 0, approved: 0, rejected: 0, left: 0, shipped: 0, inspected: 0, timerCases: 0, timerFired: 0 };
    const tasks: Task[] = [];
    const timerCases: { id: string; filedAt: number; due: 'expiry' | 'reminder' }[] = [];
    const timerLags: { at: number; ms: number }[] = [];
    let nextBuyer = 0;

    const turn = async (conversation: BenchConversation, content: MessageContent): Promise<TurnResult> => {
      const t = await conversation.send(content);
      const ok = t.status === 200 && !isFailedTurn(t.replies);
      events.push({ at: t.endedAt, kind: 'buyer turn', ms: t.ms, ok });
      if (!ok) problem(`buyer turn answered ${t.status}${isFailedTurn(t.replies) ? ' with the apology' : ''}`);
      return t;
    };
    const invoke = async (call: Promise<InvokeResult>): Promise<InvokeResult> => {
      const r = await call;
      const ok = r.status === 200;
      events.push({ at: performance.now(), kind: 'merchant invoke', ms: r.ms, ok });
      if (!ok) problem(`merchant invoke answered ${r.status}`);
      return r;
    };
    const takeTask = (kinds: Task['kind'][]): Task | null => {
      const now = performance.now();
      const i = tasks.findIndex((t) => kinds.includes(t.kind) && t.readyAt <= now);
      return i < 0 ? null : tasks.splice(i, 1)[0]!;
    };

    // Buyers: one conversation after another, each a new buyer of the world.
    const buyerWorker = async (w: number): Promise<void> => {
      while (running()) {
        const n = nextBuyer++;
        const confirm = Math.random() < o.confirmShare;
        const profile = worldProfile(n, confirm ? 'confirm' : 'cancel');
        const conversation = new BenchConversation(url, profile.user, profile.locale, callbacks.url, `soak-w${w}`);
        const script = new BuyerScript(profile);
        let replies: ActivityLike[] = [];
        let cut = false;
        for (let plan = script.next(replies); plan; plan = script.next(replies)) {
          if (!running()) {
            cut = true;
            break;
          }
          replies = (await turn(conversation, plan.content)).replies;
          if (plan.step === 'file: gave up') problem('buyer gave up filing (no quote after 10 turns)');
          await sleep(o.thinkMs);
        }
        if (cut) break;
        counts.conversations++;
        if (!script.reachedQuote) continue;
        if (!confirm) {
          counts.cancelled++;
          continue;
        }
        const caseId = /RD-\d{6}/.exec(JSON.stringify(replies))?.[0];
        if (!caseId) {
          problem('confirmed filing answered without a case id');
          continue;
        }
        counts.confirmed++;
        tasks.push({ readyAt: performance.now() + 2_000, kind: 'decide', n, caseId, tries: 0 });
      }
    };

    // Merchants: open the case, then decide; inspect returns that arrived.
    const merchantWorker = async (m: MerchantClient): Promise<void> => {
      while (running()) {
        const task = takeTask(['decide', 'inspect']);
        if (!task) {
          await sleep(200);
          continue;
        }
        await sleep(300);
        const c = await store.get(task.caseId);
        if (!c) {
          problem('merchant task on a missing case');
          continue;
        }
        if (task.kind === 'decide') {
          const card = await invoke(m.refresh(task.caseId, c.version));
          const version = card.version ?? c.version;
          const r = Math.random();
          if (r < 0.7) {
            await invoke(m.execute('merchant.approve', { caseId: task.caseId, version, approveRemark: '同意', ...(c.type === 'refund_only' ? {} : SHOP_ADDRESS) }));
            const after = await store.get(task.caseId);
            if (after?.status === 'awaiting_return_shipment') tasks.push({ readyAt: performance.now() + 3_000, kind: 'ship', n: task.n, caseId: task.caseId, tries: 0 });
            else if (after?.status !== 'refund_pending' && after?.status !== 'refunding' && after?.status !== 'refunded') problem(`approval left the case ${after?.status ?? 'missing'}`);
            counts.approved++;
          } else if (r < 0.85) {
            await invoke(m.execute('merchant.reject', { caseId: task.caseId, version, rejectCode: 'evidence_insufficient', rejectRemark: '请补充清晰的照片' }));
            if ((await store.get(task.caseId))?.status !== 'merchant_rejected') problem('rejection did not reject');
            counts.rejected++;
          } else counts.left++;
        } else {
          if (c.status !== 'return_received') {
            if (task.tries < 20) tasks.push({ ...task, readyAt: performance.now() + 10_000, tries: task.tries + 1 });
            else problem(`return never arrived (${c.status})`);
            continue;
          }
          const card = await invoke(m.refresh(task.caseId, c.version));
          await invoke(m.execute('merchant.inspect_ok', { caseId: task.caseId, version: card.version ?? c.version, okRemark: '验货无误' }));
          const after = await store.get(task.caseId);
          if (after?.status === 'return_received') problem('inspection did not move the case');
          else counts.inspected++;
        }
      }
    };

    // Buyers whose return was approved ship it: a new conversation, the waybill in words, then yes.
    const shipperWorker = async (): Promise<void> => {
      while (running()) {
        const task = takeTask(['ship']);
        if (!task) {
          await sleep(200);
          continue;
        }
        const profile = worldProfile(task.n, 'cancel');
        const conversation = new BenchConversation(url, profile.user, profile.locale, callbacks.url, 'soak-ship');
        const waybill = returnWaybill(task.n);
        let replies = (await turn(conversation, { text: profile.locale === 'zh-CN' ? `我已经寄回了，顺丰 ${waybill}` : `I shipped the return, SF Express ${waybill}` })).replies;
        for (let i = 0; i < 4 && running(); i++) {
          if ((await store.get(task.caseId))?.status === 'return_in_transit') break;
          await sleep(o.thinkMs);
          const yes = replies.flatMap((r) => renderActivity(r).choices).find((c) => c.action.kind === 'value' && c.action.value.confirm === true);
          const content: MessageContent = yes && yes.action.kind === 'value' ? { value: yes.action.value } : { text: profile.locale === 'zh-CN' ? '好的' : 'yes' };
          replies = (await turn(conversation, content)).replies;
        }
        if ((await store.get(task.caseId))?.status !== 'return_in_transit') {
          problem('return shipment not recorded after the buyer gave the waybill');
          continue;
        }
        counts.shipped++;
        tasks.push({ readyAt: performance.now() + RETURN_TRANSIT_MS + RETURN_POLL_MS + 2_000, kind: 'inspect', n: task.n, caseId: task.caseId, tries: 0 });
      }
    };

    // Timers: older cases whose merchant deadline (odd) or first reminder (even) is due now.
    const timerFeed = async (): Promise<void> => {
      for (let k = 0; running(); k++) {
        const tick = performance.now();
        const due = k % 2 === 1 ? 'expiry' : 'reminder';
        const backMs = due === 'expiry' ? 24 * 3_600_000 + 60_000 : 12 * 3_600_000 + 60_000;
        feedClockAt = Date.now() - backMs;
        const filed = await core.service.file({ role: 'buyer', id: timerBuyer(k) }, { orderId: timerOrder(k), lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没到' }, `timer-${k}`);
        if (!filed.ok || filed.value.case.status !== 'pending_merchant') problem(`timer case filing: ${filed.ok ? filed.value.case.status : filed.error.kind}`);
        else {
          timerCases.push({ id: filed.value.case.id, filedAt: Date.now(), due });
          counts.timerCases++;
        }
        await sleep(Math.max(0, 1_000 / o.timerRate - (performance.now() - tick)));
      }
    };

    const statusCounts = async (): Promise<Record<string, number>> => {
      const n = await Promise.all(CASE_STATUSES.map((s) => client.sendCommand<number>(['ZCARD', keys.byStatus(s)])));
      return Object.fromEntries(CASE_STATUSES.map((s, i) => [s, Number(n[i])]));
    };
    // When a timer case's deadline or reminder fired: its second audit entry.
    const checkTimers = async (): Promise<void> => {
      const waiting = timerCases.splice(0);
      const second = await Promise.all(waiting.map((t) => client.sendCommand<string | null>(['LINDEX', keys.audit(t.id), '1'])));
      waiting.forEach((t, i) => {
        const entry = second[i];
        if (!entry) {
          if (Date.now() - t.filedAt > 5 * 60_000) problem('timer case not fired within 5 minutes');
          else timerCases.push(t);
          return;
        }
        const at = Date.parse((JSON.parse(entry) as { at: string }).at);
        timerLags.push({ at: performance.now(), ms: at - t.filedAt });
        counts.timerFired++;
      });
    };

    // Processor profiles of the app, 60 s each, compared at the end: what costs more as the run goes on.
    const profileDir = o.profileAt.length > 0 ? mkdtempSync(join(tmpdir(), 'rd-soak-profile-')) : null;
    const profiles: { minute: number; file: string }[] = [];
    const profiling = o.profileAt.map(async (minute) => {
      if (minute + 1 > o.minutes) return;
      await sleep(minute * 60_000);
      if (!running() || !profileDir) return;
      const file = join(profileDir, `minute-${minute}.cpuprofile`);
      await appChild.request({ op: 'profile-start' });
      await sleep(60_000);
      await appChild.request({ op: 'profile-stop', file });
      profiles.push({ minute, file });
    });

    const samples: Sample[] = [];
    let cpuBefore = await cpuOf(appChild);
    const takeSample = async (): Promise<Sample> => {
      await checkTimers();
      const cpu = await cpuOf(appChild);
      const s: Sample = {
        at: performance.now(),
        minute: (performance.now() - started) / 60_000,
        app: (await appChild.request<{ memory: MemoryReading }>({ op: 'memory' })).memory,
        appCpuMs: (cpu - cpuBefore) / 1000,
        driver: process.memoryUsage(),
        redisUsed: await usedMemory(client),
        statuses: await statusCounts(),
        load: loadavg(),
      };
      cpuBefore = cpu;
      samples.push(s);
      const recent = events.filter((e) => e.at > s.at - o.sampleSeconds * 1000 && e.kind === 'buyer turn');
      console.log(
        `  ${fmt(s.minute, 1).padStart(5)} min  app heap ${mb(s.app.now.heapUsed)} MB (low ${mb(s.app.minHeapUsed)}, high ${mb(s.app.maxHeapUsed)}), rss ${mb(s.app.now.rss)} MB; ` +
          `${fmt(recent.length / o.sampleSeconds, 1)} turns/s p99 ${fmt(percentile(recent.map((e) => e.ms), 0.99))} ms; app cpu ${fmt((100 * s.appCpuMs) / (o.sampleSeconds * 1000))}%; ` +
          `convs ${counts.conversations}, cases ${counts.confirmed}+${counts.timerCases} timer, refunded ${s.statuses.refunded}; problems ${sum([...problems.values()])}, app errors ${sum([...log.error.values()])}; load ${s.load.map((l) => l.toFixed(2)).join(' ')}`,
      );
      return s;
    };
    await takeSample();
    const sampler = setInterval(() => void takeSample(), o.sampleSeconds * 1000);

    await Promise.all([
      ...Array.from({ length: o.buyers }, (_, w) => buyerWorker(w)),
      ...merchants.map((m) => merchantWorker(m)),
      ...Array.from({ length: 4 }, () => shipperWorker()),
      timerFeed(),
    ]);
    clearInterval(sampler);
    await Promise.all(profiling);
    await sleep(SWEEP_MS + 1_000);
    await takeSample();
    const stream = await streamState(client, keys.outbox);

    report(o, { startedWall, started, samples, events, problems, counts, timerLags, proactive, log, worldBuyers, machineAtStart: m0, machineAtEnd: await machine(client), tasksLeft: tasks.length, timersLeft: timerCases.length, stream, profiles });
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  } finally {
    if (app) await app.stop().catch(() => undefined);
    await callbacks.close();
    rmSync(evidenceDir, { recursive: true, force: true });
    const removed = await deleteKeysUnder(client, [prefix]);
    console.log(`cleanup: ${removed} keys under ${prefix} deleted`);
    await client.close();
  }
}

interface Run {
  startedWall: number;
  started: number;
  samples: Sample[];
  events: Event[];
  problems: Map<string, number>;
  counts: Record<string, number>;
  timerLags: { at: number; ms: number }[];
  proactive: Record<string, number>;
  log: { warn: Map<string, number>; error: Map<string, number>; stderr: number };
  worldBuyers: number;
  machineAtStart: Awaited<ReturnType<typeof machine>>;
  machineAtEnd: Awaited<ReturnType<typeof machine>>;
  tasksLeft: number;
  timersLeft: number;
  stream: string[];
  profiles: { minute: number; file: string }[];
}

function report(o: Options, r: Run): void {
  const out: string[] = [''];
  const windowMs = o.windowMinutes * 60_000;
  const windows = Math.ceil((o.minutes * 60_000) / windowMs);
  const rows: string[][] = [];
  const p99s: number[] = [];
  for (let w = 0; w < windows; w++) {
    const from = r.started + w * windowMs;
    const to = from + windowMs;
    const inWindow = <T extends { at: number }>(xs: T[]) => xs.filter((x) => x.at >= from && x.at < to);
    const turns = inWindow(r.events).filter((e) => e.kind === 'buyer turn');
    const invokes = inWindow(r.events).filter((e) => e.kind === 'merchant invoke');
    const lags = inWindow(r.timerLags).map((l) => l.ms);
    const samples = r.samples.filter((s) => s.at > from && s.at <= to + 1_000);
    const cpu = sum(samples.map((s) => s.appCpuMs));
    const seconds = Math.min(windowMs, r.samples.at(-1)!.at - from) / 1000;
    const p99 = percentile(turns.map((e) => e.ms), 0.99);
    if (turns.length > 0) p99s.push(p99);
    rows.push([
      `${w * o.windowMinutes}-${(w + 1) * o.windowMinutes} min`,
      fmt(turns.length / seconds, 1),
      fmt(median(turns.map((e) => e.ms)), 1),
      fmt(p99, 1),
      String(turns.filter((e) => !e.ok).length),
      String(invokes.length),
      fmt(median(invokes.map((e) => e.ms)), 1),
      fmt(percentile(invokes.map((e) => e.ms), 0.99), 1),
      String(invokes.filter((e) => !e.ok).length),
      String(lags.length),
      fmt(median(lags) / 1000, 1),
      fmt(lags.length > 0 ? Math.max(...lags) / 1000 : NaN, 1),
      fmt((100 * cpu) / (seconds * 1000), 0),
      mb(Math.min(...samples.map((s) => s.app.minHeapUsed))),
      mb(Math.max(...samples.map((s) => s.app.maxHeapUsed))),
      mb(Math.max(...samples.map((s) => s.app.maxRss))),
      samples.at(-1)?.load[0]?.toFixed(2) ?? '-',
    ]);
  }
  out.push(`Per ${o.windowMinutes} minutes:`);
  out.push(
    ...table(
      ['window', 'turns/s', 'turn p50', 'turn p99', 'turn err', 'invokes', 'inv p50', 'inv p99', 'inv err', 'timers fired', 'lag p50 s', 'lag max s', 'app cpu %', 'heap low MB', 'heap high MB', 'rss max MB', 'load 1m'],
      rows,
    ),
  );

  // Memory trend. The heap's low points follow what stays live (the high points, the garbage between major
  // collections); the first window is warm-up (code loaded, caches and connection pools filling).
  const after = r.samples.filter((s) => s.minute >= o.windowMinutes);
  const lows = after.map((s) => [s.minute, s.app.minHeapUsed / 2 ** 20] as const);
  const rss = after.map((s) => [s.minute, s.app.maxRss / 2 ** 20] as const);
  const perWindow = (f: (s: Sample) => number, pick: (xs: number[]) => number) =>
    Array.from({ length: windows }, (_, w) => r.samples.filter((s) => s.minute > w * o.windowMinutes && s.minute <= (w + 1) * o.windowMinutes + 0.1).map(f)).filter((xs) => xs.length > 0).map(pick);
  const windowLows = perWindow((s) => s.app.minHeapUsed / 2 ** 20, (xs) => Math.min(...xs));
  const windowRss = perWindow((s) => s.app.maxRss / 2 ** 20, (xs) => Math.max(...xs));
  const heapGrowth = (windowLows.at(-1) ?? NaN) - (windowLows[1] ?? windowLows[0] ?? NaN);
  const rssGrowth = (windowRss.at(-1) ?? NaN) - (windowRss[1] ?? windowRss[0] ?? NaN);
  const HEAP_BOUND_MB = 16;
  const RSS_BOUND_MB = 64;
  out.push(
    '',
    `Memory of the app process (readings every ${o.sampleSeconds} s; the first ${o.windowMinutes} minutes are warm-up):`,
    `  heap low point per window: ${windowLows.map((x) => fmt(x, 1)).join(', ')} MB; last window vs second ${heapGrowth >= 0 ? '+' : ''}${fmt(heapGrowth, 1)} MB (bound +${HEAP_BOUND_MB} MB: ${heapGrowth <= HEAP_BOUND_MB ? 'within' : 'EXCEEDED'}); least-squares trend of the ${lows.length} readings after warm-up ${fmt(regression(lows) * 60, 1)} MB/hour`,
    `  rss high point per window: ${windowRss.map((x) => fmt(x, 1)).join(', ')} MB; last window vs second ${rssGrowth >= 0 ? '+' : ''}${fmt(rssGrowth, 1)} MB (bound +${RSS_BOUND_MB} MB: ${rssGrowth <= RSS_BOUND_MB ? 'within' : 'EXCEEDED'}); trend after warm-up ${fmt(regression(rss) * 60, 1)} MB/hour`,
    `  driver (this process) rss ${mb(r.samples.at(-1)!.driver.rss)} MB; Redis used_memory ${mb(r.samples[0]!.redisUsed)} -> ${mb(r.samples.at(-1)!.redisUsed)} MB (whole server, shared)`,
  );
  const p99Median = median(p99s);
  out.push(
    '',
    `p99 of buyer turns per window: ${p99s.map((p) => fmt(p)).join(', ')} ms; largest / median ${fmt(Math.max(...p99s) / p99Median, 2)} (stable if <= 2)`,
    `traffic: ${JSON.stringify(r.counts)}; proactive messages received: ${JSON.stringify(r.proactive)}; tasks still queued at the end: ${r.tasksLeft}; timer cases not yet seen fired: ${r.timersLeft}`,
    `case statuses at the end: ${JSON.stringify(Object.fromEntries(Object.entries(r.samples.at(-1)!.statuses).filter(([, n]) => n > 0)))}`,
    `errors: ${r.events.filter((e) => !e.ok).length} failed turns/invokes; app log: ${sum([...r.log.error.values()])} error line(s), ${sum([...r.log.warn.values()])} warning line(s), ${r.log.stderr} stderr line(s)`,
  );
  for (const [msg, n] of r.log.error) out.push(`  app error x${n}: ${msg}`);
  for (const [msg, n] of r.log.warn) out.push(`  app warning x${n}: ${msg}`);
  for (const [what, n] of r.problems) out.push(`  problem x${n}: ${what}`);
  out.push(`outbox stream at the end: ${r.stream.join('; ')}`);
  if (r.profiles.length > 0) out.push('', ...compareProfiles(r.profiles.sort((a, b) => a.minute - b.minute)));
  out.push(`machine at the end: ${describeMachine(r.machineAtEnd)}`);
  console.log(out.join('\n'));
  if (o.json) {
    writeFileSync(
      o.json,
      JSON.stringify(
        {
          options: o,
          machine: { start: r.machineAtStart, end: r.machineAtEnd },
          samples: r.samples.map((s) => ({ minute: s.minute, heapUsed: s.app.now.heapUsed, minHeapUsed: s.app.minHeapUsed, maxHeapUsed: s.app.maxHeapUsed, rss: s.app.now.rss, maxRss: s.app.maxRss, appCpuMs: s.appCpuMs, redisUsed: s.redisUsed, load: s.load, statuses: s.statuses })),
          windows: rows,
          counts: r.counts,
          problems: Object.fromEntries(r.problems),
          log: { error: Object.fromEntries(r.log.error), warn: Object.fromEntries(r.log.warn), stderr: r.log.stderr },
        },
        null,
        1,
      ),
    );
    console.log(`samples written to ${o.json}`);
  }
}

/** Length of the outbox stream, and each consumer group's pending and unread entries. */
async function streamState(client: RedisClient, key: string): Promise<string[]> {
  const length = Number(await client.sendCommand(['XLEN', key]));
  const groups = (await client.sendCommand<unknown[]>(['XINFO', 'GROUPS', key])) ?? [];
  // Each group is a flat [name, value, ...] list (RESP2) or a map (RESP3).
  const fields = (g: unknown): Map<string, unknown> => {
    if (Array.isArray(g)) {
      const f = new Map<string, unknown>();
      for (let i = 0; i + 1 < g.length; i += 2) f.set(String(g[i]), g[i + 1]);
      return f;
    }
    if (g instanceof Map) return new Map([...g.entries()].map(([k, v]) => [String(k), v]));
    return new Map(Object.entries((g ?? {}) as Record<string, unknown>));
  };
  return [
    `${length} events`,
    ...groups.map((g) => {
      const f = fields(g);
      return `group ${String(f.get('name'))}: ${String(f.get('consumers'))} consumer(s), ${String(f.get('pending'))} pending, lag ${String(f.get('lag'))}`;
    }),
  ];
}

/** Self time by area and time under project functions, one column per profile. */
function compareProfiles(profiles: { minute: number; file: string }[]): string[] {
  const summaries = profiles.map((p) => ({ minute: p.minute, s: summarizeProfile(p.file, 15) }));
  const out: string[] = [`Processor profiles of the app (60 s each): busy ${summaries.map((x) => `${fmt(x.s.totalMs)} ms from minute ${x.minute}`).join(', ')}`];
  const column = (pick: (s: ProfileSummary) => [string, number][], title: string) => {
    const names = [...new Set(summaries.flatMap((x) => pick(x.s).map(([n]) => n)))];
    const rows = names.map((n) => [n, ...summaries.map((x) => fmt(pick(x.s).find(([m]) => m === n)?.[1] ?? NaN))]);
    rows.sort((a, b) => (Number(b[b.length - 1]) || 0) - (Number(a[a.length - 1]) || 0));
    out.push('', ...table([title, ...summaries.map((x) => `ms @${x.minute} min`)], rows.slice(0, 15)));
  };
  column((s) => s.byArea, 'self time by package or folder');
  column((s) => s.byProjectFunction, 'time under project functions');
  return out;
}

/** Least-squares slope of y over x. */
function regression(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return NaN;
  const mx = sum(points.map((p) => p[0])) / points.length;
  const my = sum(points.map((p) => p[1])) / points.length;
  const num = sum(points.map(([x, y]) => (x - mx) * (y - my)));
  const den = sum(points.map(([x]) => (x - mx) ** 2));
  return den === 0 ? NaN : num / den;
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number >= 0, not "${raw}"`);
    return n;
  };
  const jsonAt = argv.indexOf('--json');
  const profileAt = argv.indexOf('--profile-at');
  return {
    minutes: value('minutes', 30),
    buyers: Math.round(value('buyers', 20)),
    thinkMs: value('think-ms', 300),
    merchants: Math.max(1, Math.round(value('merchants', 2))),
    timerRate: Math.max(0.01, value('timer-rate', 1)),
    sampleSeconds: value('sample-seconds', 30),
    windowMinutes: value('window-minutes', 5),
    confirmShare: Math.min(1, value('confirm-share', 0.5)),
    json: jsonAt >= 0 ? (argv[jsonAt + 1] ?? null) : null,
    appHeapMb: Math.round(value('app-heap-mb', 0)),
    profileAt: profileAt >= 0 ? (argv[profileAt + 1] ?? '').split(',').map(Number).filter((n) => Number.isFinite(n) && n >= 0) : [],
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

/** The app gets a clean environment: no API keys (the LLM would dominate), no token secret. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_PATH', 'TS_NODE_PROJECT'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

async function cpuOf(child: Child<{ type: 'ready'; url: string }>): Promise<number> {
  const { cpu } = await child.request<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' });
  return cpu.user + cpu.system;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sum(values: number[]): number {
  return values.reduce((s, n) => s + n, 0);
}

function mb(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(1) : '-';
}

main().catch((err: unknown) => {
  console.error(`soak: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
