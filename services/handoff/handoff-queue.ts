// A buyer's request for a person, queued for the CS desk. Ordered by priority, then time. Once an agent takes
// it, the agent owns the buyer's conversation (the bot stays quiet there) until the agent hands it back.

export type HandoffReason =
  | 'buyer_asked'
  | 'not_understood'
  | 'escalated_after_rejection'
  | 'payment_failed'
  | 'quality_complaint'
  | 'frustration';

export const HANDOFF_REASONS: readonly HandoffReason[] = [
  'buyer_asked',
  'not_understood',
  'escalated_after_rejection',
  'payment_failed',
  'quality_complaint',
  'frustration',
];

export type HandoffLanguage = 'zh-CN' | 'en-US';

/** A file that went through the relay: its URL is passed on as it came (no copy is made). */
export interface TranscriptAttachment {
  url: string;
  contentType?: string;
  name?: string;
}

/** One line of the conversation, masked of personal data before it is stored. */
export interface TranscriptLine {
  from: 'buyer' | 'bot' | 'agent';
  text: string;
  at: string;
  attachments?: TranscriptAttachment[];
}

/** Where a conversation can be reached: a Bot Framework conversation reference, kept as plain JSON. */
export type ConversationAddress = Record<string, unknown>;

export interface HandoffRequest {
  buyerId: string;
  conversationId: string;
  reason: HandoffReason;
  priority: 'high' | 'normal';
  caseId?: string;
  orderId?: string;
  language: HandoffLanguage;
  /** The last few turns, for the agent (already masked of personal data where it matters). */
  transcript: TranscriptLine[];
  /** Where to reach the buyer's conversation while a person talks there. */
  reference?: ConversationAddress;
}

export const HANDOFF_STATUSES = ['queued', 'assigned', 'awaiting_message', 'left_message', 'closed'] as const;
/**
 * queued: waiting for an agent; assigned: an agent owns the conversation; awaiting_message: no agent could take
 * it (closed hours or waited too long) and the buyer was offered to leave a message; left_message: the buyer
 * left one, for the desk to answer later; closed: handed back to the bot (or withdrawn).
 */
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];

/** Statuses an agent can take a handoff from. */
export const TAKEABLE: readonly HandoffStatus[] = ['queued', 'awaiting_message', 'left_message'];

export interface HandoffAgent {
  /** The agent's aadObjectId (or Teams user id). */
  id: string;
  name: string;
  /** The agent's chat with the bot, where the buyer's messages are relayed. */
  conversationId?: string;
  reference?: ConversationAddress;
  language?: HandoffLanguage;
}

/** Who ended a handoff. */
export interface HandoffParty {
  role: 'cs' | 'buyer' | 'system';
  id: string;
  name?: string;
}

export interface LeftMessage {
  text: string;
  at: string;
  attachments?: TranscriptAttachment[];
}

export interface QueuedHandoff extends HandoffRequest {
  id: string;
  queuedAt: string;
  status: HandoffStatus;
  agent?: HandoffAgent;
  takenAt?: string;
  /** When the agent last chose to talk to this buyer (an agent with several buyers talks to the latest). */
  focusAt?: string;
  /** The order of the agent's choices (several may fall in one millisecond). */
  focusOrder?: number;
  /** When the buyer was offered to leave a message. */
  offeredAt?: string;
  message?: LeftMessage;
  endedAt?: string;
  endedBy?: HandoffParty;
  /** The card posted to the CS channel, to be updated as the handoff moves on. */
  card?: { conversationId: string; activityId: string };
  /** An instance is posting the card (so two instances do not both post it). */
  cardClaimedAt?: string;
}

export type EnqueueResult = { ok: true; value: { handoff: QueuedHandoff; position: number; alreadyQueued: boolean } };

export type HandoffResult<E extends { kind: string }> = { ok: true; value: QueuedHandoff } | { ok: false; error: E };

export type TakeError =
  | { kind: 'not_found' }
  /** Another agent was first: who and when. */
  | { kind: 'taken'; by: HandoffAgent; at: string; handoff: QueuedHandoff }
  | { kind: 'closed'; handoff: QueuedHandoff };

export type EndError = { kind: 'not_found' } | { kind: 'already_ended'; handoff: QueuedHandoff };

