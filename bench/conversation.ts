import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startCallbackServer } from '../scripts/chat/callback-server';
import type { ActivityLike } from '../scripts/chat/render';
import { createRedis } from '../services/store';
import { describeMachine, machine } from './support/machine';
import { BUYERS, BuyerScript, SEED, isFailedTurn } from './support/buyer-script';
import type { BuyerProfile, TurnPlan } from './support/buyer-script';
import { startChild } from './support/child';
import type { Child } from './support/child';
import { isBackgroundLabel } from './support/classify';
import { BenchConversation } from './support/conversation-client';
import { profilesIn, summarizeProfile } from './support/cpu-profile';
import { fmt, median, percentile, table } from './support/figures';
import type { MemoryReading } from './support/memory-probe';
import type { ProxyStats } from './support/redis-proxy';
import { statsDelta } from './support/redis-proxy';

// Conversation benchmark: the refund bot (bot/app.ts, on Redis) against a one-step echo bot on the same
// framework and storage (bench/echo-bot.ts), each in its own process, driven over HTTP with deliveryMode
// expectReplies by many concurrent buyer conversations. A counting proxy in front of Redis (its own process)
// counts commands and round trips. Prints figures; asserts nothing; writes nothing but its own Redis keys,
// which it deletes.
//
//   npm run bench                                   50 conversations, 20 s per run after 3 s warm-up, 2 rounds
//   npm run bench -- --conversations 100 --seconds 30 --warmup 5 --rounds 3 --accounting 3
//   npm run bench -- --load-through-proxy           count Redis round trips under load too
//   npm run bench -- --cpu-prof                     profile both bots in the measured windows; prints where their
//                                                   time goes (the .cpuprofile files stay in a temporary folder)
//   npm run bench -- --sizes 50,200,1000 --load-rt  one run per number of concurrent conversations (npm run
//                                                   bench:turns); --load-rt adds, per size, a window through the
//                                                   counting proxy for Redis round trips per turn under load
//   REDIS_URL=redis://host:6379 npm run bench
//
// Targets: refund bot throughput >= 0.8 x echo bot; Redis round trips per turn (a pipelined batch counts once):
// median <= 3, max <= 5.

interface Options {
  conversations: number;
  /** Numbers of concurrent conversations to run one after another (default: just `conversations`). */
  sizes: number[];
  /** Per size, one more window per bot through the counting proxy: Redis round trips per turn under load. */
  loadRt: boolean;
  seconds: number;
  warmup: number;
  rounds: number;
  /** Conversations per buyer profile run one turn at a time, for exact round trips per turn. */
  accounting: number;
  /** Keep the counting proxy in the path under load too (RT/turn under load, at the price of an extra hop). */
  loadThroughProxy: boolean;
  /** Profile both bots under load (V8 --cpu-prof into a temporary folder) and print where their time goes. */
  cpuProf: boolean;
  redisUrl: string;
}

type Bot = 'refund' | 'echo';

interface AccountedTurn {
  bot: Bot;
  step: string;
  roundTrips: number;
  commands: number;
  labels: Record<string, number>;
  failed: boolean;
}

interface LoadRun {
  bot: Bot;
  round: number;
  /** Concurrent conversations. */
  size: number;
  /** Through the counting proxy (for round trips), or straight to Redis. */
  viaProxy: boolean;
  /** The bot process's memory at the end of the window, and its high points during it. */
  memory: MemoryReading | null;
  loadAverage: number;
  seconds: number;
  latencies: number[];
  failed: number;
  conversations: number;
  quotes: number;
  roundTrips: number;
  commands: number;
  labels: Record<string, number>;
  /** Processor time the bot's process spent in the measured window (user + system). */
  cpuMs: number;
  /** The same for this process, the load generator (it reads the refund bot's cards to click their buttons). */
  driverCpuMs: number;
}

