import type { RefundCase } from '../../../services/refunds';
import { formatMoney } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, facts, heading, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { formatAt, itemWords, reasonKey, rejectCodeKey, typeKey } from '../buyer/case-words';
import type { CsBanner } from './cs-words';
import { csCloseKey, csStatusKey } from './cs-words';

// The CS desk's case card (Teams, Universal Actions): what the case is about, what each side said, and the
// actions CS may take in its state. Every action carries the case version the card was drawn at, so a stale
// card cannot act; `refresh` redraws it for every agent who opens it.

export interface CsCaseView {
  c: RefundCase;
  buyerName: string | null;
  shopName: { zh: string; en: string } | null;
  /** The order's lines, for naming the items. */
  lines: { index: number; title: string; titleEn?: string | undefined }[];
  escalation: { at: string; remark?: string } | null;
  /** Who took the platform's decision, by name where known. */
  platformBy: string | null;
  /** Signed, expiring links. */
  evidence: { name: string; kind: string; url: string }[];
  voucherUrl: string | null;
  deadline: string | null;
  alertAt: string | null;
}

export interface CsCaseCardOptions {
  ctx: CardContext;
  /** Teams user ids whose view of the card refreshes by itself (the agents, at most 60). */
  refreshUserIds: readonly string[];
  banner?: CsBanner;
  /** Asking for the remark again: the reason, shown by the field. */
  remarkError?: string;
  /** What the agent had typed, kept when the card is drawn again. */
  remark?: string;
  /** False for someone who may only look. */
  actions?: boolean;
}

export const CS_VERBS = {
  refresh: 'cs.refresh',
  approve: 'cs.approve',
  reject: 'cs.reject',
  requestEvidence: 'cs.request_evidence',
  intervene: 'cs.intervene',
  retryPayment: 'cs.retry_payment',
  view: 'cs.view',
} as const;

const REVIEWABLE_ELSEWHERE = new Set<RefundCase['status']>([
  'pending_merchant',
  'merchant_rejected',
  'awaiting_return_shipment',
  'return_in_transit',
  'return_received',
  'exchange_shipping',
  'refund_pending',
  'refunding',
]);

