import type { Actor } from '../../../services/refunds/case';
import { SYSTEM } from '../../../services/refunds/case';
import { scopeQuery, visibility } from '../../../services/refunds/access';
import type { CaseQuery } from '../../../services/refunds/ports';
import { aCase } from '../../support/case-builder';

// DESIGN.md §2 "Who may do what": buyers see their own cases, merchants their shop's, CS and the system all.

const theCase = aCase({ buyerId: 'buyer-1', shopId: 'shop-1' });

const buyer = (id: string): Actor => ({ role: 'buyer', id });
const merchant = (id: string, shopId?: string): Actor => ({ role: 'merchant', id, ...(shopId ? { shopId } : {}) });
const cs: Actor = { role: 'cs', id: 'agent-7' };

describe('visibility', () => {
  it('shows buyers their own cases and hides the others as if unknown', () => {
    expect(visibility(buyer('buyer-1'), theCase)).toBe('visible');
    expect(visibility(buyer('buyer-2'), theCase)).toBe('hidden');
  });

  it('shows every merchant user of the shop its cases, and no other shop\'s', () => {
    expect(visibility(merchant('m-1', 'shop-1'), theCase)).toBe('visible');
    expect(visibility(merchant('m-2', 'shop-1'), theCase)).toBe('visible');
    expect(visibility(merchant('m-3', 'shop-2'), theCase)).toBe('other_shop');
  });

  it('shows nothing to a merchant who acts for no shop', () => {
    expect(visibility(merchant('m-4'), theCase)).toBe('other_shop');
  });

  it('does not let a merchant in through an id that happens to match the buyer\'s', () => {
    expect(visibility(merchant('buyer-1', 'shop-9'), theCase)).toBe('other_shop');
  });

  it('shows CS agents and the system every case', () => {
    expect(visibility(cs, theCase)).toBe('visible');
    expect(visibility(SYSTEM, theCase)).toBe('visible');
    expect(visibility(cs, aCase({ buyerId: 'buyer-9', shopId: 'shop-9' }))).toBe('visible');
  });
});

describe('scopeQuery', () => {
  const query: CaseQuery = { status: 'pending_merchant', createdFrom: new Date('2026-03-01T00:00:00.000Z') };

  it('pins a buyer\'s query to the buyer, whatever buyer it named', () => {
    expect(scopeQuery(buyer('buyer-1'), query)).toEqual({ ...query, buyerId: 'buyer-1' });
    expect(scopeQuery(buyer('buyer-1'), { ...query, buyerId: 'buyer-2' })).toEqual({ ...query, buyerId: 'buyer-1' });
  });

  it('pins a merchant\'s query to the shop, whatever shop it named', () => {
    expect(scopeQuery(merchant('m-1', 'shop-1'), { ...query, shopId: 'shop-2' })).toEqual({ ...query, shopId: 'shop-1' });
  });

  it('answers nothing to a merchant without a shop', () => {
    expect(scopeQuery(merchant('m-4'), query)).toBeNull();
  });

  it('leaves CS and system queries as they are', () => {
    const wide: CaseQuery = { ...query, shopId: 'shop-2', buyerId: 'buyer-2' };
    expect(scopeQuery(cs, wide)).toEqual(wide);
    expect(scopeQuery(SYSTEM, wide)).toEqual(wide);
  });

  it('does not change the query it was given', () => {
    const original: CaseQuery = { shopId: 'shop-2' };
    scopeQuery(merchant('m-1', 'shop-1'), original);
    expect(original).toEqual({ shopId: 'shop-2' });
  });
});
