import type { Actor } from '../../../services/refunds';
import type { MessageKey } from '../../i18n';
import { formatMoney } from '../../i18n';
import type { MerchantNotice } from '../../staff/merchant/merchant-notices';
import { CARD_NOTICES } from '../../staff/merchant/merchant-notices';
import type { AdaptiveCard } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { formatAt } from '../buyer/case-words';
import type { MerchantBanner } from './merchant-case-card';
import { merchantCaseCard } from './merchant-case-card';
import type { MerchantCaseView } from './merchant-case-view';
import { whoWords } from './merchant-case-parts';

// A proactive message to a merchant: one sentence that stands on its own (Teams shows it in the activity feed),
// and the case card where there is something to look at or decide. Fast-tracked cases and auto-approvals come as
// information: their card has no buttons.

export interface MerchantMessage {
  text: string;
  card: AdaptiveCard | null;
}

const HOUR = 3_600_000;

export function merchantNoticeMessage(notice: MerchantNotice, view: MerchantCaseView, ctx: CardContext, event: { at: string; actor: Actor }): MerchantMessage {
  const { t } = ctx;
  const c = view.case;
  const base = {
    caseId: c.id,
    orderId: c.orderId,
    amount: formatMoney(c.quote.cash, c.quote.currency),
    deadline: view.deadline ? formatAt(view.deadline, ctx) : t('merchant.notify.noDeadline'),
  };
  const line = sentence(notice, view, ctx, event, base);
  if (!CARD_NOTICES.has(notice.kind)) return { text: line, card: null };
  const tone: MerchantBanner['tone'] = notice.kind === 'reminder' ? 'warning' : notice.kind === 'auto_approved' ? 'attention' : 'accent';
  const interactive = notice.kind !== 'fast_track' && notice.kind !== 'auto_approved';
  return { text: line, card: merchantCaseCard(view, ctx, { banners: [{ tone, text: line }], interactive }) };
}

function sentence(
  notice: MerchantNotice,
  view: MerchantCaseView,
  ctx: CardContext,
  event: { at: string; actor: Actor },
  base: { caseId: string; orderId: string; amount: string; deadline: string },
): string {
  const { t } = ctx;
  switch (notice.kind) {
    case 'new_case':
      return t(notice.resubmitted ? 'merchant.notify.resubmitted' : 'merchant.notify.newCase', base);
    case 'fast_track':
      return t(view.case.fastTrack === 'logistics_delay' ? 'merchant.notify.fastTrack.logistics_delay' : 'merchant.notify.fastTrack.before_shipment', base);
    case 'evidence_added':
      return t('merchant.notify.evidenceAdded', base);
    case 'reminder': {
      const left = view.deadline ? leftWords(Date.parse(view.deadline) - Date.parse(event.at), ctx) : '';
      const key: MessageKey =
        notice.notice === 'reminder:50' || notice.notice === 'reminder:80'
          ? 'merchant.notify.reminderDecide'
          : view.case.type === 'exchange'
            ? 'merchant.notify.reminderInspectExchange'
            : 'merchant.notify.reminderInspect';
      return t(key, { ...base, left });
    }
    case 'auto_approved':
      return t('merchant.notify.autoApproved', base);
    case 'return_shipped':
      return t('merchant.notify.returnShipped', { ...base, carrier: notice.carrier, trackingNumber: notice.trackingNumber });
    case 'return_arrived':
      return t(view.case.type === 'exchange' ? 'merchant.notify.returnArrivedExchange' : 'merchant.notify.returnArrived', base);
    case 'inspection_timeout':
      return t('merchant.notify.inspectionTimeout', base);
    case 'buyer_cancelled':
      return t('merchant.notify.buyerCancelled', base);
    case 'rejection_accepted':
      return t('merchant.notify.rejectionAccepted', base);
    case 'escalated':
      return t(notice.by === 'buyer' ? 'merchant.notify.escalated' : 'merchant.notify.intervened', base);
    case 'colleague':
      return t('merchant.notify.colleague', { ...base, who: whoWords(event.actor, view, ctx), what: t(`merchant.did.${notice.event}` as const) });
    case 'platform_decided':
      return t(notice.outcome === 'approved' ? 'merchant.notify.platformApproved' : 'merchant.notify.platformRejected', base);
    default: {
      const never: never = notice;
      throw new Error(`unknown merchant notice ${JSON.stringify(never)}`);
    }
  }
}

/** "12 hours" up to two days, then days (rounded): how long is left before a deadline. */
export function leftWords(ms: number, ctx: Pick<CardContext, 't'>): string {
  const hours = Math.max(0, Math.round(ms / HOUR));
  if (hours < 48) return ctx.t('merchant.left.hours', { n: hours });
  return ctx.t('merchant.left.days', { n: Math.round(hours / 24) });
}
