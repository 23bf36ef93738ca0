import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../../../bot/app';
import type { App, AppOverrides } from '../../../bot/app';
import { loadConfig } from '../../../bot/config';
import { createLogger } from '../../../bot/logger';
import { storeKeys } from '../../../services/store/keys';
import { REDIS_URL } from '../../support/bot-http';

// The whole app in this process, as startTestApp starts it, but with its logger writing into memory (so a test
// can read every log line the server wrote) and with a way to count what the refund core holds: cases, audit
// entries and outbox events, before and after a request that must change nothing.

export interface CapturedLogs {
  /** Every log line so far, raw JSON text. */
  lines(): string[];
  /** Every line parsed. */
  entries(): Record<string, unknown>[];
  clear(): void;
}

export interface StateCounts {
  cases: number;
  audit: number;
  outbox: number;
  /** Each case's id and version, so a changed case shows even when the counts stay. */
  versions: Record<string, number>;
}

export interface AttackApp {
  app: App;
  url: string;
  prefix: string;
  logs: CapturedLogs;
  /** What the refund core holds now. */
  counts(): Promise<StateCounts>;
  stop(): Promise<void>;
}

export interface AttackAppOptions {
  redis?: boolean;
  env?: Record<string, string>;
  overrides?: AppOverrides;
  /** Default 'info': what production writes. */
  logLevel?: string;
}

export function captureLogs(): { stream: Writable; logs: CapturedLogs } {
  let buffered = '';
  let lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const p of parts) if (p.trim()) lines.push(p);
      done();
    },
  });
  return {
    stream,
    logs: {
      lines: () => [...lines, ...(buffered.trim() ? [buffered] : [])],
      entries: () => [...lines, ...(buffered.trim() ? [buffered] : [])].map((l) => JSON.parse(l) as Record<string, unknown>),
      clear: () => {
        lines = [];
        buffered = '';
      },
    },
  };
}

export async function startAttackApp(options: AttackAppOptions = {}): Promise<AttackApp> {
  const prefix = `test:attacks:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}:`;
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rd-attack-evidence-')),
    WIDGET_UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'rd-attack-uploads-')),
    SWEEP_INTERVAL_MS: '3600000',
    RETURN_POLL_INTERVAL_MS: '3600000',
    PAYMENT_LATENCY_MS: '0',
    PAYMENT_CONFIRM_AFTER_MS: '0',
    ...(options.redis ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const { stream, logs } = captureLogs();
  const app = await startApp(loaded.config, createLogger(options.logLevel ?? 'info', stream), options.overrides);

  const counts = async (): Promise<StateCounts> => {
    const cases = await app.infra.store.find({});
    const versions: Record<string, number> = {};
    let audit = 0;
    for (const c of cases) {
      versions[c.id] = c.version;
      audit += (await app.infra.store.audit(c.id)).length;
    }
    return { cases: cases.length, audit, outbox: await outboxLength(app, prefix), versions };
  };

  return {
    app,
    url: app.url,
    prefix,
    logs,
    counts,
    async stop() {
      const redis = app.infra.redis;
      if (redis) {
        const keys: string[] = [];
        for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
        if (keys.length) await redis.del(keys);
      }
      await app.stop();
    },
  };
}

/** Events in the outbox: the stream's length on Redis; in memory, what the in-memory outbox holds. */
async function outboxLength(app: App, prefix: string): Promise<number> {
  if (app.infra.redis) return Number(await app.infra.redis.sendCommand(['XLEN', storeKeys(prefix).outbox]));
  // The in-memory event source keeps its outbox private; reading it here is the only way to count it.
  const outbox = (app.infra.events as unknown as { outbox?: { events(): unknown[] } }).outbox;
  if (!outbox) throw new Error('the in-memory event source no longer exposes its outbox: update outboxLength');
  return outbox.events().length;
}
