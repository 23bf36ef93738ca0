import type { DomainEvent } from '../../../services/refunds';

// Which case events a shop's merchants hear about, and as what (issue 4): a new case is a question, a
// fast-tracked one information; reminders before their deadlines; the auto-approval; returned goods to inspect;
// and short notes on what others did (the buyer cancelled or escalated, the return is on its way, a colleague or
// the platform decided). Consumers never tell the actor who caused the change: the notifier skips them.

export type MerchantNotice =
  | { kind: 'new_case'; resubmitted: boolean }
  | { kind: 'fast_track' }
  | { kind: 'evidence_added' }
  | { kind: 'reminder'; notice: 'reminder:50' | 'reminder:80' | 'reminder:7d' | 'reminder:24h' }
  | { kind: 'auto_approved' }
  | { kind: 'return_shipped'; carrier: string; trackingNumber: string }
  | { kind: 'return_arrived' }
  | { kind: 'inspection_timeout' }
  | { kind: 'buyer_cancelled' }
  | { kind: 'rejection_accepted' }
  | { kind: 'escalated'; by: 'buyer' | 'cs' }
  | { kind: 'colleague'; event: ColleagueEvent }
  | { kind: 'platform_decided'; outcome: 'approved' | 'rejected' };

export const COLLEAGUE_EVENTS = [
  'merchant_approve',
  'merchant_approve_without_return',
  'merchant_reject',
  'request_evidence',
  'inspection_ok',
  'inspection_failed',
  'inspection_short',
] as const;
export type ColleagueEvent = (typeof COLLEAGUE_EVENTS)[number];

const REMINDERS = ['reminder:50', 'reminder:80', 'reminder:7d', 'reminder:24h'] as const;

/** Notices that carry the case card (a question to answer, or the state to look at); the rest are one line. */
export const CARD_NOTICES: ReadonlySet<MerchantNotice['kind']> = new Set(['new_case', 'fast_track', 'evidence_added', 'reminder', 'auto_approved', 'return_arrived']);

export function merchantNoticeFor(event: DomainEvent): MerchantNotice | null {
  switch (event.type) {
    case 'file':
      return event.to === 'pending_merchant' ? { kind: 'new_case', resubmitted: false } : { kind: 'fast_track' };
    case 'buyer_resubmit':
      return { kind: 'new_case', resubmitted: true };
    case 'add_evidence':
      return event.actor.role === 'buyer' && event.to === 'pending_merchant' ? { kind: 'evidence_added' } : null;
    case 'notice': {
      if (event.data?.to !== 'merchant') return null;
      const notice = REMINDERS.find((r) => r === event.notice);
      return notice ? { kind: 'reminder', notice } : null;
    }
    case 'merchant_timeout':
      return { kind: 'auto_approved' };
    case 'return_shipped': {
      const carrier = typeof event.data?.carrier === 'string' ? event.data.carrier : '';
      const trackingNumber = typeof event.data?.trackingNumber === 'string' ? event.data.trackingNumber : '';
      return { kind: 'return_shipped', carrier, trackingNumber };
    }
    case 'return_delivered':
      return { kind: 'return_arrived' };
    case 'inspection_timeout':
      return { kind: 'inspection_timeout' };
    case 'buyer_cancel':
      return { kind: 'buyer_cancelled' };
    case 'buyer_accept_rejection':
      return { kind: 'rejection_accepted' };
    case 'buyer_escalate':
      return { kind: 'escalated', by: 'buyer' };
    case 'cs_intervene':
      return { kind: 'escalated', by: 'cs' };
    case 'cs_approve':
      return { kind: 'platform_decided', outcome: 'approved' };
    case 'cs_reject':
      return { kind: 'platform_decided', outcome: 'rejected' };
    default: {
      const colleague = COLLEAGUE_EVENTS.find((e) => e === event.type);
      return colleague && event.actor.role === 'merchant' ? { kind: 'colleague', event: colleague } : null;
    }
  }
}

/** Reminders and new evidence ask for an answer in one state: once the case has left it, they are not sent. */
export function stillRelevant(notice: MerchantNotice, status: string): boolean {
  switch (notice.kind) {
    case 'reminder':
      return status === (notice.notice === 'reminder:50' || notice.notice === 'reminder:80' ? 'pending_merchant' : 'return_received');
    case 'evidence_added':
      return status === 'pending_merchant';
    default:
      return true;
  }
}
