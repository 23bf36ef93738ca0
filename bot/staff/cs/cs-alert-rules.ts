import type { DomainEvent, PolicyConfig } from '../../../services/refunds';
import type { Translate } from '../../i18n';
import type { CsBanner } from '../../cards/staff/cs-words';

// Which case events CS hears about, and the line that heads the card posted for each (DESIGN.md §2: platform
// review is CS's to decide, a failed payment alerts CS at once, the deadlines that alert CS). Changes made by an
// agent are not posted: the agent got the answer where they acted (the card or the command in the channel).

export const CS_NOTICE_ALERTS = ['review_overdue', 'payment_unconfirmed', 'return_stalled', 'inspection_overdue', 'exchange_overdue'] as const;
export type CsNoticeAlert = (typeof CS_NOTICE_ALERTS)[number];

export type CsAlert =
  | { kind: 'review'; cause: 'escalated' | 'confirmation' | 'other' }
  | { kind: 'evidence_added'; by: 'buyer' | 'merchant' }
  | { kind: 'payment_failed'; code: string }
  | { kind: 'notice'; notice: CsNoticeAlert };

const CONFIRMATION_EVENTS = new Set(['file', 'merchant_approve', 'merchant_approve_without_return', 'merchant_timeout']);

export function csAlertOf(event: DomainEvent): CsAlert | null {
  if (event.type === 'notice') {
    const name = event.notice?.startsWith('alert:') ? event.notice.slice('alert:'.length) : '';
    return (CS_NOTICE_ALERTS as readonly string[]).includes(name) ? { kind: 'notice', notice: name as CsNoticeAlert } : null;
  }
  if (event.type === 'payment_declined') return { kind: 'payment_failed', code: typeof event.data?.code === 'string' ? event.data.code : '' };
  if (event.actor.role === 'cs') return null;
  if (event.to === 'platform_review' && event.from !== 'platform_review') {
    if (event.type === 'buyer_escalate') return { kind: 'review', cause: 'escalated' };
    return { kind: 'review', cause: CONFIRMATION_EVENTS.has(event.type) ? 'confirmation' : 'other' };
  }
  if (event.type === 'add_evidence' && event.to === 'platform_review' && (event.actor.role === 'buyer' || event.actor.role === 'merchant')) {
    return { kind: 'evidence_added', by: event.actor.role };
  }
  return null;
}

export function alertBanner(alert: CsAlert, t: Translate, policy: Pick<PolicyConfig, 'platformReviewHours' | 'paymentUnconfirmedHours' | 'returnStalledDays' | 'exchangeShipHours'>): CsBanner {
  switch (alert.kind) {
    case 'review':
      return { tone: 'accent', text: t(`cs.alert.review.${alert.cause}`) };
    case 'evidence_added':
      return { tone: 'accent', text: t('cs.alert.evidence_added', { from: t(alert.by === 'merchant' ? 'cs.actor.merchant' : 'cs.actor.buyer') }) };
    case 'payment_failed':
      return { tone: 'attention', text: t('cs.alert.payment_failed', { code: alert.code || '-' }) };
    case 'notice':
      switch (alert.notice) {
        case 'review_overdue':
          return { tone: 'attention', text: t('cs.alert.review_overdue', { hours: policy.platformReviewHours }) };
        case 'payment_unconfirmed':
          return { tone: 'warning', text: t('cs.alert.payment_unconfirmed', { hours: policy.paymentUnconfirmedHours }) };
        case 'return_stalled':
          return { tone: 'warning', text: t('cs.alert.return_stalled', { days: policy.returnStalledDays }) };
        case 'inspection_overdue':
          return { tone: 'warning', text: t('cs.alert.inspection_overdue') };
        case 'exchange_overdue':
          return { tone: 'warning', text: t('cs.alert.exchange_overdue', { hours: policy.exchangeShipHours }) };
        default: {
          const never: never = alert.notice;
          throw new Error(`unknown alert ${String(never)}`);
        }
      }
    default: {
      const never: never = alert;
      throw new Error(`unknown alert ${JSON.stringify(never)}`);
    }
  }
}
