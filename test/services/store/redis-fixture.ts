import { randomBytes } from 'node:crypto';
import { createRedis, type RedisClient } from '../../../services/store';

/**
 * A connected client for one test file, with key prefixes no other file or run uses, and a cleanup that
 * deletes exactly those keys (never FLUSHDB: the server is shared).
 */
export interface TestRedis {
  client: RedisClient;
  /** A fresh prefix for one store, under the file's own prefix. */
  nextPrefix(): string;
  /** Deletes the file's keys and closes the client. */
  close(): Promise<void>;
}

export async function connectTestRedis(fileName: string): Promise<TestRedis> {
  const root = `test:${fileName}:${randomBytes(4).toString('hex')}:`;
  const client = createRedis({
    url: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
    onError: (err) => console.error(`test redis: ${err.message}`),
  });
  await client.connect();
  let n = 0;
  return {
    client,
    nextPrefix: () => `${root}${++n}:`,
    close: async () => {
      await deleteKeys(client, `${root}*`);
      await client.close();
    },
  };
}

async function deleteKeys(client: RedisClient, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', pattern, 'COUNT', '1000']);
    if (keys.length > 0) await client.sendCommand(['UNLINK', ...keys]);
    cursor = String(next);
  } while (cursor !== '0');
}

/** The events in a prefix's outbox stream, oldest first: what a consumer would get. */
export async function streamEvents(client: RedisClient, stream: string): Promise<unknown[]> {
  const entries = await client.sendCommand<[string, string[]][]>(['XRANGE', stream, '-', '+']);
  return entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]!));
}
