import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { handleProfilerMessage } from './window-profiler';

// The real refund app (bot/app.ts) in a child process of the benchmark: configured from the environment the
// benchmark gives it, silent, reporting its address over IPC.

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const app = await startApp(loaded.config, createLogger(loaded.config.LOG_LEVEL));
  process.send!({ type: 'ready', url: app.url, store: app.infra.storeKind });
  process.on('message', (m: { op?: string; id?: number; file?: string }) => {
    if (handleProfilerMessage(m)) return;
    if (m.op === 'stop') void app.stop().finally(() => process.exit(0));
    if (m.op === 'cpu') process.send!({ id: m.id, cpu: process.cpuUsage() });
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`refund app: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
