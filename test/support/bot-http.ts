import type { Activity, Attachment } from 'botbuilder';
import { startApp } from '../../bot/app';
import type { App, AppOverrides } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Talks to the real server over real HTTP, as a channel would: POST /api/messages with deliveryMode
// "expectReplies", so the bot's replies come back in the response body.

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestAppOptions {
  env?: Record<string, string>;
  redis?: boolean;
  overrides?: AppOverrides;
}

export interface TestApp {
  app: App;
  prefix: string;
  stop(): Promise<void>;
}

/** Starts the whole app on a free port, on Redis (own key prefix, removed afterwards) or in memory. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const prefix = `test:app:${process.pid}:${Date.now()}:${Math.random().toString(36).slice(2, 8)}:`;
  const loaded = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rd-evidence-')),
    SWEEP_INTERVAL_MS: '3600000',
    RETURN_POLL_INTERVAL_MS: '3600000',
    PAYMENT_LATENCY_MS: '0',
    PAYMENT_CONFIRM_AFTER_MS: '0',
    ...(options.redis ? { REDIS_URL, REDIS_PREFIX: prefix } : {}),
    ...options.env,
  });
  if (!loaded.ok) throw new Error(loaded.problems.join('; '));
  const app = await startApp(loaded.config, createLogger('silent'), options.overrides);
  return {
    app,
    prefix,
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

let counter = 0;

export interface SentTurn {
  status: number;
  replies: Partial<Activity>[];
  body: unknown;
}

/** One user's conversation with the bot. */
export class BotConversation {
  readonly conversationId: string;
  constructor(
    private readonly baseUrl: string,
    readonly userId: string,
    private readonly options: { locale?: string; serviceUrl?: string; channelData?: Record<string, unknown>; conversationId?: string } = {},
  ) {
    this.conversationId = options.conversationId ?? `conv-${userId}-${process.pid}-${++counter}-${Date.now()}`;
  }

  activity(partial: Partial<Activity>): Partial<Activity> {
    return {
      type: 'message',
      id: `act-${++counter}-${Date.now()}`,
      channelId: 'test',
      // Proactive sends of tests that don't watch for them reach this server and get a quick 404 (a closed port
      // would have the connector client retry for seconds).
      serviceUrl: this.options.serviceUrl ?? this.baseUrl,
      conversation: { id: this.conversationId } as Activity['conversation'],
      from: { id: this.userId, name: this.userId },
      recipient: { id: 'refund-desk', name: 'Refund Desk' },
      locale: this.options.locale ?? 'zh-CN',
      deliveryMode: 'expectReplies',
      ...(this.options.channelData ? { channelData: this.options.channelData } : {}),
      ...partial,
    };
  }

  async post(activity: Partial<Activity>): Promise<SentTurn> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const replies = (body && typeof body === 'object' && Array.isArray((body as { activities?: unknown }).activities)
      ? (body as { activities: Partial<Activity>[] }).activities
      : []) as Partial<Activity>[];
    return { status: res.status, replies, body };
  }

  say(text: string, extra: Partial<Activity> = {}): Promise<SentTurn> {
    return this.post(this.activity({ text, ...extra }));
  }

  click(value: Record<string, unknown>, extra: Partial<Activity> = {}): Promise<SentTurn> {
    return this.post(this.activity({ value, ...extra }));
  }

  attach(attachments: Attachment[], text?: string): Promise<SentTurn> {
    return this.post(this.activity({ attachments, ...(text ? { text } : {}) }));
  }
}

/** All text of the replies (message text, suggested actions, and the text blocks of cards), for assertions. */
export function textOf(replies: Partial<Activity>[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'placeholder', 'speak']) if (typeof o[key] === 'string') out.push(o[key] as string);
    for (const v of Object.values(o)) if (typeof v === 'object') walk(v);
  };
  for (const r of replies) {
    if (r.text) out.push(r.text);
    walk(r.suggestedActions);
    walk(r.attachments?.map((a) => a.content));
  }
  return out.join('\n');
}
