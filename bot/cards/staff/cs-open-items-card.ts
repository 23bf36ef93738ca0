import type { CaseStatus } from '../../../services/refunds';
import { formatMoney } from '../../i18n';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, container, heading, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { formatAt } from '../buyer/case-words';
import { CS_VERBS } from './cs-case-card';
import { csStatusKey } from './cs-words';

// "Open items": every case waiting for CS (platform review, failed payments) and every open case past its
// deadline or alert time. Also how nothing is lost when alerts could not be posted (no channel known yet).

export interface OpenItem {
  caseId: string;
  status: CaseStatus;
  cash: number;
  currency: string;
  /** When the case entered its status. */
  since: string;
  overdue: boolean;
  priority: 'high' | 'normal';
}

const MAX_SHOWN = 25;

export function csOpenItemsCard(items: readonly OpenItem[], ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  if (items.length === 0) return card([heading(t('cs.open.title', { count: 0 })), text(t('cs.open.none'))]);
  const shown = items.slice(0, MAX_SHOWN);
  const body: Element[] = [heading(t('cs.open.title', { count: items.length })), text(t('cs.open.hint'), { isSubtle: true, spacing: 'None' })];
  for (const item of shown) {
    const line = t('cs.open.item', {
      caseId: item.caseId,
      status: t(csStatusKey(item.status)),
      amount: formatMoney(item.cash, item.currency),
      since: formatAt(item.since, ctx),
    });
    const flags = item.overdue ? ` · ${t('cs.open.overdue')}` : '';
    body.push(
      container([text(line + flags, { color: item.overdue || item.status === 'refund_failed' ? 'Attention' : 'Default' })], {
        separator: true,
        selectAction: { type: 'Action.Execute', verb: CS_VERBS.view, data: { caseId: item.caseId }, title: item.caseId },
      }),
    );
  }
  if (items.length > shown.length) body.push(text(t('cs.open.more', { count: items.length - shown.length }), { isSubtle: true }));
  return card(body, [], { fallbackText: t('cs.open.title', { count: items.length }) });
}
