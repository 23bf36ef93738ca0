import { createClient } from 'redis';

type Client = ReturnType<typeof createClient>;
import { FixtureCatalogue } from '../../../services/orders';
import { FixtureLogistics } from '../../../services/logistics';
import { RedisGatewayLedger, SimulatedGateway, type SimulatedGatewayOptions } from '../../../services/payments';
import { createRefundCore, type PaymentGateway, type PolicyConfig, type RefundCore } from '../../../services/refunds';
import { RedisCaseStore, RedisEventSource } from '../../../services/store';
import { chaosWorld } from '../../../scripts/chaos/world';
import { FakeClock } from '../../support/fake-clock';
import { snapshot, type WorldSnapshot } from './invariants';

// The refund core in this process on a real Redis (own key prefix), over the chaos marketplace, with a fake clock
// and the simulated gateway keeping its ledger in Redis: several cores built here are several instances.

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface CoreWorld {
  prefix: string;
  clock: FakeClock;
  client: Client;
  ledger: RedisGatewayLedger;
  /** A gateway on the shared ledger (scripts stay with the object). */
  gateway(options?: Omit<SimulatedGatewayOptions, 'clock' | 'ledger'>): SimulatedGateway;
  /** Another instance of the core on the same store, catalogue and clock. */
  core(payments: PaymentGateway, policy?: Partial<PolicyConfig>): RefundCore;
  events: RedisEventSource;
  snapshot(): Promise<WorldSnapshot>;
  close(): Promise<void>;
}

export async function coreWorld(buyers: number, name: string): Promise<CoreWorld> {
  const client: Client = createClient({ url: REDIS_URL });
  await client.connect();
  const prefix = `test:chaos:${name}:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
  const clock = new FakeClock();
  const data = chaosWorld(clock.now(), buyers);
  const store = new RedisCaseStore({ client, prefix });
  const orders = new FixtureCatalogue({ data });
  const logistics = new FixtureLogistics({ clock, tracking: data.tracking });
  const ledger = new RedisGatewayLedger({ client, prefix });
  return {
    prefix,
    clock,
    client,
    ledger,
    gateway: (options = {}) => new SimulatedGateway({ clock, ledger, ...options }),
    core: (payments, policy) => createRefundCore({ store, orders, payments, logistics, clock, ...(policy ? { policy } : {}) }),
    events: new RedisEventSource({ client, prefix, blockMs: 50 }),
    snapshot: () => snapshot(client, prefix),
    async close() {
      const keys: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) keys.push(...batch);
      for (let i = 0; i < keys.length; i += 1000) await client.del(keys.slice(i, i + 1000));
      await client.quit();
    },
  };
}
