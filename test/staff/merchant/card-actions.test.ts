import type { TurnContext } from 'botbuilder';
import { MemoryMerchantDirectory } from '../../../services/merchants';
import type { RefundCase } from '../../../services/refunds';
import { DEFAULT_POLICY } from '../../../services/refunds';
import { createLogger } from '../../../bot/logger';
import { MemoryStaffReferences } from '../../../bot/staff/staff-references';
import { CaseViews } from '../../../bot/staff/merchant/case-views';
import { merchantCardActions } from '../../../bot/staff/merchant/card-actions';
import { MerchantPresence } from '../../../bot/staff/merchant/merchant-presence';
import { MERCHANT_VERBS } from '../../../bot/cards/staff/merchant-verbs';
import { aCase } from '../../support/case-builder';
import { cardErrors } from '../../support/card-schema';
import { cardText } from './merchant-world';

// The click handler on its own: what it asks of the refund service (actor, idempotency key = the invoke's id,
// expected version = the card's), and how it answers a replayed command.

describe('merchant card actions', () => {
  const log = createLogger('silent');
  const pending = aCase({ shopId: 'shop-201', type: 'refund_only', version: 3 });

  async function setup(answer: (c: RefundCase) => unknown) {
    const directory = new MemoryMerchantDirectory({ demoCodes: true });
    await directory.redeem('LINK-201', { userId: 'aad-alice', name: 'Alice' }, new Date());
    const references = new MemoryStaffReferences();
    const calls: unknown[][] = [];
    const service = {
      getCase: async () => ({ ok: true as const, value: pending }),
      execute: async (...args: unknown[]) => {
        calls.push(args);
        return answer(pending) as never;
      },
    };
    const views = new CaseViews({ orders: { getOrder: async () => null, getShop: async () => null }, policy: DEFAULT_POLICY, directory, references, evidenceUrl: (s) => `https://x/${s}` });
    const handler = merchantCardActions({ service, directory, views, presence: new MerchantPresence({ references, directory, log }), timeZone: 'Asia/Shanghai', log });
    const context = {
      activity: {
        type: 'invoke',
        id: 'invoke-42',
        channelId: 'msteams',
        locale: 'en-US',
        serviceUrl: 'http://connector.invalid/',
        from: { id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice' },
        recipient: { id: '28:bot', name: 'bot' },
        conversation: { id: 'a:alice', conversationType: 'personal', isGroup: false },
      },
    } as unknown as TurnContext;
    return { handler, context, calls, references };
  }

  it('runs the command as the merchant, keyed by the invoke id, at the version the card was drawn at', async () => {
    const approved: RefundCase = { ...pending, version: 4, status: 'refund_pending', merchantDecision: { by: { role: 'merchant', id: 'aad-alice', shopId: 'shop-201' }, at: '2026-03-05T03:00:00.000Z', outcome: 'approved', waitedMs: 1 } };
    const s = await setup(() => ({ ok: true, value: { case: approved, replayed: false } }));
    const res = await s.handler(s.context, MERCHANT_VERBS.approve, { caseId: pending.id, version: 3 });
    expect(s.calls).toEqual([[{ role: 'merchant', id: 'aad-alice', shopId: 'shop-201' }, pending.id, { kind: 'merchant_approve' }, 'invoke-42', { expectedVersion: 3 }]]);
    expect(res.statusCode).toBe(200);
    expect(cardErrors(res.value)).toEqual([]);
    expect(cardText(res.value)).toContain('Approved by Alice at');
    // The click also keeps where Alice can be reached.
    expect((await s.references.user('aad-alice'))?.conversation?.id).toBe('a:alice');
  });

  it('answers a replayed command with the case as it is now', async () => {
    const s = await setup(() => ({ ok: true, value: { case: { ...pending, version: 4, status: 'refund_pending' }, replayed: true } }));
    const res = await s.handler(s.context, MERCHANT_VERBS.approve, { caseId: pending.id, version: 3 });
    // The service's getCase still shows the case pending (this fake never changes it): the card follows it.
    expect(cardText(res.value)).toContain('Now: Needs your decision.');
    expect(cardText(res.value)).not.toContain('Refund about to be paid');
  });

  it('refuses unknown verbs and cards without a case', async () => {
    const s = await setup(() => ({ ok: false, error: { kind: 'not_found' } }));
    expect((await s.handler(s.context, 'merchant.dance', {})).statusCode).toBe(400);
    expect((await s.handler(s.context, MERCHANT_VERBS.approve, { version: 1 })).statusCode).toBe(400);
    expect(s.calls).toEqual([]);
  });
});
