import type { CaseType, Order, ReasonCode, Refusal } from '../../../services/refunds';
import type { Lang, MessageKey, Translate } from '../../i18n';
import { formatDate } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, heading, submit, text } from '../adaptive';
import { lineTitle } from './lines-card';
import { reasonLabel, shippingLabel, typeLabel } from './type-reason-card';

// A refused request: every reason the automatic review gave, in words with its data, then what the buyer can
// do instead (as buttons), always including a person.

export type Alternative =
  | { kind: 'real_reason' }
  | { kind: 'type'; type: CaseType }
  | { kind: 'other_reason' }
  | { kind: 'upload' }
  | { kind: 'other_lines' }
  | { kind: 'other_order' }
  | { kind: 'status'; caseId: string }
  | { kind: 'human' };

export interface RefusalCardInput {
  refusals: Refusal[];
  /** Reasons in words that are not refusal codes (everything already in a case, say). */
  notes?: string[];
  /** The order, for product titles (null when it is unknown to the buyer: nothing about it is shown). */
  order: Order | null;
  /** The reason of the refused request (evidence_required words it). */
  reason?: ReasonCode;
  alternatives: Alternative[];
  lang: Lang;
  timeZone: string;
  context: Record<string, unknown>;
}

export interface RefusalWording {
  order: Order | null;
  reason?: ReasonCode | undefined;
  lang: Lang;
  timeZone: string;
}

export function refusalText(t: Translate, refusal: Refusal, wording: RefusalWording): string {
  const { order, lang, timeZone } = wording;
  const title = (lineIndex: number): string => {
    const line = order?.lines[lineIndex];
    return line ? lineTitle(line, lang) : t('refusal.line_not_found', { line: lineIndex + 1 });
  };
  switch (refusal.code) {
    case 'order_not_found':
      return t('refusal.order_not_found', { orderId: refusal.orderId });
    case 'order_not_paid':
      return t('refusal.order_not_paid');
    case 'no_lines':
      return t('refusal.no_lines');
    case 'line_not_found':
      return t('refusal.line_not_found', { line: refusal.lineIndex + 1 });
    case 'quantity_invalid':
      return t('refusal.quantity_invalid', { title: title(refusal.lineIndex), quantity: refusal.quantity, max: refusal.max });
    case 'units_unavailable':
      return t('refusal.units_unavailable', { title: title(refusal.lineIndex), requested: refusal.requested, available: refusal.available });
    case 'type_not_allowed':
      return refusal.allowed.length > 0
        ? t('refusal.type_not_allowed', {
            shipping: shippingLabel(t, refusal.shipping),
            reason: reasonLabel(t, refusal.reason),
            type: typeLabel(t, refusal.type),
            allowed: refusal.allowed.map((a) => `“${typeLabel(t, a)}”`).join(t('refusal.listOr')),
          })
        : t('refusal.type_not_allowed_none', { shipping: shippingLabel(t, refusal.shipping), reason: reasonLabel(t, refusal.reason) });
    case 'no_reason_window_expired':
      return t('refusal.no_reason_window_expired', { date: formatDate(refusal.windowEndedAt, lang, timeZone) });
    case 'no_reason_excluded':
      return t('refusal.no_reason_excluded', {
        title: title(refusal.lineIndex),
        exclusion: t(`refusal.exclusion.${refusal.exclusion}` as MessageKey),
      });
    case 'submission_limit_reached':
      return t('refusal.submission_limit_reached', { title: title(refusal.lineIndex), submissions: refusal.submissions, max: refusal.max });
    case 'evidence_required':
      return t('refusal.evidence_required', { reason: wording.reason ? reasonLabel(t, wording.reason) : t('filing.reason.other') });
    default: {
      const unknown: never = refusal;
      throw new Error(`unknown refusal ${JSON.stringify(unknown)}`);
    }
  }
}

export function alternativeButton(alt: Alternative, context: Record<string, unknown>, t: Translate): CardAction {
  const orderRef = typeof context.orderId === 'string' ? { orderId: context.orderId } : {};
  switch (alt.kind) {
    case 'real_reason':
      return submit(t('refusal.alt.realReason'), { ...context, step: 'alternative', alt: 'real_reason' });
    case 'type':
      return submit(t('refusal.alt.type', { type: typeLabel(t, alt.type) }), { ...context, step: 'alternative', alt: 'type', type: alt.type });
    case 'other_reason':
      return submit(t('refusal.alt.otherReason'), { ...context, step: 'alternative', alt: 'other_reason' });
    case 'upload':
      return submit(t('refusal.alt.upload'), { ...context, step: 'alternative', alt: 'upload' });
    case 'other_lines':
      return submit(t('refusal.alt.otherLines'), { ...context, step: 'alternative', alt: 'other_lines' });
    case 'other_order':
      return submit(t('refusal.alt.otherOrder'), { ...context, step: 'alternative', alt: 'other_order' });
    case 'status':
      return submit(t('refusal.alt.status', { caseId: alt.caseId }), { action: 'case_status', caseId: alt.caseId });
    case 'human':
      return submit(t('refusal.alt.human'), { action: 'human', ...orderRef });
    default: {
      const unknown: never = alt;
      throw new Error(`unknown alternative ${JSON.stringify(unknown)}`);
    }
  }
}

export function refusalCard(input: RefusalCardInput, t: Translate): AdaptiveCard {
  const body: Element[] = [heading(t('refusal.heading')), text(t('refusal.intro'))];
  for (const refusal of input.refusals) {
    body.push(text(`• ${refusalText(t, refusal, input)}`, { spacing: 'Small' }));
  }
  for (const note of input.notes ?? []) body.push(text(`• ${note}`, { spacing: 'Small' }));
  body.push(text(t('refusal.insteadHeading'), { weight: 'Bolder', spacing: 'Medium' }));
  return card(body, input.alternatives.map((alt) => alternativeButton(alt, input.context, t)));
}
