import { CountingRedisProxy } from './redis-proxy';
import { labelOf } from './classify';
import type { KeyPrefixes } from './classify';

// The counting proxy in a process of its own, so its work neither slows the load generator nor the bots under
// test more than a network hop would. Driven over IPC by bench/conversation.ts.

interface Request {
  id: number;
  op: 'snapshot' | 'settle' | 'stop';
  quietMs?: number;
}

async function main(): Promise<void> {
  const target = new URL(process.env.BENCH_REDIS_TARGET ?? 'redis://127.0.0.1:6379');
  if (target.protocol !== 'redis:') throw new Error('the counting proxy speaks plain TCP: use a redis:// address');
  const prefixes = JSON.parse(process.env.BENCH_PREFIXES ?? '{}') as KeyPrefixes;
  const proxy = new CountingRedisProxy({
    target: { host: target.hostname || '127.0.0.1', port: Number(target.port || 6379) },
    label: (cmd) => labelOf(cmd, prefixes),
  });
  const url = await proxy.start();
  // The client's user, password and database number pass through the proxy unchanged.
  const through = new URL(target.href);
  through.host = new URL(url).host;
  process.send!({ type: 'ready', url: through.href });
  process.on('message', (m: Request) => {
    const reply = (stats: unknown) => process.send!({ id: m.id, stats });
    if (m.op === 'snapshot') reply(proxy.snapshot());
    else if (m.op === 'settle') void proxy.settle(m.quietMs ?? 25).then(reply);
    else if (m.op === 'stop') void proxy.close().then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`redis proxy: ${(err as Error).message}\n`);
  process.exit(1);
});
