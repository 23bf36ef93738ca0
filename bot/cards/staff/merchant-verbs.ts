// The wire format of merchant cards: Action.Execute verbs (Universal Actions, routed by the `merchant` prefix) and
// the ids of the inputs whose values Teams merges into the action's data. Cards and the invoke handler share it.

export const MERCHANT_VERBS = {
  refresh: 'merchant.refresh',
  approve: 'merchant.approve',
  approveWithoutReturn: 'merchant.approve_without_return',
  reject: 'merchant.reject',
  requestEvidence: 'merchant.request_evidence',
  inspectOk: 'merchant.inspect_ok',
  inspectFailed: 'merchant.inspect_failed',
  inspectShort: 'merchant.inspect_short',
} as const;

export type MerchantVerb = (typeof MERCHANT_VERBS)[keyof typeof MERCHANT_VERBS];

const ALL_VERBS: readonly string[] = Object.values(MERCHANT_VERBS);
export const isMerchantVerb = (verb: string): verb is MerchantVerb => ALL_VERBS.includes(verb);

/** Every input id is unique across a card and its show-cards (Teams collects inputs by id). */
export const MERCHANT_INPUTS = {
  approveRemark: 'approveRemark',
  recipient: 'returnRecipient',
  phone: 'returnPhone',
  address: 'returnAddress',
  noReturnRemark: 'noReturnRemark',
  rejectCode: 'rejectCode',
  rejectRemark: 'rejectRemark',
  evidenceMessage: 'evidenceMessage',
  okRemark: 'okRemark',
  problem: 'failedProblem',
  failedRemark: 'failedRemark',
  shortRemark: 'shortRemark',
} as const;

/** The received quantity of one case line in the short-quantity form. */
export const shortQuantityInput = (lineIndex: number): string => `shortQty${lineIndex}`;

/** What every merchant action carries besides its inputs: the case, and the version the card was drawn at. */
export interface MerchantActionData {
  caseId: string;
  version: number;
}
