import type { HandoffQueue, HandoffRequest } from '../../../services/handoff';

// The behaviour every HandoffQueue must have; run once per implementation.

export function aRequest(overrides: Partial<HandoffRequest> = {}): HandoffRequest {
  return {
    buyerId: 'buyer-1001',
    conversationId: 'conv-1',
    reason: 'buyer_asked',
    priority: 'normal',
    language: 'zh-CN',
    transcript: [{ from: 'buyer', text: '转人工', at: '2025-03-01T02:00:00.000Z' }],
    ...overrides,
  };
}

const T0 = Date.parse('2025-03-01T02:00:00.000Z');
const at = (seconds: number): Date => new Date(T0 + seconds * 1000);

export function handoffQueueContract(name: string, make: () => Promise<HandoffQueue>): void {
  describe(`${name} meets the HandoffQueue contract`, () => {
    let queue: HandoffQueue;
    beforeEach(async () => {
      queue = await make();
    });

    it('queues a request and gives its place, keeping everything the agent needs', async () => {
      const request = aRequest({ caseId: 'RD-000001', orderId: 'DEMO-1001' });
      const r = await queue.enqueue(request, at(0));
      expect(r.ok).toBe(true);
      expect(r.value.position).toBe(1);
      expect(r.value.alreadyQueued).toBe(false);
      expect(r.value.handoff).toEqual({ ...request, id: expect.any(String), queuedAt: at(0).toISOString(), status: 'queued' });
      expect(await queue.current('conv-1')).toEqual(r.value.handoff);
      expect(await queue.position('conv-1')).toBe(1);
      expect(await queue.waiting()).toEqual([r.value.handoff]);
    });

    it('knows nothing of conversations that never asked', async () => {
      expect(await queue.position('nobody')).toBeNull();
      expect(await queue.current('nobody')).toBeNull();
      expect(await queue.waiting()).toEqual([]);
    });

    it('serves in order of arrival within one priority', async () => {
      for (let i = 1; i <= 4; i++) {
        const r = await queue.enqueue(aRequest({ conversationId: `conv-${i}`, buyerId: `buyer-${i}` }), at(i));
        expect(r.value.position).toBe(i);
      }
      expect((await queue.waiting()).map((h) => h.conversationId)).toEqual(['conv-1', 'conv-2', 'conv-3', 'conv-4']);
    });

    it('keeps arrival order for requests queued in the same millisecond', async () => {
      for (const id of ['conv-b', 'conv-a', 'conv-c']) await queue.enqueue(aRequest({ conversationId: id }), at(5));
      expect((await queue.waiting()).map((h) => h.conversationId)).toEqual(['conv-b', 'conv-a', 'conv-c']);
      expect(await queue.position('conv-c')).toBe(3);
    });

    it('serves high priority first, then by time', async () => {
      await queue.enqueue(aRequest({ conversationId: 'normal-early' }), at(0));
      await queue.enqueue(aRequest({ conversationId: 'normal-late' }), at(10));
      const urgent = await queue.enqueue(aRequest({ conversationId: 'high-late', priority: 'high', reason: 'frustration' }), at(20));
      expect(urgent.value.position).toBe(1);
      await queue.enqueue(aRequest({ conversationId: 'high-later', priority: 'high', reason: 'quality_complaint' }), at(30));
      expect((await queue.waiting()).map((h) => h.conversationId)).toEqual(['high-late', 'high-later', 'normal-early', 'normal-late']);
      expect(await queue.position('normal-early')).toBe(3);
      expect(await queue.position('normal-late')).toBe(4);
    });

    it('does not queue a waiting conversation twice: it keeps its request and its place', async () => {
      const first = await queue.enqueue(aRequest({ conversationId: 'conv-1' }), at(0));
      await queue.enqueue(aRequest({ conversationId: 'conv-2' }), at(1));
      const again = await queue.enqueue(aRequest({ conversationId: 'conv-1', reason: 'frustration', priority: 'high' }), at(2));
      expect(again.value.alreadyQueued).toBe(true);
      expect(again.value.position).toBe(1);
      expect(again.value.handoff).toEqual(first.value.handoff);
      const second = await queue.enqueue(aRequest({ conversationId: 'conv-2' }), at(3));
      expect(second.value).toMatchObject({ alreadyQueued: true, position: 2 });
      expect(await queue.waiting()).toHaveLength(2);
    });

    it('keeps waiting requests independent of each other', async () => {
      await queue.enqueue(aRequest({ conversationId: 'conv-1', language: 'en-US', buyerId: 'buyer-1002' }), at(0));
      await queue.enqueue(aRequest({ conversationId: 'conv-2', transcript: [] }), at(1));
      expect(await queue.current('conv-1')).toMatchObject({ language: 'en-US', buyerId: 'buyer-1002' });
      expect((await queue.current('conv-2'))?.transcript).toEqual([]);
    });

    it('gives a copy: changing what it returned changes nothing queued', async () => {
      const r = await queue.enqueue(aRequest(), at(0));
      r.value.handoff.transcript.push({ from: 'bot', text: 'x', at: at(1).toISOString() });
      r.value.handoff.status = 'closed';
      expect((await queue.current('conv-1'))?.transcript).toHaveLength(1);
      expect(await queue.position('conv-1')).toBe(1);
    });
  });
}