const TARGET_RATIO = 0.8;
const TARGET_MEDIAN_RT = 3;
const TARGET_MAX_RT = 5;

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const tag = randomBytes(3).toString('hex');
  const prefixes = { app: `bench:conv:${tag}:`, echo: `bench:echo:${tag}:` };
  const evidenceDir = mkdtempSync(join(tmpdir(), 'rd-bench-evidence-'));
  const profileDir = options.cpuProf ? mkdtempSync(join(tmpdir(), 'rd-bench-profile-')) : undefined;
  let proactive = 0;
  const callbacks = await startCallbackServer({ onActivity: () => void proactive++ });
  const children: Child<{ type: 'ready'; url: string }>[] = [];
  try {
    const proxy = await startChild<{ type: 'ready'; url: string }>('bench/support/redis-proxy-process.ts', {
      ...baseEnv(),
      BENCH_REDIS_TARGET: options.redisUrl,
      BENCH_PREFIXES: JSON.stringify(prefixes),
    });
    children.push(proxy);
    const startBots = async (redisUrl: string) => {
      const refund = await startChild<{ type: 'ready'; url: string }>('bench/support/refund-app-process.ts', {
        ...baseEnv(),
        PORT: '0',
        HOST: '127.0.0.1',
        REDIS_URL: redisUrl,
        REDIS_PREFIX: prefixes.app,
        LOG_LEVEL: 'silent',
        EVIDENCE_DIR: evidenceDir,
        // Timers stay out of the way: the figures are about turns.
        SWEEP_INTERVAL_MS: '3600000',
        RETURN_POLL_INTERVAL_MS: '3600000',
        PAYMENT_LATENCY_MS: '0',
      });
      children.push(refund);
      const echo = await startChild<{ type: 'ready'; url: string }>('bench/echo-bot.ts', { ...baseEnv(), ECHO_REDIS_URL: redisUrl, ECHO_PREFIX: prefixes.echo });
      children.push(echo);
      return {
        refund,
        echo,
        urls: { refund: refund.ready.url, echo: echo.ready.url } as Record<Bot, string>,
        cpu: { refund: () => cpuOf(refund), echo: () => cpuOf(echo) } as Record<Bot, () => Promise<number>>,
        child: { refund, echo } as Record<Bot, Child<{ type: 'ready'; url: string }>>,
      };
    };
    const counted = await startBots(proxy.ready.url);
    const urls = counted.urls;

    const snapshot = async () => (await proxy.request<{ stats: ProxyStats }>({ op: 'snapshot' })).stats;
    const settle = async () => (await proxy.request<{ stats: ProxyStats }>({ op: 'settle', quietMs: 30 })).stats;

    console.log(`machine: ${describeMachine(await machineNow(options.redisUrl))}`);
    console.log(
      `conversation benchmark: ${options.sizes.join(', ')} concurrent conversations, ${options.seconds} s measured after ${options.warmup} s warm-up, ` +
        `${options.rounds} round(s); Redis ${redact(options.redisUrl)} (${options.loadThroughProxy ? 'always through the counting proxy' : 'through the counting proxy for the one-at-a-time accounting, directly under load'}); ` +
        `key prefixes ${prefixes.app} ${prefixes.echo}`,
    );

    // 0. One filed case, so the status question has something to show.
    const seeded = await seedCase(urls.refund, callbacks.url);
    console.log(`seeded: ${seeded.steps.join(' > ')}${seeded.filed ? '' : ' (NO CASE FILED: the status figures cover an empty case list)'}`);

    // 1. One turn at a time: every command the proxy sees between a turn's start and quiet belongs to it.
    const recorded = new Map<string, TurnPlan[]>();
    const accounted: AccountedTurn[] = [];
    for (const bot of ['refund', 'echo'] as const) {
      for (let k = 0; k < options.accounting; k++) {
        for (const profile of BUYERS) {
          const conversation = new BenchConversation(urls[bot], profile.user, profile.locale, callbacks.url, `acct-${bot}`);
          const plans = bot === 'refund' ? null : recorded.get(profile.user)!;
          const script = plans ? null : new BuyerScript(profile);
          const sent: TurnPlan[] = [];
          let replies: ActivityLike[] = [];
          for (let i = 0; ; i++) {
            const plan = script ? script.next(replies) : plans![i];
            if (!plan) break;
            sent.push(plan);
            const before = await settle();
            const turn = await conversation.send(plan.content);
            const delta = statsDelta(await settle(), before);
            const labels = Object.fromEntries(Object.entries(delta.roundTripsByLabel).filter(([label]) => !isBackgroundLabel(label)));
            const commands = Object.entries(delta.commandsByLabel).filter(([label]) => !isBackgroundLabel(label)).reduce((s, [, n]) => s + n, 0);
            accounted.push({ bot, step: plan.step, roundTrips: sum(Object.values(labels)), commands, labels, failed: turn.status !== 200 || isFailedTurn(turn.replies) });
            replies = turn.replies;
          }
          if (bot === 'refund' && !recorded.has(profile.user)) recorded.set(profile.user, sent);
        }
      }
    }

    // 2. Under load, alternating which bot goes first from round to round. By default the bots are restarted on a
    // direct connection, so the proxy's extra hop (dearer for the bot with more round trips) does not skew the ratio.
    // With --load-rt the counted bots stay up for a window through the proxy after each size's direct runs.
    let loadBots = counted;
    let loadSnapshot: (() => Promise<ProxyStats>) | null = snapshot;
    if (!options.loadThroughProxy) {
      if (!options.loadRt) {
        await counted.refund.stop();
        await counted.echo.stop();
      }
      loadBots = await startBots(options.redisUrl);
      loadSnapshot = null;
    }
    const runs: LoadRun[] = [];
    for (const size of options.sizes) {
      const sized = { ...options, conversations: size };
      console.log(`${size} concurrent conversations:`);
      for (let round = 1; round <= options.rounds; round++) {
        const order: Bot[] = round % 2 === 1 ? ['echo', 'refund'] : ['refund', 'echo'];
        for (const bot of order) {
          const profile = profileDir ? { child: loadBots.child[bot], file: join(profileDir, `${bot}-${size}-round-${round}.cpuprofile`) } : null;
          runs.push(await loadRun(bot, round, loadBots.urls[bot], sized, callbacks.url, recorded, loadSnapshot, loadBots.cpu[bot], profile, loadBots.child[bot], options.loadThroughProxy));
          printRun(runs.at(-1)!);
        }
      }
      if (options.loadRt && !options.loadThroughProxy) {
        for (const bot of ['echo', 'refund'] as const) {
          runs.push(await loadRun(bot, 0, counted.urls[bot], sized, callbacks.url, recorded, snapshot, counted.cpu[bot], null, counted.child[bot], true));
          printRun(runs.at(-1)!);
        }
      }
    }

    for (const size of options.sizes) {
      if (options.sizes.length > 1) console.log(`\n=== ${size} concurrent conversations ===`);
      reportLoad(options, runs.filter((r) => r.size === size));
    }
    reportAccounting(options, recorded, accounted, proactive);
    if (options.sizes.length > 1 || options.loadRt) reportSizes(options, runs, accounted);
    console.log(`\nmachine at the end: ${describeMachine(await machineNow(options.redisUrl))}`);
    if (profileDir) printProfiles(profileDir);
  } finally {
    for (const child of children.reverse()) await child.stop().catch(() => undefined);
    await callbacks.close();
    rmSync(evidenceDir, { recursive: true, force: true });
    const removed = await deleteKeys(options.redisUrl, [prefixes.app, prefixes.echo]);
    console.log(`cleanup: ${removed} keys under ${prefixes.app} and ${prefixes.echo} deleted`);
  }
}

