import { createHash, randomUUID } from 'node:crypto';
import type { SimulatedGateway } from '../../../services/payments';
import type { RefundCase } from '../../../services/refunds';
import { voucherOf } from '../../../bot/staff/cs/cs-messages';
import { recordedText } from '../../support/fake-connector';
import type { CsHarness } from './cs-harness';
import { BUYER, answeredCard, cardText, cardsOf, current, executeActions, must, startCsHarness, waitForText } from './cs-harness';

// Failed refund payments: the gateway declines for good, CS is alerted at once with the failed-payment card, and
// an agent either retries under a new payment key generation or settles offline with an uploaded voucher.

const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG_SHA256 = createHash('sha256').update(Buffer.from(PNG, 'base64')).digest('hex');

/** A fast-tracked refund whose payment the gateway declines: the case ends in refund_failed. */
async function declinedCase(h: CsHarness, orderId: 'DEMO-1001' | 'DEMO-1004'): Promise<RefundCase> {
  const request =
    orderId === 'DEMO-1001'
      ? { orderId, lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }
      : { orderId, lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'logistics_delay' };
  const filed = must(await h.service.file(BUYER, request, randomUUID()));
  expect(filed.status).toBe('refund_pending');
  (h.test.app.infra.payments as SimulatedGateway).script(`refund:${filed.id}:g1`, ['declined']);
  await h.test.app.infra.core.timers.sweep();
  const failed = await current(h.service, filed.id);
  expect(failed.status).toBe('refund_failed');
  return failed;
}

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('CS desk: failed payments (%s)', (_name, redis) => {
  let h: CsHarness;
  beforeAll(async () => {
    h = await startCsHarness({ redis });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('a declined payment alerts CS at once; retry pays under a new key generation, and only once', async () => {
    const c = await declinedCase(h, 'DEMO-1001');
    const posted = await waitForText(h.connector, h.channelId, `退款单 ${c.id}`, '退款支付被拒');
    const [card] = cardsOf(posted);
    expect(cardText(card)).toContain('simulated_decline');
    const retry = executeActions(card).find((a) => a.verb === 'cs.retry_payment');
    expect(retry?.data).toEqual({ caseId: c.id, version: c.version });
    expect(cardText(card)).toContain(`结算 ${c.id}`);

    const clicked = await h.teams.execute(h.alice, h.place, 'cs.retry_payment', retry!.data);
    expect(cardText(answeredCard(clicked.body))).toContain('重新发起支付（第 2 次）');
    const retrying = await current(h.service, c.id);
    expect(retrying).toMatchObject({ status: 'refunding', payment: { generation: 2, key: `refund:${c.id}:g2` } });

    await h.test.app.infra.core.timers.sweep();
    const paid = await current(h.service, c.id);
    expect(paid.status).toBe('refunded');
    const ledger = (h.test.app.infra.payments as SimulatedGateway).ledger().filter((row) => row.caseId === c.id);
    expect(ledger).toEqual([expect.objectContaining({ key: `refund:${c.id}:g2`, amount: paid.payment!.amount })]);
    const trail = await h.service.auditTrail(BUYER, c.id);
    expect(trail.ok && trail.value.find((e) => e.event === 'cs_retry_payment')?.data).toEqual({ generation: 2, previousKey: `refund:${c.id}:g1` });

    // The old card no longer acts: it answers with where the case stands now.
    const stale = await h.teams.execute(h.bob, h.place, 'cs.retry_payment', retry!.data);
    expect(cardText(answeredCard(stale.body))).toContain('这张卡片已过期');
    expect((h.test.app.infra.payments as SimulatedGateway).paidTwice()).toEqual([]);
  });

  it('settles offline with a voucher sent in the channel; the voucher is recorded', async () => {
    const c = await declinedCase(h, 'DEMO-1004');
    await waitForText(h.connector, h.channelId, `退款单 ${c.id}`, '退款支付被拒');

    await h.teams.say(h.bob, h.place, `settle ${c.id} refunded by bank transfer`, { locale: 'en-US' });
    await waitForText(h.connector, h.channelId, 'Attach the transfer voucher');

    await h.teams.say(h.bob, h.place, `结算 ${c.id} 已银行转账`, { attachments: [{ contentType: 'text/plain', contentUrl: `data:text/plain;base64,${Buffer.from('not a voucher').toString('base64')}`, name: 'note.txt' }] });
    await waitForText(h.connector, h.channelId, '转账凭证没有收下', 'note.txt');
    expect((await current(h.service, c.id)).status).toBe('refund_failed');

    await h.teams.say(h.bob, h.place, `结算 ${c.id} 已通过银行转账退款`, {
      attachments: [
        { contentType: 'text/html', content: '<p>结算</p>' },
        { contentType: 'image/png', contentUrl: `data:image/png;base64,${PNG}`, name: 'transfer.png' },
      ],
    });
    const reply = await waitForText(h.connector, h.channelId, `退款单 ${c.id}`, '线下结算了退款');
    const [card] = cardsOf(reply);
    expect(cardText(card)).toContain('线下结算凭证');
    const settled = await current(h.service, c.id);
    expect(settled).toMatchObject({ status: 'refunded', payment: { status: 'confirmed', offlineVoucher: PNG_SHA256 } });
    const trail = await h.service.auditTrail(BUYER, c.id);
    expect(trail.ok && trail.value.at(-1)).toMatchObject({ event: 'cs_settle_offline', actor: { role: 'cs', id: h.bob.aadObjectId }, remark: '已通过银行转账退款' });
    // No money moved through the gateway for this case.
    expect((h.test.app.infra.payments as SimulatedGateway).ledger().filter((row) => row.caseId === c.id)).toEqual([]);

    // Settling again is answered with the case as it is: nothing to settle.
    await h.teams.say(h.bob, h.place, `结算 ${c.id} 再来一次`, { attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${PNG}` }] });
    const again = await waitForText(h.connector, h.channelId, '现在不能这样处理', '已退款');
    expect(recordedText(again)).toContain(c.id);
  });

  it('someone who is not an agent cannot settle', async () => {
    await h.teams.say(h.carol, h.place, 'settle RD-000001 paid', { locale: 'en-US', attachments: [{ contentType: 'image/png', contentUrl: `data:image/png;base64,${PNG}` }] });
    await waitForText(h.connector, h.channelId, 'Only platform CS agents can do that');
  });
});

describe('the voucher among a Teams message attachments', () => {
  it('takes a Teams file by its download link, an image by its URL, and skips the message HTML and cards', () => {
    expect(
      voucherOf([
        { contentType: 'text/html', content: '<p>x</p>' },
        { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'voucher.pdf', content: { downloadUrl: 'https://contoso.sharepoint.com/v.pdf', fileType: 'pdf' } },
      ]),
    ).toEqual({ contentUrl: 'https://contoso.sharepoint.com/v.pdf', name: 'voucher.pdf' });
    expect(voucherOf([{ contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/1/views/original' }])).toEqual({
      contentType: 'image/png',
      contentUrl: 'https://smba.trafficmanager.net/amer/v3/attachments/1/views/original',
    });
    expect(voucherOf([{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }, { contentType: 'text/html', content: '' }])).toBeNull();
  });
});