export type MessageError = { kind: 'not_found' } | { kind: 'not_waiting'; handoff: QueuedHandoff };

export type FocusError = { kind: 'not_found' } | { kind: 'not_yours'; handoff: QueuedHandoff };

export type CardError = { kind: 'not_found' } | { kind: 'claimed'; handoff: QueuedHandoff };

export interface HandoffQueue {
  /** Queues the request; a conversation already waiting keeps its place (and gets its position back). */
  enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult>;
  /** 1-based place in the queue of the conversation's waiting request, or null. */
  position(conversationId: string): Promise<number | null>;
  /** The conversation's current handoff, if any. */
  current(conversationId: string): Promise<QueuedHandoff | null>;
  /** Waiting requests, in the order they will be served. */
  waiting(): Promise<QueuedHandoff[]>;
  get(handoffId: string): Promise<QueuedHandoff | null>;

  /**
   * Assigns the handoff to the agent. Of racing takes exactly one wins; the others get `taken` with the winner.
   * The winner taking it again gets it again (a repeated click).
   */
  take(handoffId: string, agent: HandoffAgent, now: Date): Promise<HandoffResult<TakeError>>;
  /** Hands the conversation back to the bot (or withdraws a request that was never taken). */
  end(handoffId: string, by: HandoffParty, now: Date): Promise<HandoffResult<EndError>>;
  /** No agent can take it now: the buyer is offered to leave a message (the request leaves the queue). */
  offerMessage(handoffId: string, now: Date): Promise<HandoffResult<MessageError>>;
  /** The buyer's message for the desk, after `offerMessage`. */
  leaveMessage(handoffId: string, message: LeftMessage): Promise<HandoffResult<MessageError>>;
  /** The agent's typed messages go to this buyer from now on. */
  focus(handoffId: string, agentId: string, now: Date): Promise<HandoffResult<FocusError>>;
  /**
   * Claims the right to post the handoff's CS channel card: granted when no card was posted and no other claim
   * is younger than `staleMs`.
   */
  claimCard(handoffId: string, now: Date, staleMs: number): Promise<HandoffResult<CardError>>;
  /** Records the posted card (the claim is released). */
  recordCard(handoffId: string, card: { conversationId: string; activityId: string } | null): Promise<HandoffResult<{ kind: 'not_found' }>>;
  /** Handoffs an agent owns whose relay runs in this agent conversation, the one in focus last. */
  byAgentConversation(agentConversationId: string): Promise<QueuedHandoff[]>;

  /**
   * Appends lines to the conversation's transcript (the latest `keep` are kept) and returns the conversation's
   * current handoff: one call per buyer turn.
   */
  record(conversationId: string, lines: readonly TranscriptLine[], keep?: number): Promise<QueuedHandoff | null>;
  /** The conversation's transcript, oldest first. */
  transcript(conversationId: string): Promise<TranscriptLine[]>;
  /**
   * For a caller that reads and writes this store's keys together with its own, holding the conversation's lock
   * (a buyer's turn): which keys to read as the turn starts, the conversation's handoff from what was read, and
   * the write that keeps the turn's lines, to make as the turn ends. So a plain buyer turn costs the store no
   * round trip of its own. Null for a store with no keys to share (in memory): use `record`.
   */
  turnState(conversationId: string): TurnState | null;
}

export interface TurnState {
  /** Keys to read as the turn starts, in this order. */
  keys: readonly string[];
  /** The conversation's handoff, from the values read. */
  handoff(values: readonly (string | null)[]): QueuedHandoff | null;
  /** The write that adds the turn's lines to the transcript that was read (the latest `keep` are kept). */
  write(values: readonly (string | null)[], lines: readonly TranscriptLine[], keep?: number): { key: string; value: string; ttlMs: number };
}

/** Lines kept per conversation by default: enough for the agent to see how it came to this. */
export const TRANSCRIPT_KEEP = 20;

/** Whether a person owns the conversation now (the bot then says nothing of its own there). */
export async function conversationOwned(queue: Pick<HandoffQueue, 'current'>, conversationId: string): Promise<boolean> {
  return (await queue.current(conversationId))?.status === 'assigned';
}