async function seedCase(url: string, serviceUrl: string): Promise<{ steps: string[]; filed: boolean }> {
  const script = new BuyerScript(SEED);
  const conversation = new BenchConversation(url, SEED.user, SEED.locale, serviceUrl, 'seed');
  const steps: string[] = [];
  let replies: ActivityLike[] = [];
  for (let plan = script.next(replies); plan; plan = script.next(replies)) {
    steps.push(plan.step);
    replies = (await conversation.send(plan.content)).replies;
  }
  return { steps, filed: script.reachedQuote && !isFailedTurn(replies) };
}

async function loadRun(
  bot: Bot,
  round: number,
  url: string,
  options: Options,
  serviceUrl: string,
  recorded: Map<string, TurnPlan[]>,
  snapshot: (() => Promise<ProxyStats>) | null,
  cpu: () => Promise<number>,
  profile: { child: Child<{ type: 'ready'; url: string }>; file: string } | null,
  child: Child<{ type: 'ready'; url: string }>,
  viaProxy: boolean,
): Promise<LoadRun> {
  // Read once to start the memory window (high points since this reading).
  await memoryOf(child);
  const started = performance.now();
  const t0 = started + options.warmup * 1000;
  const t1 = t0 + options.seconds * 1000;
  const latencies: number[] = [];
  let failed = 0;
  let conversations = 0;
  let quotes = 0;
  let atStart: Promise<ProxyStats> | null = null;
  let atEnd: Promise<ProxyStats> | null = null;
  let cpuStart: Promise<number> = Promise.resolve(NaN);
  let cpuEnd: Promise<number> = Promise.resolve(NaN);
  let ownStart = process.cpuUsage();
  let ownEnd = process.cpuUsage();
  let profiling: Promise<unknown> = Promise.resolve();
  const startTimer = setTimeout(() => {
    atStart = snapshot?.() ?? null;
    cpuStart = cpu();
    ownStart = process.cpuUsage();
    if (profile) profiling = profile.child.request({ op: 'profile-start' });
  }, t0 - performance.now());
  const endTimer = setTimeout(() => {
    atEnd = snapshot?.() ?? null;
    cpuEnd = cpu();
    ownEnd = process.cpuUsage(ownStart);
    if (profile) profiling = profiling.then(() => profile.child.request({ op: 'profile-stop', file: profile.file }));
  }, t1 - performance.now());

  const worker = async (w: number): Promise<void> => {
    for (let n = 0; performance.now() < t1; n++) {
      const profile: BuyerProfile = BUYERS[(w + n) % BUYERS.length]!;
      const conversation = new BenchConversation(url, profile.user, profile.locale, serviceUrl, `${bot}-r${round}-w${w}`);
      const script = bot === 'refund' ? new BuyerScript(profile) : null;
      const plans = recorded.get(profile.user)!;
      let replies: ActivityLike[] = [];
      let finished = true;
      for (let i = 0; ; i++) {
        const plan = script ? script.next(replies) : plans[i];
        if (!plan) break;
        if (performance.now() >= t1) {
          finished = false;
          break;
        }
        const turn = await conversation.send(plan.content);
        if (turn.startedAt >= t0 && turn.endedAt <= t1) {
          latencies.push(turn.ms);
          if (turn.status !== 200 || isFailedTurn(turn.replies)) failed += 1;
        }
        replies = turn.replies;
      }
      if (finished && performance.now() >= t0 && performance.now() <= t1) {
        conversations += 1;
        if (script?.reachedQuote) quotes += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.conversations }, (_, w) => worker(w)));
  clearTimeout(startTimer);
  clearTimeout(endTimer);
  const cpuMs = ((await cpuEnd) - (await cpuStart)) / 1000;
  await profiling;
  const driverCpuMs = (ownEnd.user + ownEnd.system) / 1000;
  const memory = await memoryOf(child);
  const base = { bot, round, size: options.conversations, viaProxy, memory, loadAverage: loadavg()[0]!, seconds: options.seconds, latencies, failed, conversations, quotes, cpuMs, driverCpuMs };
  if (!atStart || !atEnd) return { ...base, roundTrips: NaN, commands: NaN, labels: {} };
  const delta = statsDelta(await atEnd, await atStart);
  const labels = Object.fromEntries(Object.entries(delta.roundTripsByLabel).filter(([label]) => !isBackgroundLabel(label)));
  const commands = Object.entries(delta.commandsByLabel).filter(([label]) => !isBackgroundLabel(label)).reduce((s, [, n]) => s + n, 0);
  return { ...base, roundTrips: sum(Object.values(labels)), commands, labels };
}

