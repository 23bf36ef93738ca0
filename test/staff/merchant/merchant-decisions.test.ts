import { MERCHANT_VERBS } from '../../../bot/cards/staff/merchant-verbs';
import type { BotConversation } from '../../support/bot-http';
import { recordedText } from '../../support/fake-connector';
import type { Json, MerchantWorld } from './merchant-world';
import { buttons, cardText, dataOf, merchantWorld, sweepUntilQuiet } from './merchant-world';

// Merchants decide in Teams (issue 4), over HTTP with Teams-shaped activities: the new case's card reaches every
// merchant of the shop and nobody else; approve, reject (remark required, checked by the server), ask for
// evidence; racing and repeated clicks give one outcome and one refund; stale cards never act.

const PHOTO = { sha256: 'e'.repeat(64), kind: 'image', mediaType: 'image/jpeg', size: 2048, name: 'broken.jpg', addedBy: 'buyer', addedAt: '2025-06-18T02:00:00.000Z' };

describe.each([
  ['memory', false],
  ['redis', true],
])('merchant decisions (%s)', (_name, redis) => {
  let w: MerchantWorld;
  let buyer: BotConversation;
  const cardValue = (body: { value?: unknown }): Json => body.value as Json;

  beforeAll(async () => {
    w = await merchantWorld({ redis });
    await w.linkAll();
    buyer = await w.buyer('buyer-1001');
  });
  afterAll(async () => {
    await w.stop();
  });

  const buyerHeard = (text: string) =>
    w.fake.waitFor((r) => r.conversationId === buyer.conversationId && recordedText(r).includes(text));

  it('sends a new case to both merchants of shop-201 and not to shop-202, then an approval reaches the buyer and pays once', async () => {
    const c = await w.file({ orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没收到货' });
    const forAlice = await w.cardFor(w.alice, c.id);
    const forBob = await w.cardFor(w.bob, c.id);
    expect(forAlice.text).toContain('新的退款申请');
    for (const part of ['DEMO-1004', '¥379.00', '一直没收到货', '智能手表 S3 深空灰 ×1', '待您处理']) expect(forAlice.text).toContain(part);
    expect(forBob.text).toContain('Smart Watch S3, space grey ×1');
    expect(forBob.text).toContain('Needs your decision');
    const settled = await w.fake.settle(200, (r) => r.conversationId === w.chatOf(w.carol).conversationId && recordedText(r).includes(c.id));
    expect(settled).toEqual([]);
    expect((forAlice.card.refresh as Json).userIds).toEqual(expect.arrayContaining([w.alice.id, w.bob.id]));

    const res = await w.execute(w.alice, MERCHANT_VERBS.approve, dataOf(forAlice.card, MERCHANT_VERBS.approve));
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    const outcome = cardText(cardValue(res.body));
    expect(outcome).toContain('已同意：Alice Li 于');
    expect(buttons(cardValue(res.body))).toEqual([]);
    expect((await w.caseOf(c.id)).status).toBe('refund_pending');

    await buyerHeard('商家已同意');
    await w.fake.waitFor((r) => r.conversationId === w.chatOf(w.bob).conversationId && recordedText(r).includes(`Alice Li approved: ${c.id}`));
    const toAlice = await w.fake.settle(200, (r) => r.conversationId === w.chatOf(w.alice).conversationId && recordedText(r).includes('（本店）'));
    expect(toAlice).toEqual([]);

    await sweepUntilQuiet(w);
    expect((await w.caseOf(c.id)).status).toBe('refunded');
    expect(w.gateway().ledger().filter((row) => row.caseId === c.id)).toHaveLength(1);
  });

  it('refuses a rejection without a remark (card redrawn, nothing changed), then rejects with code and remark', async () => {
    const c = await w.file({ orderId: 'DEMO-1005', lines: [{ lineIndex: 0, quantity: 1 }], type: 'return_refund', reason: 'quality_issue', description: '键盘有几个键失灵', evidence: [PHOTO] });
    const { card, text } = await w.cardFor(w.alice, c.id);
    expect(text).toContain('凭证（1）');
    const image = (card.body as Json[]).flatMap((e) => (e.type === 'ImageSet' ? (e.images as Json[]) : []))[0];
    expect(String(image?.url)).toContain(`/evidence/${'e'.repeat(64)}`);

    const data = dataOf(card, MERCHANT_VERBS.reject);
    const refused = await w.execute(w.alice, MERCHANT_VERBS.reject, { ...data, rejectCode: 'outside_policy', rejectRemark: '  ' });
    expect(cardText(cardValue(refused.body))).toContain('请填写说明，申请没有变化');
    expect(buttons(cardValue(refused.body)).map((b) => b.verb)).toContain(MERCHANT_VERBS.reject);
    const unchanged = await w.caseOf(c.id);
    expect([unchanged.status, unchanged.version]).toEqual(['pending_merchant', c.version]);

    const done = await w.execute(w.alice, MERCHANT_VERBS.reject, { ...data, rejectCode: 'item_used_or_damaged_by_buyer', rejectRemark: '键盘有明显进水痕迹' });
    expect(cardText(cardValue(done.body))).toContain('已拒绝：Alice Li 于');
    expect(cardText(cardValue(done.body))).toContain('说明：键盘有明显进水痕迹');
    const rejected = await w.caseOf(c.id);
    expect(rejected.status).toBe('merchant_rejected');
    expect(rejected.merchantDecision).toMatchObject({ outcome: 'rejected', code: 'item_used_or_damaged_by_buyer', remark: '键盘有明显进水痕迹' });
    await buyerHeard('键盘有明显进水痕迹');
  });

  it('lets one of two racing merchants decide; a repeated click changes nothing; one refund is paid', async () => {
    const c = await w.file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'refund_only', reason: 'missing_parts', description: '少了一根线', evidence: [PHOTO] });
    const a = await w.cardFor(w.alice, c.id);
    const b = await w.cardFor(w.bob, c.id);
    const aliceClick = `f:race-alice-${Date.now()}`;
    const [fromAlice, fromBob] = await Promise.all([
      w.execute(w.alice, MERCHANT_VERBS.approve, dataOf(a.card, MERCHANT_VERBS.approve), aliceClick),
      w.execute(w.bob, MERCHANT_VERBS.approve, dataOf(b.card, MERCHANT_VERBS.approve)),
    ]);
    const texts = [cardText(cardValue(fromAlice.body)), cardText(cardValue(fromBob.body))];
    // The outcome banner: "已同意：…" / "Approved by … Now: …" (the history line has no "Now:").
    const winners = texts.filter((t) => t.includes('已同意：') || t.includes('. Now: '));
    const losers = texts.filter((t) => t.includes('已由') || t.includes('Already decided by'));
    expect([winners.length, losers.length]).toEqual([1, 1]);
    const winner = (await w.caseOf(c.id)).merchantDecision?.by.id;
    expect(losers[0]).toContain(winner === w.alice.aadObjectId ? 'Alice Li' : 'Bob Chen');

    const again = await w.execute(w.alice, MERCHANT_VERBS.approve, dataOf(a.card, MERCHANT_VERBS.approve), aliceClick);
    expect(again.body).toEqual(fromAlice.body);
    await sweepUntilQuiet(w);
    const after = await w.caseOf(c.id);
    expect(after.status).toBe('refunded');
    expect((await w.app.infra.store.audit(c.id)).filter((e) => e.event === 'merchant_approve')).toHaveLength(1);
    expect(w.gateway().ledger().filter((row) => row.caseId === c.id)).toHaveLength(1);
    expect(w.gateway().paidTwice()).toEqual([]);
  });

  it('answers a stale card with the current state, asks the buyer for evidence, and lets the refresh show the decision', async () => {
    const c = await w.file({ orderId: 'DEMO-1002', lines: [{ lineIndex: 1, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days', description: '不想要了' });
    const a = await w.cardFor(w.alice, c.id);
    const b = await w.cardFor(w.bob, c.id);

    const asked = await w.execute(w.bob, MERCHANT_VERBS.requestEvidence, { ...dataOf(b.card, MERCHANT_VERBS.requestEvidence), evidenceMessage: 'Please send a photo of the seal.' });
    expect(cardText(cardValue(asked.body))).toContain('The buyer was asked for more evidence (Bob Chen');
    await buyerHeard('Please send a photo of the seal.');

    // Alice's card was drawn before Bob's request: it cannot act, and shows the case as it is now.
    const stale = await w.execute(w.alice, MERCHANT_VERBS.approve, {
      ...dataOf(a.card, MERCHANT_VERBS.approve),
      returnRecipient: '李娜',
      returnPhone: '0755-2683-0201',
      returnAddress: '深圳市南山区科苑路 88 号',
    });
    const staleCard = cardValue(stale.body);
    expect(cardText(staleCard)).toContain('这张卡片显示之后，申请有了新变化（Bob Chen');
    expect((await w.caseOf(c.id)).status).toBe('pending_merchant');
    const fresh = dataOf(staleCard, MERCHANT_VERBS.approve);
    expect(fresh.version).toBe(c.version + 1);

    const approved = await w.execute(w.alice, MERCHANT_VERBS.approve, { ...fresh, returnRecipient: '李娜', returnPhone: '0755-2683-0201', returnAddress: '深圳市南山区科苑路 88 号 2 楼' });
    expect(cardText(cardValue(approved.body))).toContain('已同意：Alice Li');
    const now = await w.caseOf(c.id);
    expect(now.status).toBe('awaiting_return_shipment');
    expect(now.returnAddress).toEqual({ recipient: '李娜', phone: '0755-2683-0201', address: '深圳市南山区科苑路 88 号 2 楼' });

    const late = await w.execute(w.bob, MERCHANT_VERBS.reject, { ...dataOf(b.card, MERCHANT_VERBS.reject), rejectCode: 'other', rejectRemark: 'no' });
    expect(cardText(cardValue(late.body))).toContain('Already decided by Alice Li at');
    expect((await w.caseOf(c.id)).status).toBe('awaiting_return_shipment');

    const refreshed = await w.execute(w.bob, MERCHANT_VERBS.refresh, { caseId: c.id, version: c.version });
    expect(cardText(cardValue(refreshed.body))).toContain('Approved by Alice Li at');
    expect(buttons(cardValue(refreshed.body))).toEqual([]);
  });

  it('keeps other shops out', async () => {
    const c = (await w.app.infra.store.find({ shopId: 'shop-201' }))[0]!;
    const res = await w.execute(w.carol, MERCHANT_VERBS.refresh, { caseId: c.id, version: c.version });
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toContain('不属于您的店铺');
    const stranger = { id: '29:nobody-x', aadObjectId: '00000000-0000-4000-8000-0000000abcde', name: 'Nobody' };
    const unlinked = await w.teams.execute(stranger, w.chatOf(stranger), MERCHANT_VERBS.approve, { caseId: c.id, version: c.version });
    expect((unlinked.body as Json).value).toContain('还没有绑定店铺');
  });
});
