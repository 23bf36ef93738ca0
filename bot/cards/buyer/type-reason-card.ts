import type { CaseType, ReasonCode, ShippingState } from '../../../services/refunds';
import type { MessageKey, Translate } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, facts, heading, submit, text } from '../adaptive';

// What is wrong (the reason) and what the buyer wants (refund only, return and refund, exchange): only the
// choices the order allows are drawn.

export function reasonLabel(t: Translate, reason: ReasonCode): string {
  return t(`filing.reason.${reason}` as MessageKey);
}

export function typeLabel(t: Translate, type: CaseType): string {
  return t(`filing.type.${type}` as MessageKey);
}

export function shippingLabel(t: Translate, shipping: ShippingState): string {
  return t(`filing.shipping.${shipping}` as MessageKey);
}

/** Extra buttons a reason card may carry. */
export type ReasonExtra = 'wait' | 'human' | 'cancel_order' | 'return_instead';

export interface ReasonCardInput {
  heading: string;
  intro?: string;
  facts?: [string, string][];
  reasons: ReasonCode[];
  /** Fields every submit carries (action, mode, orderId). */
  context: Record<string, unknown>;
  /** A type to file with when a reason is clicked (delivery claims are refunds only). */
  type?: CaseType;
  extras?: ReasonExtra[];
}

export function reasonCard(input: ReasonCardInput, t: Translate): AdaptiveCard {
  const body: Element[] = [heading(input.heading)];
  if (input.facts && input.facts.length > 0) body.push(facts(input.facts));
  if (input.intro) body.push(text(input.intro));
  const buttons: CardAction[] = input.reasons.map((reason) =>
    submit(reasonLabel(t, reason), { ...input.context, step: 'reason', reason, ...(input.type ? { type: input.type } : {}) }),
  );
  for (const extra of input.extras ?? []) buttons.push(extraButton(extra, input.context, t));
  body.push({ type: 'ActionSet', actions: buttons });
  return card(body);
}

function extraButton(extra: ReasonExtra, context: Record<string, unknown>, t: Translate): CardAction {
  switch (extra) {
    case 'wait':
      return submit(t('filing.delivery.wait'), { ...context, step: 'delivery', choice: 'wait' });
    case 'human':
      return submit(t('filing.human'), { action: 'human', ...(typeof context.orderId === 'string' ? { orderId: context.orderId } : {}) });
    case 'cancel_order':
      return submit(t('filing.delivery.cancelOrder'), { ...context, mode: 'cancel', step: 'order' });
    case 'return_instead':
      return submit(t('filing.delivery.returnInstead'), { ...context, mode: 'refund', step: 'order' });
    default: {
      const unknown: never = extra;
      throw new Error(`unknown extra ${String(unknown)}`);
    }
  }
}

export interface TypeCardInput {
  reason: ReasonCode;
  types: CaseType[];
  context: Record<string, unknown>;
}

export function typeCard(input: TypeCardInput, t: Translate): AdaptiveCard {
  const body: Element[] = [heading(t('filing.type.ask')), facts([[t('filing.quote.reason'), reasonLabel(t, input.reason)]])];
  const rows: [string, string][] = [];
  for (const type of input.types) {
    rows.push([typeLabel(t, type), t(`filing.type.${type}.hint` as MessageKey)]);
  }
  body.push(facts(rows));
  body.push({
    type: 'ActionSet',
    actions: input.types.map((type) => submit(typeLabel(t, type), { ...input.context, step: 'type', reason: input.reason, type })),
  });
  return card(body);
}
