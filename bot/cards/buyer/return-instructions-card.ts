import type { RefundCase } from '../../../services/refunds';
import { CARRIERS, CARRIER_CODES } from '../../../services/logistics';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, facts, heading, submit, text } from '../adaptive';
import type { CardContext } from './case-words';
import { formatAt } from './case-words';

// After a return is approved: where to send the goods, who pays the freight, the ship-by date, and a form for
// the carrier and tracking number (typing them in the chat works as well).

export interface ReturnInstructionsInput {
  case: Pick<RefundCase, 'id' | 'returnAddress' | 'quote'>;
  /** The ship-by deadline. */
  deadline: Date | null;
}

export function returnInstructionsCard(input: ReturnInstructionsInput, ctx: CardContext): AdaptiveCard {
  const { t, lang } = ctx;
  const c = input.case;
  const body: Element[] = [heading(t('shipping.card.title', { caseId: c.id }))];
  if (c.returnAddress) {
    body.push(
      text(t('shipping.card.approved')),
      facts([
        [t('shipping.card.recipient'), c.returnAddress.recipient],
        [t('shipping.card.phone'), c.returnAddress.phone],
        [t('shipping.card.address'), c.returnAddress.address],
      ]),
    );
  } else {
    body.push(text(t('shipping.card.noAddress'), { color: 'Attention' }));
  }
  const payer = c.quote.returnFreightPaidBy;
  const freight = payer === 'merchant' ? t('shipping.freight.merchant') : payer === 'buyer' ? t('shipping.freight.buyer') : t('shipping.freight.unknown');
  const more: [string, string][] = [[t('shipping.card.freight'), freight]];
  if (input.deadline) more.push([t('shipping.card.shipBy'), formatAt(input.deadline, ctx)]);
  body.push(facts(more), text(t('shipping.card.hint'), { spacing: 'Medium' }));
  body.push(
    {
      type: 'Input.ChoiceSet',
      id: 'carrier',
      label: t('shipping.card.carrier'),
      style: 'compact',
      choices: CARRIER_CODES.map((code) => ({ title: lang === 'zh-CN' ? CARRIERS[code].nameZh : CARRIERS[code].nameEn, value: code })),
    },
    { type: 'Input.Text', id: 'trackingNumber', label: t('shipping.card.trackingNumber'), maxLength: 40 },
    { type: 'Input.Text', id: 'carrierName', label: t('shipping.card.carrierName'), maxLength: 20 },
  );
  return card(body, [submit(t('shipping.card.submit'), { action: 'return_shipping', caseId: c.id })]);
}
