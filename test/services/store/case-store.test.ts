import type { DomainEvent } from '../../../services/refunds/case';
import { MemoryCaseStore, MemoryOutbox, RedisCaseStore, storeKeys } from '../../../services/store';
import { caseStoreContract } from './case-store.contract';
import { connectTestRedis, streamEvents, type TestRedis } from './redis-fixture';

caseStoreContract('MemoryCaseStore', async (settings = {}) => {
  const outbox = new MemoryOutbox();
  return { store: new MemoryCaseStore({ outbox, ...settings }), outboxEvents: async () => outbox.events() };
});

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('case-store');
});
afterAll(async () => {
  await redis.close();
});

caseStoreContract('RedisCaseStore', async (settings = {}) => {
  const prefix = redis.nextPrefix();
  return {
    store: new RedisCaseStore({ client: redis.client, prefix, ...settings }),
    outboxEvents: async () => (await streamEvents(redis.client, storeKeys(prefix).outbox)) as DomainEvent[],
  };
});
