import { MERCHANT_VERBS, shortQuantityInput } from '../../../bot/cards/staff/merchant-verbs';
import { scheduleOf } from '../../../services/refunds';
import { recordedText } from '../../support/fake-connector';
import type { Json, MerchantWorld } from './merchant-world';
import { buttons, cardText, dataOf, merchantWorld, nodes, sweepUntilQuiet } from './merchant-world';

// Returned goods (issue 4): approval with the shop's return address, the buyer's tracking number, arrival from
// carrier data, then the inspection card: received OK, damaged or wrong item (remark required), short quantity;
// reminders 7 days and 24 hours before the inspection deadline; the refund paid at the end.

const RETURN_TRANSIT_MS = 120_000;

/** What Teams sends for a button inside a show-card: its data plus the inputs' current (prefilled) values. */
function submitWithInputs(card: Json, verb: string, changes: Json = {}): Json {
  const show = (card.actions as Json[]).find((a) => a.type === 'Action.ShowCard' && nodes(a).some((n) => n.verb === verb));
  if (!show) throw new Error(`no show-card for ${verb}`);
  const values = Object.fromEntries(nodes(show.card).filter((n) => typeof n.id === 'string' && String(n.type).startsWith('Input.')).map((n) => [n.id as string, n.value ?? '']));
  return { ...values, ...dataOf(card, verb), ...changes };
}

