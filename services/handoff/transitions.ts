import type {
  CardError,
  EndError,
  FocusError,
  HandoffAgent,
  HandoffParty,
  LeftMessage,
  MessageError,
  QueuedHandoff,
  TakeError,
  TranscriptLine,
} from './handoff-queue';
import { TAKEABLE } from './handoff-queue';

// How a handoff moves on, as pure functions of its current record. Both stores apply them the same way: the
// in-memory one directly, the Redis one inside a compare-and-set (so of two racing changes one wins and the
// other is computed again from what the winner wrote).

/** `changed: false`: nothing to write (a repeated click); the record is returned as it is. */
export type Change<E> = { ok: true; next: QueuedHandoff; changed: boolean } | { ok: false; error: E };

const unchanged = <E>(h: QueuedHandoff): Change<E> => ({ ok: true, next: h, changed: false });
const changed = <E>(next: QueuedHandoff): Change<E> => ({ ok: true, next, changed: true });

/**
 * Orders an agent's choices of buyer: microseconds of the time, raised to stay ahead of the last one this process
 * gave, so choices within one millisecond (or under a stopped clock) still come in order.
 */
let lastFocus = 0;
function nextFocus(now: Date): number {
  lastFocus = Math.max(lastFocus + 1, now.getTime() * 1000);
  return lastFocus;
}

export function takeChange(h: QueuedHandoff, agent: HandoffAgent, now: Date): Change<TakeError> {
  if (h.status === 'assigned' && h.agent) {
    if (h.agent.id === agent.id) return unchanged(h);
    return { ok: false, error: { kind: 'taken', by: h.agent, at: h.takenAt ?? now.toISOString(), handoff: h } };
  }
  if (!TAKEABLE.includes(h.status)) return { ok: false, error: { kind: 'closed', handoff: h } };
  const at = now.toISOString();
  return changed({ ...h, status: 'assigned', agent: { ...agent }, takenAt: at, focusAt: at, focusOrder: nextFocus(now) });
}

export function endChange(h: QueuedHandoff, by: HandoffParty, now: Date): Change<EndError> {
  if (h.status === 'closed') return { ok: false, error: { kind: 'already_ended', handoff: h } };
  return changed({ ...h, status: 'closed', endedAt: now.toISOString(), endedBy: { ...by } });
}

export function offerMessageChange(h: QueuedHandoff, now: Date): Change<MessageError> {
  if (h.status === 'awaiting_message') return unchanged(h);
  if (h.status !== 'queued') return { ok: false, error: { kind: 'not_waiting', handoff: h } };
  return changed({ ...h, status: 'awaiting_message', offeredAt: now.toISOString() });
}

export function leaveMessageChange(h: QueuedHandoff, message: LeftMessage): Change<MessageError> {
  if (h.status !== 'awaiting_message') return { ok: false, error: { kind: 'not_waiting', handoff: h } };
  return changed({ ...h, status: 'left_message', message: structuredClone(message) });
}

export function focusChange(h: QueuedHandoff, agentId: string, now: Date): Change<FocusError> {
  if (h.status !== 'assigned' || h.agent?.id !== agentId) return { ok: false, error: { kind: 'not_yours', handoff: h } };
  return changed({ ...h, focusAt: now.toISOString(), focusOrder: nextFocus(now) });
}

export function claimCardChange(h: QueuedHandoff, now: Date, staleMs: number): Change<CardError> {
  const claimFresh = h.cardClaimedAt !== undefined && now.getTime() - Date.parse(h.cardClaimedAt) < staleMs;
  if (h.card || claimFresh) return { ok: false, error: { kind: 'claimed', handoff: h } };
  return changed({ ...h, cardClaimedAt: now.toISOString() });
}

export function recordCardChange(h: QueuedHandoff, card: { conversationId: string; activityId: string } | null): Change<{ kind: 'not_found' }> {
  const { cardClaimedAt: _released, ...rest } = h;
  return changed(card ? { ...rest, card: { ...card } } : rest);
}

/** An agent's handoffs, the one in focus last first. */
export function byFocus(a: QueuedHandoff, b: QueuedHandoff): number {
  return (b.focusOrder ?? 0) - (a.focusOrder ?? 0) || (b.focusAt ?? b.takenAt ?? '').localeCompare(a.focusAt ?? a.takenAt ?? '');
}

/** The latest `keep` lines of a transcript. */
export function keepLatest(lines: readonly TranscriptLine[], keep: number): TranscriptLine[] {
  return lines.slice(Math.max(0, lines.length - keep)).map((l) => structuredClone(l));
}
