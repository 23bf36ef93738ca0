import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError } from './etag-conflict-error';
import { RedisScript, type RedisScriptClient } from './redis-script';
import { resolveTtlSeconds } from './state-ttl';
import { assertKeys, decodeItem, encodeWrites } from './store-item-codec';
import { currentTurnScope } from './turn-scope';

/** The commands RedisStorage uses; a node-redis v6 client satisfies it. */
export interface RedisStorageClient extends RedisScriptClient {
  mGet(keys: string[]): Promise<Array<string | null>>;
  del(keys: string[]): Promise<number>;
}

export interface RedisStorageOptions {
  client: RedisStorageClient;
  /** Namespace of every key this store writes; the items live under `<prefix>state:<key>`. */
  prefix?: string;
  /**
   * Expiry of an item, renewed on every write: an abandoned conversation's state goes away by itself.
   * Default 30 days; 0 keeps items forever.
   */
  ttlSeconds?: number;
}

/*
 * Every key of the batch is checked before any is written, so a batch with one stale eTag writes nothing.
 * A stored value is "<eTag>\n<json>": the eTag is compared without decoding the JSON, and a JSON text
 * never holds a raw newline.
 * ARGV[1] = ttl seconds (0: none); for key i: ARGV[2i] = expected eTag ('' = unconditional),
 * ARGV[2i+1] = the new value. Returns 0, or the 1-based index of the first key whose eTag is stale.
 */
const WRITE_SCRIPT = new RedisScript(`
local ttl = tonumber(ARGV[1])
for i = 1, #KEYS do
  local expected = ARGV[2 * i]
  if expected ~= '' then
    local current = redis.call('GET', KEYS[i])
    if current then
      local newline = string.find(current, '\\n', 1, true)
      local currentTag = newline and string.sub(current, 1, newline - 1) or ''
      if currentTag ~= expected then return i end
    end
  end
end
for i = 1, #KEYS do
  if ttl > 0 then
    redis.call('SET', KEYS[i], ARGV[2 * i + 1], 'EX', ttl)
  else
    redis.call('SET', KEYS[i], ARGV[2 * i + 1])
  end
end
return 0
`);

/**
 * botbuilder Storage on Redis with optimistic concurrency: a write that carries an eTag succeeds only
 * while that eTag is the stored one; no eTag or '*' writes unconditionally (last writer wins), which is
 * what BotState.saveChanges asks for. One round trip per call: MGET for reads, one script for a batch
 * write, one DEL for deletes.
 */
export class RedisStorage implements Storage {
  private readonly client: RedisStorageClient;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(options: RedisStorageOptions) {
    this.client = options.client;
    this.prefix = `${options.prefix ?? 'rd:bot:'}state:`;
    this.ttlSeconds = resolveTtlSeconds(options.ttlSeconds);
  }

  /** The Redis key an item is stored under. */
  keyOf(key: string): string {
    return this.prefix + key;
  }

  get ttlMs(): number {
    return this.ttlSeconds * 1000;
  }

  async read(keys: string[]): Promise<StoreItems> {
    assertKeys(keys, 'reading');
    const items: StoreItems = {};
    if (keys.length === 0) return items;
    const scope = currentTurnScope();
    const values: (string | null | undefined)[] = keys.map((key) => {
      const full = this.keyOf(key);
      return scope?.deferred.get(full)?.value ?? (scope?.prefetched.has(full) ? scope.prefetched.get(full) : undefined);
    });
    const missing = keys.filter((_key, i) => values[i] === undefined);
    if (missing.length > 0) {
      const fetched = await this.client.mGet(missing.map((key) => this.keyOf(key)));
      let next = 0;
      values.forEach((value, i) => {
        if (value === undefined) values[i] = fetched[next++] ?? null;
      });
    }
    keys.forEach((key, i) => {
      const value = values[i];
      if (value != null) items[key] = decodeStored(key, value);
    });
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    const writes = encodeWrites(changes);
    if (writes.length === 0) return;
    // Inside a turn that holds the conversation's lock, unconditional writes of its own state wait for the lock's
    // release and go with it in one round trip.
    const scope = currentTurnScope();
    if (scope && writes.every((w) => w.expectedETag === null && scope.deferrable.has(this.keyOf(w.key)))) {
      for (const w of writes) scope.deferred.set(this.keyOf(w.key), { value: `${w.newETag}\n${w.json}`, ttlMs: this.ttlMs });
      return;
    }
    const args = [String(this.ttlSeconds)];
    for (const w of writes) args.push(w.expectedETag ?? '', `${w.newETag}\n${w.json}`);
    const conflict = Number(
      await WRITE_SCRIPT.run(this.client, { keys: writes.map((w) => this.prefix + w.key), arguments: args }),
    );
    if (conflict > 0) throw new ETagConflictError(writes[conflict - 1].key);
  }

  async delete(keys: string[]): Promise<void> {
    assertKeys(keys, 'deleting');
    if (keys.length === 0) return;
    const scope = currentTurnScope();
    for (const key of keys) scope?.deferred.delete(this.keyOf(key));
    await this.client.del(keys.map((key) => this.prefix + key));
  }
}

function decodeStored(key: string, value: string): Record<string, unknown> {
  const newline = value.indexOf('\n');
  if (newline < 0) throw new Error(`Storage: "${key}" does not hold a bot state item.`);
  return decodeItem(value.slice(newline + 1), value.slice(0, newline));
}
