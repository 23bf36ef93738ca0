import { BotConversation, startTestApp, textOf } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { FakeClock } from '../support/fake-clock';

// "Talk to a person": the conversation is queued for the CS desk, the buyer hears their place, the expected wait
// and what happens next, and asking again gives the same place instead of queueing twice. The clock stands on a
// Wednesday at 10:00 in Shanghai, inside the desk's business hours (after hours: test/staff/handoff).

describe.each([
  ['in memory', false],
  ['on Redis', true],
])('talk to a person %s', (_name, redis) => {
  let test: TestApp;
  beforeAll(async () => {
    test = await startTestApp({ redis, overrides: { clock: new FakeClock('2025-06-18T02:00:00.000Z') } });
  });
  afterAll(async () => {
    await test.stop();
  });

  it('queues each conversation once, tells its place, and says honestly what happens next', async () => {
    const zh = new BotConversation(test.app.url, 'buyer-1001', { locale: 'zh-CN' });
    const en = new BotConversation(test.app.url, 'buyer-1002', { locale: 'en-US' });

    const first = await zh.say('转人工');
    expect(first.status).toBe(200);
    const firstText = textOf(first.replies);
    expect(firstText).toContain('排在第 1 位');
    expect(firstText).toContain('预计等待约 5 分钟');
    expect(firstText).toContain('工作时间');
    expect(firstText).toContain('这个对话');
    expect(firstText).not.toMatch(/[a-z]{4,}/);

    const second = textOf((await en.say('I want to talk to a real person')).replies);
    expect(second).toContain('You are number 2 in the queue');
    expect(second).toContain('The expected wait is about 10 minutes.');
    expect(second).toContain('during business hours');
    expect(second).toContain('right here in this chat');
    expect(second).not.toMatch(/[\u4e00-\u9fff]/);

    const again = textOf((await zh.say('转人工')).replies);
    expect(again).toContain('您已经在排队');
    expect(again).toContain('第 1 位');

    const enAgain = textOf((await en.say('can I speak to a human please')).replies);
    expect(enAgain).toContain("You're already in the queue for a person, at number 2");
  });

  it('puts a failed refund payment ahead of ordinary requests, with its case', async () => {
    const waiting = new BotConversation(test.app.url, 'buyer-1001', { locale: 'zh-CN' });
    await waiting.say('转人工');
    const before = textOf((await waiting.say('转人工')).replies);
    const place = Number(/第 (\d+) 位/.exec(before)?.[1]);
    expect(place).toBeGreaterThan(0);

    const urgent = new BotConversation(test.app.url, 'buyer-1002', { locale: 'en-US' });
    const clicked = textOf((await urgent.click({ action: 'human', caseId: 'RD-000042', reason: 'payment_failed' })).replies);
    expect(clicked).toContain('help with your refund payment');
    expect(clicked).toContain('case RD-000042');
    expect(clicked).toContain('You are number 1 in the queue');

    const after = textOf((await waiting.say('转人工')).replies);
    expect(after).toContain(`第 ${place + 1} 位`);
  });

  it('hands over after the bot fails to understand twice', async () => {
    const lost = new BotConversation(test.app.url, 'buyer-1002', { locale: 'en-US' });
    const once = textOf((await lost.say('zxqv plorb')).replies);
    expect(once).not.toContain('in the queue');
    const twice = textOf((await lost.say('blorf wuzzle')).replies);
    expect(twice).toContain("Sorry, I don't seem to understand, so I'm getting a person to help you.");
    expect(twice).toMatch(/You are number \d+ in the queue/);
  });
});
