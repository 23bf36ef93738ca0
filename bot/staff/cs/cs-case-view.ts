import type { OrderCatalogue, RefundCase, RefundService } from '../../../services/refunds';
import { SYSTEM, scheduleOf } from '../../../services/refunds';
import type { CsCaseView } from '../../cards/staff/cs-case-card';

// Everything a CS case card shows, gathered in one place: the case, who the buyer and the shop are, the buyer's
// words when escalating, and signed links to the evidence (staff never get the files any other way).

export interface CsCaseViewsOptions {
  refunds: RefundService;
  orders: Pick<OrderCatalogue, 'getOrder' | 'getBuyer' | 'getShop'>;
  evidenceUrl(sha256: string): string;
  /** An agent's display name by their id, where known. */
  nameOf?: (userId: string) => Promise<string | null>;
}

export class CsCaseViews {
  constructor(private readonly o: CsCaseViewsOptions) {}

  /** The case as CS sees it, or null when there is no such case. */
  async load(caseId: string): Promise<CsCaseView | null> {
    const loaded = await this.o.refunds.getCase(SYSTEM, caseId);
    return loaded.ok ? this.of(loaded.value) : null;
  }

  async of(c: RefundCase): Promise<CsCaseView> {
    const [order, buyer, shop, trail] = await Promise.all([
      this.o.orders.getOrder(c.orderId),
      this.o.orders.getBuyer(c.buyerId),
      this.o.orders.getShop(c.shopId),
      this.o.refunds.auditTrail(SYSTEM, c.id),
    ]);
    const escalation = trail.ok ? [...trail.value].reverse().find((e) => e.event === 'buyer_escalate') : undefined;
    const schedule = scheduleOf(c, this.o.refunds.policy);
    const alert = schedule.notices.find((n) => n.kind === 'alert' && n.to === 'cs');
    const voucher = c.payment?.offlineVoucher;
    const platformBy = c.platformDecision ? ((await this.o.nameOf?.(c.platformDecision.by.id)) ?? null) : null;
    return {
      c,
      buyerName: buyer?.name ?? null,
      shopName: shop ? { zh: shop.name, en: shop.nameEn ?? shop.name } : null,
      lines: (order?.lines ?? []).map((l) => ({ index: l.index, title: l.title, titleEn: l.titleEn })),
      escalation: escalation ? { at: escalation.at, ...(escalation.remark ? { remark: escalation.remark } : {}) } : null,
      platformBy,
      evidence: c.evidence.map((e, i) => ({ name: e.name ?? `#${i + 1}`, kind: e.kind, url: this.o.evidenceUrl(e.sha256) })),
      voucherUrl: voucher ? this.o.evidenceUrl(voucher) : null,
      deadline: schedule.deadline?.toISOString() ?? null,
      alertAt: alert ? alert.at.toISOString() : null,
    };
  }
}
