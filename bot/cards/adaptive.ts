import type { Attachment } from 'botbuilder';
import { CardFactory } from 'botbuilder';

// Small typed helpers for Adaptive Cards 1.5. Buyer cards use Action.Submit (Web Chat does not support
// Action.Execute); every submit carries `action` naming the flow it belongs to, so a click works whether or not
// the flow that drew the card is still waiting.

export type Element = Record<string, unknown> & { type: string };
export type CardAction = Record<string, unknown> & { type: string; title: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: Element[];
  actions?: CardAction[];
  [key: string]: unknown;
}

export function card(body: Element[], actions: CardAction[] = [], extra: Record<string, unknown> = {}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  };
}

export function text(value: string, options: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function heading(value: string): Element {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

export function facts(pairs: [string, string][]): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}

export function container(items: Element[], options: Record<string, unknown> = {}): Element {
  return { type: 'Container', items, ...options };
}

export function submit(title: string, data: Record<string, unknown>, options: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Submit', title, data, ...options };
}

export function attachment(c: AdaptiveCard): Attachment {
  return CardFactory.adaptiveCard(c);
}
