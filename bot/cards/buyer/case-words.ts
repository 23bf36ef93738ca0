import type { AuditEntry, CaseStatus, CaseType, CloseReason, PaymentMethod, ReasonCode, RefundCase, Role } from '../../../services/refunds';
import { TRANSITIONS } from '../../../services/refunds';
import type { CaseEvent } from '../../../services/refunds';
import type { Lang, MessageKey, Translate } from '../../i18n';
import { formatDateTime } from '../../i18n';

// Which catalog key words which part of a case: statuses, close reasons, audit events, reasons, types, actors,
// payment methods. Kept in one place so every card and message that talks about a case says it the same way.

/** What a card builder needs to speak: the translator, and how to show dates. */
export interface CardContext {
  t: Translate;
  lang: Lang;
  timeZone: string;
}

export const statusNameKey = (s: CaseStatus): MessageKey => `status.name.${s}` as const;
/** Where a case stands, as the end of a sentence: doubles as the reason a command is not possible now. */
export const statusStandsKey = (s: CaseStatus): MessageKey => `status.stands.${s}` as const;
export const nextStepKey = (s: CaseStatus): MessageKey => `status.next.${s}` as const;
export const closeReasonKey = (r: CloseReason | undefined): MessageKey => (r ? (`status.close.${r}` as const) : 'status.close.unknown');
export const reasonKey = (r: ReasonCode): MessageKey => `status.reason.${r}` as const;
export const typeKey = (type: CaseType): MessageKey => `status.type.${type}` as const;
/** The actor as the subject of a sentence ("The shop approved ..."). */
export const actorKey = (role: Role): MessageKey => `status.actor.${role}` as const;
/** The actor inside a sentence ("changed by the shop"). */
export const actorInSentenceKey = (role: Role): MessageKey => `status.by.${role}` as const;
export const paymentMethodKey = (m: PaymentMethod): MessageKey => `status.method.${m}` as const;

/** How long a refund takes to arrive once paid, by payment method. */
export function arrivalKey(m: PaymentMethod): MessageKey {
  switch (m) {
    case 'alipay':
    case 'wechat_pay':
    case 'balance':
      return 'status.arrival.fast';
    case 'bank_card':
      return 'status.arrival.bank';
    default: {
      const never: never = m;
      throw new Error(`unknown payment method ${String(never)}`);
    }
  }
}

const REJECT_CODES = ['evidence_insufficient', 'not_as_claimed', 'outside_policy', 'item_used_or_damaged_by_buyer', 'other', 'damaged', 'wrong_item'] as const;
type RejectWord = (typeof REJECT_CODES)[number];

/** The shop's reason code of a rejection, or what a failed inspection found. */
export function rejectCodeKey(code: string | undefined): MessageKey {
  return code && (REJECT_CODES as readonly string[]).includes(code) ? `rejection.code.${code as RejectWord}` : 'rejection.code.unknown';
}

/** Events with their own words: every event of the state machine, and the filing. */
type WordedEvent = Exclude<CaseEvent, 'notice'> | 'file';
const isWordedEvent = (e: string): e is WordedEvent => e === 'file' || (e !== 'notice' && Object.hasOwn(TRANSITIONS, e));

/** What an audit entry records, as the predicate after its actor. Reminders say whom they reminded. */
export function eventKey(entry: Pick<AuditEntry, 'event' | 'data'>): MessageKey {
  if (entry.event === 'notice') {
    const to = entry.data?.to;
    if (to === 'merchant') return 'status.event.notice.merchant';
    if (to === 'buyer') return 'status.event.notice.buyer';
    return 'status.event.notice.cs';
  }
  // The template type makes the compiler check that every event has its catalog entry.
  return isWordedEvent(entry.event) ? `status.event.${entry.event}` : 'status.event.other';
}

export function formatAt(iso: string | Date, ctx: CardContext): string {
  return formatDateTime(iso, ctx.lang, ctx.timeZone);
}

/** "无线蓝牙耳机 Air 2 白色 ×1": the case's units by product title, in the buyer's language where the order has it. */
export function itemWords(c: Pick<RefundCase, 'lines'>, lines: { index: number; title: string; titleEn?: string | undefined }[], lang: Lang): string[] {
  return c.lines.map((l) => {
    const line = lines.find((x) => x.index === l.lineIndex);
    const title = line ? (lang === 'en-US' ? (line.titleEn ?? line.title) : line.title) : `#${l.lineIndex + 1}`;
    return `${title} ×${l.units.length}`;
  });
}
