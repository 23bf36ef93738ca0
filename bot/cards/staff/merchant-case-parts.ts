import type { Actor, CaseStatus, RefundCase } from '../../../services/refunds';
import type { MessageKey } from '../../i18n';
import { formatMoney } from '../../i18n';
import type { Element } from '../adaptive';
import { container, facts, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { formatAt, itemWords, reasonKey, typeKey } from '../buyer/case-words';
import type { MerchantCaseView } from './merchant-case-view';

// The sections of a merchant's case card: what was asked for, the money, the evidence, the return parcel and
// what has been decided so far. Reason and type names are shared with the buyer's cards (neutral wording);
// statuses and decisions are worded for the shop.

export const merchantStatusKey = (s: CaseStatus): MessageKey => `merchant.status.${s}` as const;

/** Who did something, as the merchant reads it: a colleague by name, else the role. */
export function whoWords(actor: Actor, view: Pick<MerchantCaseView, 'names'>, ctx: CardContext): string {
  switch (actor.role) {
    case 'merchant':
      return view.names[actor.id] ?? ctx.t('merchant.who.merchant');
    case 'buyer':
      return ctx.t('merchant.who.buyer');
    case 'cs':
      return ctx.t('merchant.who.cs');
    case 'system':
      return ctx.t('merchant.who.system');
    default: {
      const never: never = actor.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

export function summaryFacts(view: MerchantCaseView, ctx: CardContext): Element {
  const c = view.case;
  const { t } = ctx;
  const rows: [string, string][] = [
    [t('merchant.card.order'), c.orderId],
    [t('merchant.card.type'), t(typeKey(c.type))],
    [t('merchant.card.reason'), t(reasonKey(c.reason))],
    [t('merchant.card.amount'), formatMoney(c.quote.cash, c.quote.currency)],
    [t('merchant.card.priority'), t(c.priority === 'high' ? 'merchant.priority.high' : 'merchant.priority.normal')],
    [t('merchant.card.status'), t(merchantStatusKey(c.status))],
  ];
  if (view.deadline) rows.push([t('merchant.card.deadline'), formatAt(view.deadline, ctx)]);
  rows.push([t('merchant.card.filed'), formatAt(c.createdAt, ctx)]);
  return facts(rows);
}

export function itemsSection(view: MerchantCaseView, ctx: CardContext): Element[] {
  return [
    text(ctx.t('merchant.card.items'), { weight: 'Bolder', spacing: 'Medium' }),
    ...itemWords(view.case, view.orderLines, ctx.lang).map((line) => text(`- ${line}`, { spacing: 'None' })),
  ];
}

export function wordsSection(view: MerchantCaseView, ctx: CardContext): Element[] {
  const c = view.case;
  const out: Element[] = [text(ctx.t('merchant.card.buyerWords'), { weight: 'Bolder', spacing: 'Medium' })];
  out.push(text(c.description.trim() ? `“${c.description.trim()}”` : ctx.t('merchant.card.noWords'), { isSubtle: !c.description.trim() }));
  if (c.resubmissions > 0) out.push(text(ctx.t('merchant.card.resubmitted', { count: c.resubmissions }), { isSubtle: true, size: 'Small' }));
  return out;
}

/** The quote: cash back, and what else the buyer gets back or pays. */
export function quoteSection(view: MerchantCaseView, ctx: CardContext): Element {
  const q = view.case.quote;
  const { t } = ctx;
  const rows: [string, string][] = [[t('merchant.quote.goods'), formatMoney(q.goodsCash, q.currency)]];
  if (q.shippingRefunded > 0) rows.push([t('merchant.quote.shipping'), formatMoney(q.shippingRefunded, q.currency)]);
  rows.push([t('merchant.quote.cash'), formatMoney(q.cash, q.currency)]);
  if (q.pointsRestored > 0) rows.push([t('merchant.quote.points'), String(q.pointsRestored)]);
  if (q.couponReturned > 0) rows.push([t('merchant.quote.coupon'), formatMoney(q.couponReturned, q.currency)]);
  if (q.redPacketReturned > 0) rows.push([t('merchant.quote.redPacket'), formatMoney(q.redPacketReturned, q.currency)]);
  if (q.returnFreightPaidBy) {
    rows.push([t('merchant.quote.freight'), t(q.returnFreightPaidBy === 'merchant' ? 'merchant.quote.freight.merchant' : 'merchant.quote.freight.buyer')]);
  }
  return container([text(t('merchant.card.quote'), { weight: 'Bolder' }), facts(rows)], { spacing: 'Medium' });
}

/** Images as thumbnails (a tap opens the full picture); videos and PDFs as links. */
export function evidenceSection(view: MerchantCaseView, ctx: CardContext): Element[] {
  const { t } = ctx;
  const head = text(t('merchant.card.evidence', { count: view.evidence.length }), { weight: 'Bolder', spacing: 'Medium' });
  if (view.evidence.length === 0) return [head, text(t('merchant.card.noEvidence'), { isSubtle: true })];
  const images = view.evidence.filter((e) => e.kind === 'image');
  const others = view.evidence.filter((e) => e.kind !== 'image');
  const out: Element[] = [head];
  if (images.length > 0) {
    out.push({
      type: 'ImageSet',
      imageSize: 'medium',
      images: images.map((e, i) => ({
        type: 'Image',
        url: e.url,
        altText: e.name ?? t('merchant.card.photo', { n: i + 1 }),
        selectAction: { type: 'Action.OpenUrl', url: e.url, title: t('merchant.card.open') },
      })),
    });
  }
  others.forEach((e, i) => {
    const label = e.name ?? t(e.kind === 'video' ? 'merchant.card.video' : 'merchant.card.pdf', { n: i + 1 });
    out.push(text(`[${label.replace(/[[\]]/g, '')}](${e.url})`, { spacing: 'Small' }));
  });
  return out;
}

export function returnSection(view: MerchantCaseView, ctx: CardContext): Element[] {
  const s = view.case.returnShipment;
  if (!s) return [];
  const { t } = ctx;
  const rows: [string, string][] = [
    [t('merchant.return.carrier'), s.carrier],
    [t('merchant.return.tracking'), s.trackingNumber],
    [t('merchant.return.shipped'), formatAt(s.shippedAt, ctx)],
  ];
  if (s.deliveredAt) rows.push([t('merchant.return.delivered'), formatAt(s.deliveredAt, ctx)]);
  return [text(t('merchant.card.returnParcel'), { weight: 'Bolder', spacing: 'Medium' }), facts(rows)];
}

/** What has been decided so far, one line each, oldest first. */
export function historyLines(view: MerchantCaseView, ctx: CardContext): string[] {
  const c: RefundCase = view.case;
  const { t } = ctx;
  const who = (actor: Actor): string => whoWords(actor, view, ctx);
  const at = (iso: string): string => formatAt(iso, ctx);
  const lines: string[] = [];
  if (c.fastTrack) lines.push(t(c.fastTrack === 'before_shipment' ? 'merchant.history.fastTrack.before_shipment' : 'merchant.history.fastTrack.logistics_delay'));
  if (c.interceptionFailed) lines.push(t('merchant.history.interceptionFailed'));
  const lastRequest = c.evidenceRequests.at(-1);
  if (lastRequest && c.status === 'pending_merchant') {
    lines.push(t('merchant.history.evidenceRequested', { who: who(lastRequest.by), at: at(lastRequest.at), message: lastRequest.remark ?? '' }));
  }
  const d = c.merchantDecision;
  // A failed inspection records itself as a rejection too: it is worded once, under the inspection.
  const failedInspection = c.inspection?.outcome === 'damaged' || c.inspection?.outcome === 'wrong_item';
  if (d && !(d.outcome === 'rejected' && failedInspection)) {
    const params = { who: who(d.by), at: at(d.at) };
    switch (d.outcome) {
      case 'approved':
        lines.push(t('merchant.history.approved', params));
        break;
      case 'approved_without_return':
        lines.push(t('merchant.history.approvedWithoutReturn', params));
        break;
      case 'auto_approved':
        lines.push(t('merchant.history.autoApproved', { at: params.at }));
        break;
      case 'rejected':
        lines.push(t('merchant.history.rejected', { ...params, code: t(rejectWordKey(d.code)) }));
        break;
      default: {
        const never: never = d.outcome;
        throw new Error(`unknown decision ${String(never)}`);
      }
    }
    if (d.remark) lines.push(t('merchant.history.remark', { remark: d.remark }));
  }
  const i = c.inspection;
  if (i) {
    const params = { who: who(i.by), at: at(i.at) };
    switch (i.outcome) {
      case 'ok':
        lines.push(t(i.by.role === 'system' ? 'merchant.history.inspectionTimeout' : 'merchant.history.inspectionOk', params));
        break;
      case 'damaged':
      case 'wrong_item':
        lines.push(t('merchant.history.inspectionFailed', { ...params, problem: t(problemKey(i.outcome)) }));
        break;
      case 'short':
        lines.push(t('merchant.history.inspectionShort', params));
        break;
      default: {
        const never: never = i.outcome;
        throw new Error(`unknown inspection ${String(never)}`);
      }
    }
    if (i.remark) lines.push(t('merchant.history.remark', { remark: i.remark }));
  }
  const p = c.platformDecision;
  if (p) {
    const key: MessageKey =
      p.outcome === 'approved' ? 'merchant.history.platformApproved' : p.outcome === 'rejected' ? 'merchant.history.platformRejected' : 'merchant.history.platformIntervened';
    lines.push(t(key, { at: at(p.at) }));
  }
  if (c.status === 'closed') lines.push(t(closeKey(c.closeReason)));
  return lines;
}

export function historySection(view: MerchantCaseView, ctx: CardContext): Element[] {
  const lines = historyLines(view, ctx);
  if (lines.length === 0) return [];
  return [container(lines.map((l) => text(l, { spacing: 'Small' })), { spacing: 'Medium', separator: true })];
}

export const REJECT_WORDS = ['evidence_insufficient', 'not_as_claimed', 'outside_policy', 'item_used_or_damaged_by_buyer', 'other'] as const;

export function rejectWordKey(code: string | undefined): MessageKey {
  return code && (REJECT_WORDS as readonly string[]).includes(code) ? (`merchant.rejectCode.${code as (typeof REJECT_WORDS)[number]}` as const) : 'merchant.rejectCode.other';
}

export const problemKey = (p: 'damaged' | 'wrong_item'): MessageKey => (p === 'damaged' ? 'merchant.problem.damaged' : 'merchant.problem.wrong_item');

function closeKey(reason: RefundCase['closeReason']): MessageKey {
  switch (reason) {
    case 'buyer_cancelled':
      return 'merchant.close.buyer_cancelled';
    case 'buyer_accepted_rejection':
      return 'merchant.close.buyer_accepted_rejection';
    case 'escalation_window_expired':
      return 'merchant.close.escalation_window_expired';
    case 'return_not_shipped':
      return 'merchant.close.return_not_shipped';
    case 'platform_rejected':
      return 'merchant.close.platform_rejected';
    case undefined:
      return 'merchant.close.unknown';
    default: {
      const never: never = reason;
      throw new Error(`unknown close reason ${String(never)}`);
    }
  }
}
