import type { Actor, RefundCase } from './case';
import type { CaseQuery } from './ports';

// Who may see what (DESIGN.md §2 "Who may do what"): buyers their own cases, merchants their shop's, CS and the
// system everything.

export type Visibility = 'visible' | 'hidden' | 'other_shop';

export function visibility(actor: Actor, c: Pick<RefundCase, 'buyerId' | 'shopId'>): Visibility {
  switch (actor.role) {
    case 'buyer':
      // Another buyer's case is reported as unknown, so guessing ids reveals nothing.
      return c.buyerId === actor.id ? 'visible' : 'hidden';
    case 'merchant':
      return actor.shopId && c.shopId === actor.shopId ? 'visible' : 'other_shop';
    case 'cs':
    case 'system':
      return 'visible';
    default: {
      const never: never = actor.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

/** Narrows a query to what the actor may see. */
export function scopeQuery(actor: Actor, query: CaseQuery): CaseQuery | null {
  switch (actor.role) {
    case 'buyer':
      return { ...query, buyerId: actor.id };
    case 'merchant':
      return actor.shopId ? { ...query, shopId: actor.shopId } : null;
    case 'cs':
    case 'system':
      return query;
    default: {
      const never: never = actor.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}
