import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, heading, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import type { MerchantCaseView } from './merchant-case-view';
import { evidenceSection, historySection, itemsSection, quoteSection, returnSection, summaryFacts, wordsSection } from './merchant-case-parts';
import { decisionActions, inspectionActions } from './merchant-case-actions';
import { MERCHANT_VERBS } from './merchant-verbs';

// The one card a merchant sees for a case, drawn from the case as it is now: the question while the shop must
// act (a decision, or the inspection of returned goods), information otherwise. Banners on top say why the card
// came (a new case, a reminder) or what just happened (the outcome of a click, a lost race, a missing remark).
// Every copy refreshes itself for the shop's merchants (Universal Actions `refresh`), so a card someone else
// already decided shows the decision, not stale buttons.

export type BannerTone = 'good' | 'attention' | 'warning' | 'accent';

export interface MerchantBanner {
  tone: BannerTone;
  text: string;
}

export interface MerchantCardOptions {
  banners?: MerchantBanner[];
  /** False draws information only (a fast-tracked case arrives as information, not as a question). Default true. */
  interactive?: boolean;
}

/** Teams runs automatic refresh for at most this many users. */
const MAX_REFRESH_USERS = 60;

export function merchantCaseCard(view: MerchantCaseView, ctx: CardContext, options: MerchantCardOptions = {}): AdaptiveCard {
  const c = view.case;
  const interactive = options.interactive ?? true;
  const actions: CardAction[] = !interactive
    ? []
    : c.status === 'pending_merchant'
      ? decisionActions(view, ctx)
      : c.status === 'return_received'
        ? inspectionActions(view, ctx)
        : [];
  const body: Element[] = [
    heading(ctx.t('merchant.card.title', { caseId: c.id })),
    ...(options.banners ?? []).map(bannerElement),
    summaryFacts(view, ctx),
    ...itemsSection(view, ctx),
    ...wordsSection(view, ctx),
    quoteSection(view, ctx),
    ...evidenceSection(view, ctx),
    ...returnSection(view, ctx),
    ...historySection(view, ctx),
  ];
  if (actions.length > 0) body.push(text(ctx.t(c.status === 'pending_merchant' ? 'merchant.card.decideHint' : 'merchant.card.inspectHint'), { isSubtle: true, size: 'Small', spacing: 'Medium' }));
  const userIds = view.refreshUserIds.slice(0, MAX_REFRESH_USERS);
  return card(body, actions, {
    fallbackText: ctx.t('merchant.card.fallback', { caseId: c.id }),
    ...(userIds.length > 0
      ? { refresh: { action: { type: 'Action.Execute', verb: MERCHANT_VERBS.refresh, data: { caseId: c.id, version: c.version } }, userIds } }
      : {}),
  });
}

function bannerElement(b: MerchantBanner): Element {
  return container([text(b.text, { weight: 'Bolder', color: b.tone === 'accent' ? 'Accent' : b.tone === 'good' ? 'Good' : b.tone === 'warning' ? 'Warning' : 'Attention' })], {
    style: b.tone === 'accent' ? 'accent' : b.tone,
  });
}
