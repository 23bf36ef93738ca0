import type { MerchantDirectory } from '../../../services/merchants';
import type { OrderCatalogue, PolicyConfig, RefundCase } from '../../../services/refunds';
import { scheduleOf } from '../../../services/refunds';
import type { MerchantCaseView } from '../../cards/staff/merchant-case-view';
import type { StaffReferences } from '../staff-references';

// Looks up what a merchant card shows besides the case: item titles, the shop's return address, the deadline,
// signed evidence links, the shop's merchants (their names, and their Teams ids for card refresh).

export interface CaseViewsDeps {
  orders: Pick<OrderCatalogue, 'getOrder' | 'getShop'>;
  policy: PolicyConfig;
  directory: Pick<MerchantDirectory, 'merchantsOf'>;
  references: Pick<StaffReferences, 'user'>;
  evidenceUrl(sha256: string): string;
}

export class CaseViews {
  constructor(private readonly deps: CaseViewsDeps) {}

  async of(c: RefundCase): Promise<MerchantCaseView> {
    const [order, shop, merchants] = await Promise.all([this.deps.orders.getOrder(c.orderId), this.deps.orders.getShop(c.shopId), this.deps.directory.merchantsOf(c.shopId)]);
    const references = await Promise.all(merchants.map((m) => this.deps.references.user(m.userId)));
    // Teams lists users for refresh by their Teams id (29:...); a merchant never seen in a chat has none yet.
    const refreshUserIds = [...new Set(merchants.map((m, i) => references[i]?.user?.id ?? m.userId))];
    const deadline = scheduleOf(c, this.deps.policy).deadline;
    return {
      case: c,
      orderLines: (order?.lines ?? []).map((l) => ({ index: l.index, title: l.title, titleEn: l.titleEn })),
      shopReturnAddress: shop?.returnAddress ?? null,
      deadline: deadline ? deadline.toISOString() : null,
      evidence: c.evidence.map((e) => ({ kind: e.kind, ...(e.name ? { name: e.name } : {}), url: this.deps.evidenceUrl(e.sha256), addedBy: e.addedBy })),
      refreshUserIds,
      names: Object.fromEntries(merchants.flatMap((m) => (m.name ? [[m.userId, m.name]] : []))),
    };
  }
}