function printRun(r: LoadRun): void {
  const m = r.memory;
  process.stdout.write(
    `  ${r.viaProxy ? 'through the proxy' : `round ${r.round}`} ${r.bot} bot: ${fmt(r.latencies.length / r.seconds)} turns/s, p50 ${fmt(median(r.latencies), 1)} ms, p99 ${fmt(percentile(r.latencies, 0.99), 1)} ms` +
      `${Number.isFinite(r.roundTrips) ? `, ${fmt(r.roundTrips / r.latencies.length, 2)} Redis RT/turn` : ''}, failed ${r.failed}` +
      `${m ? `; rss ${mb(m.now.rss)} MB (max ${mb(m.maxRss)}), heap ${mb(m.now.heapUsed)} MB (max ${mb(m.maxHeapUsed)})` : ''}; load ${r.loadAverage.toFixed(2)}\n`,
  );
}

function reportLoad(options: Options, all: LoadRun[]): void {
  const out: string[] = [''];
  const runs = all.filter((r) => !r.viaProxy || options.loadThroughProxy);
  out.push('Throughput and latency under load (turns started and finished inside the measured window):');
  const rows: string[][] = [];
  const line = (name: string, rs: LoadRun[]) => {
    const turns = sum(rs.map((r) => r.latencies.length));
    const seconds = sum(rs.map((r) => r.seconds));
    const all = rs.flatMap((r) => r.latencies);
    const conversations = sum(rs.map((r) => r.conversations));
    rows.push([
      name,
      fmt(turns / seconds),
      fmt(median(all), 1),
      fmt(percentile(all, 0.99), 1),
      String(turns),
      String(sum(rs.map((r) => r.failed))),
      fmt(sum(rs.map((r) => r.roundTrips)) / turns, 2),
      fmt(sum(rs.map((r) => r.commands)) / turns, 2),
      fmt(sum(rs.map((r) => r.cpuMs)) / turns, 2),
      fmt(sum(rs.map((r) => r.driverCpuMs)) / turns, 2),
      rs[0]!.bot === 'refund' ? `${sum(rs.map((r) => r.quotes))}/${conversations}` : String(conversations),
    ]);
  };
  for (const r of runs) line(`${r.bot} bot, round ${r.round}`, [r]);
  const echoRuns = runs.filter((r) => r.bot === 'echo');
  const refundRuns = runs.filter((r) => r.bot === 'refund');
  line('echo bot, all rounds', echoRuns);
  line('refund bot, all rounds', refundRuns);
  out.push(...table(['', 'turns/s', 'p50 ms', 'p99 ms', 'turns', 'failed', 'Redis RT/turn', 'cmds/turn', 'bot CPU ms/turn', 'driver CPU ms/turn', 'convs (quote)'], rows));
  const tps = (rs: LoadRun[]) => sum(rs.map((r) => r.latencies.length)) / sum(rs.map((r) => r.seconds));
  const ratio = tps(refundRuns) / tps(echoRuns);
  const perRound = Array.from({ length: options.rounds }, (_, i) => tps(refundRuns.filter((r) => r.round === i + 1)) / tps(echoRuns.filter((r) => r.round === i + 1)));
  const cpuPerTurn = (rs: LoadRun[]) => sum(rs.map((r) => r.cpuMs)) / sum(rs.map((r) => r.latencies.length));
  out.push(
    `ratio refund/echo throughput: ${fmt(ratio, 2)} (per round ${perRound.map((r) => fmt(r, 2)).join(', ')}); target >= ${TARGET_RATIO}: ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'}`,
    `processor time per turn, echo/refund: ${fmt(cpuPerTurn(echoRuns) / cpuPerTurn(refundRuns), 2)} (the throughput ratio a CPU-bound deployment can expect; steadier than turns/s on a busy machine)`,
    `p50 refund/echo: ${fmt(median(refundRuns.flatMap((r) => r.latencies)) / median(echoRuns.flatMap((r) => r.latencies)), 2)}x, p99 ${fmt(percentile(refundRuns.flatMap((r) => r.latencies), 0.99) / percentile(echoRuns.flatMap((r) => r.latencies), 0.99), 2)}x`,
  );
  out.push(
    options.loadThroughProxy
      ? '(under load the Redis client pipelines commands of concurrent turns together, so RT/turn there is lower than one turn at a time)'
      : '(Redis RT under load: run with --load-rt or --load-through-proxy; here the bots talked to Redis directly)',
  );
  const proxied = all.filter((r) => r.viaProxy && !options.loadThroughProxy);
  if (proxied.length > 0) {
    out.push('', 'Through the counting proxy (an extra hop; for Redis round trips under load: commands of concurrent turns share batches):');
    out.push(
      ...table(
        ['', 'turns/s', 'p50 ms', 'p99 ms', 'turns', 'failed', 'Redis RT/turn', 'cmds/turn', 'cmds per RT'],
        proxied.map((r) => [
          `${r.bot} bot`,
          fmt(r.latencies.length / r.seconds),
          fmt(median(r.latencies), 1),
          fmt(percentile(r.latencies, 0.99), 1),
          String(r.latencies.length),
          String(r.failed),
          fmt(r.roundTrips / r.latencies.length, 2),
          fmt(r.commands / r.latencies.length, 2),
          fmt(r.commands / r.roundTrips, 2),
        ]),
      ),
    );
  }
  const memRows = runs.filter((r) => r.memory).map((r) => [`${r.bot} bot, round ${r.round}`, mb(r.memory!.now.rss), mb(r.memory!.maxRss), mb(r.memory!.now.heapUsed), mb(r.memory!.maxHeapUsed), r.loadAverage.toFixed(2)]);
  if (memRows.length > 0) out.push('', 'Memory of the bot processes (end of the window, and the high point during it) and the load average:', ...table(['', 'rss MB', 'rss max MB', 'heap MB', 'heap max MB', 'load 1m'], memRows));
  console.log(out.join('\n'));
}

