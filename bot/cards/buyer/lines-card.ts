import type { Lang, Translate } from '../../i18n';
import { formatMoney } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, heading, submit, text } from '../adaptive';

// Which lines of the order, and how many of each: one number input per line that can still be claimed, so a
// phone shows a short list; typed answers ("2", "第二个 1件") work as well.

export interface TitledLine {
  title: string;
  titleEn?: string | undefined;
}

/** The product title in the buyer's language: the shop's own wording, or its English title for English readers. */
export function lineTitle(line: TitledLine, lang: Lang): string {
  return lang === 'en-US' && line.titleEn ? line.titleEn : line.title;
}

export interface LineRow {
  lineIndex: number;
  title: string;
  unitPrice: number;
  quantity: number;
  /** Units still claimable. */
  free: number;
  currency?: string;
}

export interface LinesCardInput {
  orderId: string;
  lines: LineRow[];
  /** Fields every submit carries (action, mode, orderId). */
  context: Record<string, unknown>;
  /** Quantities to start with, by line index. */
  preset?: Record<number, number>;
}

export function linesCard(input: LinesCardInput, t: Translate): AdaptiveCard {
  const rows: Element[] = input.lines.map((line, position) => {
    const items: Element[] = [
      text(`${position + 1}. ${line.title}`, { weight: 'Bolder' }),
      text(t('filing.lines.unitPrice', { price: formatMoney(line.unitPrice, line.currency), quantity: line.quantity }), {
        isSubtle: true,
        spacing: 'None',
      }),
    ];
    if (line.free > 0) {
      items.push({
        type: 'Input.Number',
        id: `qty_${line.lineIndex}`,
        label: t('filing.lines.quantityLabel', { max: line.free }),
        min: 0,
        max: line.free,
        value: Math.min(line.free, input.preset?.[line.lineIndex] ?? 0),
      });
    } else {
      items.push(text(t('filing.lines.taken'), { isSubtle: true, color: 'Attention', spacing: 'None' }));
    }
    return container(items, { separator: position > 0, spacing: 'Medium' });
  });
  const claimable = input.lines.filter((l) => l.free > 0);
  const all: Record<string, unknown> = { ...input.context, step: 'lines' };
  for (const line of claimable) all[`qty_${line.lineIndex}`] = line.free;
  const actions: CardAction[] = [submit(t('filing.lines.continue'), { ...input.context, step: 'lines' }, { style: 'positive' })];
  if (claimable.length > 1 || claimable.some((l) => l.free > 1)) {
    actions.push(submit(t('filing.lines.all'), all, { associatedInputs: 'none' }));
  }
  return card([heading(t('filing.lines.heading', { orderId: input.orderId })), text(t('filing.lines.hint'), { isSubtle: true }), ...rows], actions);
}

/** "How many?" for one line: a button per quantity (up to ten; more can be typed). */
export function quantityCard(input: { title: string; max: number; lineIndex: number; context: Record<string, unknown> }, t: Translate): AdaptiveCard {
  const shown = Math.min(input.max, 10);
  const buttons = Array.from({ length: shown }, (_, i) =>
    submit(String(i + 1), { ...input.context, step: 'quantity', lineIndex: input.lineIndex, quantity: i + 1 }),
  );
  return card([text(t('filing.quantity.ask', { title: input.title, max: input.max }), { weight: 'Bolder' }), { type: 'ActionSet', actions: buttons }]);
}
