import type { ConversationReferenceStore, StoredReference } from '../../../bot/proactive';

// The behaviour every ConversationReferenceStore must have; run once per implementation.

export function aReference(conversationId: string, overrides: StoredReference = {}): StoredReference {
  return {
    user: { id: 'buyer-1001', name: '王小明' },
    bot: { id: 'refund-desk', name: 'Refund Desk' },
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    channelId: 'msteams',
    locale: 'zh-CN',
    serviceUrl: 'https://smba.trafficmanager.net/apac/',
    ...overrides,
  };
}

export function conversationReferenceContract(name: string, make: () => Promise<ConversationReferenceStore>): void {
  describe(`${name} meets the ConversationReferenceStore contract`, () => {
    let store: ConversationReferenceStore;
    beforeEach(async () => {
      store = await make();
    });

    it('has nothing for a buyer or case never saved', async () => {
      expect(await store.forBuyer('buyer-1001')).toBeNull();
      expect(await store.forCase('RD-000001')).toBeNull();
    });

    it('gives back the reference saved for a buyer, exactly', async () => {
      const ref = aReference('a:1xyz');
      await store.saveForBuyer('buyer-1001', ref);
      expect(await store.forBuyer('buyer-1001')).toEqual(ref);
    });

    it("keeps the buyer's latest conversation", async () => {
      await store.saveForBuyer('buyer-1001', aReference('conv-old'));
      await store.saveForBuyer('buyer-1001', aReference('conv-new', { locale: 'en-US' }));
      expect(await store.forBuyer('buyer-1001')).toEqual(aReference('conv-new', { locale: 'en-US' }));
    });

    it('keeps buyers and cases apart, even with the same id', async () => {
      await store.saveForBuyer('x-1', aReference('conv-buyer'));
      await store.saveForCase('x-1', aReference('conv-case'));
      await store.saveForBuyer('buyer-2', aReference('conv-2', { user: { id: 'buyer-2', name: 'B' } }));
      expect((await store.forBuyer('x-1'))?.conversation?.id).toBe('conv-buyer');
      expect((await store.forCase('x-1'))?.conversation?.id).toBe('conv-case');
      expect((await store.forBuyer('buyer-2'))?.user?.id).toBe('buyer-2');
    });

    it('gives a copy: changing what it returned changes nothing stored', async () => {
      await store.saveForCase('RD-000001', aReference('conv-1'));
      const got = await store.forCase('RD-000001');
      got!.conversation!.id = 'changed';
      expect((await store.forCase('RD-000001'))?.conversation?.id).toBe('conv-1');
    });
  });
}
