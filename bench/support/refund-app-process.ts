import { startApp } from '../../bot/app';
import type { AppOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { FixtureCatalogue, demoData } from '../../services/orders';
import { handleMemoryMessage, startMemoryProbe } from './memory-probe';
import { handleProfilerMessage } from './window-profiler';
import { worldOrders } from './world';

// The real refund app (bot/app.ts) in a child process of the benchmark: configured from the environment the
// benchmark gives it, reporting its address over IPC, and its processor time and memory when asked.
// BENCH_WORLD_BUYERS / BENCH_WORLD_TIMERS / BENCH_WORLD_AT: the demo catalogue plus the benchmark's own
// marketplace (bench/support/world.ts), built from the same clock reading as the benchmark's.

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  startMemoryProbe();
  const overrides: AppOverrides = {};
  const buyers = Number(process.env.BENCH_WORLD_BUYERS ?? 0);
  const timers = Number(process.env.BENCH_WORLD_TIMERS ?? 0);
  if (buyers > 0 || timers > 0) {
    const at = new Date(Number(process.env.BENCH_WORLD_AT ?? Date.now()));
    const demo = demoData(at);
    const world = worldOrders(buyers, timers, at);
    overrides.orders = new FixtureCatalogue({ data: { buyers: [...demo.buyers, ...world.buyers], shops: demo.shops, orders: [...demo.orders, ...world.orders] } });
  }
  const app = await startApp(loaded.config, createLogger(loaded.config.LOG_LEVEL), overrides);
  process.send!({ type: 'ready', url: app.url, store: app.infra.storeKind });
  process.on('message', (m: { op?: string; id?: number; file?: string }) => {
    if (handleProfilerMessage(m) || handleMemoryMessage(m)) return;
    if (m.op === 'stop') void app.stop().finally(() => process.exit(0));
    if (m.op === 'cpu') process.send!({ id: m.id, cpu: process.cpuUsage() });
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`refund app: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
