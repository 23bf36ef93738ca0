import { card, submit, text } from '../../../bot/cards/adaptive';
import type { BotTransport, SendResult } from '../../../scripts/chat/bot-client';
import type { StaffOptions } from '../../../scripts/chat/staff-args';
import { StaffSession } from '../../../scripts/chat/staff-session';
import { TERMINAL_TENANT_ID, aadObjectIdOf } from '../../../scripts/chat/teams-identity';

/** Records what the session posts and answers from a script. */
class ScriptedTransport implements BotTransport {
  readonly posted: Record<string, unknown>[] = [];
  constructor(private readonly answers: SendResult[] = []) {}
  async post(activity: Record<string, unknown>): Promise<SendResult> {
    this.posted.push(activity);
    return this.answers.shift() ?? { ok: true, replies: [] };
  }
}

const merchant: StaffOptions = { url: 'http://bot', as: 'merchant', user: 'alice', locale: 'zh-CN', channel: false, channelId: '19:cs@thread.tacv2', members: [] };
const agent: StaffOptions = { ...merchant, as: 'cs', user: 'agent-1', channel: true, members: ['agent-2'] };
const adaptive = (content: unknown) => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });
const execute = (title: string, verb: string, data: Record<string, unknown>) => ({ type: 'Action.Execute', title, verb, data });
const cardAnswer = (content: unknown): SendResult => ({ ok: true, replies: [], body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: content } });

function setup(options: StaffOptions, answers: SendResult[] = []) {
  const transport = new ScriptedTransport(answers);
  const out: string[] = [];
  let n = 0;
  const session = new StaffSession({ options, serviceUrl: 'http://127.0.0.1:5555', transport, write: (l) => out.push(...l), newId: () => `act-${++n}` });
  return { transport, out, session };
}

