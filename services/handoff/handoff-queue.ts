// A buyer's request for a person, queued for the CS desk. Ordered by priority, then time.

export type HandoffReason =
  | 'buyer_asked'
  | 'not_understood'
  | 'escalated_after_rejection'
  | 'payment_failed'
  | 'quality_complaint'
  | 'frustration';

export interface HandoffRequest {
  buyerId: string;
  conversationId: string;
  reason: HandoffReason;
  priority: 'high' | 'normal';
  caseId?: string;
  orderId?: string;
  language: 'zh-CN' | 'en-US';
  /** The last few turns, for the agent (already masked of personal data where it matters). */
  transcript: { from: 'buyer' | 'bot'; text: string; at: string }[];
}

export interface QueuedHandoff extends HandoffRequest {
  id: string;
  queuedAt: string;
  status: 'queued' | 'assigned' | 'closed';
}

export type EnqueueResult = { ok: true; value: { handoff: QueuedHandoff; position: number; alreadyQueued: boolean } };

export interface HandoffQueue {
  /** Queues the request; a conversation already waiting keeps its place (and gets its position back). */
  enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult>;
  /** 1-based place in the queue of the conversation's waiting request, or null. */
  position(conversationId: string): Promise<number | null>;
  /** The conversation's current handoff, if any. */
  current(conversationId: string): Promise<QueuedHandoff | null>;
  /** Waiting requests, in the order they will be served. */
  waiting(): Promise<QueuedHandoff[]>;
}
