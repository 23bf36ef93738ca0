import { createHash } from 'node:crypto';
import type { CaseType, EvidenceRef, FilingRequest, ReasonCode } from '../../services/refunds';
import { CASE_TYPES, REASONS } from '../../services/refunds';

// What the buyer has said so far about the request being filed. Kept in the dialog state between turns (plain
// JSON); each step of the filing dialog asks for the first thing still missing.

/** refund: the usual request; cancel: an unshipped order; delivery: a late or lost parcel. */
export type FilingMode = 'refund' | 'cancel' | 'delivery';

/** What the buyer's words say about the kind of request ("退货", "exchange", "我要退款"...). */
export type TypeHint = CaseType | 'refund_any';

export interface DraftLine {
  lineIndex: number;
  quantity: number;
}

export interface FilingDraft {
  mode: FilingMode;
  orderId?: string;
  /** The orders the last picker listed, in order, so "the second one" means what the buyer saw. */
  offeredOrders?: string[];
  lines?: DraftLine[];
  /** The buyer asked to choose the items (a cancellation or a lost parcel otherwise covers every item). */
  chooseLines?: boolean;
  /** Lines chosen without a quantity where more than one unit could be claimed: asked one by one. */
  quantityPending?: number[];
  /** A quantity the first message mentioned ("两个"), used when only one line is chosen. */
  quantityHint?: number;
  typeHint?: TypeHint;
  type?: CaseType;
  reason?: ReasonCode;
  /** Reasons not to offer again (a no-reason return that was refused). */
  excludedReasons?: ReasonCode[];
  description?: string;
  descriptionDone?: boolean;
  evidence: EvidenceRef[];
  evidenceDone?: boolean;
  /** The buyer asked to add files (or a refusal asked for them) even where the reason does not need any. */
  evidenceWanted?: boolean;
  /** Delivery claims: the parcel's facts were shown and the buyer chose what to do. */
  deliveryChecked?: boolean;
}

export function emptyDraft(mode: FilingMode): FilingDraft {
  return { mode, evidence: [] };
}

const isReason = (v: unknown): v is ReasonCode => typeof v === 'string' && (REASONS as readonly string[]).includes(v);
const isType = (v: unknown): v is CaseType => typeof v === 'string' && (CASE_TYPES as readonly string[]).includes(v);
const isMode = (v: unknown): v is FilingMode => v === 'refund' || v === 'cancel' || v === 'delivery';

/** A positive whole number from card data (Web Chat sends inputs as strings). */
export function wholeNumber(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100_000 ? n : undefined;
}

/** The order changed: everything chosen for the old order goes (the files stay: they are the buyer's). */
export function setOrder(draft: FilingDraft, orderId: string): void {
  if (draft.orderId === orderId) return;
  draft.orderId = orderId;
  delete draft.lines;
  delete draft.quantityPending;
  delete draft.deliveryChecked;
  if (draft.mode === 'cancel') return;
  delete draft.type;
}

export function setReason(draft: FilingDraft, reason: ReasonCode): void {
  if (draft.reason === reason) return;
  draft.reason = reason;
  if (draft.mode !== 'cancel') delete draft.type;
  delete draft.evidenceDone;
}

/** Lines from the lines card: one `qty_<index>` input per line. */
export function linesFromInputs(value: Record<string, unknown>): DraftLine[] | null {
  const lines: DraftLine[] = [];
  let seen = false;
  for (const [key, raw] of Object.entries(value)) {
    const m = /^qty_(\d+)$/.exec(key);
    if (!m) continue;
    seen = true;
    const quantity = wholeNumber(raw);
    if (quantity && quantity > 0) lines.push({ lineIndex: Number(m[1]), quantity });
  }
  return seen ? lines.sort((a, b) => a.lineIndex - b.lineIndex) : null;
}

/** What a click on one of the filing cards asks for, beyond the draft fields it carries. */
export type CardCommand =
  | { kind: 'none' }
  | { kind: 'confirm'; print: string }
  | { kind: 'cancel' }
  | { kind: 'evidence_done' }
  | { kind: 'evidence_skip' }
  | { kind: 'description_skip' }
  | { kind: 'wait' }
  | { kind: 'change_menu' }
  | { kind: 'invalid_lines' };

/**
 * Applies the data of a clicked filing card to the draft. Every card carries the order (and what was chosen
 * before it), so a click on an old card, or on an earlier card of this conversation, says the same thing.
 */