describe('StaffSession as a merchant', () => {
  it('installs in the personal chat, then posts Teams messages: msteams, 29: id, aadObjectId, personal conversation, tenant', async () => {
    const { transport, session } = setup(merchant);
    expect(await session.start()).toBe(true);
    await session.handleLine('link LINK-201');
    const [install, message] = transport.posted;
    const aad = aadObjectIdOf('alice');
    expect(install).toMatchObject({ type: 'installationUpdate', action: 'add', channelId: 'msteams', conversation: { conversationType: 'personal' } });
    expect(message).toMatchObject({
      type: 'message',
      text: 'link LINK-201',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:5555',
      from: { id: '29:alice', name: 'alice', aadObjectId: aad },
      conversation: { id: session.personal.conversationId, conversationType: 'personal', tenantId: TERMINAL_TENANT_ID },
      channelData: { tenant: { id: TERMINAL_TENANT_ID } },
      locale: 'zh-CN',
    });
    expect(message!.deliveryMode).toBeUndefined();
    expect((message!.channelData as Record<string, unknown>).channel).toBeUndefined();
    expect(install!.id).not.toEqual(message!.id);
  });

  it('shows what the connector brings and clicks an Action.Execute button as an adaptiveCard/action invoke with the card message as replyToId', async () => {
    const decided = card([text('已同意：alice')]);
    const { transport, out, session } = setup(merchant, [{ ok: true, replies: [] }, cardAnswer(decided)]);
    await session.start();
    session.fromConnector({ type: 'message', text: '有新的退款申请' }, session.personal.conversationId, { kind: 'send', id: 'm-1' });
    session.fromConnector(
      adaptive(card([text('退款申请 RD-000001')], [execute('同意退款', 'merchant.approve', { caseId: 'RD-000001', version: 1 })])),
      session.personal.conversationId,
      { kind: 'send', id: 'm-2' },
    );
    expect(out).toEqual(['bot> 有新的退款申请', 'bot> 退款申请 RD-000001', '     [1] 同意退款']);
    await session.handleLine('1');
    expect(transport.posted[1]).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: 'm-2',
      value: { action: { type: 'Action.Execute', verb: 'merchant.approve', data: { caseId: 'RD-000001', version: 1 } }, trigger: 'manual' },
    });
    expect(out.slice(-2)).toEqual(['  (同意退款)', 'bot> 已同意：alice']);
    // The clicked card was replaced by one without buttons: "1" is words again.
    await session.handleLine('1');
    expect(transport.posted[2]).toMatchObject({ type: 'message', text: '1' });
  });

  it('expands a show-card, asks its inputs one by one (a choice by number), and merges them over the button data', async () => {
    const rejectForm = {
      type: 'Action.ShowCard',
      title: '拒绝',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.ChoiceSet', id: 'rejectCode', label: '拒绝原因', isRequired: true, choices: [{ title: '不符合规则', value: 'outside_policy' }, { title: '其他', value: 'other' }] },
          { type: 'Input.Text', id: 'rejectRemark', label: '说明', isRequired: true },
        ],
        actions: [execute('确认拒绝', 'merchant.reject', { caseId: 'RD-000001', version: 2 })],
      },
    };
    const { transport, out, session } = setup(merchant, [{ ok: true, replies: [] }, { ok: true, replies: [], body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: '已拒绝' } }]);
    await session.start();
    session.fromConnector(adaptive(card([text('RD-000001')], [execute('同意退款', 'merchant.approve', { caseId: 'RD-000001', version: 2 }), rejectForm as never])), session.personal.conversationId, {
      kind: 'send',
      id: 'm-9',
    });
    await session.handleLine('2');
    expect(out.slice(-3)).toEqual(['bot> (拒绝原因: 不符合规则 / 其他; asked when you choose)', '     (说明; asked when you choose)', '     [1] 确认拒绝']);
    await session.handleLine('1');
    expect(out.at(-1)).toBe('  拒绝原因 (1=不符合规则, 2=其他):');
    await session.handleLine('');
    expect(out.slice(-2)).toEqual(['  an answer is needed here', '  拒绝原因 (1=不符合规则, 2=其他):']);
    await session.handleLine('1');
    await session.handleLine('已拆封');
    expect(transport.posted).toHaveLength(2);
    expect(transport.posted[1]).toMatchObject({
      type: 'invoke',
      replyToId: 'm-9',
      value: { action: { verb: 'merchant.reject', data: { caseId: 'RD-000001', version: 2, rejectCode: 'outside_policy', rejectRemark: '已拆封' } } },
    });
    expect(out.at(-1)).toBe('bot> 已拒绝');
  });

  it('numbers the buttons of several cards in a row, and starts again after the user acts', async () => {
    const { out, session } = setup(merchant);
    const cardWith = (id: string) => adaptive(card([text(id)], [execute(`同意 ${id}`, 'merchant.approve', { caseId: id, version: 1 })]));
    session.fromConnector(cardWith('RD-1'), session.personal.conversationId, { kind: 'reply', id: 'a', replyToId: 'x' });
    session.fromConnector(cardWith('RD-2'), session.personal.conversationId, { kind: 'reply', id: 'b', replyToId: 'x' });
    expect(out).toContain('     [2] 同意 RD-2');
    expect(session.currentChoices.map((c) => c.label)).toEqual(['同意 RD-1', '同意 RD-2']);
    await session.handleLine('帮助');
    session.fromConnector(cardWith('RD-3'), session.personal.conversationId, { kind: 'reply', id: 'c', replyToId: 'y' });
    expect(session.currentChoices.map((c) => c.label)).toEqual(['同意 RD-3']);
    session.fromConnector(cardWith('RD-3'), session.personal.conversationId, { kind: 'update', id: 'c' });
    expect(out).toContain('bot> (card updated)');
    session.fromConnector({ type: 'typing' }, session.personal.conversationId, { kind: 'send', id: 'd' });
    expect(out.at(-1)).not.toContain('typing');
  });

  it('says what the bot refused, and when the server is unreachable', async () => {
    const refusal: SendResult = { ok: true, replies: [], body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'the card carries no case' } } };
    const { out, session } = setup(merchant, [refusal, { ok: false, error: { kind: 'unreachable', message: 'cannot reach http://bot' } }]);
    session.fromConnector(adaptive(card([], [execute('同意', 'merchant.approve', {})])), session.personal.conversationId, { kind: 'send', id: 'm' });
    await session.handleLine('1');
    expect(out.at(-1)).toBe('(the bot refused the click with 400: the card carries no case)');
    expect(await session.start()).toBe(false);
    expect(out.at(-1)).toBe('(cannot reach http://bot)');
  });

  it('has no CS channel', async () => {
    const { transport, out, session } = setup(merchant);
    await session.handleLine('/channel');
    expect(out.at(-1)).toMatch(/merchants have no CS channel/);
    expect(transport.posted).toHaveLength(0);
    expect(session.channel).toBeNull();
  });
});

