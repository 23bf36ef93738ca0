import { MemoryCaseStore, MemoryEventSource, MemoryOutbox, RedisCaseStore, RedisEventSource } from '../../../services/store';
import { eventSourceContract } from './event-source.contract';
import { connectTestRedis, type TestRedis } from './redis-fixture';

eventSourceContract('MemoryEventSource', async ({ claimIdleMs, onError }) => {
  const outbox = new MemoryOutbox();
  return { store: new MemoryCaseStore({ outbox }), events: new MemoryEventSource({ outbox, claimIdleMs, onError }) };
});

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('event-source');
});
afterAll(async () => {
  await redis.close();
});

eventSourceContract('RedisEventSource', async ({ claimIdleMs, batchSize, onError }) => {
  const prefix = redis.nextPrefix();
  return {
    store: new RedisCaseStore({ client: redis.client, prefix }),
    events: new RedisEventSource({ client: redis.client, prefix, blockMs: 100, claimIdleMs, claimIntervalMs: 50, batchSize, onError }),
  };
});
