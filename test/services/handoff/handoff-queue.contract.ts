import type { HandoffAgent, HandoffQueue, HandoffRequest, TranscriptLine } from '../../../services/handoff';
import { conversationOwned } from '../../../services/handoff';

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

    describe('taking, relaying and handing back', () => {
      const alice: HandoffAgent = { id: 'aad-alice', name: 'Alice', conversationId: 'a:alice', language: 'en-US' };
      const bob: HandoffAgent = { id: 'aad-bob', name: 'Bob', conversationId: 'a:bob' };

      it('finds a handoff by its id, and forgets ids it never gave', async () => {
        const { handoff } = (await queue.enqueue(aRequest(), at(0))).value;
        expect(await queue.get(handoff.id)).toEqual(handoff);
        expect(await queue.get('no-such-id')).toBeNull();
      });

      it('gives the conversation to the agent who takes it: out of the queue, owned, in the agent chat', async () => {
        const first = (await queue.enqueue(aRequest({ conversationId: 'conv-1' }), at(0))).value.handoff;
        await queue.enqueue(aRequest({ conversationId: 'conv-2' }), at(1));
        const taken = await queue.take(first.id, alice, at(5));
        expect(taken.ok && taken.value).toMatchObject({ status: 'assigned', agent: alice, takenAt: at(5).toISOString(), focusAt: at(5).toISOString() });
        expect(await queue.position('conv-1')).toBeNull();
        expect(await queue.position('conv-2')).toBe(1);
        expect((await queue.waiting()).map((h) => h.conversationId)).toEqual(['conv-2']);
        expect(await conversationOwned(queue, 'conv-1')).toBe(true);
        expect(await conversationOwned(queue, 'conv-2')).toBe(false);
        expect((await queue.byAgentConversation('a:alice')).map((h) => h.id)).toEqual([first.id]);
        expect(await queue.byAgentConversation('a:bob')).toEqual([]);
        const again = (await queue.enqueue(aRequest({ conversationId: 'conv-1' }), at(6))).value;
        expect(again).toMatchObject({ alreadyQueued: true, position: 0, handoff: { status: 'assigned' } });
      });

      it('lets exactly one of racing agents take it; the others see who did and when', async () => {
        const { handoff } = (await queue.enqueue(aRequest(), at(0))).value;
        const agents = [alice, bob, { id: 'aad-carol', name: 'Carol', conversationId: 'a:carol' }, { id: 'aad-dan', name: 'Dan', conversationId: 'a:dan' }];
        const results = await Promise.all(agents.map((a) => queue.take(handoff.id, a, at(3))));
        const winners = results.filter((r) => r.ok);
        expect(winners).toHaveLength(1);
        const winner = winners[0]!.ok ? winners[0]!.value.agent! : null;
        for (const r of results.filter((x) => !x.ok)) {
          expect(r.ok ? null : r.error).toMatchObject({ kind: 'taken', by: { id: winner!.id, name: winner!.name }, at: at(3).toISOString() });
        }
        expect((await queue.get(handoff.id))?.agent?.id).toBe(winner!.id);
        // The winner clicking again keeps it.
        const repeat = await queue.take(handoff.id, winner!, at(9));
        expect(repeat.ok && repeat.value.takenAt).toBe(at(3).toISOString());
      });

      it('hands the conversation back once; a closed handoff cannot be taken, and the buyer can ask again', async () => {
        const { handoff } = (await queue.enqueue(aRequest(), at(0))).value;
        await queue.take(handoff.id, alice, at(1));
        const ended = await queue.end(handoff.id, { role: 'cs', id: alice.id, name: 'Alice' }, at(60));
        expect(ended.ok && ended.value).toMatchObject({ status: 'closed', endedAt: at(60).toISOString(), endedBy: { role: 'cs', id: alice.id } });
        const twice = await queue.end(handoff.id, { role: 'cs', id: alice.id }, at(61));
        expect(twice.ok ? null : twice.error.kind).toBe('already_ended');
        const late = await queue.take(handoff.id, bob, at(62));
        expect(late.ok ? null : late.error.kind).toBe('closed');
        expect(await conversationOwned(queue, 'conv-1')).toBe(false);
        expect(await queue.byAgentConversation('a:alice')).toEqual([]);
        const next = (await queue.enqueue(aRequest(), at(70))).value;
        expect(next).toMatchObject({ alreadyQueued: false, position: 1 });
        expect(next.handoff.id).not.toBe(handoff.id);
        expect(await queue.get(handoff.id)).toBeNull();
        expect(await queue.get(next.handoff.id)).toEqual(next.handoff);
      });

      it('withdraws a request nobody took', async () => {
        const { handoff } = (await queue.enqueue(aRequest(), at(0))).value;
        const ended = await queue.end(handoff.id, { role: 'buyer', id: 'buyer-1001' }, at(1));
        expect(ended.ok).toBe(true);
        expect(await queue.waiting()).toEqual([]);
      });

      it('says not_found for ids it does not know', async () => {
        for (const r of [
          await queue.take('nope', alice, at(0)),
          await queue.end('nope', { role: 'system', id: 'x' }, at(0)),
          await queue.offerMessage('nope', at(0)),
          await queue.leaveMessage('nope', { text: 'x', at: at(0).toISOString() }),
          await queue.focus('nope', alice.id, at(0)),
          await queue.claimCard('nope', at(0), 1000),
          await queue.recordCard('nope', null),
        ]) {
          expect(r.ok ? null : r.error.kind).toBe('not_found');
        }
      });

      it('offers a message when nobody can take it, takes the message once, and an agent can still take it', async () => {
        const { handoff } = (await queue.enqueue(aRequest({ conversationId: 'conv-1' }), at(0))).value;
        await queue.enqueue(aRequest({ conversationId: 'conv-2' }), at(1));
        const offered = await queue.offerMessage(handoff.id, at(600));
        expect(offered.ok && offered.value).toMatchObject({ status: 'awaiting_message', offeredAt: at(600).toISOString() });
        expect(await queue.position('conv-2')).toBe(1);
        expect((await queue.offerMessage(handoff.id, at(601))).ok).toBe(true);
        const message = { text: 'please call me back about the cup', at: at(700).toISOString(), attachments: [{ url: 'https://files.example/1.png', contentType: 'image/png' }] };
        const left = await queue.leaveMessage(handoff.id, message);
        expect(left.ok && left.value).toMatchObject({ status: 'left_message', message });
        const again = await queue.leaveMessage(handoff.id, { text: 'x', at: at(701).toISOString() });
        expect(again.ok ? null : again.error.kind).toBe('not_waiting');
        expect((await queue.take(handoff.id, bob, at(800))).ok).toBe(true);
        const late = await queue.offerMessage(handoff.id, at(900));
        expect(late.ok ? null : late.error.kind).toBe('not_waiting');
      });

      it('keeps an agent with several buyers talking to the one they chose last', async () => {
        const one = (await queue.enqueue(aRequest({ conversationId: 'conv-1' }), at(0))).value.handoff;
        const two = (await queue.enqueue(aRequest({ conversationId: 'conv-2' }), at(1))).value.handoff;
        await queue.take(one.id, alice, at(10));
        await queue.take(two.id, alice, at(20));
        expect((await queue.byAgentConversation('a:alice')).map((h) => h.conversationId)).toEqual(['conv-2', 'conv-1']);
        expect((await queue.focus(one.id, alice.id, at(30))).ok).toBe(true);
        expect((await queue.byAgentConversation('a:alice')).map((h) => h.conversationId)).toEqual(['conv-1', 'conv-2']);
        const notYours = await queue.focus(one.id, bob.id, at(31));
        expect(notYours.ok ? null : notYours.error.kind).toBe('not_yours');
        await queue.end(one.id, { role: 'cs', id: alice.id }, at(40));
        expect((await queue.byAgentConversation('a:alice')).map((h) => h.conversationId)).toEqual(['conv-2']);
      });

      it('lets one poster claim the channel card, until the claim goes stale or the card is recorded', async () => {
        const { handoff } = (await queue.enqueue(aRequest(), at(0))).value;
        const claims = await Promise.all([queue.claimCard(handoff.id, at(1), 60_000), queue.claimCard(handoff.id, at(1), 60_000)]);
        expect(claims.filter((c) => c.ok)).toHaveLength(1);
        expect((await queue.claimCard(handoff.id, at(30), 60_000)).ok).toBe(false);
        expect((await queue.claimCard(handoff.id, at(62), 60_000)).ok).toBe(true);
        const recorded = await queue.recordCard(handoff.id, { conversationId: '19:cs', activityId: 'act-1' });
        expect(recorded.ok && recorded.value.card).toEqual({ conversationId: '19:cs', activityId: 'act-1' });
        expect(recorded.ok && recorded.value.cardClaimedAt).toBeUndefined();
        const after = await queue.claimCard(handoff.id, at(999), 60_000);
        expect(after.ok ? null : after.error.kind).toBe('claimed');
      });
    });

    describe('transcripts', () => {
      const line = (n: number, from: TranscriptLine['from'] = 'buyer'): TranscriptLine => ({ from, text: `line ${n}`, at: at(n).toISOString() });

      it('keeps the latest lines of each conversation, oldest first', async () => {
        for (let n = 1; n <= 25; n++) await queue.record('conv-1', [line(n), line(n, 'bot')], 20);
        const kept = await queue.transcript('conv-1');
        expect(kept).toHaveLength(20);
        expect(kept[0]).toEqual(line(16));
        expect(kept.at(-1)).toEqual(line(25, 'bot'));
        expect(await queue.transcript('conv-2')).toEqual([]);
      });

      it('keeps attachments, and answers with the conversation\'s handoff in the same call', async () => {
        expect(await queue.record('conv-1', [{ ...line(1), attachments: [{ url: 'data:image/png;base64,AAAA', name: 'a.png' }] }])).toBeNull();
        const { handoff } = (await queue.enqueue(aRequest(), at(2))).value;
        expect(await queue.record('conv-1', [])).toEqual(handoff);
        expect((await queue.transcript('conv-1'))[0]?.attachments).toEqual([{ url: 'data:image/png;base64,AAAA', name: 'a.png' }]);
      });
    });
  });
}
