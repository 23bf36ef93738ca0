// Channels resend an activity when a turn is slow. The first answer is kept for a while under the activity's id,
// so a resend gets the same answer and changes nothing.

export interface CachedReply {
  status: number;
  body?: unknown;
  /** Who sent the activity (a digest of its sender and buyer token): a resend from anyone else is not answered. */
  sender?: string;
}

export interface ReplyCache {
  get(conversationId: string, activityId: string): Promise<CachedReply | null>;
  put(conversationId: string, activityId: string, reply: CachedReply): Promise<void>;
}

export class MemoryReplyCache implements ReplyCache {
  private readonly entries = new Map<string, { reply: string; expires: number }>();
  constructor(private readonly options: { ttlMs?: number; maxEntries?: number; now?: () => number } = {}) {}

  async get(conversationId: string, activityId: string): Promise<CachedReply | null> {
    const key = `${conversationId}\u0000${activityId}`;
    const hit = this.entries.get(key);
    if (!hit) return null;
    if (hit.expires <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return JSON.parse(hit.reply) as CachedReply;
  }

  async put(conversationId: string, activityId: string, reply: CachedReply): Promise<void> {
    const max = this.options.maxEntries ?? 50_000;
    if (this.entries.size >= max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(`${conversationId}\u0000${activityId}`, { reply: JSON.stringify(reply), expires: this.now() + (this.options.ttlMs ?? 600_000) });
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}

export interface RedisReplyCacheClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options: { expiration: { type: 'PX'; value: number } }): Promise<unknown>;
}

export class RedisReplyCache implements ReplyCache {
  constructor(private readonly options: { client: RedisReplyCacheClient; prefix?: string; ttlMs?: number }) {}

  private key(conversationId: string, activityId: string): string {
    return `${this.options.prefix ?? 'rd:'}reply:${conversationId}:${activityId}`;
  }

  async get(conversationId: string, activityId: string): Promise<CachedReply | null> {
    const raw = await this.options.client.get(this.key(conversationId, activityId));
    return raw ? (JSON.parse(raw) as CachedReply) : null;
  }

  async put(conversationId: string, activityId: string, reply: CachedReply): Promise<void> {
    await this.options.client.set(this.key(conversationId, activityId), JSON.stringify(reply), {
      expiration: { type: 'PX', value: this.options.ttlMs ?? 600_000 },
    });
  }
}
