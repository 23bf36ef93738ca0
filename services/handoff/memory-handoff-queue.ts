import { randomUUID } from 'node:crypto';
import type { EnqueueResult, HandoffQueue, HandoffRequest, QueuedHandoff } from './handoff-queue';

const RANK = { high: 0, normal: 1 } as const;

/** In-process queue for running without Redis; same ordering as the Redis one: priority, then time. */
export class MemoryHandoffQueue implements HandoffQueue {
  private readonly byConversation = new Map<string, QueuedHandoff>();

  async enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult> {
    const existing = this.byConversation.get(request.conversationId);
    if (existing && existing.status !== 'closed') {
      return { ok: true, value: { handoff: structuredClone(existing), position: (await this.position(request.conversationId)) ?? 0, alreadyQueued: true } };
    }
    const handoff: QueuedHandoff = { ...structuredClone(request), id: randomUUID(), queuedAt: now.toISOString(), status: 'queued' };
    this.byConversation.set(request.conversationId, handoff);
    return { ok: true, value: { handoff: structuredClone(handoff), position: (await this.position(request.conversationId)) ?? 0, alreadyQueued: false } };
  }

  async position(conversationId: string): Promise<number | null> {
    const index = (await this.waiting()).findIndex((h) => h.conversationId === conversationId);
    return index < 0 ? null : index + 1;
  }

  async current(conversationId: string): Promise<QueuedHandoff | null> {
    const h = this.byConversation.get(conversationId);
    return h ? structuredClone(h) : null;
  }

  async waiting(): Promise<QueuedHandoff[]> {
    return [...this.byConversation.values()]
      .filter((h) => h.status === 'queued')
      .sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.queuedAt.localeCompare(b.queuedAt))
      .map((h) => structuredClone(h));
  }
}
