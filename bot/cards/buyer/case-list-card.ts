import type { RefundCase } from '../../../services/refunds';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, container, submit, text } from '../adaptive';
import type { MessageKey } from '../../i18n';
import { formatMoney } from '../../i18n';
import type { CardContext } from './case-words';
import { formatAt, statusNameKey, typeKey } from './case-words';

// A numbered list of the buyer's cases, each with a button that continues the flow that drew the list (so the
// buyer can tap, or type the number or the case id).

export interface CaseListEntry {
  case: RefundCase;
  items?: string[];
}

export interface CaseListInput {
  /** The sentence above the list (already worded: it says how many and what to do). */
  intro: string;
  entries: CaseListEntry[];
  /** The card action of the flow the choice continues (case_status, cancel_case, ...). */
  action: string;
  buttonKey: MessageKey;
}

export function caseListCard(input: CaseListInput, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  const body: Element[] = [text(t('status.list.title'), { weight: 'Bolder', size: 'Medium' }), text(input.intro)];
  input.entries.forEach((entry, i) => {
    const c = entry.case;
    const what = [t(typeKey(c.type)), formatMoney(c.quote.cash, c.quote.currency), ...(entry.items?.length ? [entry.items.join('; ')] : [])].join(' · ');
    body.push(
      container(
        [
          text(t('status.list.item', { index: i + 1, caseId: c.id, orderId: c.orderId }), { weight: 'Bolder' }),
          text(what, { spacing: 'None' }),
          text(`${t(statusNameKey(c.status))} · ${t('status.list.updated', { at: formatAt(c.updatedAt, ctx) })}`, { isSubtle: true, spacing: 'None' }),
          { type: 'ActionSet', actions: [submit(t(input.buttonKey), { action: input.action, caseId: c.id })] },
        ],
        { separator: true, spacing: 'Medium' },
      ),
    );
  });
  return card(body);
}
