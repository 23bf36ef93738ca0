import { textOf } from '../../support/bot-http';
import { FakeClock } from '../../support/fake-clock';
import { recordedText } from '../../support/fake-connector';
import type { HandoffHarness } from './handoff-harness';
import { answeredCard, cardText, cardsOf, executeActions, handoffCard, startHandoffHarness, waitForText } from './handoff-harness';

// When no person can come: outside business hours (09:00-21:00 Shanghai) the buyer may leave a message and is
// told when to expect an answer; inside them, a buyer nobody took within CS_MAX_WAIT_MINUTES gets the same
// offer from the desk's timer. The message reaches the CS channel, where an agent can still take it.

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('handoff when nobody can come (%s)', (_name, redis) => {
  let h: HandoffHarness;
  afterEach(async () => {
    await h.stop();
  });

  it('outside business hours: the buyer leaves a message, hears when to expect an answer, and the desk gets it', async () => {
    // Wednesday 23:00 in Shanghai.
    h = await startHandoffHarness({ redis, clock: new FakeClock('2025-06-18T15:00:00.000Z') });
    const buyer = h.buyer('buyer-1001');
    const asked = textOf((await buyer.say('转人工')).replies);
    expect(asked).toContain('人工客服的工作时间是每天 09:00-21:00');
    expect(asked).toContain('2025年6月19日 09:00');
    expect(asked).toContain('留言');
    expect(asked).not.toContain('排在第');

    const { card, handoffId } = await handoffCard(h, '王小明');
    expect(cardText(card)).toContain('没有客服及时接入，已请买家留言');

    // Asking again is not the message.
    expect(textOf((await buyer.say('转人工')).replies)).toContain('请直接发送您想留给客服的话');
    const left = textOf((await buyer.say('我的退款三天了还没到账，请尽快联系我，电话13812345678')).replies);
    expect(left).toContain('已收到您的留言');
    expect(left).toContain('2025年6月19日 09:00 上班后');

    const post = await waitForText(h.connector, h.channelId, '买家留言：王小明');
    const message = cardsOf(post)[0]!;
    expect(cardText(message)).toContain('我的退款三天了还没到账');
    expect(cardText(message)).not.toContain('13812345678');
    expect(cardText(message)).toContain('请在 2025年6月19日 09:00 前回复');
    expect(executeActions(message).map((a) => a.verb)).toEqual(['handoff.take']);
    await h.connector.waitFor((r) => r.conversationId === h.channelId && r.kind === 'update' && recordedText(r).includes('买家已留言'));

    // Now the bot answers as usual: the message was taken, not the conversation.
    expect(textOf((await buyer.say('我要退款')).replies)).not.toContain('留言');
    expect(textOf((await buyer.say('转人工')).replies)).toContain('您已经给客服留过言了');

    // The next morning an agent takes it from the message's card.
    h.clock.set('2025-06-19T01:05:00.000Z');
    const taken = await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId });
    expect(cardText(answeredCard(taken.body))).toContain('已由 alice 于');
    await waitForText(h.connector, buyer.conversationId, '客服 alice 已接入');
  });

  it('an English buyer can take the offer back with "cancel"', async () => {
    h = await startHandoffHarness({ redis, clock: new FakeClock('2025-06-18T15:00:00.000Z') });
    const buyer = h.buyer('buyer-1002', 'en-US');
    const asked = textOf((await buyer.say('I need to talk to a human')).replies);
    expect(asked).toContain('Our agents work 09:00-21:00 every day');
    expect(asked).toContain('after we open at Jun 19, 2025, 09:00');
    expect(textOf((await buyer.say('cancel')).replies)).toBe('OK, no message then. Anything else I can help with?');
    const { handoffId } = await handoffCard(h, 'Emily Carter');
    const closed = await h.teams.execute(h.alice, h.channel, 'handoff.take', { handoffId });
    expect(executeActions(answeredCard(closed.body)).map((a) => a.verb)).not.toContain('handoff.take');
    expect(textOf((await buyer.say('where is my refund')).replies)).not.toContain('message');
  });

  it(`a buyer nobody took within CS_MAX_WAIT_MINUTES is offered to leave a message`, async () => {
    h = await startHandoffHarness({ redis, env: { CS_MAX_WAIT_MINUTES: '10' } });
    const buyer = h.buyer('buyer-1001');
    expect(textOf((await buyer.say('转人工')).replies)).toContain('排在第 1 位');
    await handoffCard(h, '王小明');

    h.clock.advance(9 * 60_000);
    const early = await h.connector.settle(300, (r) => r.conversationId === buyer.conversationId);
    expect(early).toEqual([]);

    h.clock.advance(2 * 60_000);
    const offer = await waitForText(h.connector, buyer.conversationId, '客服们暂时都在忙');
    // Open until 21:00: the answer is promised by closing time.
    expect(recordedText(offer)).toContain('2025年6月18日 21:00 前回复您');
    await h.connector.waitFor((r) => r.conversationId === h.channelId && r.kind === 'update' && recordedText(r).includes('已请买家留言'));
    const once = await h.connector.settle(300, (r) => r.conversationId === buyer.conversationId && recordedText(r).includes('客服们暂时都在忙'));
    expect(once).toHaveLength(1);

    const left = textOf((await buyer.say('耳机左边没声音，想换一个')).replies);
    expect(left).toContain('已收到您的留言，客服会在 2025年6月18日 21:00 前回复您');
    await waitForText(h.connector, h.channelId, '耳机左边没声音');
  });
});
