import { startApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { startupBanner } from './demo-summary';

// The composition root: the only place that reads process.env.

async function main(): Promise<void> {
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    console.error(`Refund Desk cannot start: the configuration has ${loaded.problems.length} problem(s):`);
    for (const p of loaded.problems) console.error(`  - ${p}`);
    console.error('See the configuration table in README.md.');
    process.exit(2);
  }
  const config = loaded.config;
  const log = createLogger(config.LOG_LEVEL);
  const app = await startApp(config, log);
  console.log(startupBanner({ url: app.url, storeKind: app.infra.storeKind, demo: app.infra.demo }));
  if (app.infra.storeKind === 'memory') log.warn('running on the in-memory store: nothing is durable');
  const shutdown = async (signal: string): Promise<void> => {
    log.info({ signal }, 'shutting down');
    await app.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error('Refund Desk failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