function execute(title: string, verb: string, data: Record<string, unknown>, options: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

function bannerElement(banner: CsBanner): Element {
  const style = banner.tone === 'good' ? 'good' : banner.tone === 'accent' ? 'accent' : banner.tone === 'warning' ? 'warning' : 'attention';
  return container([text(banner.text, { weight: 'Bolder' })], { style, bleed: true });
}

export function csCaseCard(view: CsCaseView, options: CsCaseCardOptions): AdaptiveCard {
  const { ctx } = options;
  const { t, lang } = ctx;
  const c = view.c;
  const data = { caseId: c.id, version: c.version };
  const body: Element[] = [];
  if (options.banner) body.push(bannerElement(options.banner));
  body.push(heading(t('cs.card.title', { caseId: c.id })));
  body.push(text(t(csStatusKey(c.status)), { color: c.status === 'refund_failed' || c.status === 'platform_review' ? 'Attention' : 'Default', spacing: 'None' }));

  const amount =
    c.quote.pointsRestored > 0
      ? t('cs.card.amountPoints', { cash: formatMoney(c.quote.cash, c.quote.currency), points: c.quote.pointsRestored })
      : formatMoney(c.quote.cash, c.quote.currency);
  const shop = view.shopName ? (lang === 'en-US' ? view.shopName.en : view.shopName.zh) : c.shopId;
  const rows: [string, string][] = [
    [t('cs.card.kind'), t('cs.card.kindValue', { type: t(typeKey(c.type)), reason: t(reasonKey(c.reason)) })],
    [t('cs.card.amount'), amount],
    [t('cs.card.order'), c.orderId],
    [t('cs.card.buyer'), view.buyerName ? `${view.buyerName} (${c.buyerId})` : c.buyerId],
    [t('cs.card.shop'), shop],
    [t('cs.card.filed'), formatAt(c.createdAt, ctx)],
  ];
  if (view.deadline) rows.push([t('cs.card.deadline'), formatAt(view.deadline, ctx)]);
  if (view.alertAt) rows.push([t('cs.card.alertAt'), formatAt(view.alertAt, ctx)]);
  if (c.priority === 'high') rows.push([t('cs.card.priority'), t('cs.card.priorityHigh')]);
  body.push(facts(rows));
  body.push(text(t('cs.card.items', { items: itemWords(c, view.lines, lang).join('、') })));
  if (c.description.trim()) body.push(text(t('cs.card.description', { text: c.description.trim() })));
  body.push(
    text(
      view.evidence.length > 0
        ? t('cs.card.evidence', { links: view.evidence.map((e) => `[${markdownSafe(e.name)}](${e.url})`).join(' · ') })
        : t('cs.card.noEvidence'),
    ),
  );
  body.push(...history(view, options));
  const state = stateActions(view, options, data);
  body.push(...state.body);
  return card(body, state.actions, {
    refresh: {
      action: { type: 'Action.Execute', verb: CS_VERBS.refresh, data: { caseId: c.id } },
      ...(options.refreshUserIds.length > 0 ? { userIds: [...options.refreshUserIds] } : {}),
    },
    fallbackText: t('cs.card.title', { caseId: c.id }),
  });
}

/** What each side said and decided, oldest first. */
function history(view: CsCaseView, options: CsCaseCardOptions): Element[] {
  const { ctx } = options;
  const { t } = ctx;
  const c = view.c;
  const out: Element[] = [];
  const m = c.merchantDecision;
  if (m) {
    out.push(text(t('cs.card.merchant', { outcome: t(`cs.merchant.${m.outcome}` as MessageKey), at: formatAt(m.at, ctx) }), { separator: true }));
    if (m.outcome === 'rejected') out.push(text(t('cs.card.merchantCode', { code: t(rejectCodeKey(m.code)) }), { spacing: 'None' }));
    if (m.remark) out.push(text(t('cs.card.merchantRemark', { remark: m.remark }), { spacing: 'None' }));
  }
  if (c.inspection) {
    out.push(text(t('cs.card.inspection', { outcome: t(`cs.inspection.${c.inspection.outcome}` as MessageKey), at: formatAt(c.inspection.at, ctx) })));
    if (c.inspection.remark) out.push(text(t('cs.card.merchantRemark', { remark: c.inspection.remark }), { spacing: 'None' }));
  }
  if (view.escalation) {
    out.push(text(t('cs.card.escalation', { at: formatAt(view.escalation.at, ctx) })));
    if (view.escalation.remark) out.push(text(t('cs.card.escalationRemark', { remark: view.escalation.remark }), { spacing: 'None' }));
  }
  const request = c.evidenceRequests.filter((r) => r.by.role === 'cs').at(-1);
  if (request) {
    const from = request.code === 'merchant' ? t('cs.from.merchant') : t('cs.from.buyer');
    out.push(text(t('cs.card.evidenceRequest', { from, at: formatAt(request.at, ctx), remark: request.remark ?? '' })));
  }
  const p = c.platformDecision;
  if (p) {
    out.push(text(t('cs.card.platform', { outcome: t(`cs.platform.${p.outcome}` as MessageKey), by: view.platformBy ?? p.by.id, at: formatAt(p.at, ctx) })));
    if (p.remark) out.push(text(t('cs.card.platformRemark', { remark: p.remark }), { spacing: 'None' }));
  }
  if (c.payment) {
    const pay = c.payment;
    out.push(
      text(
        t('cs.card.payment', {
          generation: pay.generation,
          status: t(`cs.payment.${pay.status}` as MessageKey),
          amount: formatMoney(pay.amount, c.quote.currency),
        }),
      ),
    );
    if (pay.status === 'declined' && pay.lastError) out.push(text(t('cs.card.paymentError', { code: pay.lastError }), { spacing: 'None' }));
  }
  if (view.voucherUrl) out.push(text(t('cs.card.voucher', { link: `[${t('cs.card.open')}](${view.voucherUrl})` })));
  if (c.status === 'closed') out.push(text(t('cs.card.closed', { reason: t(csCloseKey(c.closeReason)) })));
  return out;
}

/** The inputs and buttons of the case's state. */
function stateActions(view: CsCaseView, options: CsCaseCardOptions, data: { caseId: string; version: number }): { body: Element[]; actions: CardAction[] } {
  const { t } = options.ctx;
  const c = view.c;
  if (options.actions === false) return { body: [], actions: [] };
  const errorLine = options.remarkError ? [text(options.remarkError, { color: 'Attention', weight: 'Bolder', spacing: 'Small' })] : [];
  switch (c.status) {
    case 'platform_review':
      return {
        body: [
          {
            type: 'Input.Text',
            id: 'remark',
            label: t('cs.card.remarkLabel'),
            placeholder: t('cs.card.remarkPlaceholder'),
            isMultiline: true,
            maxLength: 2000,
            separator: true,
            ...(options.remark ? { value: options.remark } : {}),
          },
          ...errorLine,
        ],
        actions: [
          execute(t('cs.action.approve'), CS_VERBS.approve, data, { style: 'positive' }),
          execute(t('cs.action.reject'), CS_VERBS.reject, data, { style: 'destructive' }),
          execute(t('cs.action.askBuyer'), CS_VERBS.requestEvidence, { ...data, from: 'buyer' }),
          execute(t('cs.action.askMerchant'), CS_VERBS.requestEvidence, { ...data, from: 'merchant' }),
        ],
      };
    case 'refund_failed':
      return {
        body: [text(t('cs.card.settleHint', { caseId: c.id }), { isSubtle: true, separator: true }), ...errorLine],
        actions: [execute(t('cs.action.retry'), CS_VERBS.retryPayment, data, { style: 'positive' })],
      };
    default:
      if (!REVIEWABLE_ELSEWHERE.has(c.status)) return { body: [], actions: [] };
      return {
        body: errorLine,
        actions: [
          {
            type: 'Action.ShowCard',
            title: t('cs.action.intervene'),
            card: {
              type: 'AdaptiveCard',
              body: [
                {
                  type: 'Input.Text',
                  id: 'remark',
                  label: t('cs.card.remarkLabel'),
                  placeholder: t('cs.card.intervenePlaceholder'),
                  isMultiline: true,
                  maxLength: 2000,
                  ...(options.remark ? { value: options.remark } : {}),
                },
              ],
              actions: [execute(t('cs.action.interveneConfirm'), CS_VERBS.intervene, data)],
            },
          },
        ],
      };
  }
}

/** Names go inside a Markdown link: brackets would end it early. */
function markdownSafe(name: string): string {
  return name.replace(/[[\]()]/g, ' ').trim() || '#';
}
