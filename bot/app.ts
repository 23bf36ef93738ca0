import type { Config } from './config';
import type { Logger } from './logger';
import type { Infrastructure, InfrastructureOverrides } from './infrastructure';
import { buildInfrastructure } from './infrastructure';
import { createServer, listen } from './server';
import { SweeperLoop } from '../services/scheduler';

// Wires config -> adapters -> services -> server, and runs the timers. Tests start the whole app through here.

export interface App {
  url: string;
  infra: Infrastructure;
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger, overrides: InfrastructureOverrides = {}): Promise<App> {
  const infra = await buildInfrastructure(config, log, overrides);
  const sweeper = new SweeperLoop({
    timers: infra.core.timers,
    payments: infra.core.payments,
    sweepIntervalMs: config.SWEEP_INTERVAL_MS,
    returnPollIntervalMs: config.RETURN_POLL_INTERVAL_MS,
    onSweep: (r) => log.info({ examined: r.examined, fired: r.fired, lostRaces: r.lostRaces }, 'deadline sweep'),
    onError: (err, what) => log.error({ err: String(err), what }, 'timer run failed; it runs again at the next interval'),
  });
  await sweeper.start();
  const stopEvents = await infra.events.subscribe('audit-log', `${process.pid}`, async (event) => {
    log.info({ caseId: event.caseId, version: event.version, type: event.type, from: event.from, to: event.to, actor: event.actor.role }, 'case event');
  });
  const server = createServer(infra, log);
  const url = await listen(server, config.PORT, config.HOST);
  return {
    url,
    infra,
    async stop() {
      await sweeper.stop();
      await stopEvents();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await infra.close();
    },
  };
}
