import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startApp } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { FixtureCatalogue } from '../../services/orders';
import { FixtureLogistics } from '../../services/logistics';
import { RedisGatewayLedger, SimulatedGateway } from '../../services/payments';
import type { Actor, PaymentStep, PaymentStepHook } from '../../services/refunds';
import { SystemClock } from '../../services/clock';
import { createRedis } from '../../services/store';
import { AcceleratedClock } from './accelerated-clock';
import { chaosWorld } from './world';

// The server as fault-injection runs start it: the real app (bot/app.ts) plus what only those runs need, all from
// the environment:
//   CHAOS_CLOCK_EPOCH_MS, CHAOS_CLOCK_SPEED  time shared by every process of a run, running faster than real time
//   CHAOS_BUYERS                             buyers cb-1..cb-N with orders CXC-* and CXD-* (scripts/chaos/world.ts)
//   CHAOS_GATEWAY_LEDGER=redis               the simulated gateway keeps its ledger in Redis (the judge of "paid twice")
//   CHAOS_CRASH_AT=payment:<step>[@n]        SIGKILL itself at the n-th (default first) pass of a payment step
// It prints one JSON line {"chaos_ready":true,"url":...,"admin":...} once listening. The admin address takes
// POST /file {buyerId, request, key} and POST /execute {actor, caseId, command, key}: people's commands on the
// core, so a kill can land in the middle of a merchant's decision too.

const STEPS: readonly PaymentStep[] = ['after_intent', 'after_gateway_accept', 'before_confirm_commit'];

function crashHook(spec: string | undefined): PaymentStepHook | undefined {
  if (!spec) return undefined;
  const match = /^payment:([a-z_]+)(?:@(\d+))?$/.exec(spec);
  const step = match?.[1] as PaymentStep | undefined;
  if (!match || !step || !STEPS.includes(step)) throw new Error(`CHAOS_CRASH_AT: expected payment:<${STEPS.join('|')}>[@n], got ${spec}`);
  let left = Number(match[2] ?? 1);
  return (at, caseId) => {
    if (at !== step || --left > 0) return;
    process.stderr.write(`chaos: crashing at payment:${at} of ${caseId}\n`);
    process.kill(process.pid, 'SIGKILL');
  };
}

async function main(): Promise<void> {
  const env = process.env;
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const config = loaded.config;
  const log = createLogger(config.LOG_LEVEL);
  const clock = env.CHAOS_CLOCK_EPOCH_MS ? new AcceleratedClock(Number(env.CHAOS_CLOCK_EPOCH_MS), Number(env.CHAOS_CLOCK_SPEED ?? 1)) : new SystemClock();
  const world = chaosWorld(clock.now(), Number(env.CHAOS_BUYERS ?? 0));

  let ledger: RedisGatewayLedger | undefined;
  if (env.CHAOS_GATEWAY_LEDGER === 'redis') {
    if (!config.REDIS_URL) throw new Error('CHAOS_GATEWAY_LEDGER=redis needs REDIS_URL');
    const client = createRedis({ url: config.REDIS_URL, name: 'refund-desk-chaos-gateway', onError: () => undefined });
    await client.connect();
    ledger = new RedisGatewayLedger({ client, prefix: config.REDIS_PREFIX });
  }
  const payments = new SimulatedGateway({
    clock,
    failureRate: config.PAYMENT_FAILURE_RATE,
    declineRate: config.PAYMENT_DECLINE_RATE,
    latencyMs: config.PAYMENT_LATENCY_MS,
    confirmAfterMs: config.PAYMENT_CONFIRM_AFTER_MS,
    ...(ledger ? { ledger } : {}),
  });
  const onPaymentStep = crashHook(env.CHAOS_CRASH_AT);
  const app = await startApp(config, log, {
    clock,
    payments,
    orders: new FixtureCatalogue({ data: world }),
    logistics: new FixtureLogistics({ clock, tracking: world.tracking, returnTransitMs: config.RETURN_TRANSIT_MS }),
    ...(onPaymentStep ? { onPaymentStep } : {}),
  });

  const service = app.infra.core.service;
  const admin = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => reply(res, 500, { error: String(err) }));
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    if (req.method === 'POST' && req.url === '/file') {
      const b = body as { buyerId: string; request: unknown; key: string };
      return reply(res, 200, await service.file({ role: 'buyer', id: b.buyerId }, b.request, b.key));
    }
    if (req.method === 'POST' && req.url === '/execute') {
      const b = body as { actor: Actor; caseId: string; command: unknown; key: string; expectedVersion?: number };
      return reply(res, 200, await service.execute(b.actor, b.caseId, b.command, b.key, b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {}));
    }
    reply(res, 404, { error: 'not found' });
  }
  await new Promise<void>((resolve) => admin.listen(0, '127.0.0.1', resolve));
  const adminUrl = `http://127.0.0.1:${(admin.address() as AddressInfo).port}`;
  process.stdout.write(`${JSON.stringify({ chaos_ready: true, url: app.url, admin: adminUrl, pid: process.pid })}\n`);

  const shutdown = async (): Promise<void> => {
    admin.close();
    await app.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown());
  process.once('SIGINT', () => void shutdown());
}

function reply(res: ServerResponse, status: number, payload: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(payload));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as unknown) : undefined;
}

main().catch((err: unknown) => {
  process.stderr.write(`chaos server: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
