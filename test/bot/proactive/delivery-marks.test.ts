import { MemoryDeliveryMarks, RedisDeliveryMarks } from '../../../bot/proactive';
import type { DeliveryMarks } from '../../../bot/proactive';
import { connectTestRedis, type TestRedis } from '../../services/store/redis-fixture';

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('delivery-marks');
});
afterAll(async () => {
  await redis.close();
});

describe.each([
  ['MemoryDeliveryMarks', async (): Promise<DeliveryMarks> => new MemoryDeliveryMarks()],
  ['RedisDeliveryMarks', async (): Promise<DeliveryMarks> => new RedisDeliveryMarks({ client: redis.client, prefix: redis.nextPrefix() })],
])('%s', (_name, make) => {
  it('knows an event only once it is marked', async () => {
    const marks = await make();
    expect(await marks.has('RD-000001:3')).toBe(false);
    expect(await marks.mark('RD-000001:3')).toBe(true);
    expect(await marks.has('RD-000001:3')).toBe(true);
    expect(await marks.has('RD-000001:4')).toBe(false);
  });

  it('says when an event was already marked', async () => {
    const marks = await make();
    expect(await marks.mark('RD-000001:3')).toBe(true);
    expect(await marks.mark('RD-000001:3')).toBe(false);
  });
});

it('forgets the oldest marks past its bound in memory', async () => {
  const marks = new MemoryDeliveryMarks(2);
  await marks.mark('a');
  await marks.mark('b');
  await marks.mark('c');
  expect(await marks.has('a')).toBe(false);
  expect(await marks.has('c')).toBe(true);
});

it('lets marks expire in Redis', async () => {
  const prefix = redis.nextPrefix();
  const marks = new RedisDeliveryMarks({ client: redis.client, prefix, ttlSeconds: 100 });
  await marks.mark('RD-000009:2');
  const ttl = Number(await redis.client.sendCommand(['TTL', `${prefix}sent:RD-000009:2`]));
  expect(ttl).toBeGreaterThan(90);
});