describe.each([
  ['memory', false],
  ['redis', true],
])('returned goods (%s)', (_name, redis) => {
  let w: MerchantWorld;
  beforeAll(async () => {
    w = await merchantWorld({ redis });
    await w.linkAll();
    await w.buyer('buyer-1001');
  });
  afterAll(async () => {
    await w.stop();
  });

  it('goes from approval through tracking number and arrival to inspection and refund, with the inspection reminders', async () => {
    const a = await w.file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 2 }], type: 'return_refund', reason: 'no_reason_7_days', description: '充电器不需要了' });
    const b = await w.file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 3 }], type: 'return_refund', reason: 'no_reason_7_days', description: '数据线多买了' });

    for (const c of [a, b]) {
      const { card } = await w.cardFor(w.alice, c.id);
      const approved = await w.execute(w.alice, MERCHANT_VERBS.approve, submitWithInputs(card, MERCHANT_VERBS.approve));
      expect(cardText(approved.body.value)).toContain('已同意：Alice Li');
      const now = await w.caseOf(c.id);
      expect(now.status).toBe('awaiting_return_shipment');
      expect(now.returnAddress?.recipient).toBe('数码优选售后部 李娜');
      const shipped = await w.app.infra.core.service.execute({ role: 'buyer', id: 'buyer-1001' }, c.id, { kind: 'return_shipped', carrier: 'SF', trackingNumber: `SF10000000${c.id.slice(-4)}` }, `ship-${c.id}`);
      expect(shipped.ok).toBe(true);
      await w.fake.waitFor((r) => r.conversationId === w.chatOf(w.bob).conversationId && recordedText(r).includes(`The buyer shipped the return of ${c.id}: SF SF10000000`));
    }

    w.clock.advance(RETURN_TRANSIT_MS + 1_000);
    expect(await w.app.infra.core.timers.pollReturns()).toBe(2);
    const arrivedA = await w.cardFor(w.alice, a.id, (t) => t.includes('退货已送达'));
    const arrivedB = await w.cardFor(w.bob, b.id, (t) => t.includes('has arrived'));
    expect(buttons(arrivedA.card).map((x) => x.verb)).toEqual([MERCHANT_VERBS.inspectOk, MERCHANT_VERBS.inspectFailed, MERCHANT_VERBS.inspectShort]);
    expect(arrivedA.text).toContain('照片可选');

    // B: a failed inspection needs a remark; then only 2 of the 3 cables came back.
    const noRemark = await w.execute(w.bob, MERCHANT_VERBS.inspectFailed, { ...dataOf(arrivedB.card, MERCHANT_VERBS.inspectFailed), failedProblem: 'damaged', failedRemark: '' });
    expect(cardText(noRemark.body.value)).toContain('Please write a remark: nothing was changed.');
    expect((await w.caseOf(b.id)).status).toBe('return_received');
    const short = await w.execute(w.bob, MERCHANT_VERBS.inspectShort, {
      ...dataOf(arrivedB.card, MERCHANT_VERBS.inspectShort),
      [shortQuantityInput(2)]: '2',
      shortRemark: 'Only two cables in the parcel',
    });
    expect(cardText(short.body.value)).toContain('Inspection recorded by Bob Chen');
    const inspectedB = await w.caseOf(b.id);
    expect(inspectedB.status).toBe('refund_pending');
    expect(inspectedB.lines).toEqual([{ lineIndex: 2, units: [1, 2] }]);

    // A: the reminders 7 days and 24 hours before the inspection deadline, then "received OK".
    const notices = scheduleOf(await w.caseOf(a.id), w.app.infra.core.service.policy).notices;
    for (const [id, words] of [
      ['reminder:7d', '还剩 7 天'],
      ['reminder:24h', '还剩 24 小时'],
    ] as const) {
      w.clock.set(notices.find((n) => n.id === id)!.at.getTime() + 60_000);
      await w.app.infra.core.timers.sweep();
      await w.cardFor(w.alice, a.id, (t) => t.includes(words));
    }
    const reminder = await w.cardFor(w.bob, a.id, (t) => t.includes('24 hours left'));
    // The card shown at arrival is stale by now (two reminders were recorded): it cannot act.
    const stale = await w.execute(w.alice, MERCHANT_VERBS.inspectOk, dataOf(arrivedA.card, MERCHANT_VERBS.inspectOk));
    expect(cardText(stale.body.value)).toContain('这张卡片显示之后');
    const ok = await w.execute(w.bob, MERCHANT_VERBS.inspectOk, dataOf(reminder.card, MERCHANT_VERBS.inspectOk));
    expect(cardText(ok.body.value)).toContain('Inspection recorded by Bob Chen');
    expect((await w.caseOf(a.id)).status).toBe('refund_pending');

    await sweepUntilQuiet(w);
    const [paidA, paidB] = [await w.caseOf(a.id), await w.caseOf(b.id)];
    expect([paidA.status, paidB.status]).toEqual(['refunded', 'refunded']);
    const ledger = w.gateway().ledger();
    expect(ledger.filter((r) => r.caseId === a.id).map((r) => r.amount)).toEqual([paidA.quote.cash]);
    expect(ledger.filter((r) => r.caseId === b.id).map((r) => r.amount)).toEqual([paidB.payment!.amount]);
    expect(paidB.payment!.amount).toBeLessThan(b.quote.cash);
    expect(w.gateway().paidTwice()).toEqual([]);
  });

  it('approves a return as refund without return', async () => {
    const c = await w.file({
      orderId: 'DEMO-1005',
      lines: [{ lineIndex: 0, quantity: 1 }],
      type: 'return_refund',
      reason: 'quality_issue',
      description: '键盘坏了',
      evidence: [{ sha256: 'f'.repeat(64), kind: 'image', mediaType: 'image/png', size: 10, addedBy: 'buyer', addedAt: '2025-06-18T02:00:00.000Z' }],
    });
    const { card } = await w.cardFor(w.bob, c.id);
    const res = await w.execute(w.bob, MERCHANT_VERBS.approveWithoutReturn, { ...dataOf(card, MERCHANT_VERBS.approveWithoutReturn), noReturnRemark: 'Keep it' });
    expect(cardText(res.body.value)).toContain('Refund without return approved by Bob Chen');
    expect(await w.caseOf(c.id)).toMatchObject({ status: 'refund_pending', refundWithoutReturn: true });
  });
});
