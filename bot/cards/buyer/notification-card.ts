import type { BuyerNotification, NextStep } from '../../proactive/buyer-notifications';
import type { Lang, MessageKey, Translate } from '../../i18n';
import { formatDateTime, formatMoney } from '../../i18n';
import type { PaymentMethod, ReturnAddress } from '../../../services/refunds';
import { MERCHANT_REJECT_CODES } from '../../../services/refunds';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, facts, heading, submit, text } from '../adaptive';

// What a proactive message to the buyer looks like: the whole story as text (complete on its own, for
// notifications and channels without cards), plus a card when there is something to do: buttons that start the
// right flow (each carries `action` and the case id) and the return address to copy.

export interface NotificationView {
  t: Translate;
  lang: Lang;
  timeZone: string;
}

export interface NotificationMessage {
  text: string;
  card: AdaptiveCard | null;
}

export function notificationMessage(n: BuyerNotification, view: NotificationView): NotificationMessage {
  const { t } = view;
  const when = (iso: string): string => formatDateTime(iso, view.lang, view.timeZone);
  const join = (parts: (string | null | undefined)[]): string => parts.filter(Boolean).join(view.lang === 'zh-CN' ? '' : ' ');
  const caseId = n.caseId;
  const actionCard = (body: Element[], actions: CardAction[]): AdaptiveCard => card([text(t('notify.case', { caseId }), { isSubtle: true, size: 'Small' }), ...body], actions);

  switch (n.kind) {
    case 'approved': {
      const who = n.by === 'merchant' ? 'notify.approved.merchant' : n.by === 'auto' ? 'notify.approved.auto' : 'notify.approved.platform';
      return withNextStep(t(who, { caseId }), n.next, caseId, view, join, when, actionCard);
    }
    case 'inspection_passed': {
      const first = t(n.timeout ? 'notify.inspectionTimeout' : 'notify.inspectionOk', { caseId });
      return withNextStep(first, n.next, caseId, view, join, when, actionCard);
    }
    case 'rejected': {
      const first =
        n.cause.by === 'merchant'
          ? t('notify.rejected.merchant', { caseId, reason: t(rejectCodeKey(n.cause.code)) })
          : t('notify.rejected.inspection', { caseId, problem: t(problemKey(n.cause.problem)) });
      const options = n.until ? t('notify.rejected.options', { until: when(n.until) }) : t('notify.rejected.optionsNoDate');
      return {
        text: join([first, n.remark ? t('notify.rejected.remark', { remark: n.remark }) : null, options]),
        card: actionCard([text(t('notify.rejected.ask'), { weight: 'Bolder' })], afterRejectionButtons(caseId, t)),
      };
    }
    case 'reminder_escalate':
      return {
        text: t('notify.reminder.escalate', { caseId, until: when(n.until) }),
        card: actionCard([text(t('notify.rejected.ask'), { weight: 'Bolder' })], afterRejectionButtons(caseId, t)),
      };
    case 'reminder_ship':
      return {
        text: t('notify.reminder.ship', { caseId, until: when(n.until) }),
        card: actionCard([...addressBlock(n.address, t), facts([[t('notify.deadline'), when(n.until)]])], [shipButton(caseId, t)]),
      };
    case 'platform_rejected':
      return {
        text: join([t('notify.platformRejected', { caseId }), n.remark ? t('notify.platformRemark', { remark: n.remark }) : null, t('notify.questions')]),
        card: actionCard([], [humanButton(caseId, t)]),
      };
    case 'platform_reviewing':
      return { text: t('notify.platformReviewing', { caseId }), card: null };
    case 'refund_paid': {
      const amount = formatMoney(n.amount, n.currency);
      const first = n.offline ? t('notify.paidOffline', { caseId, amount }) : t('notify.paid', { caseId, amount, method: t(methodKey(n.method)) });
      return {
        text: join([first, n.offline ? null : t(arrivalKey(n.method)), n.points > 0 ? t('notify.paid.points', { points: n.points }) : null]),
        card: actionCard([], [submit(t('notify.button.rate'), { action: 'rate', caseId })]),
      };
    }
    case 'refund_failed':
      return { text: t('notify.paymentFailed', { caseId }), card: actionCard([], [humanButton(caseId, t, 'payment_failed')]) };
    case 'refund_retrying':
      return { text: t('notify.paymentRetry', { caseId }), card: null };
    case 'return_received':
      return { text: t(n.exchange ? 'notify.returnReceivedExchange' : 'notify.returnReceived', { caseId, until: n.inspectBy ? when(n.inspectBy) : '-' }), card: null };
    case 'inspection_short':
      return {
        text: join([t('notify.inspectionShort', { caseId, returned: n.returned, received: n.received }), t('notify.inspectionShortHelp')]),
        card: actionCard([], [humanButton(caseId, t)]),
      };
    case 'evidence_requested':
      return {
        text: t('notify.evidenceRequested', { caseId, who: t(n.by === 'merchant' ? 'notify.who.merchant' : 'notify.who.cs'), message: n.message }),
        card: actionCard([], [submit(t('notify.button.status'), { action: 'case_status', caseId })]),
      };
    case 'closed':
      return { text: t(n.reason === 'escalation_window_expired' ? 'notify.closed.escalation_window_expired' : 'notify.closed.return_not_shipped', { caseId }), card: null };
    case 'replacement_shipped':
      return { text: t('notify.replacementShipped', { caseId, carrier: n.carrier, trackingNumber: n.trackingNumber }), card: null };
    default: {
      const never: never = n;
      throw new Error(`unknown notification ${JSON.stringify(never)}`);
    }
  }
}