function reportAccounting(options: Options, recorded: Map<string, TurnPlan[]>, accounted: AccountedTurn[], proactive: number): void {
  const out: string[] = [''];
  for (const profile of BUYERS) {
    const steps = recorded.get(profile.user) ?? [];
    out.push(`script ${profile.user} (${profile.locale}): ${steps.map((s) => s.step).join(' > ')}`);
  }

  out.push('', `Redis round trips per turn, one turn at a time (${options.accounting} conversation(s) per buyer; a pipelined batch counts once):`);
  const rtRows: string[][] = [];
  for (const bot of ['refund', 'echo'] as const) {
    const turns = accounted.filter((t) => t.bot === bot);
    const rts = turns.map((t) => t.roundTrips);
    rtRows.push([
      `${bot} bot`,
      String(turns.length),
      fmt(median(rts), 1),
      fmt(sum(rts) / rts.length, 2),
      fmt(percentile(rts, 0.9), 0),
      fmt(Math.max(...rts), 0),
      String(rts.filter((n) => n > TARGET_MEDIAN_RT).length),
      String(rts.filter((n) => n > TARGET_MAX_RT).length),
      fmt(sum(turns.map((t) => t.commands)) / turns.length, 2),
      String(turns.filter((t) => t.failed).length),
    ]);
  }
  out.push(...table(['', 'turns', 'median', 'mean', 'p90', 'max', `> ${TARGET_MEDIAN_RT}`, `> ${TARGET_MAX_RT}`, 'cmds/turn', 'failed'], rtRows));
  const refundRts = accounted.filter((t) => t.bot === 'refund').map((t) => t.roundTrips);
  out.push(
    `target median <= ${TARGET_MEDIAN_RT}: ${median(refundRts) <= TARGET_MEDIAN_RT ? 'met' : 'MISSED'}; never more than ${TARGET_MAX_RT}: ${Math.max(...refundRts) <= TARGET_MAX_RT ? 'met' : 'MISSED'}`,
  );

  out.push('', 'Where the refund bot\'s round trips go (one turn at a time; average per turn, by what the batch was for):');
  const refundTurns = accounted.filter((t) => t.bot === 'refund');
  const byLabel = new Map<string, number>();
  for (const t of refundTurns) for (const [label, n] of Object.entries(t.labels)) byLabel.set(label, (byLabel.get(label) ?? 0) + n);
  out.push(...table(['batch', 'per turn', 'of all'], [...byLabel.entries()].sort((a, b) => b[1] - a[1]).map(([label, n]) => [label, fmt(n / refundTurns.length, 2), `${fmt((100 * n) / sum(refundRts), 0)}%`])));

  out.push('', 'Refund bot round trips by step (one turn at a time):');
  const steps = [...new Set(refundTurns.map((t) => t.step))];
  out.push(
    ...table(
      ['step', 'turns', 'median', 'max', 'failed', 'beyond lock + reply cache + state (typical turn)'],
      steps.map((step) => {
        const ts = refundTurns.filter((t) => t.step === step);
        const typical = ts.find((t) => t.roundTrips === median(ts.map((x) => x.roundTrips))) ?? ts[0]!;
        const extra = Object.entries(typical.labels).filter(([l]) => !/^(turn lock|reply cache|bot state): /.test(l)).map(([l, n]) => `${l} x${n}`);
        return [step, String(ts.length), fmt(median(ts.map((t) => t.roundTrips)), 1), fmt(Math.max(...ts.map((t) => t.roundTrips)), 0), String(ts.filter((t) => t.failed).length), extra.join(', ') || '-'];
      }),
    ),
  );
  const over = refundTurns.filter((t) => t.roundTrips > TARGET_MAX_RT);
  if (over.length > 0) {
    out.push('', `Refund bot turns with more than ${TARGET_MAX_RT} round trips (one turn at a time):`);
    for (const t of over) out.push(`  ${t.step}: ${t.roundTrips} (${Object.entries(t.labels).map(([l, n]) => `${l} x${n}`).join(', ')})`);
  }
  if (proactive > 0) out.push('', `proactive messages received from the refund bot during the run: ${proactive}`);
  console.log(out.join('\n'));
}

