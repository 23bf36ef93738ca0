import type { DomainEvent, RefundCase } from '../../../services/refunds/case';
import type { CaseStore, EventSource } from '../../../services/refunds/ports';
import type { DeliveryErrorHook } from '../../../services/store';
import { aCase } from '../../support/case-builder';
import { changed, eventually, sleep, writeOf } from './case-writes';

export interface EventSourceSettings {
  /** Redelivery delay: an unacknowledged event idle this long goes out again. */
  claimIdleMs: number;
  /** Events fetched at once (where the implementation batches). */
  batchSize: number;
  onError: DeliveryErrorHook;
}

/** A case store and an event source reading the outbox that store writes to. */
export interface EventSourceUnderTest {
  store: CaseStore;
  events: EventSource;
}

/** The behaviour every EventSource must have, fed through a CaseStore's commits; run once per implementation. */
export function eventSourceContract(name: string, make: (settings: EventSourceSettings) => Promise<EventSourceUnderTest>): void {
  describe(`${name} meets the EventSource contract`, () => {
    let store: CaseStore;
    let events: EventSource;
    let failures: { err: unknown; eventId?: string }[];
    const stops: (() => Promise<void>)[] = [];

    const setUp = async (settings: Partial<EventSourceSettings> = {}) => {
      failures = [];
      ({ store, events } = await make({
        claimIdleMs: 200,
        batchSize: 10,
        onError: (err, context) => failures.push({ err, ...(context.eventId ? { eventId: context.eventId } : {}) }),
        ...settings,
      }));
    };

    beforeEach(() => setUp());
    afterEach(async () => {
      await Promise.all(stops.splice(0).map((stop) => stop()));
    });

    const subscribe = async (group: string, consumer: string, handler: (e: DomainEvent) => Promise<void>) => {
      const stop = await events.subscribe(group, consumer, handler);
      stops.push(stop);
      return stop;
    };

    /** Commits `n` versions of one case; returns their event ids in commit order. */
    const commitVersions = async (n: number, c: RefundCase = aCase()): Promise<string[]> => {
      const ids: string[] = [];
      let current = c;
      for (let v = 1; v <= n; v++) {
        const write = writeOf(current);
        expect(await store.commit(write)).toEqual({ ok: true });
        ids.push(write.event.id);
        current = changed(current, { notices: [`n${v}`] });
      }
      return ids;
    };

    it('delivers committed events in order, each with its full content', async () => {
      const seen: DomainEvent[] = [];
      await subscribe('notifications', 'c1', async (e) => void seen.push(e));
      const ids = await commitVersions(8);
      await eventually(() => seen.length >= 8, 5_000, '8 events');
      await sleep(50);
      expect(seen.map((e) => e.id)).toEqual(ids);
      expect(seen[0]).toEqual(writeOf(aCase()).event);
    });

    it('delivers after the commit returns, never inside it', async () => {
      let committing = false;
      const seenWhileCommitting: boolean[] = [];
      await subscribe('notifications', 'c1', async () => void seenWhileCommitting.push(committing));
      await sleep(20);
      committing = true;
      const pending = store.commit(writeOf(aCase()));
      committing = false;
      await pending;
      await eventually(() => seenWhileCommitting.length === 1, 5_000, 'the event');
      expect(seenWhileCommitting).toEqual([false]);
    });

    it('starts a new group at the oldest event: events committed before subscribing are delivered', async () => {
      const ids = await commitVersions(3);
      const seen: string[] = [];
      await subscribe('statistics', 'c1', async (e) => void seen.push(e.id));
      await eventually(() => seen.length >= 3, 5_000, '3 events');
      expect(seen).toEqual(ids);
    });

    it('redelivers an event whose handler failed, and reports the failure', async () => {
      const attempts = new Map<string, number>();
      const handled: string[] = [];
      await subscribe('notifications', 'c1', async (e) => {
        const n = (attempts.get(e.id) ?? 0) + 1;
        attempts.set(e.id, n);
        if (e.version === 2 && n === 1) throw new Error('Teams said 502');
        handled.push(e.id);
      });
      const ids = await commitVersions(3);
      await eventually(() => handled.length >= 3, 5_000, 'the failed event to come back');
      expect(handled.slice(0, 2)).toEqual([ids[0], ids[2]]);
      expect(handled[2]).toBe(ids[1]);
      expect(attempts.get(ids[1]!)).toBe(2);
      expect(attempts.get(ids[0]!)).toBe(1);
      expect(failures.map((f) => f.eventId)).toEqual([ids[1]]);
      expect(String(failures[0]!.err)).toContain('Teams said 502');
    });

    it('keeps redelivering until the handler succeeds', async () => {
      let calls = 0;
      let done = false;
      await subscribe('notifications', 'c1', async () => {
        calls += 1;
        if (calls < 3) throw new Error(`attempt ${calls} failed`);
        done = true;
      });
      await commitVersions(1);
      await eventually(() => done, 5_000, 'the third attempt');
      await sleep(300);
      expect(calls).toBe(3);
    });

    it('shares a group between two consumers: each event is handled by exactly one of them', async () => {
      await setUp({ batchSize: 1 });
      const handledBy = new Map<string, string[]>();
      const handler = (consumer: string) => async (e: DomainEvent) => {
        await sleep(5);
        handledBy.set(e.id, [...(handledBy.get(e.id) ?? []), consumer]);
      };
      await subscribe('notifications', 'bot-a', handler('bot-a'));
      await subscribe('notifications', 'bot-b', handler('bot-b'));
      await sleep(50);
      const ids = [
        ...(await commitVersions(10, aCase({ id: 'RD-000001' }))),
        ...(await commitVersions(10, aCase({ id: 'RD-000002', orderId: 'order-2' }))),
      ];
      await eventually(() => handledBy.size >= 20, 5_000, '20 events');
      await sleep(300);
      expect([...handledBy.keys()].sort()).toEqual([...ids].sort());
      expect([...handledBy.values()].every((consumers) => consumers.length === 1)).toBe(true);
      const a = [...handledBy.values()].filter(([c]) => c === 'bot-a').length;
      expect(a).toBeGreaterThan(0);
      expect(a).toBeLessThan(20);
    });

    it('gives every group every event', async () => {
      const byGroup: Record<string, string[]> = { notifications: [], statistics: [] };
      await subscribe('notifications', 'c1', async (e) => void byGroup.notifications!.push(e.id));
      await subscribe('statistics', 'c1', async (e) => void byGroup.statistics!.push(e.id));
      const ids = await commitVersions(5);
      await eventually(() => byGroup.notifications!.length >= 5 && byGroup.statistics!.length >= 5, 5_000, 'both groups');
      expect(byGroup.notifications).toEqual(ids);
      expect(byGroup.statistics).toEqual(ids);
    });

    it('stops delivering when stopped; the group resumes after the last acknowledged event', async () => {
      const first: string[] = [];
      const stop = await subscribe('notifications', 'c1', async (e) => void first.push(e.id));
      const before = await commitVersions(2, aCase({ id: 'RD-000001' }));
      await eventually(() => first.length >= 2, 5_000, '2 events');
      await stop();

      const after = await commitVersions(2, aCase({ id: 'RD-000002', orderId: 'order-2' }));
      await sleep(300);
      expect(first).toEqual(before);

      const second: string[] = [];
      await subscribe('notifications', 'c2', async (e) => void second.push(e.id));
      await eventually(() => second.length >= 2, 5_000, 'the 2 later events');
      await sleep(100);
      expect(second).toEqual(after);
    });

    it("hands a stopped consumer's unacknowledged event to another consumer of the group", async () => {
      const stopA = await subscribe('notifications', 'bot-a', async () => {
        throw new Error('bot-a is going down');
      });
      const [id] = await commitVersions(1);
      await eventually(() => failures.length >= 1, 5_000, 'bot-a to fail');
      await stopA();
      const seen: string[] = [];
      await subscribe('notifications', 'bot-b', async (e) => void seen.push(e.id));
      await eventually(() => seen.length >= 1, 5_000, 'bot-b to get the event');
      expect(seen).toEqual([id]);
    });
  });
}
