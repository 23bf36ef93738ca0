import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from './etag-conflict-error';
import { resolveTtlSeconds } from './state-ttl';
import { assertKeys, decodeItem, encodeWrites } from './store-item-codec';

export interface MemoryStorageEntry {
  eTag: string;
  json: string;
  /** Epoch ms; null: never expires. */
  expiresAt: number | null;
}

/** The backing data; hand the same map to a new InMemoryStorage to act as a restarted process. */
export type MemoryStorageMap = Map<string, MemoryStorageEntry>;

export interface InMemoryStorageOptions {
  data?: MemoryStorageMap;
  /** As RedisStorage: renewed on every write, default 30 days, 0 keeps items forever. */
  ttlSeconds?: number;
  now?: () => number;
}

/**
 * Non-durable botbuilder Storage with the same behaviour as RedisStorage: items are kept as JSON (so a
 * read never shares objects with the caller, and what would not survive the network does not survive
 * here either), eTag compare-and-set, all-or-nothing batches.
 */
export class InMemoryStorage implements Storage {
  private readonly data: MemoryStorageMap;
  private readonly ttlMs: number | null;
  private readonly now: () => number;

  constructor(options: InMemoryStorageOptions = {}) {
    const ttlSeconds = resolveTtlSeconds(options.ttlSeconds);
    this.data = options.data ?? new Map();
    this.ttlMs = ttlSeconds > 0 ? ttlSeconds * 1000 : null;
    this.now = options.now ?? Date.now;
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    const items: StoreItems = {};
    for (const key of keys) {
      const entry = this.live(key);
      if (entry) items[key] = decodeItem(entry.json, entry.eTag);
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = encodeWrites(changes);
    for (const w of writes) {
      const current = this.live(w.key);
      if (w.expectedETag !== null && current && current.eTag !== w.expectedETag) {
        throw new ETagConflictError(w.key);
      }
    }
    const expiresAt = this.ttlMs === null ? null : this.now() + this.ttlMs;
    for (const w of writes) this.data.set(w.key, { eTag: w.newETag, json: w.json, expiresAt });
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    for (const key of keys) this.data.delete(key);
  }

  private live(key: string): MemoryStorageEntry | undefined {
    const entry = this.data.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= this.now()) {
      this.data.delete(key);
      return undefined;
    }
    return entry;
  }
}
