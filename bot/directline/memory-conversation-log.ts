import type { ActivityPage, ConversationLog, ConversationLogLimits, ConversationRecord, LoggedActivity } from './conversation-log';
import { DEFAULT_LOG_LIMITS, DEFAULT_PAGE, activityIdOf, watermarkOfId } from './conversation-log';

// In-process conversations for running without Redis: lost on restart, and capped in number (the least recently
// used go first) so an open endpoint cannot grow the process without bound.

interface Entry {
  record: ConversationRecord;
  started: boolean;
  seq: number;
  activities: { watermark: number; json: string }[];
  touchedAt: number;
}

export interface MemoryConversationLogOptions extends Partial<ConversationLogLimits> {
  maxConversations?: number;
  now?: () => number;
}

export class MemoryConversationLog implements ConversationLog {
  private readonly conversations = new Map<string, Entry>();
  private readonly limits: ConversationLogLimits;
  private readonly maxConversations: number;
  private readonly now: () => number;

  constructor(options: MemoryConversationLogOptions = {}) {
    const { maxConversations, now, ...limits } = options;
    this.limits = { ...DEFAULT_LOG_LIMITS, ...limits };
    this.maxConversations = maxConversations ?? 2_000;
    this.now = now ?? Date.now;
  }

  async save(record: ConversationRecord): Promise<void> {
    const existing = this.live(record.id);
    if (existing) {
      existing.record = { ...record };
      this.touch(record.id, existing);
      return;
    }
    this.touch(record.id, { record: { ...record }, started: false, seq: 0, activities: [], touchedAt: this.now() });
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const entry = this.live(conversationId);
    return entry ? { ...entry.record } : null;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const entry = this.live(conversationId);
    if (!entry || entry.started) return false;
    entry.started = true;
    this.touch(conversationId, entry);
    return true;
  }

  async append(conversationId: string, activity: Record<string, unknown>, options: { replaces?: string } = {}): Promise<{ id: string; watermark: number }> {
    const entry = this.live(conversationId);
    if (!entry) throw new Error(`no conversation ${conversationId}`);
    const watermark = ++entry.seq;
    const id = options.replaces ?? activityIdOf(conversationId, watermark);
    entry.activities.push({ watermark, json: JSON.stringify({ ...activity, id }) });
    if (entry.activities.length > this.limits.maxActivities) entry.activities.splice(0, entry.activities.length - this.limits.maxActivities);
    this.touch(conversationId, entry);
    return { id, watermark };
  }

  async read(conversationId: string, watermark: number, limit = DEFAULT_PAGE): Promise<ActivityPage> {
    const entry = this.live(conversationId);
    if (!entry) return { activities: [], watermark };
    const page = entry.activities.filter((a) => a.watermark > watermark).slice(0, limit);
    return {
      activities: page.map((a) => JSON.parse(a.json) as LoggedActivity),
      watermark: page.length ? page[page.length - 1]!.watermark : watermark,
    };
  }

  async find(conversationId: string, activityId: string): Promise<LoggedActivity | null> {
    const n = watermarkOfId(conversationId, activityId);
    const entry = this.live(conversationId);
    if (n === null || !entry) return null;
    const found = entry.activities.find((a) => a.watermark === n);
    return found ? (JSON.parse(found.json) as LoggedActivity) : null;
  }

  private live(conversationId: string): Entry | null {
    const entry = this.conversations.get(conversationId);
    if (!entry) return null;
    const ttl = entry.started ? this.limits.ttlMs : this.limits.unstartedTtlMs;
    if (this.now() - entry.touchedAt > ttl) {
      this.conversations.delete(conversationId);
      return null;
    }
    return entry;
  }

  private touch(conversationId: string, entry: Entry): void {
    entry.touchedAt = this.now();
    this.conversations.delete(conversationId);
    this.conversations.set(conversationId, entry);
    while (this.conversations.size > this.maxConversations) {
      const oldest = this.conversations.keys().next().value;
      if (oldest === undefined) break;
      this.conversations.delete(oldest);
    }
  }
}