/** One line per size and bot: the figures of the whole run side by side. */
function reportSizes(options: Options, runs: LoadRun[], accounted: AccountedTurn[]): void {
  const rows: string[][] = [];
  for (const size of options.sizes) {
    for (const bot of ['echo', 'refund'] as const) {
      const direct = runs.filter((r) => r.size === size && r.bot === bot && (!r.viaProxy || options.loadThroughProxy));
      const proxied = runs.filter((r) => r.size === size && r.bot === bot && r.viaProxy);
      const lat = direct.flatMap((r) => r.latencies);
      const seconds = sum(direct.map((r) => r.seconds));
      const oneAtATime = accounted.filter((t) => t.bot === bot).map((t) => t.roundTrips);
      const proxiedTurns = sum(proxied.map((r) => r.latencies.length));
      rows.push([
        String(size),
        bot,
        fmt(lat.length / seconds),
        fmt(median(lat), 1),
        fmt(percentile(lat, 0.99), 1),
        String(sum(direct.map((r) => r.failed))),
        `${fmt(sum(oneAtATime) / oneAtATime.length, 2)} (median ${fmt(median(oneAtATime), 0)})`,
        proxiedTurns > 0 ? fmt(sum(proxied.map((r) => r.roundTrips)) / proxiedTurns, 2) : '-',
        fmt(sum(direct.map((r) => r.cpuMs)) / lat.length, 2),
        mb(Math.max(...direct.map((r) => r.memory?.maxRss ?? NaN))),
        mb(Math.max(...direct.map((r) => r.memory?.maxHeapUsed ?? NaN))),
        direct.map((r) => r.loadAverage.toFixed(2)).join(' '),
      ]);
    }
  }
  console.log(
    ['', `All sizes (${options.seconds} s measured per window after ${options.warmup} s warm-up; RT = Redis round trips per turn, a pipelined batch counts once):`]
      .concat(table(['conversations', 'bot', 'turns/s', 'p50 ms', 'p99 ms', 'failed', 'RT/turn one at a time', 'RT/turn under load', 'bot CPU ms/turn', 'rss max MB', 'heap max MB', 'load 1m'], rows))
      .join('\n'),
  );
}