function withNextStep(
  first: string,
  next: NextStep,
  caseId: string,
  view: NotificationView,
  join: (parts: (string | null | undefined)[]) => string,
  when: (iso: string) => string,
  actionCard: (body: Element[], actions: CardAction[]) => AdaptiveCard,
): NotificationMessage {
  const { t } = view;
  switch (next.kind) {
    case 'ship_return': {
      const until = next.until ? when(next.until) : '-';
      const body = [...addressBlock(next.address, t), ...(next.until ? [facts([[t('notify.deadline'), until]])] : [])];
      return {
        text: join([first, t(next.exchange ? 'notify.next.shipExchange' : 'notify.next.shipReturn', { until })]),
        card: actionCard(body, [shipButton(caseId, t)]),
      };
    }
    case 'refund': {
      const amount = formatMoney(next.amount, next.currency);
      return { text: join([first, t(next.withoutReturn ? 'notify.next.refundNoReturn' : 'notify.next.refund', { amount })]), card: null };
    }
    case 'replacement':
      return { text: join([first, t('notify.next.replacement')]), card: null };
    case 'platform_review':
      return { text: join([first, t('notify.next.review')]), card: null };
    default: {
      const never: never = next;
      throw new Error(`unknown next step ${JSON.stringify(never)}`);
    }
  }
}

function addressBlock(address: ReturnAddress | null, t: Translate): Element[] {
  if (!address) return [];
  return [
    heading(t('notify.address.heading')),
    facts([
      [t('notify.address.recipient'), address.recipient],
      [t('notify.address.phone'), address.phone],
      [t('notify.address.address'), address.address],
    ]),
  ];
}

function afterRejectionButtons(caseId: string, t: Translate): CardAction[] {
  return [
    submit(t('notify.button.resubmit'), { action: 'after_rejection', caseId, choice: 'resubmit' }),
    submit(t('notify.button.escalate'), { action: 'after_rejection', caseId, choice: 'escalate' }),
    submit(t('notify.button.accept'), { action: 'after_rejection', caseId, choice: 'accept' }),
  ];
}

function shipButton(caseId: string, t: Translate): CardAction {
  return submit(t('notify.button.ship'), { action: 'return_shipping', caseId });
}

function humanButton(caseId: string, t: Translate, reason?: string): CardAction {
  return submit(t('notify.button.human'), { action: 'human', caseId, ...(reason ? { reason } : {}) });
}

function rejectCodeKey(code: string): MessageKey {
  const known = (MERCHANT_REJECT_CODES as readonly string[]).includes(code) ? code : 'other';
  return `notify.rejectCode.${known}` as MessageKey;
}

function problemKey(problem: string): MessageKey {
  return problem === 'wrong_item' ? 'notify.problem.wrong_item' : 'notify.problem.damaged';
}

function methodKey(method: PaymentMethod): MessageKey {
  return `notify.method.${method}`;
}

function arrivalKey(method: PaymentMethod): MessageKey {
  if (method === 'bank_card') return 'notify.arrival.bank_card';
  if (method === 'balance') return 'notify.arrival.balance';
  return 'notify.arrival.wallet';
}
