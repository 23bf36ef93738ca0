import type { Activity } from 'botbuilder';
import {
  MemoryConversationReferences,
  RedisConversationReferences,
  ReferenceRecorder,
  canonicalReference,
  referenceOf,
} from '../../../bot/proactive';
import type { ConversationReferenceStore, StoredReference } from '../../../bot/proactive';
import { connectTestRedis, type TestRedis } from '../../services/store/redis-fixture';
import { aReference, conversationReferenceContract } from './conversation-references.contract';

conversationReferenceContract('MemoryConversationReferences', async () => new MemoryConversationReferences());

let redis: TestRedis;
beforeAll(async () => {
  redis = await connectTestRedis('conversation-references');
});
afterAll(async () => {
  await redis.close();
});

conversationReferenceContract('RedisConversationReferences', async () => new RedisConversationReferences({ client: redis.client, prefix: redis.nextPrefix() }));

describe('RedisConversationReferences', () => {
  it('keeps references under its prefix with an expiry renewed on every write', async () => {
    const prefix = redis.nextPrefix();
    const store = new RedisConversationReferences({ client: redis.client, prefix, ttlSeconds: 3600 });
    await store.saveForBuyer('buyer-1001', aReference('conv-1'));
    const ttl = Number(await redis.client.sendCommand(['TTL', `${prefix}convref:buyer:buyer-1001`]));
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });
});

const incoming = (overrides: Partial<Activity> = {}): Partial<Activity> => ({
  type: 'message',
  id: 'activity-1',
  channelId: 'webchat',
  serviceUrl: 'https://webchat.botframework.com/',
  conversation: { id: 'conv-1' } as Activity['conversation'],
  from: { id: 'buyer-1001', name: '王小明' },
  recipient: { id: 'refund-desk', name: 'Refund Desk' },
  locale: 'zh-CN',
  text: '你好',
  ...overrides,
});

describe('referenceOf', () => {
  it('keeps where the conversation is and who is in it, not the message it came with', () => {
    const ref = referenceOf(incoming());
    expect(ref).toEqual({
      channelId: 'webchat',
      serviceUrl: 'https://webchat.botframework.com/',
      conversation: { id: 'conv-1' },
      user: { id: 'buyer-1001', name: '王小明' },
      bot: { id: 'refund-desk', name: 'Refund Desk' },
      locale: 'zh-CN',
    });
    expect(ref).not.toHaveProperty('activityId');
  });

  it('is the same for every message of one conversation, and differs across conversations', () => {
    const a = canonicalReference(referenceOf(incoming({ id: 'm1', text: 'one' })));
    const b = canonicalReference(referenceOf(incoming({ id: 'm2', text: 'two' })));
    const c = canonicalReference(referenceOf(incoming({ conversation: { id: 'conv-2' } as Activity['conversation'] })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

/** A store that counts its writes. */
class CountingStore extends MemoryConversationReferences {
  writes = 0;
  override async saveForBuyer(buyerId: string, reference: StoredReference): Promise<void> {
    this.writes++;
    return super.saveForBuyer(buyerId, reference);
  }
}

describe('ReferenceRecorder', () => {
  let now = 0;
  const recorder = (store: ConversationReferenceStore, options: { rememberMs?: number; maxBuyers?: number } = {}) =>
    new ReferenceRecorder({ store, now: () => now, ...options });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('writes the first message of a conversation and skips the unchanged ones after it', async () => {
    const store = new CountingStore();
    const r = recorder(store);
    expect(await r.record('buyer-1001', incoming({ id: 'm1' }))).toBe(true);
    expect(await r.record('buyer-1001', incoming({ id: 'm2' }))).toBe(false);
    expect(await r.record('buyer-1001', incoming({ id: 'm3' }))).toBe(false);
    expect(store.writes).toBe(1);
    expect((await store.forBuyer('buyer-1001'))?.conversation?.id).toBe('conv-1');
  });

  it('writes again when the buyer moves to another conversation, channel or locale', async () => {
    const store = new CountingStore();
    const r = recorder(store);
    await r.record('buyer-1001', incoming());
    expect(await r.record('buyer-1001', incoming({ conversation: { id: 'conv-2' } as Activity['conversation'] }))).toBe(true);
    expect((await store.forBuyer('buyer-1001'))?.conversation?.id).toBe('conv-2');
    expect(await r.record('buyer-1001', incoming({ conversation: { id: 'conv-2' } as Activity['conversation'], locale: 'en-US' }))).toBe(true);
    expect(store.writes).toBe(3);
  });

  it('writes again after a while, in case another instance stored another conversation meanwhile', async () => {
    const store = new CountingStore();
    const r = recorder(store, { rememberMs: 60_000 });
    await r.record('buyer-1001', incoming());
    await store.saveForBuyer('buyer-1001', aReference('conv-elsewhere'));
    now += 59_000;
    expect(await r.record('buyer-1001', incoming())).toBe(false);
    now += 2_000;
    expect(await r.record('buyer-1001', incoming())).toBe(true);
    expect((await store.forBuyer('buyer-1001'))?.conversation?.id).toBe('conv-1');
  });

  it('remembers a bounded number of buyers', async () => {
    const store = new CountingStore();
    const r = recorder(store, { maxBuyers: 2 });
    for (const id of ['b1', 'b2', 'b3']) await r.record(id, incoming({ from: { id, name: id } }));
    expect(await r.record('b3', incoming({ from: { id: 'b3', name: 'b3' } }))).toBe(false);
    // b1 was forgotten first, so its next message writes again.
    expect(await r.record('b1', incoming({ from: { id: 'b1', name: 'b1' } }))).toBe(true);
  });
});
