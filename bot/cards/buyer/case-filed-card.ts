import type { RefundCase } from '../../../services/refunds';
import type { Lang, MessageKey, Translate } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, facts, heading, submit, text } from '../adaptive';
import { reasonLabel, typeLabel } from './type-reason-card';

// The filed case: its number, where it stands in words, what happens next and by when.

export interface CaseFiledInput {
  filed: RefundCase;
  /** The current deadline of the case (or its first alert), when it has one. */
  deadline: string | null;
  /** The answer repeats an earlier filing of the same request. */
  replayed: boolean;
  lang: Lang;
  timeZone: string;
}

export function statusLabel(t: Translate, status: RefundCase['status']): string {
  return t(`filing.status.${status}` as MessageKey);
}

export function nextStepText(t: Translate, c: RefundCase, deadline: string | null, lang: Lang, timeZone: string): string {
  const when = deadline ? formatDateTime(deadline, lang, timeZone) : '';
  const cash = formatMoney(c.quote.cash, c.quote.currency);
  const method = t(`filing.method.${c.paymentMethod}` as MessageKey);
  switch (c.status) {
    case 'pending_merchant':
      return when ? t('filing.filed.next.pending_merchant', { deadline: when }) : t('filing.filed.next.other');
    case 'platform_review':
      return when ? t('filing.filed.next.platform_review', { deadline: when }) : t('filing.filed.next.other');
    case 'refund_pending':
    case 'refunding':
    case 'refunded':
      return t('filing.filed.next.refund', { cash, method });
    case 'awaiting_return_shipment':
      return when ? t('filing.filed.next.return', { deadline: when }) : t('filing.filed.next.other');
    case 'merchant_rejected':
    case 'return_in_transit':
    case 'return_received':
    case 'exchange_shipping':
    case 'refund_failed':
    case 'exchanged':
    case 'closed':
      return t('filing.filed.next.other');
    default: {
      const unknown: never = c.status;
      throw new Error(`unknown status ${String(unknown)}`);
    }
  }
}

export function caseFiledCard(input: CaseFiledInput, t: Translate): AdaptiveCard {
  const c = input.filed;
  const rows: [string, string][] = [
    [t('filing.filed.caseId'), c.id],
    [t('filing.filed.status'), statusLabel(t, c.status)],
    [t('filing.quote.order'), c.orderId],
    [t('filing.quote.type'), typeLabel(t, c.type)],
    [t('filing.quote.reason'), reasonLabel(t, c.reason)],
  ];
  if (c.type !== 'exchange') rows.push([t('filing.filed.cash'), formatMoney(c.quote.cash, c.quote.currency)]);
  if (c.quote.pointsRestored > 0) rows.push([t('filing.quote.points'), t('filing.quote.pointsValue', { points: c.quote.pointsRestored })]);
  const body: Element[] = [heading(t('filing.filed.heading', { caseId: c.id })), facts(rows)];
  if (input.replayed) body.push(text(t('filing.filed.alreadyFiled'), { isSubtle: true }));
  body.push(text(nextStepText(t, c, input.deadline, input.lang, input.timeZone), { weight: 'Bolder' }));
  if (c.fastTrack === 'before_shipment') body.push(text(t(c.interceptionFailed ? 'filing.filed.interceptionFailed' : 'filing.filed.cancelNote'), { isSubtle: true }));
  return card(body, [
    submit(t('filing.filed.checkStatus'), { action: 'case_status', caseId: c.id }),
    submit(t('filing.filed.human'), { action: 'human', caseId: c.id }),
  ]);
}
