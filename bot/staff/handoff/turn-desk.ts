import type { TurnContext } from 'botbuilder';
import type { HandoffRequest, QueuedHandoff } from '../../../services/handoff';

// How the buyer's "talk to a person" flow reaches the handoff desk: the desk hands itself to each buyer turn it
// lets through to the dialogs (in the turn state), and the dialog words what came of the request. A turn
// without a desk (a bot wired without the staff side) still queues the request itself.

export type HandoffOutcome =
  /** Waiting for an agent: the buyer's place and the expected wait. */
  | { kind: 'queued'; handoff: QueuedHandoff; position: number; alreadyQueued: boolean; waitMinutes: number }
  /** A person already owns the conversation. */
  | { kind: 'owned'; handoff: QueuedHandoff; agentName: string }
  /**
   * No agent can take it now: the buyer may leave a message. `open`: the desk is open but nobody was free (an
   * answer comes by `at`, its closing time); else it is closed and opens at `at`.
   */
  | { kind: 'leave_message'; handoff: QueuedHandoff; hours: string; open: boolean; at: string }
  /** The buyer left a message already. */
  | { kind: 'message_left'; handoff: QueuedHandoff }
  /** Handed to the contact centre (handoff protocol): it tells the buyer when someone accepts. */
  | { kind: 'contact_centre'; handoff: QueuedHandoff };

export interface TurnHandoffDesk {
  /** Queues the buyer of this turn for a person (or reports where an earlier request stands). */
  request(request: HandoffRequest): Promise<HandoffOutcome>;
}

const KEY = Symbol('refund-desk.handoff-desk');

export function provideHandoffDesk(context: TurnContext, desk: TurnHandoffDesk): void {
  context.turnState.set(KEY, desk);
}

export function handoffDeskOf(context: TurnContext): TurnHandoffDesk | undefined {
  return context.turnState.get(KEY) as TurnHandoffDesk | undefined;
}