function parseArgs(argv: string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not "${raw}"`);
    return n;
  };
  const sizesAt = argv.findIndex((a) => a === '--sizes' || a.startsWith('--sizes='));
  const sizesRaw = sizesAt < 0 ? undefined : argv[sizesAt]!.includes('=') ? argv[sizesAt]!.split('=')[1] : argv[sizesAt + 1];
  const sizes = sizesRaw === undefined ? null : sizesRaw.split(',').map((x) => Number(x.replace(/_/g, '')));
  if (sizes && sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes takes whole numbers, e.g. 50,200,1000, not "${sizesRaw}"`);
  const conversations = Math.round(value('conversations', 50));
  return {
    conversations,
    sizes: sizes ?? [conversations],
    loadRt: argv.includes('--load-rt'),
    seconds: value('seconds', 20),
    warmup: value('warmup', 3),
    rounds: Math.round(value('rounds', 2)),
    accounting: Math.round(value('accounting', 2)),
    loadThroughProxy: argv.includes('--load-through-proxy'),
    cpuProf: argv.includes('--cpu-prof'),
    redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
  };
}

/** The children get a clean environment: no API keys (the LLM would dominate), no token secret. */
function baseEnv(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'LANG', 'TMPDIR', 'NODE_PATH', 'TS_NODE_PROJECT'];
  return Object.fromEntries(keep.flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])));
}

