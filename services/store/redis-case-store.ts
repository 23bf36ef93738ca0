import { CASE_STATUSES, type AuditEntry, type RefundCase } from '../refunds/case';
import type { CaseQuery, CaseStore, CaseWrite, CommitResult, IdempotencyRecord } from '../refunds/ports';
import { COMMIT_SCRIPT, COMMIT_SCRIPT_SHA1 } from './commit-script';
import { FIND_SCRIPT, FIND_SCRIPT_SHA1 } from './find-script';
import { DEFAULT_PREFIX, statusKeys, storeKeys, type StoreKeys } from './keys';
import type { RedisCommandSender } from './redis-client';
import { assertWritable, byCreatedThenId, createdMs, matches, SEVEN_DAYS_MS } from './store-rules';

export interface RedisCaseStoreOptions {
  client: RedisCommandSender;
  prefix?: string;
  /** How long an idempotency record is kept: a retry later than this is treated as a new command. */
  idempotencyTtlMs?: number;
  /** Approximate cap of the outbox stream (XADD MAXLEN ~): consumers must keep up within this many events. */
  outboxMaxLength?: number;
}

type CommitReply = ['ok'] | ['duplicate_key', string] | ['version_conflict', string | null] | ['order_conflict'];

export class RedisCaseStore implements CaseStore {
  private readonly client: RedisCommandSender;
  private readonly keys: StoreKeys;
  private readonly statusKeys: string[];
  private readonly idempotencyTtlMs: number;
  private readonly outboxMaxLength: number;
  private sent = 0;

  constructor(options: RedisCaseStoreOptions) {
    this.client = options.client;
    this.keys = storeKeys(options.prefix ?? DEFAULT_PREFIX);
    this.statusKeys = statusKeys(this.keys);
    this.idempotencyTtlMs = options.idempotencyTtlMs ?? SEVEN_DAYS_MS;
    this.outboxMaxLength = options.outboxMaxLength ?? 100_000;
  }

  /** Commands sent to Redis so far (a script call is one; a NOSCRIPT fallback is two). */
  get roundTrips(): number {
    return this.sent;
  }

  async get(caseId: string): Promise<RefundCase | null> {
    const json = await this.send<string | null>(['GET', this.keys.caseDoc(caseId)]);
    return json === null ? null : (JSON.parse(json) as RefundCase);
  }

  async commit(write: CaseWrite): Promise<CommitResult> {
    assertWritable(write);
    const { next } = write;
    const keys = [
      this.keys.caseDoc(next.id),
      this.keys.audit(next.id),
      this.keys.deadlines,
      this.keys.outbox,
      this.keys.byCreated,
      this.keys.byBuyer(next.buyerId),
      this.keys.byShop(next.shopId),
      this.keys.byOrder(next.orderId),
      ...this.statusKeys,
      ...(write.idempotency ? [this.keys.idempotency(write.idempotency.key)] : []),
      ...(write.orderGuard ? [this.keys.filings(write.orderGuard.orderId)] : []),
    ];
    const args = [
      JSON.stringify(next),
      String(write.expectedVersion),
      JSON.stringify(write.audit),
      JSON.stringify(write.event),
      write.wakeAt === null ? '' : String(write.wakeAt),
      String(createdMs(next)),
      next.id,
      next.status,
      next.buyerId,
      next.shopId,
      next.orderId,
      write.idempotency ? JSON.stringify(write.idempotency.record) : '',
      String(this.idempotencyTtlMs),
      write.orderGuard ? String(write.orderGuard.expectedFilings) : '',
      String(this.outboxMaxLength),
      ...CASE_STATUSES,
    ];
    const reply = await this.evalCommit(keys, args);
    switch (reply[0]) {
      case 'ok':
        return { ok: true };
      case 'version_conflict':
        return { ok: false, kind: 'version_conflict', current: reply[1] === null ? null : JSON.parse(reply[1]) };
      case 'duplicate_key':
        return { ok: false, kind: 'duplicate_key', record: JSON.parse(reply[1]) };
      case 'order_conflict':
        return { ok: false, kind: 'order_conflict' };
      default: {
        const unexpected: never = reply;
        throw new Error(`unexpected commit reply ${JSON.stringify(unexpected)}`);
      }
    }
  }

  async getIdempotency(key: string): Promise<IdempotencyRecord | null> {
    const json = await this.send<string | null>(['GET', this.keys.idempotency(key)]);
    return json === null ? null : (JSON.parse(json) as IdempotencyRecord);
  }

  async audit(caseId: string): Promise<AuditEntry[]> {
    const entries = await this.send<string[]>(['LRANGE', this.keys.audit(caseId), '0', '-1']);
    return entries.map((e) => JSON.parse(e) as AuditEntry);
  }

  async find(query: CaseQuery): Promise<RefundCase[]> {
    // Every index is scored by createdAt, so the created range narrows whichever index is read.
    const min = query.createdFrom ? String(query.createdFrom.getTime()) : '-inf';
    const max = query.createdTo ? `(${query.createdTo.getTime()}` : '+inf';
    // One round trip: the index read and the documents' MGET run in one script.
    const docs = await this.evalScript<(string | null)[]>(FIND_SCRIPT, FIND_SCRIPT_SHA1, [this.mostSelectiveIndex(query)], [
      min,
      max,
      this.keys.caseDoc(''),
    ]);
    return docs
      .filter((d): d is string => typeof d === 'string')
      .map((d) => JSON.parse(d) as RefundCase)
      .filter((c) => matches(c, query))
      .sort(byCreatedThenId);
  }

  async due(now: Date, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    return this.send<string[]>([
      'ZRANGE',
      this.keys.deadlines,
      '-inf',
      String(now.getTime()),
      'BYSCORE',
      'LIMIT',
      '0',
      String(limit),
    ]);
  }

  async filingsOnOrder(orderId: string): Promise<number> {
    return Number((await this.send<string | null>(['GET', this.keys.filings(orderId)])) ?? 0);
  }

  async nextCaseNumber(): Promise<number> {
    return Number(await this.send<number>(['INCR', this.keys.caseNumber]));
  }

  // An order has a handful of cases, a buyer a few dozen, a shop or a status many: read the smallest.
  private mostSelectiveIndex(query: CaseQuery): string {
    if (query.orderId !== undefined) return this.keys.byOrder(query.orderId);
    if (query.buyerId !== undefined) return this.keys.byBuyer(query.buyerId);
    if (query.shopId !== undefined) return this.keys.byShop(query.shopId);
    if (query.status !== undefined) return this.keys.byStatus(query.status);
    return this.keys.byCreated;
  }

  private evalCommit(keys: string[], args: string[]): Promise<CommitReply> {
    return this.evalScript<CommitReply>(COMMIT_SCRIPT, COMMIT_SCRIPT_SHA1, keys, args);
  }

  private async evalScript<T>(script: string, sha1: string, keys: string[], args: string[]): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.send<T>(['EVALSHA', sha1, ...tail]);
    } catch (err) {
      // The script cache is empty after a restart, a failover or SCRIPT FLUSH: EVAL loads it again.
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.send<T>(['EVAL', script, ...tail]);
    }
  }

  private send<T>(args: string[]): Promise<T> {
    this.sent += 1;
    return this.client.sendCommand<T>(args);
  }
}
