import { RedisCaseStore, RedisEventSource, storeKeys, type RedisDedicatedConnection, type RedisDuplicable } from '../../../services/store';
import type { DomainEvent } from '../../../services/refunds/case';
import { aCase } from '../../support/case-builder';
import { eventually, writeOf } from './case-writes';
import { connectTestRedis, type TestRedis } from './redis-fixture';

// What only the Redis implementation has: its own reading connection, and entries it did not write.

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('redis-event-source');
});
afterAll(async () => {
  await redis.close();
});

/** The real client, keeping hold of the connections handed out by duplicate(). */
function tracking(): { client: RedisDuplicable; connections: RedisDedicatedConnection[] } {
  const connections: RedisDedicatedConnection[] = [];
  return {
    connections,
    client: {
      sendCommand: (args) => redis.client.sendCommand(args),
      duplicate: () => {
        const conn = redis.client.duplicate();
        connections.push(conn);
        return conn;
      },
    },
  };
}

describe('RedisEventSource', () => {
  it('reads on a connection of its own and closes it when stopped, within the block time', async () => {
    const { client, connections } = tracking();
    const prefix = redis.nextPrefix();
    const source = new RedisEventSource({ client, prefix, blockMs: 200, onError: () => {} });
    const stop = await source.subscribe('g', 'c1', async () => {});
    expect(connections).toHaveLength(1);
    expect((connections[0] as unknown as { isOpen: boolean }).isOpen).toBe(true);
    const started = Date.now();
    await stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((connections[0] as unknown as { isOpen: boolean }).isOpen).toBe(false);
  });

  it('creates the group once: a second subscriber of the same group is not refused', async () => {
    const prefix = redis.nextPrefix();
    const source = new RedisEventSource({ client: redis.client, prefix, blockMs: 50, onError: () => {} });
    const stops = [await source.subscribe('g', 'c1', async () => {}), await source.subscribe('g', 'c2', async () => {})];
    await Promise.all(stops.map((s) => s()));
    const groups = await redis.client.sendCommand<unknown[]>(['XINFO', 'GROUPS', storeKeys(prefix).outbox]);
    expect(groups).toHaveLength(1);
  });

  it('reports and acknowledges an entry that is not an event, and goes on with the next ones', async () => {
    const prefix = redis.nextPrefix();
    const stream = storeKeys(prefix).outbox;
    const errors: (string | undefined)[] = [];
    const source = new RedisEventSource({ client: redis.client, prefix, blockMs: 50, onError: (_err, ctx) => errors.push(ctx.eventId) });
    const junkId = await redis.client.sendCommand<string>(['XADD', stream, '*', 'event', '{not json']);
    await new RedisCaseStore({ client: redis.client, prefix }).commit(writeOf(aCase()));
    const seen: DomainEvent[] = [];
    const stop = await source.subscribe('g', 'c1', async (e) => void seen.push(e));
    await eventually(() => seen.length >= 1, 5_000, 'the real event');
    await stop();
    expect(seen.map((e) => e.id)).toEqual(['RD-000001:1']);
    expect(errors).toEqual([String(junkId)]);
    const pending = await redis.client.sendCommand<unknown[]>(['XPENDING', stream, 'g']);
    expect(Number(pending[0])).toBe(0);
  });
});
