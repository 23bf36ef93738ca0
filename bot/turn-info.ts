import type { TurnContext } from 'botbuilder';
import type { Actor } from '../services/refunds';
import type { Recognition } from '../services/nlu';
import type { Lang, Translate } from './i18n';
import { translator } from './i18n';

// What the edge worked out about this turn, for the dialogs: who the buyer is, the reply language, what the
// text meant. Kept in the turn state, never persisted.

/** What the bot remembers about a conversation between turns (saved with the conversation state). */
export interface ConversationProfile {
  lang?: Lang;
  /** Turns in a row the bot did not understand (two in a row offer a person). */
  notUnderstood: number;
}

export interface TurnInfo {
  actor: Actor;
  profile: ConversationProfile;
  lang: Lang;
  t: Translate;
  recognition: Recognition | null;
  correlationId: string;
}

const KEY = Symbol('refund-desk.turn-info');

export function setTurnInfo(context: TurnContext, info: Omit<TurnInfo, 't'>): TurnInfo {
  const full: TurnInfo = { ...info, t: translator(info.lang) };
  context.turnState.set(KEY, full);
  return full;
}

export function turnInfo(context: TurnContext): TurnInfo {
  const info = context.turnState.get(KEY) as TurnInfo | undefined;
  if (!info) throw new Error('turn info is set by the bot before any dialog runs');
  return info;
}

export function maybeTurnInfo(context: TurnContext): TurnInfo | undefined {
  return context.turnState.get(KEY) as TurnInfo | undefined;
}
