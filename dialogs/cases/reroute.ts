import type { TurnContext } from 'botbuilder';
import type { Recognition } from '../../services/nlu';
import type { Reply } from '../prompts/reply-prompt';

// When a reply to a case flow's question is clearly about something else (a click on another flow's card, or
// words with another clear intent), the flow ends with this result and the main dialog routes the same message
// afresh, so nothing the buyer said is lost. At most once per turn, so routing can never loop.

export interface Reroute {
  reroute: true;
}

const KEY = Symbol('refund-desk.rerouted');

export function isReroute(result: unknown): result is Reroute {
  return typeof result === 'object' && result !== null && (result as { reroute?: unknown }).reroute === true;
}

/** The reroute result, or null when this turn was already rerouted once. */
export function reroute(context: TurnContext): Reroute | null {
  if (context.turnState.get(KEY)) return null;
  context.turnState.set(KEY, true);
  return { reroute: true };
}

/** Intents that never mean "something else" inside a case flow (they are answers, or this flow's own topic). */
const ANSWERS = new Set(['other', 'confirm', 'deny', 'rate']);

/** Whether the reply belongs to another flow: another card's action, or text with another clear intent. */
export function belongsElsewhere(reply: Reply | undefined, recognition: Recognition | null, ownAction: string, ownIntents: readonly string[] = []): boolean {
  const action = reply?.value?.action;
  if (typeof action === 'string') return action !== ownAction;
  if (!recognition || !reply?.text) return false;
  if (ANSWERS.has(recognition.intent) || ownIntents.includes(recognition.intent)) return false;
  return recognition.confidence >= 0.6;
}

/** Passed up unchanged by a flow whose inner dialog already decided to hand the message back. */
export const REROUTE: Reroute = { reroute: true };
