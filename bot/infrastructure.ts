import type { Config } from './config';
import type { Logger } from './logger';
import type { CaseStore, Clock, EventSource, Logistics, OrderCatalogue, PaymentGateway, PaymentStepHook } from '../services/refunds';
import { createRefundCore } from '../services/refunds';
import type { RefundCore } from '../services/refunds';
import { SystemClock } from '../services/clock';
import { FixtureCatalogue, HttpCatalogue, demoData } from '../services/orders';
import type { DemoData } from '../services/orders';
import { SimulatedGateway } from '../services/payments';
import { FixtureLogistics } from '../services/logistics';
import { MemoryCaseStore, MemoryEventSource, MemoryOutbox, RedisCaseStore, RedisEventSource, createRedis } from '../services/store';
import type { RedisClient } from '../services/store';

// Builds the adapters the configuration asks for and the refund core on top of them.

export interface Infrastructure {
  clock: Clock;
  store: CaseStore;
  events: EventSource;
  orders: OrderCatalogue;
  payments: PaymentGateway;
  logistics: Logistics;
  core: RefundCore;
  demo: DemoData | null;
  storeKind: 'redis' | 'memory';
  redis: RedisClient | null;
  close(): Promise<void>;
}

export interface InfrastructureOverrides {
  clock?: Clock;
  payments?: PaymentGateway;
  logistics?: Logistics;
  orders?: OrderCatalogue;
  /** Fault injection only: called at each step boundary of the payment path. */
  onPaymentStep?: PaymentStepHook;
}

export async function buildInfrastructure(config: Config, log: Logger, overrides: InfrastructureOverrides = {}): Promise<Infrastructure> {
  const clock = overrides.clock ?? new SystemClock();
  const demo = config.ORDER_API_URL ? null : demoData(clock.now());

  let redis: RedisClient | null = null;
  let store: CaseStore;
  let events: EventSource;
  if (config.REDIS_URL) {
    redis = createRedis({
      url: config.REDIS_URL,
      name: 'refund-desk',
      onError: (err) => log.warn({ err: err.message }, 'redis connection trouble'),
    });
    await redis.connect();
    store = new RedisCaseStore({ client: redis, prefix: config.REDIS_PREFIX });
    events = new RedisEventSource({
      client: redis,
      prefix: config.REDIS_PREFIX,
      onError: (err, ctx) => log.error({ err: String(err), ...ctx }, 'event handler failed; it will be redelivered'),
    });
  } else {
    const outbox = new MemoryOutbox();
    store = new MemoryCaseStore({ outbox, now: () => clock.now().getTime() });
    events = new MemoryEventSource({
      outbox,
      onError: (err, ctx) => log.error({ err: String(err), ...ctx }, 'event handler failed; it will be redelivered'),
    });
  }

  const orders =
    overrides.orders ??
    (config.ORDER_API_URL
      ? new HttpCatalogue({ baseUrl: config.ORDER_API_URL, ...(config.ORDER_API_TOKEN ? { token: config.ORDER_API_TOKEN } : {}) })
      : new FixtureCatalogue({ data: demo! }));
  const payments =
    overrides.payments ??
    new SimulatedGateway({
      clock,
      failureRate: config.PAYMENT_FAILURE_RATE,
      declineRate: config.PAYMENT_DECLINE_RATE,
      latencyMs: config.PAYMENT_LATENCY_MS,
      confirmAfterMs: config.PAYMENT_CONFIRM_AFTER_MS,
    });
  const logistics = overrides.logistics ?? new FixtureLogistics({ clock, tracking: demo?.tracking ?? {}, returnTransitMs: config.RETURN_TRANSIT_MS });

  const core = createRefundCore({
    store,
    orders,
    payments,
    logistics,
    clock,
    ...(overrides.onPaymentStep ? { onPaymentStep: overrides.onPaymentStep } : {}),
    policy: {
      timeZone: config.TIME_ZONE,
      autoConfirmMaxFen: config.AUTO_CONFIRM_MAX_FEN,
      merchantHours: config.MERCHANT_HOURS,
      merchantSpecialHours: config.MERCHANT_SPECIAL_HOURS,
    },
  });

  return {
    clock,
    store,
    events,
    orders,
    payments,
    logistics,
    core,
    demo,
    storeKind: redis ? 'redis' : 'memory',
    redis,
    async close() {
      if (redis) await redis.close().catch(() => undefined);
    },
  };
}
