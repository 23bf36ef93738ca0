import { randomUUID } from 'node:crypto';
import { BotConversation } from '../../support/bot-http';
import { recordedText } from '../../support/fake-connector';
import type { CsHarness } from './cs-harness';
import { BUYER, answeredCard, current, cardText, cardsOf, escalatedCase, executeActions, must, pendingCase, startCsHarness, waitForText } from './cs-harness';

// Platform review in the CS channel, over HTTP through the real server: the desk learns its channel and agents
// on install, posts the review card when a buyer escalates, and takes agents' decisions from the card.

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('CS desk: platform review (%s)', (_name, redis) => {
  let h: CsHarness;
  beforeAll(async () => {
    h = await startCsHarness({ redis });
  });
  afterAll(async () => {
    await h.stop();
  });

  it('on install in the CS channel, fetches the channel members as the agents', () => {
    const fetched = h.connector.requests.filter((r) => r.method === 'GET' && decodeURIComponent(r.path) === `/v3/conversations/${h.channelId}/members`);
    expect(fetched).toHaveLength(1);
  });

  it('posts the review card when a buyer escalates; an agent approves it; the buyer is told', async () => {
    const buyer = new BotConversation(h.test.app.url, BUYER.id, { serviceUrl: h.connector.url });
    await buyer.say('你好');
    const c = await escalatedCase(h.service);

    const posted = await waitForText(h.connector, h.channelId, `退款单 ${c.id}`);
    const [card] = cardsOf(posted);
    const text = cardText(card);
    expect(text).toContain('买家不接受商家的拒绝');
    expect(text).toContain('包装完好，没有拆封');
    expect(text).toContain('已拆封');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['cs.approve', 'cs.reject', 'cs.request_evidence', 'cs.request_evidence']);
    const approve = executeActions(card).find((a) => a.verb === 'cs.approve')!;
    expect(approve.data).toEqual({ caseId: c.id, version: c.version });
    expect((card as { refresh?: { userIds?: string[] } }).refresh?.userIds).toEqual(expect.arrayContaining([h.alice.id, h.bob.id]));

    const clicked = await h.teams.execute(h.alice, h.place, 'cs.approve', { ...approve.data, remark: '包装完好，支持退货' }, { replyToId: posted.id });
    expect(clicked.status).toBe(200);
    const outcome = answeredCard(clicked.body);
    expect(cardText(outcome)).toContain('alice');
    expect(cardText(outcome)).toContain('审核通过');
    const after = await current(h.service, c.id);
    expect(after.status).toBe('awaiting_return_shipment');
    expect(after.platformDecision).toMatchObject({ outcome: 'approved', by: { role: 'cs', id: h.alice.aadObjectId }, remark: '包装完好，支持退货' });
    // The posted card itself is updated too, for agents whose view does not refresh.
    const updated = await h.connector.waitFor((r) => r.kind === 'update' && r.activityId === posted.id);
    expect(cardText(cardsOf(updated)[0])).toContain('alice');
    // Nothing new for CS in the channel: the agent has the answer.
    expect(h.connector.sentTo(h.channelId).filter((r) => recordedText(r).includes(`退款单 ${c.id}`))).toHaveLength(1);

    const told = await h.connector.waitFor((r) => r.conversationId === buyer.conversationId && (r.kind === 'send' || r.kind === 'reply'));
    expect(recordedText(told)).toContain(c.id);
  });

  it('a rejection needs a remark: without one the card comes back with the reason and nothing changes', async () => {
    const c = await escalatedCase(h.service, 1);
    await waitForText(h.connector, h.channelId, `退款单 ${c.id}`);
    const missing = await h.teams.execute(h.bob, h.place, 'cs.reject', { caseId: c.id, version: c.version, remark: '  ' });
    const redrawn = answeredCard(missing.body);
    expect(cardText(redrawn)).toContain('驳回需要填写备注');
    expect(executeActions(redrawn).map((a) => a.verb)).toContain('cs.reject');
    const still = await h.service.getCase(BUYER, c.id);
    expect(still.ok && still.value.version).toBe(c.version);

    const rejected = await h.teams.execute(h.bob, h.place, 'cs.reject', { caseId: c.id, version: c.version, remark: '商品已拆封，不支持无理由退货' });
    expect(cardText(answeredCard(rejected.body))).toContain('驳回');
    const closed = await h.service.getCase(BUYER, c.id);
    expect(closed.ok && closed.value).toMatchObject({ status: 'closed', closeReason: 'platform_rejected' });
  });

  it('asks the shop or the buyer for evidence with a message; the case stays in review', async () => {
    const c = await escalatedCase(h.service, 2);
    const blank = await h.teams.execute(h.alice, h.place, 'cs.request_evidence', { caseId: c.id, version: c.version, from: 'merchant' }, { locale: 'en-US' });
    expect(cardText(answeredCard(blank.body))).toContain('Write in the remark what evidence is needed.');
    expect((await current(h.service, c.id)).version).toBe(c.version);

    const asked = await h.teams.execute(h.alice, h.place, 'cs.request_evidence', { caseId: c.id, version: c.version, from: 'merchant', remark: '请提供发货前的商品照片' });
    const card = answeredCard(asked.body);
    expect(cardText(card)).toContain('alice 于');
    expect(cardText(card)).toContain('要求商家补充凭证');
    expect(cardText(card)).toContain('请提供发货前的商品照片');
    // The answer is the review card at the new version: the agent can go on deciding from it.
    const after = await current(h.service, c.id);
    expect(after).toMatchObject({ status: 'platform_review', version: c.version + 1 });
    expect(after.evidenceRequests.at(-1)).toMatchObject({ code: 'merchant', remark: '请提供发货前的商品照片', by: { role: 'cs' } });
    expect(executeActions(card).find((a) => a.verb === 'cs.approve')?.data).toEqual({ caseId: c.id, version: after.version });
  });

  it('someone who is not an agent gets a refusal card and nothing changes', async () => {
    const c = await escalatedCase(h.service, 0);
    const before = h.connector.requests.length;
    const refused = await h.teams.execute(h.carol, h.place, 'cs.approve', { caseId: c.id, version: c.version });
    const card = answeredCard(refused.body);
    expect(cardText(card)).toContain('仅限平台客服操作');
    expect(executeActions(card)).toEqual([]);
    // The roster was fetched moments ago: it is not fetched again for every stranger's click.
    expect(h.connector.requests.slice(before).some((r) => r.path.endsWith('/members'))).toBe(false);
    const still = await h.service.getCase(BUYER, c.id);
    expect(still.ok && still.value).toMatchObject({ status: 'platform_review', version: c.version });

    // In English too.
    const en = await h.teams.execute(h.carol, h.place, 'cs.approve', { caseId: c.id, version: c.version }, { locale: 'en-US' });
    expect(cardText(answeredCard(en.body))).toContain('For platform CS agents only');
  });

  it('two agents racing on one card: one decision stands, the other sees who decided', async () => {
    const c = (await h.service.listCases({ role: 'cs', id: 'reader' }, { status: 'platform_review' }))[0]!;
    const data = { caseId: c.id, version: c.version };
    const [a, b] = await Promise.all([
      h.teams.execute(h.alice, h.place, 'cs.approve', data),
      h.teams.execute(h.bob, h.place, 'cs.reject', { ...data, remark: '证据不足' }, { locale: 'en-US' }),
    ]);
    const texts = [cardText(answeredCard(a.body)), cardText(answeredCard(b.body))];
    const after = await h.service.getCase(BUYER, c.id);
    if (!after.ok) throw new Error('case gone');
    expect(after.value.version).toBe(c.version + 1);
    if (after.value.platformDecision?.outcome === 'approved') {
      expect(texts[0]).toContain('审核通过');
      expect(texts[1]).toContain('This card was out of date: alice approved it');
    } else {
      expect(after.value.platformDecision?.outcome).toBe('rejected');
      expect(texts[0]).toContain('这张卡片已过期：bob');
      expect(texts[1]).toContain('Rejected by bob');
    }
    // A stale card keeps answering with the current state.
    const late = await h.teams.execute(h.alice, h.place, 'cs.approve', data);
    expect(cardText(answeredCard(late.body))).toContain('这张卡片已过期');
  });

  it('a click delivered twice (same invoke id) decides once and answers the same', async () => {
    const c = await pendingCase(h.service, 1);
    const id = `dup-${randomUUID()}`;
    const first = await h.teams.execute(h.alice, h.place, 'cs.intervene', { caseId: c.id, version: c.version, remark: '买家投诉' }, { id });
    const again = await h.teams.execute(h.alice, h.place, 'cs.intervene', { caseId: c.id, version: c.version, remark: '买家投诉' }, { id });
    expect(cardText(answeredCard(first.body))).toContain('介入');
    expect(again.body).toEqual(first.body);
    const trail = await h.service.auditTrail(BUYER, c.id);
    expect(trail.ok && trail.value.filter((e) => e.event === 'cs_intervene')).toHaveLength(1);
    // Cancelled again so later tests can use the line.
    must(await h.service.execute(BUYER, c.id, { kind: 'buyer_cancel' }, randomUUID()));
  });

  it('intervene command moves an open case into platform review and answers with the review card', async () => {
    const c = await pendingCase(h.service, 1);
    await h.teams.say(h.bob, h.place, `<at>Refund Desk</at> 介入 ${c.id} 商家长时间未回复买家`, {
      entities: [{ type: 'mention', mentioned: { id: '28:refund-desk', name: 'Refund Desk' }, text: '<at>Refund Desk</at>' }],
    });
    const reply = await waitForText(h.connector, h.channelId, c.id, '介入');
    const [card] = cardsOf(reply);
    expect(executeActions(card).map((a) => a.verb)).toContain('cs.approve');
    const after = await h.service.getCase(BUYER, c.id);
    expect(after.ok && after.value).toMatchObject({ status: 'platform_review', platformDecision: { outcome: 'intervened', remark: '商家长时间未回复买家' } });
    // The intervention is not posted again by the alerts: the agent got the card as the answer.
    const settled = await h.connector.settle(150, (r) => r.conversationId === h.channelId && recordedText(r).includes(`退款单 ${c.id}`));
    expect(settled).toHaveLength(1);

    const incomplete = await h.teams.say(h.bob, h.place, `intervene ${c.id}`, { locale: 'en-US' });
    expect(incomplete.status).toBeLessThan(300);
    await waitForText(h.connector, h.channelId, 'Add the case number and a remark');
  });

  it('case, open and help commands in both languages', async () => {
    const open = (await h.service.listCases({ role: 'cs', id: 'reader' }, { status: 'platform_review' }))[0]!;
    await h.teams.say(h.alice, h.place, `case ${open.id}`, { locale: 'en-US' });
    const shown = await waitForText(h.connector, h.channelId, `Case ${open.id}`);
    expect(executeActions(cardsOf(shown)[0]).map((a) => a.verb)).toContain('cs.approve');

    await h.teams.say(h.alice, h.place, '待处理');
    const list = await waitForText(h.connector, h.channelId, '待处理（');
    expect(recordedText(list)).toContain(open.id);
    const [listCard] = cardsOf(list);
    expect(executeActions(listCard).map((a) => a.verb)).toContain('cs.view');
    const viewed = await h.teams.execute(h.alice, h.place, 'cs.view', { caseId: open.id });
    expect(viewed.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    await h.connector.waitFor((r) => r.conversationId === h.channelId && recordedText(r).includes(`退款单 ${open.id}`));

    await h.teams.say(h.alice, h.place, 'help', { locale: 'en-US' });
    await waitForText(h.connector, h.channelId, 'CS channel commands');
    await h.teams.say(h.alice, h.place, '帮助');
    await waitForText(h.connector, h.channelId, 'CS 频道指令');
    await h.teams.say(h.alice, h.place, '查看 RD-999999');
    await waitForText(h.connector, h.channelId, '找不到退款单 RD-999999');
  });
});