export function applyCardValue(draft: FilingDraft, value: Record<string, unknown>): CardCommand {
  if (isMode(value.mode) && value.mode !== draft.mode) {
    draft.mode = value.mode;
    if (value.mode === 'cancel') {
      // Before shipment any reason allows a refund: the buyer is cancelling.
      draft.type = 'refund_only';
      draft.reason ??= 'other';
    } else {
      delete draft.type;
    }
  }
  if (typeof value.orderId === 'string' && value.orderId.trim() !== '') setOrder(draft, value.orderId.trim().toUpperCase());
  const step = typeof value.step === 'string' ? value.step : '';
  switch (step) {
    case 'order':
      return { kind: 'none' };
    case 'lines': {
      const lines = linesFromInputs(value);
      if (lines === null) return { kind: 'none' };
      if (lines.length === 0) return { kind: 'invalid_lines' };
      draft.lines = lines;
      delete draft.quantityPending;
      return { kind: 'none' };
    }
    case 'quantity': {
      const lineIndex = wholeNumber(value.lineIndex);
      const quantity = wholeNumber(value.quantity);
      if (lineIndex === undefined || !quantity) return { kind: 'none' };
      setLineQuantity(draft, lineIndex, quantity);
      return { kind: 'none' };
    }
    case 'reason':
      if (isReason(value.reason)) setReason(draft, value.reason);
      if (isType(value.type)) draft.type = value.type;
      if (value.mode === 'delivery') draft.deliveryChecked = true;
      return { kind: 'none' };
    case 'type':
      if (isReason(value.reason)) setReason(draft, value.reason);
      if (isType(value.type)) draft.type = value.type;
      return { kind: 'none' };
    case 'description':
      if (value.choice === 'skip') return { kind: 'description_skip' };
      return { kind: 'none' };
    case 'evidence':
      if (value.choice === 'done') return { kind: 'evidence_done' };
      if (value.choice === 'skip') return { kind: 'evidence_skip' };
      return { kind: 'none' };
    case 'delivery':
      if (value.choice === 'wait') return { kind: 'wait' };
      return { kind: 'none' };
    case 'confirm':
      if (value.choice === 'cancel') return { kind: 'cancel' };
      if (value.choice === 'change') return { kind: 'change_menu' };
      if (value.choice === 'confirm') return { kind: 'confirm', print: typeof value.print === 'string' ? value.print : '' };
      return { kind: 'none' };
    case 'change':
      changeField(draft, value.what);
      return { kind: 'none' };
    case 'alternative':
      applyAlternative(draft, value);
      return { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export function setLineQuantity(draft: FilingDraft, lineIndex: number, quantity: number): void {
  const lines = (draft.lines ?? []).filter((l) => l.lineIndex !== lineIndex);
  lines.push({ lineIndex, quantity });
  draft.lines = lines.sort((a, b) => a.lineIndex - b.lineIndex);
  draft.quantityPending = (draft.quantityPending ?? []).filter((i) => i !== lineIndex);
  if (draft.quantityPending.length === 0) delete draft.quantityPending;
}

/** "Change ..." from the quote card: forget that answer so it is asked again. */
export function changeField(draft: FilingDraft, what: unknown): void {
  switch (what) {
    case 'order':
      delete draft.orderId;
      delete draft.lines;
      delete draft.quantityPending;
      delete draft.deliveryChecked;
      break;
    case 'lines':
      delete draft.lines;
      delete draft.quantityPending;
      draft.chooseLines = true;
      break;
    case 'reason':
      delete draft.reason;
      delete draft.typeHint;
      delete draft.evidenceDone;
      if (draft.mode !== 'cancel') delete draft.type;
      break;
    case 'description':
      delete draft.description;
      delete draft.descriptionDone;
      break;
    case 'evidence':
      draft.evidenceWanted = true;
      delete draft.evidenceDone;
      break;
    default:
      break;
  }
}

/** What a refusal card's "instead" buttons do to the draft. */
function applyAlternative(draft: FilingDraft, value: Record<string, unknown>): void {
  switch (value.alt) {
    case 'real_reason':
      // A no-reason return that cannot be: a return for a real problem with the goods.
      draft.excludedReasons = [...new Set([...(draft.excludedReasons ?? []), 'no_reason_7_days' as const])];
      delete draft.reason;
      delete draft.type;
      delete draft.evidenceDone;
      delete draft.description;
      delete draft.descriptionDone;
      draft.typeHint = 'return_refund';
      if (draft.mode !== 'refund') draft.mode = 'refund';
      break;
    case 'other_reason':
      if (draft.reason) draft.excludedReasons = [...new Set([...(draft.excludedReasons ?? []), draft.reason])];
      delete draft.reason;
      delete draft.type;
      delete draft.typeHint;
      delete draft.evidenceDone;
      break;
    case 'type':
      if (isType(value.type)) draft.type = value.type;
      break;
    case 'upload':
      draft.evidenceWanted = true;
      delete draft.evidenceDone;
      break;
    case 'other_lines':
      delete draft.lines;
      delete draft.quantityPending;
      draft.chooseLines = true;
      break;
    case 'other_order':
      delete draft.orderId;
      delete draft.lines;
      delete draft.quantityPending;
      delete draft.deliveryChecked;
      break;
    default:
      break;
  }
}

/** The request the refund service reviews, once everything is known; null while something is missing. */
export function requestOf(draft: FilingDraft): FilingRequest | null {
  if (!draft.orderId || !draft.lines || draft.lines.length === 0 || !draft.type || !draft.reason) return null;
  return {
    orderId: draft.orderId,
    lines: draft.lines.map((l) => ({ lineIndex: l.lineIndex, quantity: l.quantity })),
    type: draft.type,
    reason: draft.reason,
    description: (draft.description ?? '').slice(0, 2000),
    evidence: draft.evidence,
  };
}

/** A short fingerprint of a request: the quote card's Confirm button files only the request it showed. */
export function requestPrint(request: FilingRequest): string {
  return createHash('sha256').update(JSON.stringify(request)).digest('hex').slice(0, 16);
}

/** The fields a card carries so a click still makes sense after the dialog that drew it has ended. */
export function cardContext(draft: FilingDraft): Record<string, unknown> {
  return {
    action: 'file_refund',
    mode: draft.mode,
    ...(draft.orderId ? { orderId: draft.orderId } : {}),
  };
}
