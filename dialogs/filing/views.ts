import type { AdaptiveCard } from '../../bot/cards/adaptive';
import type { LineRow } from '../../bot/cards/buyer/lines-card';
import { lineTitle } from '../../bot/cards/buyer/lines-card';
import type { OrderChoice } from '../../bot/cards/buyer/order-picker-card';
import type { ChangeOption } from '../../bot/cards/buyer/quote-card';
import { reasonCard } from '../../bot/cards/buyer/type-reason-card';
import type { Lang, Translate } from '../../bot/i18n';
import { formatDate, formatDateTime } from '../../bot/i18n';
import type { Order, ReasonCode } from '../../services/refunds';
import { evidenceNeeded } from '../../services/refunds';
import type { FilingDraft } from './draft';
import type { OrderFacts } from './order-facts';
import { offeredReasons, pickerNotes } from './order-facts';

// What the filing dialog shows, built from the order's facts: picker entries, line rows, the parcel's story and
// the changes the quote card offers. Pure: the dialog sends them.

export interface Wording {
  t: Translate;
  lang: Lang;
  timeZone: string;
}

export function orderChoice(facts: OrderFacts, lang: Lang): OrderChoice {
  const { order } = facts;
  return {
    orderId: order.id,
    titles: order.lines.map((l) => lineTitle(l, lang)),
    ...(order.paidAt ? { placedAt: order.paidAt } : {}),
    notes: pickerNotes(facts),
    partlyInCase: facts.openCaseIds.length > 0 && !facts.nothingFree,
  };
}

export function lineRows(facts: OrderFacts, lang: Lang): LineRow[] {
  return facts.order.lines.map((l) => ({
    lineIndex: l.index,
    title: lineTitle(l, lang),
    unitPrice: l.unitPrice,
    quantity: l.quantity,
    free: facts.free[l.index]!,
    currency: facts.order.currency,
  }));
}

export interface ParcelView {
  card: AdaptiveCard;
  /** The refund reasons the card offers (late, not received), in its order. */
  reasons: ReasonCode[];
  /** Nothing to claim yet (the parcel is not late): the card says when to expect it and the flow ends. */
  final: boolean;
}

/** A late or lost parcel: what is known (shipped, carrier, promised, delivered) and what can be claimed now. */
export function parcelView(facts: OrderFacts, context: Record<string, unknown>, w: Wording): ParcelView {
  const { order } = facts;
  const { t } = w;
  const date = (iso: string): string => formatDateTime(iso, w.lang, w.timeZone);
  const heading = t('filing.delivery.heading', { orderId: order.id });
  if (facts.shipping === 'not_shipped') {
    const paid = order.paidAt ? formatDate(order.paidAt, w.lang, w.timeZone) : '-';
    const card = reasonCard(
      { heading, intro: t('filing.delivery.notShipped', { orderId: order.id, date: paid }), reasons: [], context, extras: ['cancel_order', 'wait', 'human'] },
      t,
    );
    return { card, reasons: [], final: false };
  }
  const rows: [string, string][] = [];
  if (order.shippedAt) rows.push([t('filing.delivery.shipped'), date(order.shippedAt)]);
  if (order.carrier || order.trackingNumber) rows.push([t('filing.delivery.carrier'), [order.carrier, order.trackingNumber].filter(Boolean).join(' ')]);
  if (order.promisedDeliveryBy) rows.push([t('filing.delivery.promised'), date(order.promisedDeliveryBy)]);
  if (order.deliveredAt) rows.push([t('filing.delivery.delivered'), date(order.deliveredAt)]);

  if (facts.shipping === 'in_transit' && order.promisedDeliveryBy && !facts.late) {
    const intro = t('filing.delivery.expect', { date: date(order.promisedDeliveryBy) });
    return { card: reasonCard({ heading, facts: rows, intro, reasons: [], context, extras: ['human'] }, t), reasons: [], final: true };
  }
  const reasons = offeredReasons(facts).filter((r) => r === 'logistics_delay' || r === 'not_received');
  const delivered = facts.shipping === 'delivered';
  const intro = delivered
    ? t('filing.delivery.deliveredQuestion', { date: date(order.deliveredAt!) })
    : t(facts.late ? 'filing.delivery.late' : 'filing.delivery.noPromise');
  const card = reasonCard(
    {
      heading,
      facts: rows,
      intro,
      reasons,
      type: 'refund_only',
      context: { ...context, mode: 'delivery' },
      extras: delivered ? ['return_instead', 'human'] : ['wait', 'human'],
    },
    t,
  );
  return { card, reasons, final: false };
}

/** What the quote card lets the buyer change: only what was a choice for this request. */
export function changeOptions(draft: FilingDraft, facts: OrderFacts | null, order: Order | null = facts?.order ?? null): ChangeOption[] {
  const options: ChangeOption[] = ['order'];
  const claimable = facts ? facts.free.filter((n) => n > 0).length : 0;
  if (claimable > 1 || (facts?.free.some((n) => n > 1) ?? false)) options.push('lines');
  if (draft.mode === 'refund') options.push('reason', 'description');
  if (order && draft.reason && (evidenceNeeded(draft.reason, order) !== 'none' || draft.evidence.length > 0)) options.push('evidence');
  return options;
}
