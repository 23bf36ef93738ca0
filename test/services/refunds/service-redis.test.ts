import type { RedisClient } from '../../../services/store';
import { RedisCaseStore, RedisEventSource } from '../../../services/store';
import { connectRedis, deleteKeysUnder, uniquePrefix } from '../../support/refund-harness';
import { refundServiceContract } from './service.contract';

let client: RedisClient;
const root = uniquePrefix('refund-service');
let stores = 0;

beforeAll(async () => {
  client = await connectRedis('refund-service-test');
});

afterAll(async () => {
  await deleteKeysUnder(client, root);
  await client.close();
});

refundServiceContract('RedisCaseStore', {
  makeStore: () => {
    const prefix = `${root}${++stores}:`;
    return {
      store: new RedisCaseStore({ client, prefix }),
      events: new RedisEventSource({ client, prefix, blockMs: 50, claimIntervalMs: 50 }),
      cleanup: async () => {
        await deleteKeysUnder(client, prefix);
      },
    };
  },
});
