import type { RefundCase } from '../../../services/refunds';
import type { Lang } from '../../../bot/i18n';
import { translator } from '../../../bot/i18n';
import type { CardContext } from '../../../bot/cards/buyer/case-words';
import { merchantCaseCard } from '../../../bot/cards/staff/merchant-case-card';
import type { MerchantCaseView } from '../../../bot/cards/staff/merchant-case-view';
import { MERCHANT_VERBS, shortQuantityInput } from '../../../bot/cards/staff/merchant-verbs';
import { aCase } from '../../support/case-builder';
import { cardErrors } from '../../support/card-schema';

// The merchant's case card as a pure function of the case: valid Adaptive Cards 1.5 in both languages for every
// status, the right buttons in the right states, evidence as thumbnails and links, and refresh for the shop.

const ADDRESS = { recipient: '数码优选售后部 李娜', phone: '0755-2683-0201', address: '广东省深圳市南山区科苑路 88 号' };

function viewOf(c: RefundCase, extra: Partial<MerchantCaseView> = {}): MerchantCaseView {
  return {
    case: c,
    orderLines: [
      { index: 0, title: '无线蓝牙耳机 Air 2 白色', titleEn: 'Wireless Earphones Air 2, white' },
      { index: 1, title: '65W 氮化镓快充充电器', titleEn: '65W GaN fast charger' },
    ],
    shopReturnAddress: ADDRESS,
    deadline: '2026-03-06T02:00:00.000Z',
    evidence: c.evidence.map((e) => ({ kind: e.kind, ...(e.name ? { name: e.name } : {}), url: `https://bot.example/evidence/${e.sha256}?sig=x`, addedBy: e.addedBy })),
    refreshUserIds: ['29:alice', '29:bob'],
    names: { 'aad-alice': 'Alice Li' },
    ...extra,
  };
}

const ctxOf = (lang: Lang): CardContext => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });

type Json = Record<string, unknown>;
const actionsOf = (card: Json): Json[] => (card.actions as Json[] | undefined) ?? [];
const walk = (node: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, out));
  else if (node && typeof node === 'object') {
    out.push(node as Json);
    Object.values(node).forEach((v) => walk(v, out));
  }
  return out;
};
const executes = (card: Json): Json[] => walk(card.actions).filter((n) => n.type === 'Action.Execute');
const inputs = (card: Json): Json[] => walk(card).filter((n) => typeof n.type === 'string' && (n.type as string).startsWith('Input.'));
const textOfCard = (card: Json): string =>
  walk(card)
    .flatMap((n) => [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'))
    .join('\n');

const STATUSES: RefundCase['status'][] = [
  'pending_merchant',
  'platform_review',
  'merchant_rejected',
  'awaiting_return_shipment',
  'return_in_transit',
  'return_received',
  'exchange_shipping',
  'refund_pending',
  'refunding',
  'refund_failed',
  'refunded',
  'exchanged',
  'closed',
];

describe('merchant case card', () => {
  it.each(STATUSES.flatMap((s) => (['zh-CN', 'en-US'] as Lang[]).map((l) => [s, l] as const)))('is a valid card in %s (%s)', (status, lang) => {
    const c = aCase({
      status,
      returnShipment: { carrier: 'SF', trackingNumber: 'SF1234567890', shippedAt: '2026-03-06T02:00:00.000Z', deliveredAt: '2026-03-07T02:00:00.000Z' },
      merchantDecision: { by: { role: 'merchant', id: 'aad-alice', shopId: 'shop-1' }, at: '2026-03-05T03:00:00.000Z', outcome: 'approved', waitedMs: 3_600_000 },
      ...(status === 'closed' ? { closeReason: 'buyer_cancelled' as const } : {}),
    });
    const card = merchantCaseCard(viewOf(c), ctxOf(lang)) as unknown as Json;
    expect(cardErrors(card)).toEqual([]);
    expect(textOfCard(card)).toContain('RD-000001');
  });

  it('asks for a decision on a return: approve with the shop address prefilled, refund without return, reject with a required code and remark, ask for evidence', () => {
    const card = merchantCaseCard(viewOf(aCase()), ctxOf('zh-CN')) as unknown as Json;
    expect(cardErrors(card)).toEqual([]);
    expect(actionsOf(card).map((a) => a.type)).toEqual(['Action.ShowCard', 'Action.ShowCard', 'Action.ShowCard', 'Action.ShowCard']);
    expect(executes(card).map((a) => a.verb)).toEqual([MERCHANT_VERBS.approve, MERCHANT_VERBS.approveWithoutReturn, MERCHANT_VERBS.reject, MERCHANT_VERBS.requestEvidence]);
    for (const a of executes(card)) expect(a.data).toEqual({ caseId: 'RD-000001', version: 1 });
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id as string, i]));
    expect(byId.returnRecipient?.value).toBe(ADDRESS.recipient);
    expect(byId.returnAddress?.value).toBe(ADDRESS.address);
    expect(byId.returnPhone?.isRequired).toBe(true);
    expect(byId.rejectCode?.isRequired).toBe(true);
    expect((byId.rejectCode?.choices as Json[]).map((c) => c.value)).toEqual(['evidence_insufficient', 'not_as_claimed', 'outside_policy', 'item_used_or_damaged_by_buyer', 'other']);
    expect(byId.rejectRemark?.isRequired).toBe(true);
    expect(byId.evidenceMessage?.isRequired).toBe(true);
    // Input ids are unique across the card and its show-cards.
    expect(new Set(inputs(card).map((i) => i.id)).size).toBe(inputs(card).length);
  });

  it('approves a refund-only case in one click, and an exchange without the refund-without-return option', () => {
    const refundOnly = merchantCaseCard(viewOf(aCase({ type: 'refund_only' })), ctxOf('en-US')) as unknown as Json;
    expect(actionsOf(refundOnly)[0]).toMatchObject({ type: 'Action.Execute', verb: MERCHANT_VERBS.approve, title: 'Approve refund' });
    expect(executes(refundOnly).map((a) => a.verb)).not.toContain(MERCHANT_VERBS.approveWithoutReturn);
    const exchange = merchantCaseCard(viewOf(aCase({ type: 'exchange' })), ctxOf('en-US')) as unknown as Json;
    expect(executes(exchange).map((a) => a.verb)).toEqual([MERCHANT_VERBS.approve, MERCHANT_VERBS.reject, MERCHANT_VERBS.requestEvidence]);
    expect(cardErrors(refundOnly)).toEqual([]);
    expect(cardErrors(exchange)).toEqual([]);
  });

  it('shows the case: order, items, amount, reason, the buyer words, priority, deadline, evidence thumbnails and links', () => {
    const c = aCase({
      evidence: [
        { sha256: 'a'.repeat(64), kind: 'image', mediaType: 'image/jpeg', size: 1, name: 'zip.jpg', addedBy: 'buyer', addedAt: '2026-03-05T02:00:00.000Z' },
        { sha256: 'b'.repeat(64), kind: 'video', mediaType: 'video/mp4', size: 1, addedBy: 'buyer', addedAt: '2026-03-05T02:00:00.000Z' },
        { sha256: 'c'.repeat(64), kind: 'pdf', mediaType: 'application/pdf', size: 1, name: 'invoice.pdf', addedBy: 'buyer', addedAt: '2026-03-05T02:00:00.000Z' },
      ],
    });
    const card = merchantCaseCard(viewOf(c), ctxOf('en-US')) as unknown as Json;
    expect(cardErrors(card)).toEqual([]);
    const words = textOfCard(card);
    for (const part of ['order-1', 'Wireless Earphones Air 2, white ×1', '¥100.00', 'Quality problem', 'the zip is broken', 'High', 'Paid by the shop', 'Mar 6, 2026']) expect(words).toContain(part);
    const images = walk(card).filter((n) => n.type === 'Image');
    expect(images).toHaveLength(1);
    expect(images[0]!.url).toBe(`https://bot.example/evidence/${'a'.repeat(64)}?sig=x`);
    expect(words).toContain(`[Video 1](https://bot.example/evidence/${'b'.repeat(64)}?sig=x)`);
    expect(words).toContain(`[invoice.pdf](https://bot.example/evidence/${'c'.repeat(64)}?sig=x)`);
  });

  it('refreshes for the shop merchants with the current version', () => {
    const card = merchantCaseCard(viewOf(aCase({ version: 4 })), ctxOf('zh-CN')) as unknown as Json;
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', verb: MERCHANT_VERBS.refresh, data: { caseId: 'RD-000001', version: 4 } }, userIds: ['29:alice', '29:bob'] });
  });

  it('draws information only when asked (fast track) and once the case has moved on, with who decided and when', () => {
    const info = merchantCaseCard(viewOf(aCase({ type: 'refund_only', fastTrack: 'before_shipment' })), ctxOf('en-US'), { interactive: false }) as unknown as Json;
    expect(actionsOf(info)).toEqual([]);
    expect(textOfCard(info)).toContain('Fast track');
    const decided = aCase({
      status: 'merchant_rejected',
      merchantDecision: { by: { role: 'merchant', id: 'aad-alice', shopId: 'shop-1' }, at: '2026-03-05T03:00:00.000Z', outcome: 'rejected', waitedMs: 1, code: 'outside_policy', remark: 'Opened and used' },
    });
    const card = merchantCaseCard(viewOf(decided), ctxOf('en-US')) as unknown as Json;
    expect(actionsOf(card)).toEqual([]);
    expect(textOfCard(card)).toContain('Rejected by Alice Li at Mar 5, 2026, 11:00 (Outside the refund rules).');
    expect(textOfCard(card)).toContain('Remark: Opened and used');
  });

  it('asks for the inspection of returned goods; short quantity only when more than one unit came back', () => {
    const one = merchantCaseCard(viewOf(aCase({ status: 'return_received' })), ctxOf('zh-CN')) as unknown as Json;
    expect(executes(one).map((a) => a.verb)).toEqual([MERCHANT_VERBS.inspectOk, MERCHANT_VERBS.inspectFailed]);
    const two = aCase({ status: 'return_received', lines: [{ lineIndex: 0, units: [1] }, { lineIndex: 1, units: [1, 2] }] });
    const card = merchantCaseCard(viewOf(two), ctxOf('zh-CN')) as unknown as Json;
    expect(cardErrors(card)).toEqual([]);
    expect(executes(card).map((a) => a.verb)).toEqual([MERCHANT_VERBS.inspectOk, MERCHANT_VERBS.inspectFailed, MERCHANT_VERBS.inspectShort]);
    const qty = inputs(card).filter((i) => i.type === 'Input.Number');
    expect(qty.map((i) => [i.id, i.max, i.value])).toEqual([
      [shortQuantityInput(0), 1, 1],
      [shortQuantityInput(1), 2, 2],
    ]);
    const byId = Object.fromEntries(inputs(card).map((i) => [i.id as string, i]));
    expect(byId.failedRemark?.isRequired).toBe(true);
    expect(byId.shortRemark?.isRequired).toBe(true);
    expect(byId.failedProblem?.isRequired).toBe(true);
    expect(textOfCard(card)).toContain('照片可选');
  });

  it('puts banners on top', () => {
    const card = merchantCaseCard(viewOf(aCase()), ctxOf('en-US'), { banners: [{ tone: 'attention', text: 'Please write a remark: nothing was changed.' }] }) as unknown as Json;
    expect(cardErrors(card)).toEqual([]);
    expect(((card.body as Json[])[1]!.items as Json[])[0]!.text).toBe('Please write a remark: nothing was changed.');
  });
});
