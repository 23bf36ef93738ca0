import { InMemoryStorage, RedisStorage, type MemoryStorageMap } from '../../../bot/storage';
import { connectTestRedis, deleteKeysUnder, uniquePrefix, type TestRedisClient } from './redis-fixture';
import { storageContract } from './storage.contract';

describe('InMemoryStorage', () => {
  storageContract(() => {
    const data: MemoryStorageMap = new Map();
    return () => new InMemoryStorage({ data });
  });
});

describe('RedisStorage', () => {
  const prefix = uniquePrefix('storage-contract');
  let client: TestRedisClient;
  let namespaces = 0;

  beforeAll(async () => {
    client = await connectTestRedis();
  });

  afterAll(async () => {
    await deleteKeysUnder(client, prefix);
    client.destroy();
  });

  storageContract(() => {
    const namespace = `${prefix}${(namespaces += 1)}:`;
    return () => new RedisStorage({ client, prefix: namespace });
  });
});
