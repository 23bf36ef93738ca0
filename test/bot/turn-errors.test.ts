import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { startApp } from '../../bot/app';
import type { App } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { t as translate } from '../../bot/i18n';
import { createLogger } from '../../bot/logger';
import { OfflineRecognizer } from '../../services/nlu';
import type { Recognition, RecognizeContext, Recognizer } from '../../services/nlu';
import { BotConversation, REDIS_URL, textOf } from '../support/bot-http';
import type { SentTurn } from '../support/bot-http';

// A turn that fails (here: the recognizer throws) must cost the buyer one apology in their language with a
// reference support can find in the logs, and nothing else: no stack, no internals, no stuck conversation.

const MARKER = '7#7#7';
const SECRET_DETAIL = 'recognizer exploded in /srv/refund-desk/services/nlu/offline-recognizer.ts:42 token=sk-live-123';

/** The offline recognizer, except that it throws the first time it sees each text holding the marker. */
class ThrowOnceRecognizer implements Recognizer {
  private readonly inner = new OfflineRecognizer();
  private readonly thrown = new Set<string>();
  throws = 0;

  async recognize(text: string, context?: RecognizeContext): Promise<Recognition> {
    if (text.includes(MARKER) && !this.thrown.has(text)) {
      this.thrown.add(text);
      this.throws += 1;
      if (text.includes('plain object')) throw { detail: SECRET_DETAIL };
      throw new Error(SECRET_DETAIL);
    }
    return this.inner.recognize(text.replace(MARKER, '').trim(), context);
  }
}

interface LoggedApp {
  app: App;
  logs: Record<string, unknown>[];
  recognizer: ThrowOnceRecognizer;
  stop(): Promise<void>;
}

/** The whole app on a free port, with its JSON logs captured (the error must be there, not in the reply). */
async function startLoggedApp(redis: boolean): Promise<LoggedApp> {
  const prefix = `test:turn-errors:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rd-evidence-')),
    SWEEP_INTERVAL_MS: '3600000',
    RETURN_POLL_INTERVAL_MS: '3600000',
    PAYMENT_LATENCY_MS: '0',
    PAYMENT_CONFIRM_AFTER_MS: '0',
    ...(redis ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const recognizer = new ThrowOnceRecognizer();
  const app = await startApp(loaded.config, createLogger('info', sink), { recognizer });
  return {
    app,
    logs,
    recognizer,
    async stop() {
      const client = app.infra.redis;
      if (client) {
        const keys: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
        if (keys.length) await client.del(keys);
      }
      await app.stop();
    },
  };
}

/** The apology's reference, checked to be the catalog's sentence in `lang` around it. */
function apologyReference(turn: SentTurn, lang: 'zh-CN' | 'en-US'): string {
  expect(turn.status).toBe(200);
  expect(turn.replies).toHaveLength(1);
  const text = turn.replies[0]!.text ?? '';
  const [before, after] = translate(lang, 'error.turn', { correlationId: '\u0000' }).split('\u0000') as [string, string];
  expect(text.startsWith(before)).toBe(true);
  expect(text.endsWith(after)).toBe(true);
  const reference = text.slice(before.length, text.length - after.length);
  expect(reference).toMatch(/^[A-Za-z0-9-]{8,}$/);
  return reference;
}

function expectNothingLeaked(turn: SentTurn): void {
  const everything = JSON.stringify(turn.body);
  for (const leak of ['exploded', '/srv/', '.ts:', 'sk-live', '    at ', 'Error:', 'stack']) expect(everything).not.toContain(leak);
  expect(turn.replies[0]!.attachments ?? []).toEqual([]);
}

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('a turn that throws (%s)', (_name, redis) => {
  let t: LoggedApp;
  beforeAll(async () => {
    t = await startLoggedApp(redis);
  });
  afterAll(() => t.stop());

  it('gets the apology with a reference in Chinese, the reference leads to the logged error, and the next turn works', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1001', { locale: 'zh-CN' });
    const before = t.recognizer.throws;
    const failed = await c.say(`你好 ${MARKER}`);
    expect(t.recognizer.throws).toBe(before + 1);
    const reference = apologyReference(failed, 'zh-CN');
    expectNothingLeaked(failed);

    // Support finds the failure, with its stack, from the reference the buyer quotes.
    const logged = t.logs.filter((l) => JSON.stringify(l).includes(reference));
    expect(logged.some((l) => l.msg === 'turn failed' && String(l.stack).includes('exploded'))).toBe(true);

    const again = await c.say(`你好 ${MARKER}`);
    expect(again.status).toBe(200);
    expect(textOf(again.replies)).toContain(translate('zh-CN', 'common.welcome'));
  });

  it('apologises in English to a buyer writing English, whatever the channel locale', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1002', { locale: 'zh-CN' });
    const failed = await c.say(`hello, where is my refund ${MARKER}`);
    apologyReference(failed, 'en-US');
    expectNothingLeaked(failed);
    const next = await c.say('hello');
    expect(textOf(next.replies)).toContain(translate('en-US', 'common.welcome'));
  });

  it('copes with something thrown that is not an Error', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1002', { locale: 'en-US' });
    const failed = await c.say(`hello plain object ${MARKER}`);
    apologyReference(failed, 'en-US');
    expectNothingLeaked(failed);
    expect(textOf((await c.say('hello')).replies)).toContain(translate('en-US', 'common.welcome'));
  });

  it('gives each failed turn its own reference, and a resent failed message the same answer', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1001');
    const first = apologyReference(await c.say(`你好 ${MARKER} a`), 'zh-CN');
    const second = apologyReference(await c.say(`你好 ${MARKER} b`), 'zh-CN');
    expect(first).not.toBe(second);
    const activity = c.activity({ text: `你好 ${MARKER} c` });
    const original = await c.post(activity);
    const resent = await c.post(activity);
    expect(resent.body).toEqual(original.body);
  });

  it('starts afresh after a failure in the middle of a flow instead of failing the same way again', async () => {
    const c = new BotConversation(t.app.url, 'buyer-1001');
    const asked = await c.say('我要退款');
    expect(asked.status).toBe(200);
    expect(textOf(asked.replies)).not.toContain(translate('zh-CN', 'error.turn', { correlationId: '' }).slice(0, 12));
    apologyReference(await c.say(`DEMO-1002 ${MARKER} 第一个`), 'zh-CN');
    const fresh = await c.say('你好');
    expect(textOf(fresh.replies)).toContain(translate('zh-CN', 'common.welcome'));
  });
});
