import type { Alternative } from '../../bot/cards/buyer/refusal-card';
import type { FilingRequest, Refusal } from '../../services/refunds';
import type { OrderFacts } from './order-facts';

// What a refused buyer can do instead, read off the refusal codes: a return for a real problem instead of a
// no-reason return, another allowed type, files where they are missing, other items or another order; a person
// always.

export function alternativesFor(refusals: readonly Refusal[], request: FilingRequest | null, facts: OrderFacts | null): Alternative[] {
  const out: Alternative[] = [];
  const add = (alt: Alternative): void => {
    if (!out.some((a) => JSON.stringify(a) === JSON.stringify(alt))) out.push(alt);
  };
  for (const refusal of refusals) {
    switch (refusal.code) {
      case 'order_not_found':
      case 'order_not_paid':
        add({ kind: 'other_order' });
        break;
      case 'no_lines':
      case 'line_not_found':
      case 'quantity_invalid':
      case 'units_unavailable':
      case 'submission_limit_reached':
        if (facts && !facts.nothingFree) add({ kind: 'other_lines' });
        for (const caseId of facts?.openCaseIds.slice(0, 2) ?? []) add({ kind: 'status', caseId });
        break;
      case 'type_not_allowed':
        if (refusal.reason === 'no_reason_7_days' && refusal.shipping === 'delivered') {
          add({ kind: 'real_reason' });
        } else if (refusal.allowed.length > 0) {
          for (const type of refusal.allowed) add({ kind: 'type', type });
        } else {
          add({ kind: 'other_reason' });
        }
        break;
      case 'no_reason_window_expired':
      case 'no_reason_excluded':
        add({ kind: 'real_reason' });
        break;
      case 'evidence_required':
        add({ kind: 'upload' });
        break;
      default: {
        const unknown: never = refusal;
        throw new Error(`unknown refusal ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (request && out.length === 0) add({ kind: 'other_reason' });
  add({ kind: 'human' });
  return out;
}
