import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { BotConversation, REDIS_URL, textOf } from '../../support/bot-http';
import { FakeClock } from '../../support/fake-clock';
import { FakeConnector } from '../../support/fake-connector';
import { teamsUser } from '../../support/teams-http';
import type { HandoffHarness } from './handoff-harness';
import { handoffCard, startHandoffHarness, waitForAnywhere, waitForText } from './handoff-harness';

// The conversation is never lost across a restart: the handoff, who owns it, where the agent's chat is and the
// transcript live in Redis. The app is stopped mid-handoff and a new one starts on the same key prefix.

describe('a handoff across a restart (on Redis)', () => {
  const prefix = `test:handoff-restart:${randomUUID().slice(0, 8)}:`;
  const redis = createClient({ url: REDIS_URL });
  let connector: FakeConnector;
  let h: HandoffHarness | null = null;

  beforeAll(async () => {
    await redis.connect();
    connector = await FakeConnector.start();
  });
  afterAll(async () => {
    await h?.stop();
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
    await connector.stop();
  });

  it('keeps relaying both ways after the app is replaced', async () => {
    const clock = new FakeClock('2025-06-18T02:00:00.000Z');
    const agents = { alice: teamsUser('alice'), bob: teamsUser('bob') };
    const channelId = `19:handoff-${randomUUID().slice(0, 8)}@thread.tacv2`;
    const common = { redis: true, env: { REDIS_PREFIX: prefix }, clock, agents, channelId };

    const first = await startHandoffHarness({ ...common, connector });
    h = first;
    await first.teams.install(agents.alice, first.channel);
    const buyer = first.buyer('buyer-1001');
    await buyer.say('你好');
    expect(textOf((await buyer.say('转人工')).replies)).toContain('排在第 1 位');
    const { handoffId } = await handoffCard(first, '王小明');
    await first.teams.execute(agents.bob, first.channel, 'handoff.take', { handoffId });
    const start = await waitForAnywhere(connector, '您正在与买家 王小明 对话');
    await first.stop();
    h = null;

    const second = await startHandoffHarness({ ...common, connector });
    h = second;
    // The same buyer conversation, talking to the new app.
    const again = new BotConversation(second.test.app.url, 'buyer-1001', { serviceUrl: connector.url, conversationId: buyer.conversationId });
    const silent = await again.say('重启以后还在吗？');
    expect(silent.replies).toEqual([]);
    await waitForText(connector, start.conversationId, '买家 王小明：重启以后还在吗？');
    await second.teams.say(agents.bob, { conversationId: start.conversationId, kind: 'personal' }, '还在，请放心');
    await waitForText(connector, buyer.conversationId, '客服 bob：还在，请放心');

    // The transcript kept every line, from before the restart too, for the next card.
    await second.teams.say(agents.bob, { conversationId: start.conversationId, kind: 'personal' }, '结束');
    await waitForText(connector, buyer.conversationId, '客服 bob 已结束本次对话');
    expect(textOf((await again.say('转人工')).replies)).toContain('排在第 1 位');
    // (Masking personal data also turns full-width punctuation into plain.)
    const next = await connector.waitFor((r) => r.conversationId === channelId && r.kind === 'send' && JSON.stringify(r.activity).includes('客服** 2025年6月18日 10:00: 还在,请放心'));
    expect(JSON.stringify(next.activity)).toContain('重启以后还在吗');
    expect(JSON.stringify(next.activity)).toContain('你好');
  });
});
