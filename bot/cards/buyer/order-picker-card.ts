import type { Lang, Translate } from '../../i18n';
import { formatDate } from '../../i18n';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, container, heading, submit, text } from '../adaptive';

// The buyer's recent orders, newest first, each with what it can still be used for, and a button to pick it.

export type PickerNote =
  | { kind: 'not_paid' }
  | { kind: 'refunded' }
  | { kind: 'in_case'; caseIds: string[] }
  | { kind: 'not_shipped' }
  | { kind: 'in_transit'; promisedBy?: string; late: boolean }
  | { kind: 'delivered'; deliveredAt: string; noReasonUntil?: string };

export interface OrderChoice {
  orderId: string;
  /** Product titles, in the buyer's language. */
  titles: string[];
  placedAt?: string;
  notes: PickerNote[];
  /** Some units are in an open case but others are free. */
  partlyInCase?: boolean;
}

export interface OrderPickerInput {
  intro?: string;
  orders: OrderChoice[];
  context: Record<string, unknown>;
  lang: Lang;
  timeZone: string;
}

export function pickerNoteText(note: PickerNote, partly: boolean, t: Translate, lang: Lang, timeZone: string): string {
  const date = (iso: string): string => formatDate(iso, lang, timeZone);
  switch (note.kind) {
    case 'not_paid':
      return t('filing.picker.note.notPaid');
    case 'refunded':
      return t('filing.picker.note.refunded');
    case 'in_case':
      return t(partly ? 'filing.picker.note.partlyInCase' : 'filing.picker.note.inCase', { caseIds: note.caseIds.join(', ') });
    case 'not_shipped':
      return t('filing.picker.note.notShipped');
    case 'in_transit':
      if (!note.promisedBy) return t('filing.picker.note.inTransitNoDate');
      return t(note.late ? 'filing.picker.note.late' : 'filing.picker.note.inTransit', { date: date(note.promisedBy) });
    case 'delivered':
      return note.noReasonUntil
        ? t('filing.picker.note.noReason', { delivered: date(note.deliveredAt), until: date(note.noReasonUntil) })
        : t('filing.picker.note.delivered', { delivered: date(note.deliveredAt) });
    default: {
      const unknown: never = note;
      throw new Error(`unknown picker note ${JSON.stringify(unknown)}`);
    }
  }
}

export function orderPickerCard(input: OrderPickerInput, t: Translate): AdaptiveCard {
  const { lang, timeZone } = input;
  const body: Element[] = [heading(t('filing.picker.heading'))];
  if (input.intro) body.push(text(input.intro));
  input.orders.forEach((order, position) => {
    const [first, ...rest] = order.titles;
    const title = rest.length > 0 ? t('filing.picker.moreItems', { title: first ?? '', count: order.titles.length }) : (first ?? '');
    const items: Element[] = [
      text(`${position + 1}. ${order.orderId}`, { weight: 'Bolder' }),
      text(title, { spacing: 'None' }),
    ];
    if (order.placedAt) items.push(text(t('filing.picker.placed', { date: formatDate(order.placedAt, lang, timeZone) }), { isSubtle: true, spacing: 'None' }));
    for (const note of order.notes) {
      items.push(text(pickerNoteText(note, order.partlyInCase ?? false, t, lang, timeZone), { isSubtle: true, spacing: 'None', size: 'Small' }));
    }
    items.push({
      type: 'ActionSet',
      actions: [submit(t('filing.picker.choose', { orderId: order.orderId }), { ...input.context, step: 'order', orderId: order.orderId })],
    });
    body.push(container(items, { separator: true, spacing: 'Medium' }));
  });
  return card(body);
}
