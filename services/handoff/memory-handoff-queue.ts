import { randomUUID } from 'node:crypto';
import type {
  CardError,
  EndError,
  EnqueueResult,
  FocusError,
  HandoffAgent,
  HandoffParty,
  HandoffQueue,
  HandoffRequest,
  HandoffResult,
  LeftMessage,
  MessageError,
  QueuedHandoff,
  TakeError,
  TranscriptLine,
} from './handoff-queue';
import { TRANSCRIPT_KEEP } from './handoff-queue';
import type { Change } from './transitions';
import {
  byFocus,
  claimCardChange,
  endChange,
  focusChange,
  keepLatest,
  leaveMessageChange,
  offerMessageChange,
  recordCardChange,
  takeChange,
} from './transitions';

const RANK = { high: 0, normal: 1 } as const;

/** In-process queue for running without Redis; same ordering as the Redis one: priority, then time. */
export class MemoryHandoffQueue implements HandoffQueue {
  private readonly byConversation = new Map<string, QueuedHandoff>();
  private readonly transcripts = new Map<string, TranscriptLine[]>();
  /** Arrival order, for requests queued in the same millisecond. */
  private readonly arrival = new Map<string, number>();
  private sequence = 0;

  async enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult> {
    const existing = this.byConversation.get(request.conversationId);
    if (existing && existing.status !== 'closed') {
      return { ok: true, value: { handoff: structuredClone(existing), position: (await this.position(request.conversationId)) ?? 0, alreadyQueued: true } };
    }
    const handoff: QueuedHandoff = { ...structuredClone(request), id: randomUUID(), queuedAt: now.toISOString(), status: 'queued' };
    this.byConversation.set(request.conversationId, handoff);
    this.arrival.set(handoff.id, ++this.sequence);
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
      .sort((a, b) => RANK[a.priority] - RANK[b.priority] || a.queuedAt.localeCompare(b.queuedAt) || (this.arrival.get(a.id) ?? 0) - (this.arrival.get(b.id) ?? 0))
      .map((h) => structuredClone(h));
  }

  async get(handoffId: string): Promise<QueuedHandoff | null> {
    const h = this.find(handoffId);
    return h ? structuredClone(h) : null;
  }

  take(handoffId: string, agent: HandoffAgent, now: Date): Promise<HandoffResult<TakeError>> {
    return this.update(handoffId, (h) => takeChange(h, agent, now));
  }

  end(handoffId: string, by: HandoffParty, now: Date): Promise<HandoffResult<EndError>> {
    return this.update(handoffId, (h) => endChange(h, by, now));
  }

  offerMessage(handoffId: string, now: Date): Promise<HandoffResult<MessageError>> {
    return this.update(handoffId, (h) => offerMessageChange(h, now));
  }

  leaveMessage(handoffId: string, message: LeftMessage): Promise<HandoffResult<MessageError>> {
    return this.update(handoffId, (h) => leaveMessageChange(h, message));
  }

  focus(handoffId: string, agentId: string, now: Date): Promise<HandoffResult<FocusError>> {
    return this.update(handoffId, (h) => focusChange(h, agentId, now));
  }

  claimCard(handoffId: string, now: Date, staleMs: number): Promise<HandoffResult<CardError>> {
    return this.update(handoffId, (h) => claimCardChange(h, now, staleMs));
  }

  recordCard(handoffId: string, card: { conversationId: string; activityId: string } | null): Promise<HandoffResult<{ kind: 'not_found' }>> {
    return this.update(handoffId, (h) => recordCardChange(h, card));
  }

  async byAgentConversation(agentConversationId: string): Promise<QueuedHandoff[]> {
    return [...this.byConversation.values()]
      .filter((h) => h.status === 'assigned' && h.agent?.conversationId === agentConversationId)
      .sort(byFocus)
      .map((h) => structuredClone(h));
  }

  async record(conversationId: string, lines: readonly TranscriptLine[], keep = TRANSCRIPT_KEEP): Promise<QueuedHandoff | null> {
    if (lines.length > 0) this.transcripts.set(conversationId, keepLatest([...(this.transcripts.get(conversationId) ?? []), ...lines], keep));
    return this.current(conversationId);
  }

  async transcript(conversationId: string): Promise<TranscriptLine[]> {
    return structuredClone(this.transcripts.get(conversationId) ?? []);
  }

  turnState(): null {
    return null;
  }

  private find(handoffId: string): QueuedHandoff | undefined {
    for (const h of this.byConversation.values()) if (h.id === handoffId) return h;
    return undefined;
  }

  /** Synchronous between the read and the write: nothing else runs in between. */
  private async update<E extends { kind: string }>(handoffId: string, change: (h: QueuedHandoff) => Change<E | { kind: 'not_found' }>): Promise<HandoffResult<E | { kind: 'not_found' }>> {
    const h = this.find(handoffId);
    if (!h) return { ok: false, error: { kind: 'not_found' } };
    const outcome = change(structuredClone(h));
    if (!outcome.ok) return { ok: false, error: structuredClone(outcome.error) };
    if (outcome.changed) this.byConversation.set(h.conversationId, structuredClone(outcome.next));
    return { ok: true, value: structuredClone(outcome.next) };
  }
}