describe('StaffSession as a CS agent', () => {
  it('writes in the channel with team and channel data, @mentioning the bot', async () => {
    const { transport, session } = setup(agent);
    expect(session.where).toBe('channel');
    expect(session.prompt).toBe('you #channel> ');
    await session.start();
    await session.handleLine('open');
    expect(transport.posted[0]).toMatchObject({ type: 'installationUpdate', conversation: { id: '19:cs@thread.tacv2', conversationType: 'channel', isGroup: true } });
    expect(transport.posted[1]).toMatchObject({
      type: 'message',
      text: '<at>Refund Desk</at> open',
      entities: [{ type: 'mention', text: '<at>Refund Desk</at>', mentioned: { id: '28:refund-desk' } }],
      conversation: { id: '19:cs@thread.tacv2', conversationType: 'channel' },
      channelData: { tenant: { id: TERMINAL_TENANT_ID }, team: { id: expect.stringMatching(/^19:/) }, channel: { id: '19:cs@thread.tacv2' } },
      from: { aadObjectId: aadObjectIdOf('agent-1') },
    });
  });

  it('at a new address, tells the bot in its other place too, silently (members added)', async () => {
    const { transport, session } = setup(agent);
    expect(await session.start({ moved: true })).toBe(true);
    expect(transport.posted.map((a) => [a.type, (a.conversation as { id: string }).id])).toEqual([
      ['installationUpdate', '19:cs@thread.tacv2'],
      ['conversationUpdate', session.personal.conversationId],
    ]);
    expect(transport.posted[1]).toMatchObject({ membersAdded: [{ id: '29:agent-1', aadObjectId: aadObjectIdOf('agent-1') }] });
    const usual = setup(agent);
    await usual.session.start();
    expect(usual.transport.posted).toHaveLength(1);
  });

  it('answers the members of the channel (itself and --members) and of other conversations (itself)', () => {
    const { out, session } = setup(agent);
    expect(session.members('19:cs@thread.tacv2')).toEqual([
      { id: '29:agent-1', name: 'agent-1', aadObjectId: aadObjectIdOf('agent-1'), tenantId: TERMINAL_TENANT_ID, userRole: 'user' },
      { id: '29:agent-2', name: 'agent-2', aadObjectId: aadObjectIdOf('agent-2'), tenantId: TERMINAL_TENANT_ID, userRole: 'user' },
    ]);
    expect(out.at(-1)).toBe('(the bot asked who is in the CS channel: agent-1, agent-2)');
    expect(session.members(session.personal.conversationId).map((m) => m.name)).toEqual(['agent-1']);
  });

  it('gets its 1:1 chat opened by the bot, shows what arrives there, and switches to it without a second install', async () => {
    const { transport, out, session } = setup(agent);
    await session.start();
    const id = session.createConversation({ isGroup: false, members: [{ id: '29:agent-1' }], tenantId: TERMINAL_TENANT_ID });
    expect(id).toBe(session.personal.conversationId);
    expect(out.at(-1)).toMatch(/opened your 1:1 chat with it: type \/chat/);
    session.fromConnector({ type: 'message', text: '您正在与买家 王小明 对话' }, id, { kind: 'send', id: 'r-1' });
    session.fromConnector({ type: 'message', text: '新的审核' }, '19:cs@thread.tacv2;messageid=123', { kind: 'reply', id: 'r-2', replyToId: '123' });
    expect(out.slice(-2)).toEqual(['bot (chat)> 您正在与买家 王小明 对话', 'bot #channel> 新的审核']);
    await session.handleLine('/chat');
    expect(session.where).toBe('personal');
    await session.handleLine('您好');
    expect(transport.posted.map((a) => a.type)).toEqual(['installationUpdate', 'message']);
    expect(transport.posted[1]).toMatchObject({ text: '您好', conversation: { id, conversationType: 'personal' } });
    expect(transport.posted[1]!.entities).toBeUndefined();
    // A chat the bot opens with someone else is not this user's.
    expect(session.createConversation({ members: [{ id: '29:someone' }] })).not.toBe(id);
  });

  it('a click goes to the conversation its card is in, whatever the user writes in now', async () => {
    const { transport, session } = setup({ ...agent, channel: false });
    expect(session.where).toBe('personal');
    session.fromConnector(adaptive(card([text('转人工：王小明')], [execute('接手', 'handoff.take', { handoffId: 'h-1' })])), '19:cs@thread.tacv2', { kind: 'send', id: 'post-1' });
    await session.handleLine('1');
    expect(transport.posted[0]).toMatchObject({ type: 'invoke', replyToId: 'post-1', conversation: { id: '19:cs@thread.tacv2', conversationType: 'channel' } });
  });

  it('sends an Action.Submit in a Teams card as a message with its value', async () => {
    const { transport, session } = setup(agent);
    session.fromConnector(adaptive(card([], [submit('OK', { ok: true })])), '19:cs@thread.tacv2', { kind: 'send', id: 'p' });
    await session.handleLine('1');
    expect(transport.posted[0]).toMatchObject({ type: 'message', value: { ok: true } });
  });
});
