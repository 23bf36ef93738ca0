import { card, submit, text } from '../../../bot/cards/adaptive';
import type { ChatOptions } from '../../../scripts/chat/args';
import type { AttachmentResult } from '../../../scripts/chat/attachment';
import type { BotTransport, SendResult } from '../../../scripts/chat/bot-client';
import type { ActivityLike } from '../../../scripts/chat/render';
import { ChatSession, parseInputAnswer } from '../../../scripts/chat/session';

/** Records what the session posts and answers from a script of replies. */
class ScriptedTransport implements BotTransport {
  readonly posted: Record<string, unknown>[] = [];
  constructor(private readonly answers: SendResult[] = []) {}
  async post(activity: Record<string, unknown>): Promise<SendResult> {
    this.posted.push(activity);
    return this.answers.shift() ?? { ok: true, replies: [] };
  }
}

const options: ChatOptions = { url: 'http://bot', user: 'buyer-1001', locale: 'zh-CN', port: 0 };
const replies = (...r: ActivityLike[]): SendResult => ({ ok: true, replies: r });
const cardReply = (content: unknown): ActivityLike => ({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content }] });
const menu: ActivityLike = { type: 'message', text: '请问需要什么帮助？', suggestedActions: { actions: [{ type: 'imBack', title: '申请退款', value: '申请退款' }, { type: 'imBack', title: '查询进度', value: '查询进度' }] } };

function setup(answers: SendResult[], extra: Partial<ConstructorParameters<typeof ChatSession>[0]> = {}) {
  const transport = new ScriptedTransport(answers);
  const out: string[] = [];
  const session = new ChatSession({ options, serviceUrl: 'http://127.0.0.1:5555', transport, write: (l) => out.push(...l), conversationId: 'conv-1', ...extra });
  return { transport, out, session };
}

