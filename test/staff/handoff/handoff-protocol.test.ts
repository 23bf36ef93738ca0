import type { Activity } from 'botbuilder';
import { textOf } from '../../support/bot-http';
import type { BotConversation } from '../../support/bot-http';
import type { HandoffHarness } from './handoff-harness';
import { startHandoffHarness } from './handoff-harness';

// HANDOFF_MODE=protocol: the bot hands the conversation to a contact centre with the Bot Framework
// `handoff.initiate` event (the transcript attached) and follows its `handoff.status` events: accepted (a person
// has it: the bot stays quiet), completed or failed (the bot is back).

/** A status report from the contact centre, in the buyer's conversation. */
function status(buyer: BotConversation, state: string, message?: string, from = { id: 'omnichannel', name: 'Contact centre' }) {
  return buyer.post(buyer.activity({ type: 'event', name: 'handoff.status', from, value: { state, ...(message ? { message } : {}) } } as Partial<Activity>));
}

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('handoff protocol (%s)', (_name, redis) => {
  let h: HandoffHarness;
  beforeEach(async () => {
    h = await startHandoffHarness({ redis, env: { HANDOFF_MODE: 'protocol' } });
  });
  afterEach(async () => {
    await h.stop();
  });

  it('sends handoff.initiate with the transcript, stays quiet once accepted, and resumes when completed', async () => {
    const buyer = h.buyer('buyer-1001');
    const first = await buyer.say('我的耳机坏了，电话13812345678');
    expect(first.replies.some((r) => r.type === 'event')).toBe(false);
    const asked = await buyer.say('转人工');
    const initiate = asked.replies.find((r) => r.type === 'event' && r.name === 'handoff.initiate');
    expect(initiate).toBeDefined();
    expect(initiate!.value).toMatchObject({ buyerId: 'buyer-1001', reason: 'buyer_asked', priority: 'normal', language: 'zh-CN', skill: 'refunds' });
    const transcript = initiate!.attachments?.find((a) => a.name === 'Transcript');
    expect(transcript?.contentType).toBe('application/json');
    const lines = (transcript!.content as { activities: { text: string; from: { role: string } }[] }).activities;
    expect(lines.map((l) => l.text)).toEqual(expect.arrayContaining(['我的耳机坏了,电话[phone]', '转人工']));
    expect(lines.find((l) => l.text === '转人工')?.from.role).toBe('user');
    expect(lines.some((l) => l.from.role === 'bot')).toBe(true);
    expect(textOf(asked.replies)).toContain('正在为您转接人工客服');
    // Nothing goes to the Teams desk in this mode.
    expect(await h.connector.settle(200, (r) => r.conversationId === h.channelId && r.kind === 'send')).toEqual([]);

    // Asking again does not start a second handoff.
    const again = await buyer.say('转人工');
    expect(again.replies.filter((r) => r.type === 'event')).toEqual([]);

    // The buyer's own client cannot report on the handoff.
    const forged = await status(buyer, 'accepted', undefined, { id: 'buyer-1001', name: 'buyer-1001' });
    expect(forged.replies).toEqual([]);
    expect((await buyer.say('你好')).replies.length).toBeGreaterThan(0);

    const accepted = await status(buyer, 'accepted');
    expect(accepted.status).toBe(200);
    expect(textOf(accepted.replies)).toContain('人工客服已接入');
    const quiet = await buyer.say('我要退款');
    expect(quiet.replies).toEqual([]);

    const completed = await status(buyer, 'completed');
    const back = textOf(completed.replies);
    expect(back).toContain('人工客服已结束本次对话');
    expect(back).toContain('还有什么可以帮您？');
    expect(textOf((await buyer.say('我要退款')).replies)).not.toBe('');
  });

  it('tells an English buyer when the contact centre cannot take it, and ignores stray status events', async () => {
    const buyer = h.buyer('buyer-1002', 'en-US');
    const stray = await status(buyer, 'completed');
    expect(stray.status).toBe(200);
    expect(stray.replies).toEqual([]);
    const asked = await buyer.say('let me talk to a human agent');
    expect(asked.replies.some((r) => r.type === 'event' && r.name === 'handoff.initiate')).toBe(true);
    expect(textOf(asked.replies)).toContain("I'm putting you through to a person");
    const failed = await status(buyer, 'failed', 'no agents in the refunds queue');
    expect(textOf(failed.replies)).toContain("Sorry, I couldn't reach a person just now.");
    expect(textOf((await buyer.say('where is my refund')).replies)).not.toBe('');
  });
});
