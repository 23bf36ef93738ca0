import type { AuditEntry, RefundCase } from '../../../services/refunds';
import { availableEvents } from '../../../services/refunds';
import { CARRIERS, findCarrier } from '../../../services/logistics';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, facts, heading, submit, text } from '../adaptive';
import { formatMoney } from '../../i18n';
import type { CardContext } from './case-words';
import {
  actorKey,
  arrivalKey,
  closeReasonKey,
  eventKey,
  formatAt,
  nextStepKey,
  paymentMethodKey,
  reasonKey,
  rejectCodeKey,
  statusNameKey,
  typeKey,
} from './case-words';

// One case as the buyer follows it: what it is, where it stands, the deadline and next step, when the money
// arrives, and what happened so far (from the audit trail), with buttons for whatever the buyer can do now.

export interface TimelineInput {
  case: RefundCase;
  audit: AuditEntry[];
  /** The current deadline (scheduleOf), if the status has one. */
  deadline: Date | null;
  /** How long platform review usually takes, for the next-step words. */
  platformReviewHours: number;
  /** The case's units by product title. */
  items?: string[];
}

/** Long trails (reminders, payment retries) would bury the card on a phone: the latest entries are enough. */
export const TIMELINE_MAX_ENTRIES = 12;

export function timelineCard(input: TimelineInput, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  const c = input.case;
  const pairs: [string, string][] = [[t('status.card.order'), c.orderId]];
  if (input.items?.length) pairs.push([t('status.card.items'), input.items.join('; ')]);
  pairs.push(
    [t('status.card.type'), t(typeKey(c.type))],
    [t('status.card.reason'), t(reasonKey(c.reason))],
    [t('status.card.amount'), formatMoney(c.quote.cash, c.quote.currency)],
    [t('status.card.status'), t(statusNameKey(c.status))],
  );
  if (input.deadline) pairs.push([t('status.card.deadline'), formatAt(input.deadline, ctx)]);
  if (c.returnShipment) pairs.push([t('status.card.returnParcel'), `${carrierName(c.returnShipment.carrier, ctx)} ${c.returnShipment.trackingNumber}`]);

  const body: Element[] = [heading(t('status.card.title', { caseId: c.id })), facts(pairs)];
  body.push(text(t('status.card.next'), { weight: 'Bolder', spacing: 'Medium' }), text(nextStep(input, ctx)));
  const money = moneyWords(c, ctx);
  if (money) body.push(text(t('status.card.money'), { weight: 'Bolder', spacing: 'Medium' }), text(money));
  if (c.rating) body.push(text(t('status.card.rated', { stars: c.rating.stars }), { isSubtle: true }));

  body.push(text(t('status.card.history'), { weight: 'Bolder', spacing: 'Medium' }));
  const entries = [...input.audit].sort((a, b) => a.version - b.version);
  const shown = entries.slice(-TIMELINE_MAX_ENTRIES);
  if (entries.length > shown.length) body.push(text(t('status.card.earlier', { count: entries.length - shown.length }), { isSubtle: true, size: 'Small' }));
  for (const entry of shown) body.push(entryElement(entry, ctx));

  return card(body, actionsFor(c, ctx));
}

function nextStep(input: TimelineInput, ctx: CardContext): string {
  const c = input.case;
  return ctx.t(nextStepKey(c.status), {
    deadline: input.deadline ? formatAt(input.deadline, ctx) : '-',
    hours: input.platformReviewHours,
    closeReason: ctx.t(closeReasonKey(c.closeReason)),
  });
}

/** Once the refund is being paid or paid: how much, to which method, and how long that method takes. */
export function moneyWords(c: RefundCase, ctx: CardContext): string | null {
  const { t } = ctx;
  const amount = formatMoney(c.payment?.amount ?? c.quote.cash, c.quote.currency);
  const method = t(paymentMethodKey(c.paymentMethod));
  const arrival = t(arrivalKey(c.paymentMethod));
  if (c.status === 'refunded') {
    const at = formatAt(c.payment?.confirmedAt ?? c.updatedAt, ctx);
    const points = c.payment?.pointsRestored ?? c.quote.pointsRestored;
    const paid = t('status.money.paid', { amount, at, method, arrival });
    return points > 0 ? `${paid} ${t('status.money.points', { points })}` : paid;
  }
  if (c.status === 'refunding' || c.status === 'refund_pending') return t('status.money.paying', { amount, method, arrival });
  return null;
}

function entryElement(entry: AuditEntry, ctx: CardContext): Element {
  const { t } = ctx;
  const items: Element[] = [
    text(formatAt(entry.at, ctx), { isSubtle: true, size: 'Small', spacing: 'None' }),
    text(`**${t(actorKey(entry.actor.role))}** ${t(eventKey(entry))}`, { spacing: 'None' }),
  ];
  const detail = detailOf(entry, ctx);
  if (detail) items.push(text(detail, { isSubtle: true, spacing: 'None' }));
  return container(items, { spacing: 'Small' });
}

function detailOf(entry: AuditEntry, ctx: CardContext): string | null {
  const { t } = ctx;
  const data = entry.data ?? {};
  const parts: string[] = [];
  switch (entry.event) {
    case 'file':
      if (data.fastTrack) parts.push(t('status.event.detail.fastTrack'));
      break;
    case 'merchant_reject':
      parts.push(t(rejectCodeKey(str(data.code))));
      break;
    case 'inspection_failed':
      parts.push(t(rejectCodeKey(str(data.problem))));
      break;
    case 'return_shipped':
    case 'replacement_shipped': {
      const carrier = str(data.carrier);
      const trackingNumber = str(data.trackingNumber);
      if (carrier && trackingNumber) parts.push(t('status.event.detail.tracking', { carrier: carrierName(carrier, ctx), trackingNumber }));
      break;
    }
    case 'payment_confirmed':
      if (typeof data.amount === 'number') parts.push(t('status.event.detail.amount', { amount: formatMoney(data.amount) }));
      break;
    case 'rate':
      if (typeof data.stars === 'number') parts.push(t('status.event.detail.stars', { stars: data.stars }));
      break;
    default:
      break;
  }
  if (entry.remark) parts.push(entry.remark);
  return parts.length > 0 ? parts.join(ctx.lang === 'zh-CN' ? '：' : ': ') : null;
}

/** Buttons for what the buyer may do in this status, as the state table says. */
function actionsFor(c: RefundCase, ctx: CardContext): CardAction[] {
  const { t } = ctx;
  const events = availableEvents(c.status, 'buyer');
  const actions: CardAction[] = [];
  if (events.includes('return_shipped')) actions.push(submit(t('status.action.ship'), { action: 'return_shipping', caseId: c.id }));
  if (events.includes('buyer_escalate')) actions.push(submit(t('status.action.afterRejection'), { action: 'after_rejection', caseId: c.id }));
  if (events.includes('buyer_cancel')) actions.push(submit(t('status.action.cancel'), { action: 'cancel_case', caseId: c.id }));
  if (events.includes('rate') && !c.rating) actions.push(submit(t('status.action.rate'), { action: 'rate', caseId: c.id }));
  return actions;
}

/** A carrier code or alias in the buyer's language; a free-text name ("other" carriers) as given. */
export function carrierName(carrier: string, ctx: Pick<CardContext, 'lang'>): string {
  const code = findCarrier(carrier);
  if (!code) return carrier;
  return ctx.lang === 'zh-CN' ? CARRIERS[code].nameZh : CARRIERS[code].nameEn;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