async function deleteKeys(redisUrl: string, prefixes: string[]): Promise<number> {
  const client = createRedis({ url: redisUrl, name: 'bench-cleanup' });
  await client.connect();
  let removed = 0;
  try {
    for (const prefix of prefixes) {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length) removed += await client.unlink(keys);
    }
  } finally {
    await client.close();
  }
  return removed;
}

function printProfiles(dir: string): void {
  const out: string[] = [];
  for (const file of profilesIn(dir)) {
    const p = summarizeProfile(file);
    out.push('', `profile of the measured window, ${fmt(p.totalMs)} ms busy (${file}):`);
    const rows = (pairs: [string, number][]) => pairs.map(([name, ms]) => [name, fmt(ms), fmt((100 * ms) / p.totalMs, 1)]);
    out.push(...table(['self time by package or folder', 'ms', '%'], rows(p.byArea)));
    out.push(...table(['charged to the nearest project code on the stack', 'ms', '%'], rows(p.byNearestProjectArea)));
    out.push(...table(['time under project functions (callees included)', 'ms', '%'], rows(p.byProjectFunction)));
  }
  console.log(out.join('\n'));
}

async function memoryOf(child: Child<{ type: 'ready'; url: string }>): Promise<MemoryReading> {
  return (await child.request<{ memory: MemoryReading }>({ op: 'memory' })).memory;
}

async function machineNow(redisUrl: string) {
  const client = createRedis({ url: redisUrl, name: 'bench-machine' });
  await client.connect();
  try {
    return await machine(client);
  } finally {
    await client.close();
  }
}

function mb(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 2 ** 20).toFixed(0) : '-';
}

async function cpuOf(child: Child<{ type: 'ready'; url: string }>): Promise<number> {
  const { cpu } = await child.request<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' });
  return cpu.user + cpu.system;
}

function sum(values: number[]): number {
  return values.reduce((s, n) => s + n, 0);
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

main().catch((err: unknown) => {
  console.error(`bench: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
