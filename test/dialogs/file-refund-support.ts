import type { Activity } from 'botbuilder';
import { samples } from '../services/evidence/sample-files';
import type { SentTurn } from '../support/bot-http';
import { BotConversation, textOf } from '../support/bot-http';
import { expectValidCards } from '../support/card-schema';

// Helpers for the filing transcripts: click what a card actually offers, send files as data URLs, read the cards.

export const dataUrl = (mediaType: string, bytes: Buffer): string => `data:${mediaType};base64,${bytes.toString('base64')}`;

export const pngFile = (name = 'broken.png') => ({ contentType: 'image/png', contentUrl: dataUrl('image/png', samples.png()), name });

/** An .exe renamed .jpg and announced as a JPEG: the bytes decide. */
export const fakeJpeg = (name = 'photo.jpg') => ({
  contentType: 'image/jpeg',
  contentUrl: dataUrl('image/jpeg', Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(200, 0x90)])),
  name,
});

/** A conversation whose every reply is checked: answered (200) and every card valid against the 1.5 schema. */
export class CheckedConversation extends BotConversation {
  override async post(activity: Partial<Activity>): Promise<SentTurn> {
    const turn = await super.post(activity);
    expect(turn.status).toBe(200);
    expectValidCards(turn.replies as { attachments?: { contentType?: string; content?: unknown }[] }[]);
    return turn;
  }
}

/** Every card in the turn's replies, each validated against the Adaptive Cards 1.5 schema. */
export function cards(turn: SentTurn): Record<string, unknown>[] {
  expect(turn.status).toBe(200);
  return expectValidCards(turn.replies as { attachments?: { contentType?: string; content?: unknown }[] }[]) as Record<string, unknown>[];
}

/** All text a buyer sees, card facts included. */
export function seen(turn: SentTurn): string {
  const facts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'FactSet' && Array.isArray(o.facts)) for (const f of o.facts as { title: string; value: string }[]) facts.push(`${f.title}: ${f.value}`);
    Object.values(o).forEach(walk);
  };
  walk(cards(turn));
  return [textOf(turn.replies), ...facts].join('\n');
}

/** The data of the Action.Submit titled `title` on any card of the turn (nested show-cards included). */
export function buttonData(turn: SentTurn, title: string | RegExp, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit' && typeof o.title === 'string' && (typeof title === 'string' ? o.title === title : title.test(o.title))) {
      found.push(o.data as Record<string, unknown>);
    }
    Object.values(o).forEach(walk);
  };
  walk(cards(turn));
  if (found.length === 0) throw new Error(`no button "${String(title)}" in:\n${seen(turn)}`);
  return { ...found[0]!, ...inputs };
}

export function buttonTitles(turn: SentTurn): string[] {
  const titles: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') titles.push(o.title);
    Object.values(o).forEach(walk);
  };
  walk(cards(turn));
  return titles;
}

export function suggested(turn: SentTurn): string[] {
  return turn.replies.flatMap((r: Partial<Activity>) => (r.suggestedActions?.actions ?? []).map((a) => String(a.title)));
}
