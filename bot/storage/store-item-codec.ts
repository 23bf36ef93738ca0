import { randomUUID } from 'node:crypto';
import type { StoreItems } from 'botbuilder';

/** One item of a write, ready for a store: what it must match and what it becomes. */
export interface EncodedWrite {
  key: string;
  /** null: write whatever is stored (no eTag, or the wildcard '*'). */
  expectedETag: string | null;
  newETag: string;
  /** The item without its eTag, as JSON: the stored form, so every read returns a fresh copy. */
  json: string;
}

export function assertKeys(keys: unknown, verb: 'reading' | 'deleting'): asserts keys is string[] {
  if (keys == null) throw new ReferenceError(`Keys are required when ${verb}.`);
  if (!Array.isArray(keys)) throw new TypeError(`Keys must be an array when ${verb}.`);
}

export function encodeWrites(changes: StoreItems): EncodedWrite[] {
  if (changes == null) throw new ReferenceError('Changes are required when writing.');
  return Object.keys(changes).map((key) => encodeWrite(key, changes[key]));
}

function encodeWrite(key: string, item: unknown): EncodedWrite {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    throw new TypeError(`Storage: the item written to "${key}" must be an object.`);
  }
  const { eTag, ...data } = item as Record<string, unknown>;
  const expected = eTag === undefined || eTag === null || eTag === '' || eTag === '*' ? null : String(eTag);
  return { key, expectedETag: expected, newETag: randomUUID(), json: JSON.stringify(data) };
}

export function decodeItem(json: string, eTag: string): Record<string, unknown> {
  return { ...(JSON.parse(json) as Record<string, unknown>), eTag };
}
