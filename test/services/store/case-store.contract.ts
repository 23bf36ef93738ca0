import type { DomainEvent, RefundCase } from '../../../services/refunds/case';
import type { CaseStore, CommitResult } from '../../../services/refunds/ports';
import { aCase } from '../../support/case-builder';
import { changed, sleep, writeOf } from './case-writes';

export interface CaseStoreUnderTest {
  store: CaseStore;
  /** Everything in the store's outbox, oldest first (read straight from the backing storage). */
  outboxEvents(): Promise<DomainEvent[]>;
}

export interface CaseStoreSettings {
  idempotencyTtlMs?: number;
}

/** The behaviour every CaseStore must have; run once per implementation. */
export function caseStoreContract(name: string, makeStore: (settings?: CaseStoreSettings) => Promise<CaseStoreUnderTest>): void {
  describe(`${name} meets the CaseStore contract`, () => {
    let store: CaseStore;
    let outboxEvents: () => Promise<DomainEvent[]>;

    beforeEach(async () => {
      ({ store, outboxEvents } = await makeStore());
    });

    const created = async (overrides: Partial<RefundCase> = {}, wakeAt: number | null = null): Promise<RefundCase> => {
      const c = aCase(overrides);
      expect(await store.commit(writeOf(c, { wakeAt }))).toEqual({ ok: true });
      return c;
    };

    /** Everything a reader can observe about one case, to prove a refused write changed nothing. */
    const snapshot = async (c: RefundCase) => ({
      doc: await store.get(c.id),
      audit: await store.audit(c.id),
      events: await outboxEvents(),
      byStatus: (await store.find({ status: c.status })).map((x) => x.id),
      byOrder: (await store.find({ orderId: c.orderId })).map((x) => x.id),
      due: await store.due(new Date('2100-01-01T00:00:00Z'), 100),
      filings: await store.filingsOnOrder(c.orderId),
    });

    describe('reading what is not there', () => {
      it('answers null, empty or zero for an unknown case, key or order', async () => {
        expect(await store.get('RD-404')).toBeNull();
        expect(await store.audit('RD-404')).toEqual([]);
        expect(await store.getIdempotency('buyer:b:case:RD-404:cancel:a1')).toBeNull();
        expect(await store.find({ buyerId: 'nobody' })).toEqual([]);
        expect(await store.due(new Date('2100-01-01T00:00:00Z'), 10)).toEqual([]);
        expect(await store.filingsOnOrder('order-404')).toBe(0);
      });
    });

    describe('creating and updating', () => {
      it('creates a case with expectedVersion 0 and records its audit entry and event', async () => {
        const c = aCase();
        const write = writeOf(c);
        expect(write.expectedVersion).toBe(0);
        expect(await store.commit(write)).toEqual({ ok: true });
        expect(await store.get(c.id)).toEqual(c);
        expect(await store.audit(c.id)).toEqual([write.audit]);
        expect(await outboxEvents()).toEqual([write.event]);
      });

      it('refuses to create a case that exists, returning the stored one', async () => {
        const first = await created();
        const second = aCase({ description: 'a second filing with the same id' });
        const result = await store.commit(writeOf(second));
        expect(result).toEqual({ ok: false, kind: 'version_conflict', current: first });
        expect(await store.get(first.id)).toEqual(first);
        expect(await store.audit(first.id)).toHaveLength(1);
      });

      it('updates with the stored version and refuses a stale one, returning the current case', async () => {
        const v1 = await created();
        const v2 = changed(v1, { status: 'refund_pending' });
        expect(await store.commit(writeOf(v2, { from: 'pending_merchant' }))).toEqual({ ok: true });
        expect(await store.get(v1.id)).toEqual(v2);

        const before = await snapshot(v2);
        const stale = changed(v1, { status: 'merchant_rejected' });
        const result = await store.commit(writeOf(stale, { from: 'pending_merchant' }));
        expect(result).toEqual({ ok: false, kind: 'version_conflict', current: v2 });
        expect(await snapshot(v2)).toEqual(before);
      });

      it('refuses an update of a case that does not exist, with no current case', async () => {
        const ghost = aCase({ id: 'RD-000404', version: 3 });
        expect(await store.commit(writeOf(ghost))).toEqual({ ok: false, kind: 'version_conflict', current: null });
        expect(await store.get(ghost.id)).toBeNull();
        expect(await outboxEvents()).toEqual([]);
      });

      it('rejects a write whose next version is not expectedVersion + 1 (a bug in the caller)', async () => {
        const c = aCase({ version: 2 });
        await expect(store.commit({ ...writeOf(c), expectedVersion: 0 })).rejects.toThrow();
        expect(await store.get(c.id)).toBeNull();
      });

      it('rejects moving a case to another buyer, shop or order', async () => {
        const v1 = await created();
        await expect(store.commit(writeOf(changed(v1, { buyerId: 'buyer-2' })))).rejects.toThrow();
        await expect(store.commit(writeOf(changed(v1, { orderId: 'order-2' })))).rejects.toThrow();
        expect(await store.get(v1.id)).toEqual(v1);
      });

      it('hands out copies: changing what get() returned or what was written does not change the store', async () => {
        const c = aCase();
        const write = writeOf(c);
        await store.commit(write);
        c.status = 'closed';
        write.audit.event = 'tampered';
        const read = (await store.get(c.id))!;
        read.notices.push('tampered');
        (await store.audit(c.id))[0]!.remark = 'tampered';
        expect(await store.get(c.id)).toEqual(aCase());
        expect((await store.audit(c.id))[0]).toEqual(writeOf(aCase()).audit);
      });

      it('lets exactly one of 20 racing writers of the same version win', async () => {
        const v1 = await created();
        const writes = Array.from({ length: 20 }, (_, i) =>
          writeOf(changed(v1, { status: 'refund_pending', notices: [`writer-${i}`] }), { from: 'pending_merchant' }),
        );
        const results = await Promise.all(writes.map((w) => store.commit(w)));
        const winners = results.flatMap((r, i) => (r.ok ? [i] : []));
        expect(winners).toHaveLength(1);
        const winner = writes[winners[0]!]!.next;
        for (const r of results.filter((r) => !r.ok)) {
          expect(r).toEqual({ ok: false, kind: 'version_conflict', current: winner });
        }
        expect(await store.get(v1.id)).toEqual(winner);
        expect((await store.audit(v1.id)).map((a) => a.version)).toEqual([1, 2]);
        expect(await outboxEvents()).toHaveLength(2);
      });
    });

    describe('idempotency keys', () => {
      const key = 'merchant:merchant-1:case:RD-000001:merchant_approve:activity-17';
      const record = { fingerprint: 'f1', result: { ok: true, value: { version: 2 } } };

      it('stores the record with the write and returns it by key', async () => {
        const v1 = await created();
        await store.commit(writeOf(changed(v1), { idempotency: { key, record } }));
        expect(await store.getIdempotency(key)).toEqual(record);
      });

      it('answers a repeated key with the first record and writes nothing: case, audit, event, indexes, deadline', async () => {
        const v1 = await created();
        const v2 = changed(v1, { status: 'awaiting_return_shipment' });
        expect(await store.commit(writeOf(v2, { from: 'pending_merchant', idempotency: { key, record }, wakeAt: 1_000 }))).toEqual({ ok: true });
        const before = await snapshot(v2);

        // A write that would succeed on its own (right version), under the used key.
        const v3 = changed(v2, { status: 'closed', closeReason: 'buyer_cancelled' });
        const again = { fingerprint: 'f2', result: { ok: true, value: { version: 3 } } };
        const result = await store.commit(writeOf(v3, { from: v2.status, idempotency: { key, record: again }, wakeAt: 5 }));
        expect(result).toEqual({ ok: false, kind: 'duplicate_key', record });
        expect(await snapshot(v2)).toEqual(before);
        expect(await store.find({ status: 'closed' })).toEqual([]);
        expect(await store.getIdempotency(key)).toEqual(record);
      });

      it('checks the key before the version: a replay of a command that already won is a duplicate, not a conflict', async () => {
        const v1 = await created();
        const v2 = changed(v1);
        await store.commit(writeOf(v2, { idempotency: { key, record } }));
        const replay = await store.commit(writeOf(v2, { idempotency: { key, record } }));
        expect(replay).toEqual({ ok: false, kind: 'duplicate_key', record });
      });

      it('forgets a key after its time to live', async () => {
        ({ store, outboxEvents } = await makeStore({ idempotencyTtlMs: 60 }));
        const v1 = await created();
        await store.commit(writeOf(changed(v1), { idempotency: { key, record } }));
        expect(await store.getIdempotency(key)).toEqual(record);
        await sleep(150);
        expect(await store.getIdempotency(key)).toBeNull();
      });
    });

    describe('filing guard per order', () => {
      it('counts filings and refuses a filing that read a stale count, writing nothing', async () => {
        const a = aCase({ id: 'RD-000001' });
        expect(await store.commit(writeOf(a, { orderGuard: { orderId: a.orderId, expectedFilings: 0 } }))).toEqual({ ok: true });
        expect(await store.filingsOnOrder(a.orderId)).toBe(1);

        const b = aCase({ id: 'RD-000002' });
        const stale = await store.commit(writeOf(b, { orderGuard: { orderId: b.orderId, expectedFilings: 0 } }));
        expect(stale).toEqual({ ok: false, kind: 'order_conflict' });
        expect(await store.get(b.id)).toBeNull();
        expect(await store.audit(b.id)).toEqual([]);
        expect(await outboxEvents()).toHaveLength(1);
        expect(await store.filingsOnOrder(a.orderId)).toBe(1);

        expect(await store.commit(writeOf(b, { orderGuard: { orderId: b.orderId, expectedFilings: 1 } }))).toEqual({ ok: true });
        expect(await store.filingsOnOrder(a.orderId)).toBe(2);
        expect(await store.filingsOnOrder('order-2')).toBe(0);
      });

      it('lets one of 10 racing filings on the same order through', async () => {
        const results: CommitResult[] = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            store.commit(writeOf(aCase({ id: `RD-00010${i}` }), { orderGuard: { orderId: 'order-1', expectedFilings: 0 } })),
          ),
        );
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.kind === 'order_conflict')).toHaveLength(9);
        expect(await store.find({ orderId: 'order-1' })).toHaveLength(1);
        expect(await store.filingsOnOrder('order-1')).toBe(1);
      });
    });

    describe('audit trail', () => {
      it('appends one entry per write, oldest first, never rewriting earlier ones', async () => {
        const v1 = await created();
        const v2 = changed(v1, { status: 'awaiting_return_shipment' });
        const v3 = changed(v2, { status: 'return_in_transit' }, '2026-03-06T01:00:00.000Z');
        const writes = [writeOf(v1), writeOf(v2, { from: v1.status }), writeOf(v3, { from: v2.status })];
        await store.commit(writes[1]!);
        const afterTwo = await store.audit(v1.id);
        await store.commit(writes[2]!);
        const trail = await store.audit(v1.id);
        expect(trail).toEqual(writes.map((w) => w.audit));
        expect(trail.slice(0, 2)).toEqual(afterTwo);
        expect(trail.map((a) => [a.from, a.to])).toEqual([
          [null, 'pending_merchant'],
          ['pending_merchant', 'awaiting_return_shipment'],
          ['awaiting_return_shipment', 'return_in_transit'],
        ]);
      });

      it('keeps each case its own trail', async () => {
        await created({ id: 'RD-000001' });
        await created({ id: 'RD-000002', orderId: 'order-2' });
        expect((await store.audit('RD-000001')).map((a) => a.version)).toEqual([1]);
        expect((await store.audit('RD-000002')).map((a) => a.version)).toEqual([1]);
      });
    });

    describe('find', () => {
      const ids = (cases: RefundCase[]) => cases.map((c) => c.id);

      beforeEach(async () => {
        await created({ id: 'RD-000003', buyerId: 'buyer-1', shopId: 'shop-1', orderId: 'order-1', createdAt: '2026-03-03T00:00:00.000Z' });
        await created({ id: 'RD-000001', buyerId: 'buyer-1', shopId: 'shop-2', orderId: 'order-2', createdAt: '2026-03-01T00:00:00.000Z' });
        await created({ id: 'RD-000002', buyerId: 'buyer-2', shopId: 'shop-1', orderId: 'order-3', createdAt: '2026-03-02T00:00:00.000Z', status: 'platform_review' });
        // Same creation time as RD-000003: the id breaks the tie.
        await created({ id: 'RD-000000', buyerId: 'buyer-3', shopId: 'shop-1', orderId: 'order-4', createdAt: '2026-03-03T00:00:00.000Z' });
      });

      it('finds by buyer, shop and order, oldest first', async () => {
        expect(ids(await store.find({ buyerId: 'buyer-1' }))).toEqual(['RD-000001', 'RD-000003']);
        expect(ids(await store.find({ shopId: 'shop-1' }))).toEqual(['RD-000002', 'RD-000000', 'RD-000003']);
        expect(ids(await store.find({ orderId: 'order-3' }))).toEqual(['RD-000002']);
        expect(ids(await store.find({}))).toEqual(['RD-000001', 'RD-000002', 'RD-000000', 'RD-000003']);
      });

      it('finds by status and follows status changes', async () => {
        expect(ids(await store.find({ status: 'pending_merchant' }))).toEqual(['RD-000001', 'RD-000000', 'RD-000003']);
        const c = (await store.get('RD-000001'))!;
        await store.commit(writeOf(changed(c, { status: 'merchant_rejected' }), { from: c.status }));
        expect(ids(await store.find({ status: 'pending_merchant' }))).toEqual(['RD-000000', 'RD-000003']);
        expect(ids(await store.find({ status: 'merchant_rejected' }))).toEqual(['RD-000001']);
        const found = (await store.find({ status: 'merchant_rejected' }))[0]!;
        expect(found.version).toBe(2);
      });

      it('finds by a created range, start included and end excluded', async () => {
        const range = { createdFrom: new Date('2026-03-02T00:00:00.000Z'), createdTo: new Date('2026-03-03T00:00:00.000Z') };
        expect(ids(await store.find(range))).toEqual(['RD-000002']);
        expect(ids(await store.find({ createdFrom: new Date('2026-03-02T00:00:00.000Z') }))).toEqual(['RD-000002', 'RD-000000', 'RD-000003']);
        expect(ids(await store.find({ createdTo: new Date('2026-03-02T00:00:00.001Z') }))).toEqual(['RD-000001', 'RD-000002']);
      });

      it('combines fields: every given field must match', async () => {
        expect(ids(await store.find({ shopId: 'shop-1', status: 'pending_merchant' }))).toEqual(['RD-000000', 'RD-000003']);
        expect(ids(await store.find({ buyerId: 'buyer-1', shopId: 'shop-1' }))).toEqual(['RD-000003']);
        expect(ids(await store.find({ buyerId: 'buyer-1', orderId: 'order-3' }))).toEqual([]);
        expect(
          ids(await store.find({ shopId: 'shop-1', createdFrom: new Date('2026-03-02T12:00:00.000Z'), status: 'pending_merchant' })),
        ).toEqual(['RD-000000', 'RD-000003']);
        expect(ids(await store.find({ orderId: 'order-1', createdTo: new Date('2026-03-02T00:00:00.000Z') }))).toEqual([]);
      });
    });

    describe('deadline index', () => {
      it('lists cases whose wake time is at or before now, earliest first, up to the limit', async () => {
        await created({ id: 'RD-000001', orderId: 'o1' }, 3_000);
        await created({ id: 'RD-000002', orderId: 'o2' }, 1_000);
        await created({ id: 'RD-000003', orderId: 'o3' }, 2_000);
        await created({ id: 'RD-000004', orderId: 'o4' }, 9_000);
        await created({ id: 'RD-000005', orderId: 'o5' }, null);
        expect(await store.due(new Date(3_000), 10)).toEqual(['RD-000002', 'RD-000003', 'RD-000001']);
        expect(await store.due(new Date(2_999), 10)).toEqual(['RD-000002', 'RD-000003']);
        expect(await store.due(new Date(3_000), 2)).toEqual(['RD-000002', 'RD-000003']);
        expect(await store.due(new Date(999), 10)).toEqual([]);
      });

      it('moves a case when its wake time changes and drops it when the wake time is null', async () => {
        const v1 = await created({}, 1_000);
        const v2 = changed(v1, { status: 'awaiting_return_shipment' });
        await store.commit(writeOf(v2, { from: v1.status, wakeAt: 5_000 }));
        expect(await store.due(new Date(4_999), 10)).toEqual([]);
        expect(await store.due(new Date(5_000), 10)).toEqual([v1.id]);
        const v3 = changed(v2, { status: 'closed', closeReason: 'return_not_shipped' });
        await store.commit(writeOf(v3, { from: v2.status, wakeAt: null }));
        expect(await store.due(new Date(1e13), 10)).toEqual([]);
      });
    });

    describe('case numbers', () => {
      it('hands out increasing numbers', async () => {
        const a = await store.nextCaseNumber();
        const b = await store.nextCaseNumber();
        expect(b).toBeGreaterThan(a);
      });

      it('never hands out the same number twice, even to 50 parallel callers', async () => {
        const numbers = await Promise.all(Array.from({ length: 50 }, () => store.nextCaseNumber()));
        expect(new Set(numbers).size).toBe(50);
        expect(numbers.every((n) => Number.isInteger(n) && n > 0)).toBe(true);
      });
    });
  });
}
