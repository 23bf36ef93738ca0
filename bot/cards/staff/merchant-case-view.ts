import type { EvidenceKind, ReturnAddress, RefundCase, Role } from '../../../services/refunds';

// Everything a merchant card shows besides the case itself, looked up once per drawing (by
// bot/staff/merchant/case-views.ts) so the card builders stay pure.

export interface MerchantEvidenceLink {
  kind: EvidenceKind;
  name?: string;
  /** A signed, expiring link served by the bot. */
  url: string;
  addedBy: Role;
}

export interface MerchantCaseView {
  case: RefundCase;
  /** The order's lines, for the titles of the case's units. */
  orderLines: { index: number; title: string; titleEn?: string | undefined }[];
  /** The shop's return address: what an approval of a return prefills. */
  shopReturnAddress: ReturnAddress | null;
  /** The current state's deadline (ISO), if it has one. */
  deadline: string | null;
  evidence: MerchantEvidenceLink[];
  /** Teams user ids of the shop's merchants: their clients refresh the card to its current state. */
  refreshUserIds: string[];
  /** Display names of the shop's merchants by user id, to say who decided. */
  names: Record<string, string>;
}