describe('ChatSession', () => {
  it('joins with a conversationUpdate and posts expectReplies messages carrying the serviceUrl, user and locale', async () => {
    const { transport, out, session } = setup([replies(menu), replies({ type: 'message', text: 'ok' })]);
    expect(await session.start()).toBe(true);
    await session.handleLine('你好');
    expect(transport.posted[0]).toMatchObject({ type: 'conversationUpdate', membersAdded: [{ id: 'buyer-1001' }] });
    expect(transport.posted[1]).toMatchObject({
      type: 'message',
      text: '你好',
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:5555',
      conversation: { id: 'conv-1' },
      from: { id: 'buyer-1001' },
      locale: 'zh-CN',
    });
    expect(transport.posted[1]!.channelData).toBeUndefined();
    expect(new Set(transport.posted.map((a) => a.id)).size).toBe(2);
    expect(out).toEqual(['bot> 请问需要什么帮助？', '     [1] 申请退款', '     [2] 查询进度', 'bot> ok']);
  });

  it('puts the buyer token in channelData when given', async () => {
    const { transport, session } = setup([], { options: { ...options, token: 'a.b.c' } });
    await session.handleLine('hi');
    expect(transport.posted[0]!.channelData).toEqual({ buyerToken: 'a.b.c' });
  });

  it('sends an imBack choice as text and a Submit choice as the value; numbers follow the latest replies', async () => {
    const confirmCard = card([text('确认退款？')], [submit('确认', { action: 'file_refund', confirm: true }), submit('取消', { action: 'file_refund', confirm: false })]);
    const { transport, out, session } = setup([replies(menu), replies(cardReply(confirmCard)), replies({ type: 'message', text: 'done' })]);
    await session.handleLine('hello');
    await session.handleLine('1');
    expect(transport.posted[1]).toMatchObject({ text: '申请退款' });
    expect(transport.posted[1]!.value).toBeUndefined();
    expect(out).toContain('     [2] 取消');
    await session.handleLine('2');
    expect(transport.posted[2]).toMatchObject({ value: { action: 'file_refund', confirm: false } });
    expect(transport.posted[2]!.text).toBeUndefined();
    // The last reply had no choices: "2" is now just text.
    await session.handleLine('2');
    expect(transport.posted[3]).toMatchObject({ text: '2' });
  });

  it('asks for the card inputs one by one, re-asks on a bad answer, then submits data and inputs together', async () => {
    const form = card(
      [
        { type: 'Input.Number', id: 'quantity', label: '数量', value: 1 },
        { type: 'Input.ChoiceSet', id: 'reason', label: '原因', isRequired: true, choices: [{ title: '破损', value: 'damaged' }, { title: '发错货', value: 'wrong_item' }] },
        { type: 'Input.Text', id: 'description', placeholder: '补充说明' },
      ],
      [submit('下一步', { action: 'file_refund', step: 'details' })],
    );
    const { transport, out, session } = setup([replies(cardReply(form))]);
    await session.handleLine('start');
    await session.handleLine('1');
    expect(transport.posted).toHaveLength(1);
    expect(out.at(-1)).toBe('  数量 (number; empty keeps 1):');
    await session.handleLine('');
    await session.handleLine('3');
    expect(out.at(-2)).toBe('  "3" is not one of the choices');
    await session.handleLine('2');
    await session.handleLine('盒子压坏了');
    expect(transport.posted).toHaveLength(2);
    expect(transport.posted[1]!.value).toEqual({ action: 'file_refund', step: 'details', quantity: '1', reason: 'wrong_item', description: '盒子压坏了' });
  });

  it('attaches a file with the words after its path, and reports a file it cannot read without sending', async () => {
    const files: Record<string, AttachmentResult> = {
      'photo.jpg': { ok: true, value: { contentType: 'image/jpeg', contentUrl: 'data:image/jpeg;base64,AAAA', name: 'photo.jpg' } },
    };
    const readAttachment = async (path: string): Promise<AttachmentResult> => files[path] ?? { ok: false, error: { kind: 'not_found', message: `cannot read ${path}` } };
    const { transport, out, session } = setup([], { readAttachment });
    await session.handleLine('/attach photo.jpg 碎了');
    expect(transport.posted[0]).toMatchObject({ text: '碎了', attachments: [{ contentType: 'image/jpeg', contentUrl: 'data:image/jpeg;base64,AAAA', name: 'photo.jpg' }] });
    await session.handleLine('/attach missing.png');
    expect(transport.posted).toHaveLength(1);
    expect(out.at(-1)).toBe('  cannot read missing.png');
  });

  it('quits on /quit, explains unknown commands, and says when the server cannot be reached', async () => {
    const { transport, out, session } = setup([{ ok: false, error: { kind: 'unreachable', message: 'cannot reach http://bot' } }]);
    expect(await session.start()).toBe(false);
    expect(out).toEqual(['(cannot reach http://bot)']);
    expect(await session.handleLine('/nope')).toBe('continue');
    expect(out.at(-1)).toMatch(/unknown command \/nope/);
    expect(await session.handleLine('/quit')).toBe('quit');
    expect(transport.posted).toHaveLength(1);
  });

  it('shows proactive messages; one with buttons becomes what the numbers pick', async () => {
    const { transport, out, session } = setup([replies(menu)]);
    await session.handleLine('hi');
    session.showProactive({ type: 'message', text: '您的退款已到账' });
    expect(out.at(-1)).toBe('bot> 您的退款已到账');
    expect(session.currentChoices).toHaveLength(2);
    session.showProactive(cardReply(card([text('请为本次服务打分')], [submit('5 分', { action: 'rate', rating: 5 })])));
    expect(out.slice(-2)).toEqual(['bot> 请为本次服务打分', '     [1] 5 分']);
    await session.handleLine('1');
    expect(transport.posted.at(-1)).toMatchObject({ value: { action: 'rate', rating: 5 } });
  });
});

describe('parseInputAnswer', () => {
  it('checks numbers, toggles, multi-select choices and required answers', () => {
    expect(parseInputAnswer({ id: 'q', label: 'q', kind: 'number', required: false }, 'abc').ok).toBe(false);
    expect(parseInputAnswer({ id: 't', label: 't', kind: 'toggle', required: false, valueOn: 'on', valueOff: 'off' }, '是')).toEqual({ ok: true, value: 'on' });
    const multi = { id: 'm', label: 'm', kind: 'choice' as const, required: true, multiSelect: true, options: [{ title: 'A', value: 'a' }, { title: 'B', value: 'b' }] };
    expect(parseInputAnswer(multi, '1, B')).toEqual({ ok: true, value: 'a,b' });
    expect(parseInputAnswer(multi, '')).toEqual({ ok: false, error: 'an answer is needed here' });
    expect(parseInputAnswer({ id: 'x', label: 'x', kind: 'text', required: false }, '')).toEqual({ ok: true, value: undefined });
  });
});
