import { createClient } from 'redis';
import type { ConversationLog } from '../../bot/directline/conversation-log';
import { activityIdOf, parseWatermark, watermarkOfId } from '../../bot/directline/conversation-log';
import { MemoryConversationLog } from '../../bot/directline/memory-conversation-log';
import { RedisConversationLog } from '../../bot/directline/redis-conversation-log';
import { REDIS_URL } from '../support/bot-http';

// One contract for both conversation logs: records, starting once, numbering without gaps, reading on from a
// watermark, the cap, and replacing an activity.

const PREFIX = `test:dl-log:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
const redis = createClient({ url: REDIS_URL });

beforeAll(() => redis.connect());
afterAll(async () => {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length) await redis.del(keys);
  await redis.close();
});

let n = 0;
const record = (id = `conv-${++n}`) => ({ id, buyerId: 'buyer-1001', locale: 'zh-CN', createdAt: 1 });

describe.each<[string, (max?: number) => ConversationLog]>([
  ['in memory', (max = 1000) => new MemoryConversationLog({ maxActivities: max })],
  ['in Redis', (max = 1000) => new RedisConversationLog({ client: redis, prefix: PREFIX, maxActivities: max })],
])('the conversation log %s', (_name, make) => {
  it('keeps records and replaces them', async () => {
    const log = make();
    const r = record();
    expect(await log.get(r.id)).toBeNull();
    await log.save(r);
    expect(await log.get(r.id)).toEqual(r);
    await log.save({ ...r, buyerToken: 'tok', buyerTokenExpiresAt: 5 });
    expect(await log.get(r.id)).toEqual({ ...r, buyerToken: 'tok', buyerTokenExpiresAt: 5 });
  });

  it('starts a conversation once, and only one that exists', async () => {
    const log = make();
    const r = record();
    expect(await log.markStarted(r.id)).toBe(false);
    await log.save(r);
    const starts = await Promise.all([log.markStarted(r.id), log.markStarted(r.id), log.markStarted(r.id)]);
    expect(starts.filter(Boolean)).toHaveLength(1);
  });

  it('numbers activities without gaps, even when appended at once, and reads on from a watermark', async () => {
    const log = make();
    const r = record();
    await log.save(r);
    const appended = await Promise.all(Array.from({ length: 20 }, (_, i) => log.append(r.id, { type: 'message', text: `m${i}` })));
    expect(appended.map((a) => a.watermark).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const a of appended) expect(a.id).toBe(activityIdOf(r.id, a.watermark));
    const all = await log.read(r.id, 0);
    expect(all.watermark).toBe(20);
    expect(all.activities.map((a) => a.id)).toEqual(Array.from({ length: 20 }, (_, i) => activityIdOf(r.id, i + 1)));
    const page = await log.read(r.id, 5, 3);
    expect(page).toEqual({ watermark: 8, activities: all.activities.slice(5, 8) });
    expect(await log.read(r.id, 20)).toEqual({ watermark: 20, activities: [] });
    expect(await log.find(r.id, activityIdOf(r.id, 7))).toEqual(all.activities[6]);
    expect(await log.find(r.id, 'elsewhere|0000007')).toBeNull();
    await expect(log.append('no-such-conversation', { type: 'message' })).rejects.toThrow();
  });

  it('keeps the latest activities only, up to its cap', async () => {
    const log = make(3);
    const r = record();
    await log.save(r);
    for (let i = 1; i <= 5; i += 1) await log.append(r.id, { text: `m${i}` });
    const kept = await log.read(r.id, 0);
    expect(kept.activities.map((a) => a.text)).toEqual(['m3', 'm4', 'm5']);
    expect(kept.watermark).toBe(5);
  });

  it('appends a replacement under the replaced id', async () => {
    const log = make();
    const r = record();
    await log.save(r);
    const first = await log.append(r.id, { text: 'card v1' });
    const second = await log.append(r.id, { text: 'card v2' }, { replaces: first.id });
    expect(second).toEqual({ id: first.id, watermark: 2 });
    expect((await log.read(r.id, 1)).activities).toEqual([{ text: 'card v2', id: first.id }]);
  });
});

describe('watermarks and activity ids', () => {
  it('reads digits only, anything else from the start', () => {
    expect(parseWatermark('42')).toBe(42);
    expect(parseWatermark('')).toBe(0);
    expect(parseWatermark('-1')).toBe(0);
    expect(parseWatermark('1e3')).toBe(0);
    expect(parseWatermark(undefined)).toBe(0);
  });

  it("finds the number in an id of the conversation, and nothing in another's", () => {
    expect(activityIdOf('c', 12)).toBe('c|0000012');
    expect(watermarkOfId('c', 'c|0000012')).toBe(12);
    expect(watermarkOfId('c', 'd|0000012')).toBeNull();
    expect(watermarkOfId('c', 'c|12a')).toBeNull();
  });
});

describe('the in-memory log', () => {
  it('forgets the least recently used conversations beyond its cap, and conversations left alone too long', async () => {
    let clock = 0;
    const log = new MemoryConversationLog({ maxConversations: 2, ttlMs: 1_000, unstartedTtlMs: 100, now: () => clock });
    await log.save(record('a'));
    await log.save(record('b'));
    await log.markStarted('a');
    await log.save(record('c'));
    expect(await log.get('b')).toBeNull();
    expect(await log.get('a')).not.toBeNull();
    clock = 500;
    expect(await log.get('c')).toBeNull(); // never started: gone after 100 ms
    expect(await log.get('a')).not.toBeNull();
    clock = 2_000;
    expect(await log.get('a')).toBeNull();
  });
});

describe('the Redis log', () => {
  it('expires a conversation that was never started within the hour, and a started one with its history', async () => {
    const log = new RedisConversationLog({ client: redis, prefix: PREFIX, ttlMs: 86_400_000, unstartedTtlMs: 3_600_000 });
    const r = record();
    await log.save(r);
    const unstarted = await redis.pTTL(`${PREFIX}dl:conv:${r.id}`);
    expect(unstarted).toBeGreaterThan(3_500_000);
    expect(unstarted).toBeLessThanOrEqual(3_600_000);
    await log.markStarted(r.id);
    await log.append(r.id, { text: 'hi' });
    for (const kind of ['conv', 'started', 'seq', 'log']) {
      const ttl = await redis.pTTL(`${PREFIX}dl:${kind}:${r.id}`);
      expect(ttl).toBeGreaterThan(86_000_000);
    }
  });
});
