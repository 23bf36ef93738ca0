import type { Preview } from '../../../services/refunds';
import type { Lang, MessageKey, Translate } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, facts, heading, submit, text } from '../adaptive';
import { lineTitle } from './lines-card';
import { reasonLabel, typeLabel } from './type-reason-card';

// The quote before filing: what comes back (cash, points, coupon and red packet with the whole order, shipping),
// who pays the return postage, and when the shop must answer (or that the refund is fast-tracked).

export type ChangeOption = 'order' | 'lines' | 'reason' | 'description' | 'evidence';

export interface QuoteCardInput {
  preview: Preview;
  lang: Lang;
  timeZone: string;
  /** Fingerprint of the request shown: Confirm files only this one. */
  print: string;
  changes: ChangeOption[];
  context: Record<string, unknown>;
}

const CHANGE_KEYS: Record<ChangeOption, MessageKey> = {
  order: 'filing.change.order',
  lines: 'filing.change.lines',
  reason: 'filing.change.reason',
  description: 'filing.change.description',
  evidence: 'filing.change.evidence',
};

export function changeButtons(changes: ChangeOption[], context: Record<string, unknown>, t: Translate): CardAction[] {
  return changes.map((what) => submit(t(CHANGE_KEYS[what]), { ...context, step: 'change', what }));
}

/** "What would you like to change?" when the buyer typed "change". */
export function changeMenuCard(changes: ChangeOption[], context: Record<string, unknown>, t: Translate): AdaptiveCard {
  return card([text(t('filing.change.ask'), { weight: 'Bolder' }), { type: 'ActionSet', actions: changeButtons(changes, context, t) }]);
}

export function quoteCard(input: QuoteCardInput, t: Translate): AdaptiveCard {
  const { preview, lang, timeZone } = input;
  const { order, request, quote } = preview;
  const money = (fen: number): string => formatMoney(fen, quote.currency);
  const exchange = request.type === 'exchange';

  const summary: [string, string][] = [
    [t('filing.quote.order'), order.id],
    [t('filing.quote.type'), typeLabel(t, request.type)],
    [t('filing.quote.reason'), reasonLabel(t, request.reason)],
  ];
  if (request.description.trim()) summary.push([t('filing.quote.description'), clip(request.description.trim(), 160)]);
  if (request.evidence.length > 0) summary.push([t('filing.quote.evidence'), t('filing.quote.evidenceCount', { count: request.evidence.length })]);

  const items: [string, string][] = quote.lines.map((line) => {
    const orderLine = order.lines[line.lineIndex];
    const title = orderLine ? lineTitle(orderLine, lang) : `#${line.lineIndex + 1}`;
    return [t('filing.quote.line', { title, quantity: line.units.length }), exchange ? '' : t('filing.quote.lineCash', { cash: money(line.cash) })];
  });

  const body: Element[] = [heading(t('filing.quote.heading')), facts(summary), text(t('filing.quote.items'), { weight: 'Bolder' })];
  body.push(facts(items.map(([a, b]) => [a, b === '' ? '—' : b])));

  if (exchange) {
    body.push(text(t('filing.quote.exchange')));
  } else {
    const paid: [string, string][] = [
      [t('filing.quote.cash'), t('filing.quote.cashTo', { cash: money(quote.cash), method: t(`filing.method.${order.paymentMethod}` as MessageKey) })],
    ];
    if (quote.pointsRestored > 0) paid.push([t('filing.quote.points'), t('filing.quote.pointsValue', { points: quote.pointsRestored })]);
    if (quote.couponReturned > 0) paid.push([t('filing.quote.coupon'), t('filing.quote.returnedToAccount', { amount: money(quote.couponReturned) })]);
    if (quote.redPacketReturned > 0) paid.push([t('filing.quote.redPacket'), t('filing.quote.returnedToAccount', { amount: money(quote.redPacketReturned) })]);
    if (quote.shippingRefunded > 0) paid.push([t('filing.quote.shipping'), money(quote.shippingRefunded)]);
    body.push(container([facts(paid)], { style: 'emphasis', spacing: 'Medium' }));
  }
  if (quote.returnFreightPaidBy) {
    body.push(facts([[t('filing.quote.freight'), t(quote.returnFreightPaidBy === 'merchant' ? 'filing.quote.freight.merchant' : 'filing.quote.freight.buyer')]]));
  }

  if (preview.fastTrack && preview.firstStatus !== 'pending_merchant') {
    body.push(text(t(preview.firstStatus === 'platform_review' ? 'filing.quote.fastTrackReview' : 'filing.quote.fastTrack'), { color: 'Good' }));
  } else if (preview.merchantDeadline) {
    body.push(text(t('filing.quote.deadline', { deadline: formatDateTime(preview.merchantDeadline, lang, timeZone) })));
  }
  if (request.type === 'return_refund') body.push(text(t('filing.quote.returnFirst'), { isSubtle: true, size: 'Small' }));

  const actions: CardAction[] = [
    submit(t('filing.quote.confirm'), { ...input.context, step: 'confirm', choice: 'confirm', print: input.print }, { style: 'positive' }),
  ];
  if (input.changes.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: t('filing.quote.change'),
      card: { type: 'AdaptiveCard', body: [text(t('filing.change.ask'))], actions: changeButtons(input.changes, input.context, t) },
    });
  }
  actions.push(submit(t('filing.quote.cancel'), { ...input.context, step: 'confirm', choice: 'cancel' }, { style: 'destructive' }));
  return card(body, actions);
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
