import type { Lang } from '../../../bot/i18n';
import { translator } from '../../../bot/i18n';
import { cardErrors } from '../../support/card-schema';

// Shared by the filing card tests: both languages, schema check, and all visible text of a card.

export const LANGS: Lang[] = ['zh-CN', 'en-US'];
export const TZ = 'Asia/Shanghai';
export const tr = (lang: Lang) => translator(lang);

export function expectValid(card: unknown): void {
  expect(cardErrors(card)).toEqual([]);
}

/** Every text, title and fact of a card, one per line. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'label', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

export function submits(card: unknown): { title: string; data: Record<string, unknown> }[] {
  const out: { title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Submit') out.push({ title: o.title as string, data: o.data as Record<string, unknown> });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** No `{placeholder}` left unfilled. */
export const unfilled = (s: string): string[] => s.match(/\{\w+\}/g) ?? [];
