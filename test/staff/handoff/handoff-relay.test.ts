import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { DomainEvent } from '../../../services/refunds';
import { textOf } from '../../support/bot-http';
import { expectValidCards } from '../../support/card-schema';
import { recordedText } from '../../support/fake-connector';
import type { HandoffHarness } from './handoff-harness';
import { personalChat } from '../../support/teams-http';
import { PNG, answeredCard, buyerPosts, cardText, cardsOf, executeActions, handoffCard, startHandoffHarness, waitForAnywhere, waitForText } from './handoff-harness';

// A buyer asks for a person; the CS channel gets the handoff packet; two agents race to take it; the winner and
// the buyer talk through the bot (files included) while the bot keeps quiet; the agent hands back and the bot
// picks up again. Over HTTP through the real server, in memory and on Redis.

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('handoff to a CS agent (%s)', (_name, redis) => {
  let h: HandoffHarness;
  beforeEach(async () => {
    h = await startHandoffHarness({ redis });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('from "转人工" to the card, a race for it, the relay both ways, bot silence and the hand-back', async () => {
    const buyer = h.buyer('buyer-1001');
    const before = await buyer.say('我的耳机坏了，电话13812345678');
    expect(before.replies.length).toBeGreaterThan(0);

    const asked = await buyer.say('转人工');
    expect(asked.status).toBe(200);
    const askedText = textOf(asked.replies);
    expect(askedText).toContain('排在第 1 位');
    expect(askedText).toContain('预计等待约 5 分钟');

    // The packet in the CS channel: who, why, the summary, what the bot said, the conversation (masked).
    const { card, handoffId } = await handoffCard(h, '王小明');
    const packet = cardText(card);
    expect(packet).toContain('转人工：王小明');
    expect(packet).toContain('买家要求转人工');
    expect(packet).toContain('buyer-1001');
    expect(packet).toContain('摘要');
    expect(packet).toContain('我的耳机坏了');
    expect(packet).toContain('机器人已答复');
    expect(packet).not.toContain('13812345678');
    expect(packet).toContain('等待客服接手');

    // Two agents race for it: one wins, the other is told who.
    const [a, b] = await Promise.all([
      h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId }),
      h.teams.execute(h.bob, h.channel, 'handoff.take', { handoffId }, { locale: 'en-US' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const cards = [answeredCard(a.body), answeredCard(b.body)].map(cardText);
    const winner = cards.every((c) => c.includes('已由 alice')) ? h.alice : h.bob;
    const loserCard = winner === h.alice ? cards[1]! : cards[0]!;
    expect(loserCard).toContain(`已由 ${winner.name} 接手（`);
    expect(cards.every((c) => c.includes(`已由 ${winner.name} 于`))).toBe(true);
    for (const c of [answeredCard(a.body), answeredCard(b.body)]) expect(executeActions(c).map((x) => x.verb)).not.toContain('handoff.take');

    // The buyer hears who joined; the winner gets the relay card in their chat with the bot.
    await waitForText(h.connector, buyer.conversationId, `客服 ${winner.name} 已接入`);
    const start = await waitForAnywhere(h.connector, winner === h.alice ? '您正在与买家 王小明 对话' : 'You are talking to 王小明');
    const agentChat = start.conversationId;
    const relayCard = cardsOf(start)[0]!;
    expect(executeActions(relayCard).map((x) => x.verb)).toEqual(['handoff.end', 'handoff.focus']);
    expect(cardText(relayCard)).toContain('我的耳机坏了');

    // While the agent owns the conversation the bot says nothing of its own: the words go to the agent.
    const mark = h.connector.activities.length;
    const silent = await buyer.say('我要退款');
    expect(silent.status).toBe(200);
    expect(silent.replies).toEqual([]);
    const relayed = await waitForText(h.connector, agentChat, '王小明', '我要退款');
    expect(relayed.kind).toBe('send');
    const withFile = await buyer.attach([{ contentType: 'image/png', contentUrl: PNG, name: 'broken.png' }], '看这张照片');
    expect(withFile.replies).toEqual([]);
    const file = await waitForText(h.connector, agentChat, '看这张照片');
    expect(file.activity.attachments).toEqual([{ contentType: 'image/png', contentUrl: PNG, name: 'broken.png' }]);

    // The agent answers from their chat: the buyer gets it in their conversation.
    const place = { conversationId: agentChat, kind: 'personal' as const };
    await h.teams.say(winner, place, '您好，我来帮您处理耳机的问题');
    const answer = await waitForText(h.connector, buyer.conversationId, `客服 ${winner.name}：您好，我来帮您处理耳机的问题`);
    expect(answer.kind).toBe('send');
    // Nothing of the bot's own reached the buyer meanwhile.
    const sinceOwned = buyerPosts(h, buyer.conversationId, mark).map(recordedText);
    expect(sinceOwned).toEqual([`客服 ${winner.name}：您好，我来帮您处理耳机的问题`]);

    // A case update while the agent owns the conversation is not pushed to the buyer by the bot.
    const filed = await h.test.app.infra.core.service.file({ role: 'buyer', id: 'buyer-1001' }, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' }, randomUUID());
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const merchant = { role: 'merchant' as const, id: 'merchant-201', shopId: 'shop-201' };
    const approved = await h.test.app.infra.core.service.execute(merchant, filed.value.case.id, { kind: 'merchant_approve' }, randomUUID());
    if (!approved.ok) throw new Error(JSON.stringify(approved.error));
    const c = approved.value.case;
    const event: DomainEvent = { id: `${c.id}:${c.version}`, caseId: c.id, version: c.version, at: c.updatedAt, actor: merchant, type: 'merchant_approve', from: 'pending_merchant', to: c.status };
    expect(await h.test.app.notifier.handle(event)).toEqual({ kind: 'skipped', why: 'owned_by_person' });

    // The agent hands back with "结束": the buyer is told and the bot offers its menu again.
    await h.teams.say(winner, place, '结束');
    await waitForText(h.connector, agentChat, '已结束与买家 王小明 的对话');
    const ended = await waitForText(h.connector, buyer.conversationId, `客服 ${winner.name} 已结束本次对话`);
    expect(ended.kind).toBe('send');
    const menu = await waitForText(h.connector, buyer.conversationId, '还有什么可以帮您？');
    expect(JSON.stringify(menu.activity.suggestedActions)).toContain('申请退款');
    await h.connector.waitFor((r) => r.conversationId === h.channelId && r.kind === 'update' && recordedText(r).includes('已结束'));

    const back = await buyer.say('我要退款');
    expect(back.replies.length).toBeGreaterThan(0);
    expectValidCards(back.replies);
    expect(await waitForText(h.connector, agentChat, '我要退款')).toBe(relayed);
  });

  it('relays to an agent who never wrote to the bot, in English, and hands back from the card button', async () => {
    const buyer = h.buyer('buyer-1002', 'en-US');
    const asked = textOf((await buyer.say('I want to talk to a real person')).replies);
    expect(asked).toContain('You are number 1 in the queue');
    expect(asked).toContain('The expected wait is about 5 minutes.');
    const { handoffId, card } = await handoffCard(h, 'Emily Carter');
    expect(cardText(card)).toContain('买家要求转人工');

    const taken = await h.teams.execute(h.bob, h.channel, 'handoff.take', { handoffId }, { locale: 'en-US' });
    expect(cardText(answeredCard(taken.body))).toContain('已由 bob 于');
    const start = await waitForAnywhere(h.connector, 'You are talking to Emily Carter');
    // Bob never wrote to the bot: the desk opened a 1:1 chat with him.
    expect(start.conversationId).toMatch(/^fake-conv-/);
    await waitForText(h.connector, buyer.conversationId, 'bob from our customer service has joined');

    await buyer.say('my cup arrived broken');
    await waitForText(h.connector, start.conversationId, 'Emily Carter: my cup arrived broken');
    await h.teams.say(h.bob, { conversationId: start.conversationId, kind: 'personal' }, 'Sorry to hear that, sending a replacement', { locale: 'en-US' });
    await waitForText(h.connector, buyer.conversationId, 'bob (customer service): Sorry to hear that, sending a replacement');

    const end = executeActions(cardsOf(start)[0]).find((x) => x.verb === 'handoff.end')!;
    const notYours = await h.teams.execute(h.alice, h.channel, 'handoff.end', end.data);
    expect(notYours.status).toBe(200);
    expect(JSON.stringify(notYours.body)).toContain('已由 bob 接手');
    const clicked = await h.teams.execute(h.bob, { conversationId: start.conversationId, kind: 'personal' }, 'handoff.end', end.data, { locale: 'en-US' });
    expect(cardText(answeredCard(clicked.body))).toContain('The conversation with Emily Carter is over');
    await waitForText(h.connector, buyer.conversationId, "bob has ended the conversation. I'm the refund assistant again.");
    await waitForText(h.connector, buyer.conversationId, 'Anything else I can help with?');
    const again = await h.teams.execute(h.bob, { conversationId: start.conversationId, kind: 'personal' }, 'handoff.end', end.data, { locale: 'en-US' });
    expect(cardText(answeredCard(again.body))).toContain('The conversation with Emily Carter is over');
    expect(textOf((await buyer.say('where is my refund')).replies)).not.toBe('');
  });

  it('after the hand-back, a finished case not rated yet gets the rating card', async () => {
    const service = h.test.app.infra.core.service;
    const buyer = h.buyer('buyer-1001');
    await buyer.say('你好');
    const filed = await service.file({ role: 'buyer', id: 'buyer-1001' }, { orderId: 'DEMO-1001', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'mistaken_purchase' }, randomUUID());
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const caseId = filed.value.case.id;
    for (let i = 0; i < 5; i++) {
      const now = await service.getCase({ role: 'buyer', id: 'buyer-1001' }, caseId);
      if (now.ok && now.value.status === 'refunded') break;
      await h.test.app.infra.core.timers.sweep();
    }
    const asked = await buyer.click({ action: 'human', caseId });
    expect(textOf(asked.replies)).toContain(`关于退款单 ${caseId}`);
    const { handoffId, card } = await handoffCard(h, '王小明');
    expect(cardText(card)).toContain('已退款');
    await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId });
    const start = await waitForAnywhere(h.connector, '您正在与买家 王小明 对话');
    await h.teams.say(h.alice, { conversationId: start.conversationId, kind: 'personal' }, '结束');
    const rating = await waitForText(h.connector, buyer.conversationId, `您的退款单 ${caseId} 已经办结`);
    const [ratingCard] = cardsOf(rating);
    expect(JSON.stringify(ratingCard)).toContain('"action":"rate"');
    const rated = await buyer.click({ action: 'rate', caseId, stars: 5, comment: '客服很耐心' });
    expect(textOf(rated.replies)).toContain(`感谢您的评价：${caseId}，5 星`);
  });

  it('an agent with two buyers talks to the one taken or chosen last', async () => {
    const wang = h.buyer('buyer-1001');
    const emily = h.buyer('buyer-1002', 'en-US');
    await wang.say('转人工');
    await emily.say('talk to a person');
    const first = await handoffCard(h, '王小明');
    const second = await handoffCard(h, 'Emily Carter');
    await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId: first.handoffId });
    await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId: second.handoffId });
    const chat = { conversationId: personalChat(h.alice).conversationId, kind: 'personal' as const };

    await h.teams.say(h.alice, chat, 'Hello Emily');
    await waitForText(h.connector, emily.conversationId, 'alice (customer service): Hello Emily');
    const toWang = await h.teams.execute(h.alice, chat, 'handoff.focus', { handoffId: first.handoffId });
    expect(JSON.stringify(toWang.body)).toContain('接下来您发送的消息会转给买家 王小明');
    await h.teams.say(h.alice, chat, '王先生您好');
    await waitForText(h.connector, wang.conversationId, '客服 alice：王先生您好');
    expect(buyerPosts(h, emily.conversationId).map(recordedText).join('\n')).not.toContain('王先生您好');

    // Both buyers' words reach the one chat, each named.
    await emily.say('thanks');
    await waitForText(h.connector, chat.conversationId, '买家 Emily Carter：thanks');
    await h.teams.say(h.alice, chat, '结束');
    await waitForText(h.connector, wang.conversationId, '客服 alice 已结束本次对话');
    // The other buyer is still with alice, and now in focus.
    await h.teams.say(h.alice, chat, 'Back to you, Emily');
    await waitForText(h.connector, emily.conversationId, 'alice (customer service): Back to you, Emily');
  });

  it('ignores handoff protocol events in Teams mode: a buyer cannot silence the bot', async () => {
    const buyer = h.buyer('buyer-1001');
    await buyer.say('转人工');
    const forged = await buyer.post(buyer.activity({ type: 'event', name: 'handoff.status', from: { id: 'omnichannel', name: 'x' }, value: { state: 'accepted' } } as Partial<Activity>));
    expect(forged.replies).toEqual([]);
    expect(textOf((await buyer.say('转人工')).replies)).toContain('您已经在排队');
  });

  it('tells a second buyer their place and the expected wait, and refuses people who are not agents', async () => {
    const first = h.buyer('buyer-1001');
    const second = h.buyer('buyer-1002', 'en-US');
    expect(textOf((await first.say('转人工')).replies)).toContain('排在第 1 位');
    const queued = textOf((await second.say('can I speak to a human please')).replies);
    expect(queued).toContain('You are number 2 in the queue');
    expect(queued).toContain('about 10 minutes');
    const again = textOf((await second.say('talk to a person')).replies);
    expect(again).toContain("You're already in the queue for a person, at number 2");
    expect(again).toContain('about 10 minutes');

    const { handoffId } = await handoffCard(h, '王小明');
    const stranger = { id: '29:mallory-x', aadObjectId: 'ffffffff-0000-4000-8000-000000000099', name: 'mallory' };
    const refused = await h.teams.execute(stranger, h.channel, 'handoff.take', { handoffId });
    expect(cardText(answeredCard(refused.body))).toContain('只有客服人员');
    const gone = await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId: 'no-such-handoff' });
    expect(cardText(answeredCard(gone.body))).toContain('找不到');

    // Once the first buyer is taken, the second moves up.
    await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId });
    expect(textOf((await second.say('talk to a person')).replies)).toContain('at number 1');
  });
});
