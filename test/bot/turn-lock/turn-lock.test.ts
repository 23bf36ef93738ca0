import { InMemoryTurnLock, RedisTurnLock, type MemoryLeaseMap } from '../../../bot/turn-lock';
import { connectTestRedis, deleteKeysUnder, uniquePrefix, type TestRedisClient } from '../storage/redis-fixture';
import { turnLockContract } from './turn-lock.contract';

describe('InMemoryTurnLock', () => {
  turnLockContract((settings = {}) => {
    const leases: MemoryLeaseMap = new Map();
    return () => new InMemoryTurnLock({ ...settings, leases });
  });
});

describe('RedisTurnLock', () => {
  const prefix = uniquePrefix('turn-lock-contract');
  let client: TestRedisClient;
  let namespaces = 0;

  beforeAll(async () => {
    client = await connectTestRedis();
  });

  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    client.destroy();
  });

  turnLockContract((settings = {}) => {
    const namespace = `${prefix}${(namespaces += 1)}:`;
    return () => new RedisTurnLock({ ...settings, client, prefix: namespace });
  });
});
