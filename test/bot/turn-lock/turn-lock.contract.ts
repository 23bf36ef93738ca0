import { setTimeout as sleep } from 'node:timers/promises';
import type { TurnLock, TurnLockHeld, TurnLockResult } from '../../../bot/turn-lock';

export interface TurnLockSettings {
  ttlMs?: number;
  waitMs?: number;
}

/**
 * Makes a fresh namespace and returns a way to open locks over it: every call of the returned function
 * is another instance (as in another bot process) sharing the namespace.
 */
export type TurnLockNamespaceFactory = (settings?: TurnLockSettings) => () => TurnLock;

interface Span {
  name: string;
  start: number;
  end: number;
}

export function turnLockContract(newNamespace: TurnLockNamespaceFactory): void {
  let held: TurnLockHeld[];

  beforeEach(() => {
    held = [];
  });

  afterEach(async () => {
    await Promise.all(held.map((lease) => lease.release()));
  });

  function expectHeld(result: TurnLockResult): TurnLockHeld {
    if (!result.ok) throw new Error(`expected the lock, got ${JSON.stringify(result)}`);
    held.push(result);
    return result;
  }

  /** Acquires, records when the turn ran, releases. */
  async function turn(lock: TurnLock, conversationId: string, name: string, spans: Span[], workMs = 20) {
    const lease = expectHeld(await lock.acquire(conversationId, { waitMs: 10_000 }));
    const start = performance.now();
    await sleep(workMs);
    spans.push({ name, start, end: performance.now() });
    await lease.release();
  }

  function expectNoOverlap(spans: Span[]): void {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) {
      expect(sorted[i].start).toBeGreaterThanOrEqual(sorted[i - 1].end);
    }
  }

  it('runs two concurrent turns of one conversation strictly one after the other', async () => {
    const lock = newNamespace()();
    const spans: Span[] = [];
    await Promise.all([turn(lock, 'conv', 'first', spans, 50), turn(lock, 'conv', 'second', spans, 50)]);
    expect(spans.map((s) => s.name)).toEqual(['first', 'second']);
    expectNoOverlap(spans);
  });

  it('does not let one conversation wait for another', async () => {
    const lock = newNamespace()();
    expectHeld(await lock.acquire('conv-a'));
    const askedAt = performance.now();
    const other = await lock.acquire('conv-b', { waitMs: 2_000 });
    expectHeld(other);
    expect(performance.now() - askedAt).toBeLessThan(1_000);
  });

  it('answers timeout when the turn does not come within waitMs', async () => {
    const lock = newNamespace()();
    expectHeld(await lock.acquire('conv'));
    const askedAt = performance.now();
    const result = await lock.acquire('conv', { waitMs: 150 });
    const waited = performance.now() - askedAt;
    expect(result).toEqual({ ok: false, kind: 'timeout' });
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(2_000);
  });

  it('answers at once with waitMs 0: free gives the lock, held gives timeout', async () => {
    const lock = newNamespace()();
    expectHeld(await lock.acquire('conv', { waitMs: 0 }));
    expect(await lock.acquire('conv', { waitMs: 0 })).toEqual({ ok: false, kind: 'timeout' });
  });

  it('uses the default wait configured on the lock', async () => {
    const lock = newNamespace({ waitMs: 100 })();
    expectHeld(await lock.acquire('conv'));
    expect(await lock.acquire('conv')).toEqual({ ok: false, kind: 'timeout' });
  });

  it('gives the lock to the next turn as soon as the holder releases', async () => {
    const lock = newNamespace()();
    const first = expectHeld(await lock.acquire('conv'));
    const next = lock.acquire('conv', { waitMs: 5_000 });
    await sleep(30);
    const releasedAt = performance.now();
    await first.release();
    expectHeld(await next);
    expect(performance.now() - releasedAt).toBeLessThan(500);
  });

  it('drops a waiter that timed out: it never takes the lock later', async () => {
    const lock = newNamespace()();
    const first = expectHeld(await lock.acquire('conv'));
    const impatient = lock.acquire('conv', { waitMs: 50 });
    const patient = lock.acquire('conv', { waitMs: 5_000 });
    expect(await impatient).toEqual({ ok: false, kind: 'timeout' });
    await first.release();
    expectHeld(await patient);
    expect(await lock.acquire('conv', { waitMs: 50 })).toEqual({ ok: false, kind: 'timeout' });
  });

  it('lets a lock lapse after its lease time, so a crashed turn cannot block for good', async () => {
    const lock = newNamespace({ ttlMs: 150 })();
    expectHeld(await lock.acquire('conv'));
    const askedAt = performance.now();
    expectHeld(await lock.acquire('conv', { waitMs: 5_000 }));
    expect(performance.now() - askedAt).toBeGreaterThanOrEqual(100);
  });

  it('does not let a holder whose lease lapsed release the new owner', async () => {
    const open = newNamespace({ ttlMs: 100 });
    const lock = open();
    const stale = expectHeld(await lock.acquire('conv'));
    await sleep(200);
    expectHeld(await lock.acquire('conv', { waitMs: 1_000 }));

    await stale.release();

    expect(await lock.acquire('conv', { waitMs: 30 })).toEqual({ ok: false, kind: 'timeout' });
    expect(await open().acquire('conv', { waitMs: 30 })).toEqual({ ok: false, kind: 'timeout' });
  });

  it('does nothing on a second release', async () => {
    const lock = newNamespace()();
    const first = expectHeld(await lock.acquire('conv'));
    await first.release();
    expectHeld(await lock.acquire('conv', { waitMs: 1_000 }));
    await first.release();
    expect(await lock.acquire('conv', { waitMs: 30 })).toEqual({ ok: false, kind: 'timeout' });
  });

  it('excludes turns across instances sharing the namespace', async () => {
    const open = newNamespace();
    const one = open();
    const two = open();
    const lease = expectHeld(await one.acquire('conv'));
    expect(await two.acquire('conv', { waitMs: 100 })).toEqual({ ok: false, kind: 'timeout' });
    await lease.release();
    expectHeld(await two.acquire('conv', { waitMs: 1_000 }));
  });

  it('never overlaps turns of one conversation run by several instances at once', async () => {
    const open = newNamespace();
    const instances = [open(), open(), open()];
    const spans: Span[] = [];
    await Promise.all(
      Array.from({ length: 9 }, (_, i) => turn(instances[i % instances.length], 'conv', `turn ${i}`, spans, 10)),
    );
    expect(spans).toHaveLength(9);
    expectNoOverlap(spans);
  });

  it('runs 20 concurrent turns of one conversation, none overlapping, in arrival order', async () => {
    const lock = newNamespace()();
    const spans: Span[] = [];
    const names = Array.from({ length: 20 }, (_, i) => `turn ${i}`);
    await Promise.all(names.map((name) => turn(lock, 'conv', name, spans, 5)));
    expect(spans.map((s) => s.name)).toEqual(names);
    expectNoOverlap(spans);
  });

  it('keeps conversations apart: each conversation runs its own turns in order', async () => {
    const lock = newNamespace()();
    const spans: Record<string, Span[]> = { a: [], b: [] };
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => {
        const conv = i % 2 === 0 ? 'a' : 'b';
        return turn(lock, conv, `${conv} ${i}`, spans[conv], 5);
      }),
    );
    expect(spans.a.map((s) => s.name)).toEqual(['a 0', 'a 2', 'a 4', 'a 6', 'a 8']);
    expect(spans.b.map((s) => s.name)).toEqual(['b 1', 'b 3', 'b 5', 'b 7', 'b 9']);
    expectNoOverlap(spans.a);
    expectNoOverlap(spans.b);
    const overlapBetween = spans.a.some((a) => spans.b.some((b) => a.start < b.end && b.start < a.end));
    expect(overlapBetween).toBe(true);
  });

  it('refuses an empty conversation id', async () => {
    const lock = newNamespace()();
    await expect(lock.acquire('')).rejects.toThrow(TypeError);
  });

  it('works with conversation ids holding special characters', async () => {
    const lock = newNamespace()();
    const ids = ['19:abc@thread.v2;messageid=1', 'a*b?[c]', '会话/1'];
    for (const id of ids) expectHeld(await lock.acquire(id, { waitMs: 100 }));
    for (const id of ids) expect(await lock.acquire(id, { waitMs: 0 })).toEqual({ ok: false, kind: 'timeout' });
  });
}
