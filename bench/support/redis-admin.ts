import { createRedis } from '../../services/store';
import type { RedisClient } from '../../services/store';

// Redis chores of the benchmarks: their own keys deleted afterwards (SCAN + UNLINK on the run's prefix, never
// FLUSHDB: the server is shared), and memory readings.

export async function withRedis<T>(url: string, name: string, run: (client: RedisClient) => Promise<T>): Promise<T> {
  const client = createRedis({ url, name });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.close().catch(() => undefined);
  }
}

export async function deleteKeysUnder(client: RedisClient, prefixes: readonly string[]): Promise<number> {
  let removed = 0;
  for (const prefix of prefixes) {
    let cursor = '0';
    do {
      const [next, keys] = await client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '2000']);
      if (keys.length > 0) removed += Number(await client.sendCommand(['UNLINK', ...keys]));
      cursor = String(next);
    } while (cursor !== '0');
  }
  return removed;
}

export async function deleteKeys(url: string, prefixes: readonly string[]): Promise<number> {
  return withRedis(url, 'bench-cleanup', (client) => deleteKeysUnder(client, prefixes));
}

/** Every key under the prefix. */
export async function keysUnder(client: RedisClient, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await client.sendCommand<[string, string[]]>(['SCAN', cursor, 'MATCH', `${prefix}*`, 'COUNT', '2000']);
    out.push(...keys);
    cursor = String(next);
  } while (cursor !== '0');
  return out;
}

export async function redisInfo(client: RedisClient, section: string): Promise<Record<string, string>> {
  const text = await client.sendCommand<string>(['INFO', section]);
  return Object.fromEntries(
    text
      .split('\r\n')
      .filter((l) => l && !l.startsWith('#') && l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
  );
}

export async function usedMemory(client: RedisClient): Promise<number> {
  return Number((await redisInfo(client, 'memory')).used_memory ?? 0);
}

/** MEMORY USAGE of a key; SAMPLES 0 reads every element of a collection (exact, slower on big ones). */
export async function memoryUsage(client: RedisClient, key: string, exact = true): Promise<number> {
  const args = ['MEMORY', 'USAGE', key, ...(exact ? ['SAMPLES', '0'] : [])];
  return Number((await client.sendCommand<number | null>(args)) ?? 0);
}

/** MEMORY USAGE of many keys, pipelined in batches; returns the sum and the count of keys that existed. */
export async function memoryUsageOf(client: RedisClient, keys: readonly string[], batch = 1_000): Promise<{ bytes: number; keys: number }> {
  let bytes = 0;
  let found = 0;
  for (let i = 0; i < keys.length; i += batch) {
    const replies = await Promise.all(keys.slice(i, i + batch).map((k) => client.sendCommand<number | null>(['MEMORY', 'USAGE', k, 'SAMPLES', '0'])));
    for (const r of replies) {
      if (r === null) continue;
      bytes += Number(r);
      found += 1;
    }
  }
  return { bytes, keys: found };
}
