import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';

export function redisUrl(): string {
  return process.env.REDIS_URL || 'redis://127.0.0.1:6379';
}

/** A key prefix no other test file or run shares. */
export function uniquePrefix(name: string): string {
  return `test:${name}:${randomBytes(6).toString('hex')}:`;
}

export type TestRedisClient = Awaited<ReturnType<typeof connectTestRedis>>;

export async function connectTestRedis() {
  const client = createClient({ url: redisUrl() });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Removes every key under the prefix (SCAN + DEL, never FLUSHDB: the server is shared). */
export async function deleteKeysUnder(client: TestRedisClient, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const page = await client.scan(cursor, { MATCH: `${escapeGlob(prefix)}*`, COUNT: 500 });
    cursor = String(page.cursor);
    if (page.keys.length > 0) await client.del(page.keys.map(String));
  } while (cursor !== '0');
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
