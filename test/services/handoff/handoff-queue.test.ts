import { MemoryHandoffQueue, RedisHandoffQueue } from '../../../services/handoff';
import { connectTestRedis, type TestRedis } from '../store/redis-fixture';
import { aRequest, handoffQueueContract } from './handoff-queue.contract';

handoffQueueContract('MemoryHandoffQueue', async () => new MemoryHandoffQueue());

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('handoff-queue');
});
afterAll(async () => {
  await redis.close();
});

handoffQueueContract('RedisHandoffQueue', async () => new RedisHandoffQueue({ client: redis.client, prefix: redis.nextPrefix() }));

describe('RedisHandoffQueue', () => {
  it('is one queue for every instance sharing the prefix', async () => {
    const prefix = redis.nextPrefix();
    const a = new RedisHandoffQueue({ client: redis.client, prefix });
    const b = new RedisHandoffQueue({ client: redis.client, prefix });
    await a.enqueue(aRequest({ conversationId: 'conv-1' }), new Date('2025-03-01T02:00:00Z'));
    const second = await b.enqueue(aRequest({ conversationId: 'conv-2' }), new Date('2025-03-01T02:00:01Z'));
    expect(second.value.position).toBe(2);
    expect((await b.enqueue(aRequest({ conversationId: 'conv-1' }), new Date('2025-03-01T02:00:02Z'))).value.alreadyQueued).toBe(true);
    expect((await a.waiting()).map((h) => h.conversationId)).toEqual(['conv-1', 'conv-2']);
  });

  it('queues a conversation once when two instances race', async () => {
    const prefix = redis.nextPrefix();
    const queues = [0, 1, 2, 3].map(() => new RedisHandoffQueue({ client: redis.client, prefix }));
    const results = await Promise.all(queues.map((q) => q.enqueue(aRequest({ conversationId: 'conv-race' }), new Date('2025-03-01T02:00:00Z'))));
    expect(results.filter((r) => !r.value.alreadyQueued)).toHaveLength(1);
    expect(new Set(results.map((r) => r.value.handoff.id)).size).toBe(1);
    expect(await queues[0]!.waiting()).toHaveLength(1);
  });

  it('lets a turn read its handoff and write its lines together with its own keys', async () => {
    const prefix = redis.nextPrefix();
    const queue = new RedisHandoffQueue({ client: redis.client, prefix });
    const line = (n: number, from: 'buyer' | 'bot') => ({ from, text: `line ${n}`, at: new Date(Date.UTC(2025, 2, 1, 2, 0, n)).toISOString() });
    await queue.record('conv-1', [line(1, 'buyer')]);
    const turn = queue.turnState('conv-1');
    expect(turn.keys).toEqual([`${prefix}handoff:conv:conv-1`, `${prefix}handoff:lines:conv-1`]);
    // The turn reads its keys as it starts (with its lock) ...
    const read = await redis.client.mGet([...turn.keys]);
    expect(turn.handoff(read)).toBeNull();
    // ... and writes its lines as it ends (with its state).
    const write = turn.write(read, [line(2, 'buyer'), line(3, 'bot')], 2);
    await redis.client.set(write.key, write.value, { PX: write.ttlMs });
    expect((await queue.transcript('conv-1')).map((l) => l.text)).toEqual(['line 2', 'line 3']);
    await queue.record('conv-1', [line(4, 'buyer')]);
    expect((await queue.transcript('conv-1')).map((l) => l.text)).toEqual(['line 2', 'line 3', 'line 4']);

    const { handoff } = (await queue.enqueue(aRequest({ conversationId: 'conv-1' }), new Date('2025-03-01T02:00:05Z'))).value;
    expect(turn.handoff(await redis.client.mGet([...turn.keys]))).toEqual(handoff);
  });
});
