import { startClient as startScript } from './support/running-client';
import type { RunningClient } from './support/running-client';
import { randomUUID } from 'node:crypto';
import type { RefundCase } from '../../services/refunds';
import { aadObjectIdOf } from '../../scripts/chat/teams-identity';
import { BotConversation, startTestApp } from '../support/bot-http';
import type { TestApp } from '../support/bot-http';
import { FakeConnector, recordedText } from '../support/fake-connector';

// The staff terminal client as a merchant and as a CS agent use it: a separate process playing Teams against the
// running server (activities in, its own listener as the Bot Connector), lines piped in, the rendered chat out.


const startClient = (args: string[]): RunningClient => startScript('scripts/staff-chat.ts', args);

async function quit(client: RunningClient): Promise<void> {
  if (client.child.exitCode !== null) return;
  client.child.stdin.end('/quit\n');
  await client.exited;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('npm run staff against the running server', () => {
  const channelId = `19:staff-${randomUUID().slice(0, 8)}@thread.tacv2`;
  let t: TestApp;
  let buyerConnector: FakeConnector;
  const clients: RunningClient[] = [];
  const client = (args: string[]): RunningClient => {
    const c = startClient(['--url', t.app.url, ...args]);
    clients.push(c);
    return c;
  };
  const caseOf = async (id: string): Promise<RefundCase> => {
    const c = await t.app.infra.store.get(id);
    if (!c) throw new Error(`no case ${id}`);
    return c;
  };

  beforeAll(async () => {
    buyerConnector = await FakeConnector.start();
    t = await startTestApp({ env: { CS_CHANNEL_ID: channelId, CS_AGENT_IDS: aadObjectIdOf('agent-1'), CS_BUSINESS_HOURS: '00:00-24:00' } });
  });
  afterAll(async () => {
    for (const c of clients) if (c.child.exitCode === null) c.child.kill();
    await t.stop();
    await buyerConnector.stop();
  });

  it('a merchant links with LINK-201, gets the card of a new case and approves it by typing its number', async () => {
    const alice = client(['--as', 'merchant', '--user', 'alice', '--locale', 'en-US']);
    await alice.waitFor(/as alice \(merchant; Teams id 29:alice, aadObjectId [0-9a-f-]{36}; en-US\)/);
    // Installing the app in the personal chat gets the welcome.
    await alice.waitFor(/bot> Hello! I'm Refund Desk[^\n]*"link LINK-201"/u);
    alice.type('link LINK-201');
    await alice.waitFor(/you> link LINK-201\nbot> Linked: your account now acts for the shop "Digital Select"[\s\S]*bot> Nothing is waiting for you right now\./);

    const before = alice.output().length;
    const filed = await t.app.infra.core.service.file(
      { role: 'buyer', id: 'buyer-1001' },
      { orderId: 'DEMO-1004', lines: [{ lineIndex: 0, quantity: 1 }], type: 'refund_only', reason: 'not_received', description: '一直没收到货' },
      `staff-chat-${randomUUID()}`,
    );
    if (!filed.ok) throw new Error(JSON.stringify(filed.error));
    const c = filed.value.case;
    expect(c.status).toBe('pending_merchant');

    // The new case's card arrives on its own.
    const [, number] = await alice.waitFor(new RegExp(`bot> [^\\n]*${c.id}[\\s\\S]*\\[(\\d+)\\] Approve refund\\n`, 'u'), before);
    expect(alice.output().slice(before)).toContain('DEMO-1004');
    const clicked = alice.output().length;
    alice.type(number!);
    await alice.waitFor(new RegExp(`you> ${number}\\n  \\(Approve refund\\)\\nbot> [\\s\\S]*Approved by alice at`, 'u'), clicked);

    const decided = await caseOf(c.id);
    expect(decided.merchantDecision).toMatchObject({ outcome: 'approved', by: { role: 'merchant', id: aadObjectIdOf('alice'), shopId: 'shop-201' } });
    expect(['refund_pending', 'refunded']).toContain(decided.status);
    await quit(alice);
    expect(alice.output().trimEnd().endsWith('bye')).toBe(true);
  });

  it('a CS agent in the channel: the bot learns the channel and its members, posts a review card, and the agent rules with a remark', async () => {
    const agent = client(['--as', 'cs', '--user', 'agent-1', '--channel', '--channel-id', channelId, '--members', 'agent-2']);
    const aad = aadObjectIdOf('agent-1');
    await agent.waitFor(new RegExp(`CS_CHANNEL_ID='${escape(channelId)}' CS_AGENT_IDS=${aad},${aadObjectIdOf('agent-2')} npm start`));
    // Installed in the channel, the bot stores where it is and asks who its members are (the CS agents).
    await agent.waitFor(/\(the bot asked who is in the CS channel: agent-1, agent-2\)/);
    agent.type('帮助');
    await agent.waitFor(/you #channel> 帮助\nbot #channel> CS 频道指令/u);

    // A shop rejected, the buyer escalated: the review card comes to the channel.
    const buyer = { role: 'buyer' as const, id: 'buyer-1001' };
    const service = t.app.infra.core.service;
    const must = <T>(o: { ok: true; value: { case: T } } | { ok: false; error: unknown }): T => {
      if (!o.ok) throw new Error(JSON.stringify(o.error));
      return o.value.case;
    };
    const filed = must(await service.file(buyer, { orderId: 'DEMO-1002', lines: [{ lineIndex: 2, quantity: 1 }], type: 'return_refund', reason: 'no_reason_7_days' }, randomUUID()));
    must(await service.execute({ role: 'merchant', id: 'merchant-201', shopId: 'shop-201' }, filed.id, { kind: 'merchant_reject', code: 'outside_policy', remark: '已拆封' }, randomUUID()));
    const before = agent.output().length;
    const escalated = must(await service.execute(buyer, filed.id, { kind: 'buyer_escalate', remark: '包装完好，没有拆封' }, randomUUID()));
    expect(escalated.status).toBe('platform_review');
    const [, approve] = await agent.waitFor(new RegExp(`bot #channel> [\\s\\S]*?退款单 ${escalated.id}[\\s\\S]*?\\[(\\d+)\\] 审核通过\\n`, 'u'), before);

    // The card's remark field is asked before the click goes out.
    const clicked = agent.output().length;
    agent.type(approve!);
    await agent.waitFor(/\(审核通过\)\n {2}备注 \(empty skips\):\n/u, clicked);
    agent.type('包装完好，支持退货');
    await agent.waitFor(/bot #channel> [\s\S]*agent-1 于 [^\n]*审核通过/u, clicked);

    const after = await caseOf(escalated.id);
    expect(after.status).toBe('awaiting_return_shipment');
    expect(after.platformDecision).toMatchObject({ outcome: 'approved', by: { role: 'cs', id: aad }, remark: '包装完好，支持退货' });
    // The posted card was updated for everyone through the connector as well.
    expect(agent.output().slice(clicked)).toContain('(card updated)');
    await quit(agent);
  });

  it('a handoff: the agent takes it in the channel, the bot opens their 1:1 chat, and they talk to the buyer there', async () => {
    const agent = client(['--as', 'cs', '--user', 'agent-1', '--channel', '--channel-id', channelId]);
    agent.type('帮助');
    await agent.waitFor(/bot #channel> CS 频道指令/u);

    const buyer = new BotConversation(t.app.url, 'buyer-1001', { serviceUrl: buyerConnector.url });
    await buyer.say('你好');
    const before = agent.output().length;
    const asked = await buyer.say('转人工');
    expect(asked.status).toBe(200);
    const [, take] = await agent.waitFor(/bot #channel> 转人工：王小明[\s\S]*?\[(\d+)\] 接手\n/u, before);

    const clicked = agent.output().length;
    agent.type(take!);
    // The agent never wrote to the bot directly: it opens the 1:1 chat, where the relay starts.
    await agent.waitFor(/\(the bot opened your 1:1 chat with it: type \/chat to write there\)/u, clicked);
    await agent.waitFor(/bot \(chat\)> 您正在与买家 王小明 对话/u, clicked);
    await buyerConnector.waitFor((r) => r.conversationId === buyer.conversationId && recordedText(r).includes('客服 agent-1 已接入'));

    agent.type('/chat');
    await agent.waitFor(/\(now writing in your personal chat with the bot\)/u, clicked);
    agent.type('您好，我来帮您看看');
    await buyerConnector.waitFor((r) => r.conversationId === buyer.conversationId && recordedText(r).includes('客服 agent-1：您好，我来帮您看看'));

    const relayed = agent.output().length;
    await buyer.say('耳机左边没声音');
    await agent.waitFor(/bot \(chat\)> 买家 王小明[^\n]*耳机左边没声音/u, relayed);

    agent.type('结束');
    await agent.waitFor(/bot \(chat\)> 已结束与买家 王小明 的对话/u, relayed);
    await buyerConnector.waitFor((r) => r.conversationId === buyer.conversationId && recordedText(r).includes('客服 agent-1 已结束本次对话'));
    await quit(agent);
  });

  it('refuses bad options with the usage and exit code 2', async () => {
    const bad = client(['--as', 'merchant', '--channel']);
    bad.child.stdin.end();
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toMatch(/--channel is for CS agents[\s\S]*Usage: npm run staff/);
  });
});
