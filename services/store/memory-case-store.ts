import type { AuditEntry, RefundCase } from '../refunds/case';
import type { CaseQuery, CaseStore, CaseWrite, CommitResult, IdempotencyRecord } from '../refunds/ports';
import { MemoryOutbox } from './memory-outbox';
import { assertWritable, byCreatedThenId, matches, SEVEN_DAYS_MS } from './store-rules';

export interface MemoryCaseStoreOptions {
  /** Where commits append their events; share it with a MemoryEventSource. */
  outbox?: MemoryOutbox;
  idempotencyTtlMs?: number;
  now?: () => number;
}

/**
 * The case store for running without Redis: same behaviour as RedisCaseStore (one contract suite covers
 * both), nothing survives a restart. Everything is kept as JSON text, so callers never share objects with
 * the store and data round-trips exactly as it does through Redis.
 */
export class MemoryCaseStore implements CaseStore {
  readonly outbox: MemoryOutbox;
  private readonly idempotencyTtlMs: number;
  private readonly now: () => number;
  private readonly cases = new Map<string, string>();
  private readonly audits = new Map<string, string[]>();
  private readonly idempotency = new Map<string, { json: string; expiresAt: number }>();
  private readonly wakeAt = new Map<string, number>();
  private readonly filings = new Map<string, number>();
  private caseNumber = 0;

  constructor(options: MemoryCaseStoreOptions = {}) {
    this.outbox = options.outbox ?? new MemoryOutbox();
    this.idempotencyTtlMs = options.idempotencyTtlMs ?? SEVEN_DAYS_MS;
    this.now = options.now ?? Date.now;
  }

  async get(caseId: string): Promise<RefundCase | null> {
    const json = this.cases.get(caseId);
    return json === undefined ? null : (JSON.parse(json) as RefundCase);
  }

  // No await before the last write: the check and the writes run as one step, like the Redis script.
  async commit(write: CaseWrite): Promise<CommitResult> {
    assertWritable(write);
    const { next } = write;
    if (write.idempotency) {
      const stored = this.getIdempotencyNow(write.idempotency.key);
      if (stored) return { ok: false, kind: 'duplicate_key', record: stored };
    }
    const currentJson = this.cases.get(next.id);
    const current = currentJson === undefined ? null : (JSON.parse(currentJson) as RefundCase);
    if ((current?.version ?? 0) !== write.expectedVersion) return { ok: false, kind: 'version_conflict', current };
    if (current && (current.buyerId !== next.buyerId || current.shopId !== next.shopId || current.orderId !== next.orderId)) {
      throw new Error(`case ${next.id}: a case keeps its buyer, shop and order`);
    }
    const guard = write.orderGuard;
    if (guard && (this.filings.get(guard.orderId) ?? 0) !== guard.expectedFilings) return { ok: false, kind: 'order_conflict' };

    this.cases.set(next.id, JSON.stringify(next));
    const trail = this.audits.get(next.id) ?? [];
    trail.push(JSON.stringify(write.audit));
    this.audits.set(next.id, trail);
    if (write.idempotency) {
      this.idempotency.set(write.idempotency.key, {
        json: JSON.stringify(write.idempotency.record),
        expiresAt: this.now() + this.idempotencyTtlMs,
      });
    }
    if (guard) this.filings.set(guard.orderId, guard.expectedFilings + 1);
    if (write.wakeAt === null) this.wakeAt.delete(next.id);
    else this.wakeAt.set(next.id, write.wakeAt);
    this.outbox.append(write.event);
    return { ok: true };
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | null> {
    return this.getIdempotencyNow(key);
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    return (this.audits.get(caseId) ?? []).map((json) => JSON.parse(json) as AuditEntry);
  }

  async find(query: CaseQuery): Promise<RefundCase[]> {
    return [...this.cases.values()]
      .map((json) => JSON.parse(json) as RefundCase)
      .filter((c) => matches(c, query))
      .sort(byCreatedThenId);
  }

  async due(now: Date, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const at = now.getTime();
    return [...this.wakeAt]
      .filter(([, wake]) => wake <= at)
      .sort(([idA, a], [idB, b]) => a - b || (idA < idB ? -1 : idA > idB ? 1 : 0))
      .slice(0, limit)
      .map(([id]) => id);
  }

  async filingsOnOrder(orderId: string): Promise<number> {
    return this.filings.get(orderId) ?? 0;
  }

  async nextCaseNumber(): Promise<number> {
    this.caseNumber += 1;
    return this.caseNumber;
  }

  private getIdempotencyNow(key: string): IdempotencyRecord | null {
    const stored = this.idempotency.get(key);
    if (!stored) return null;
    if (stored.expiresAt <= this.now()) {
      this.idempotency.delete(key);
      return null;
    }
    return JSON.parse(stored.json) as IdempotencyRecord;
  }
}
