import { MessageFactory } from 'botbuilder';
import { card, container, facts, heading, submit, text } from '../../../bot/cards/adaptive';
import { cardActionChoice, formatRendered, renderActivity, renderAdaptiveCard } from '../../../scripts/chat/render';

const adaptive = (content: unknown) => ({ contentType: 'application/vnd.microsoft.card.adaptive', content });

describe('renderAdaptiveCard', () => {
  it('shows text blocks as lines and fact sets as "title: value"', () => {
    const c = card([heading('退款申请 DEMO-1002'), text('请确认以下信息'), facts([['订单', 'DEMO-1002'], ['退款金额', '¥52.16']])]);
    expect(renderAdaptiveCard(c).lines).toEqual(['退款申请 DEMO-1002', '请确认以下信息', '订单: DEMO-1002', '退款金额: ¥52.16']);
  });

  it('walks containers, column sets (side by side when each column is one line) and tables', () => {
    const c = card([
      container([text('inside a container')]),
      { type: 'ColumnSet', columns: [{ type: 'Column', items: [text('Amount')] }, { type: 'Column', items: [text('¥52.16')] }] },
      { type: 'ColumnSet', columns: [{ type: 'Column', items: [text('a'), text('b')] }, { type: 'Column', items: [text('c')] }] },
      { type: 'Table', columns: [{ width: 1 }, { width: 1 }], rows: [{ type: 'TableRow', cells: [{ type: 'TableCell', items: [text('x')] }, { type: 'TableCell', items: [text('y')] }] }] },
      { type: 'Image', url: 'https://example.com/p.png', altText: 'photo of the vase' },
      { type: 'TextBlock', text: 'hidden', isVisible: false },
    ]);
    expect(renderAdaptiveCard(c).lines).toEqual(['inside a container', 'Amount | ¥52.16', 'a', 'b', 'c', 'x | y', '[image: photo of the vase]']);
  });

  it('numbers card actions and action sets in reading order; Submit sends its data as the value', () => {
    const c = card(
      [text('Which order?'), { type: 'ActionSet', actions: [submit('DEMO-1002', { action: 'file_refund', orderId: 'DEMO-1002' })] }],
      [submit('Confirm', { action: 'file_refund', step: 'confirm' }), { type: 'Action.OpenUrl', title: 'Policy', url: 'https://example.com/policy' }],
    );
    const r = renderAdaptiveCard(c);
    expect(r.choices.map((x) => x.label)).toEqual(['DEMO-1002', 'Confirm', 'Policy']);
    expect(r.choices[0]!.action).toEqual({ kind: 'value', value: { action: 'file_refund', orderId: 'DEMO-1002' }, inputs: [] });
    expect(r.choices[2]!.action).toEqual({ kind: 'open', url: 'https://example.com/policy' });
  });

  it('sends a Submit with string data as text, and a Teams imBack as text', () => {
    const c = card([], [{ type: 'Action.Submit', title: 'Yes', data: 'yes' }, { type: 'Action.Submit', title: 'No', data: { msteams: { type: 'imBack', value: 'no' } } }]);
    expect(renderAdaptiveCard(c).choices.map((x) => x.action)).toEqual([{ kind: 'text', text: 'yes' }, { kind: 'text', text: 'no' }]);
  });

  it('lists inputs and attaches them to every submit of the card (not to associatedInputs none)', () => {
    const c = card(
      [
        { type: 'Input.Number', id: 'quantity', label: '数量', value: 1, min: 1 },
        { type: 'Input.ChoiceSet', id: 'reason', label: 'Reason', choices: [{ title: 'Damaged', value: 'damaged' }, { title: 'Wrong item', value: 'wrong_item' }] },
      ],
      [submit('Next', { action: 'file_refund' }), submit('Back', { action: 'file_refund', back: true }, { associatedInputs: 'none' })],
    );
    const r = renderAdaptiveCard(c);
    expect(r.lines).toEqual(['(数量; asked when you choose)', '(Reason: Damaged / Wrong item; asked when you choose)']);
    const next = r.choices[0]!.action;
    expect(next.kind === 'value' && next.inputs.map((i) => [i.id, i.kind, i.preset])).toEqual([
      ['quantity', 'number', '1'],
      ['reason', 'choice', undefined],
    ]);
    const back = r.choices[1]!.action;
    expect(back.kind === 'value' && back.inputs).toEqual([]);
  });

  it('ignores what is not a card and never recurses without end', () => {
    expect(renderAdaptiveCard('nonsense').lines).toEqual([]);
    let deep: Record<string, unknown> = { type: 'TextBlock', text: 'bottom' };
    for (let i = 0; i < 50; i++) deep = { type: 'Container', items: [deep] };
    expect(renderAdaptiveCard(card([deep as never])).lines).toEqual([]);
  });
});

describe('renderActivity', () => {
  it('shows message text, then cards; suggested actions are choices after the card buttons', () => {
    const activity = MessageFactory.suggestedActions(['申请退款', '查询进度'], '您好\n\n请问需要什么帮助？');
    activity.attachments = [adaptive(card([text('card text')], [submit('Open case', { action: 'case_status', caseId: 'RF-1' })]))];
    const r = renderActivity(activity);
    expect(r.lines).toEqual(['您好', '', '请问需要什么帮助？', 'card text']);
    expect(r.choices.map((c) => c.label)).toEqual(['Open case', '申请退款', '查询进度']);
    expect(r.choices[1]!.action).toEqual({ kind: 'text', text: '申请退款' });
  });

  it('shows hero cards and other attachments, and nothing for typing', () => {
    const hero = { contentType: 'application/vnd.microsoft.card.hero', content: { title: 'Title', text: 'Body', buttons: [{ type: 'imBack', title: 'Go', value: 'go' }] } };
    const file = { contentType: 'image/png', contentUrl: 'https://example.com/a.png', name: 'a.png' };
    const r = renderActivity({ type: 'message', attachments: [hero, file] });
    expect(r.lines).toEqual(['Title', 'Body', '[attachment a.png (image/png) https://example.com/a.png]']);
    expect(r.choices).toEqual([{ label: 'Go', action: { kind: 'text', text: 'go' } }]);
    expect(renderActivity({ type: 'typing' })).toEqual({ lines: [], choices: [] });
  });
});

describe('cardActionChoice', () => {
  it('maps messageBack and postBack with object values to a value click, with strings to text', () => {
    expect(cardActionChoice({ type: 'messageBack', title: 'Rate 5', value: { action: 'rate', rating: 5 }, text: '5' })).toEqual({
      label: 'Rate 5',
      action: { kind: 'value', value: { action: 'rate', rating: 5 }, inputs: [], text: '5' },
    });
    expect(cardActionChoice({ type: 'postBack', title: 'Yes', value: 'yes' })).toEqual({ label: 'Yes', action: { kind: 'text', text: 'yes' } });
    expect(cardActionChoice({ type: 'unknownKind', title: 'x' })).toBeNull();
  });
});

describe('plainText', () => {
  it('drops bold markers and spells links out, leaving other text alone', () => {
    expect(renderAdaptiveCard(card([text('**您** 提交了申请')])).lines).toEqual(['您 提交了申请']);
    expect(renderActivity({ type: 'message', text: 'See [the policy](https://example.com/p) or __now__' }).lines).toEqual(['See the policy (https://example.com/p) or now']);
    expect(renderActivity({ type: 'message', text: 'order_id 2*3=6 [x]' }).lines).toEqual(['order_id 2*3=6 [x]']);
  });
});

describe('formatRendered', () => {
  it('puts the bot\'s words after "bot> " and numbers choices from the given number', () => {
    const lines = formatRendered({ lines: ['one', 'two'], choices: [{ label: 'A', action: { kind: 'text', text: 'a' } }] }, 3);
    expect(lines).toEqual(['bot> one', '     two', '     [3] A']);
  });
});

describe('Teams cards (Universal Actions)', () => {
  it('keeps an Action.Execute button\'s verb and own data apart, and still sends the verb beside the data as a Submit would', () => {
    const c = card([{ type: 'Input.Text', id: 'remark', label: 'Remark' }], [{ type: 'Action.Execute', title: 'Approve', verb: 'cs.approve', data: { caseId: 'RD-000001', version: 3 } }]);
    const [approve] = renderAdaptiveCard(c).choices;
    expect(approve!.action).toEqual({
      kind: 'value',
      value: { caseId: 'RD-000001', version: 3, verb: 'cs.approve' },
      inputs: [{ id: 'remark', label: 'Remark', kind: 'text', required: false }],
      execute: { verb: 'cs.approve', data: { caseId: 'RD-000001', version: 3 } },
    });
  });

  it('makes a clickable row (selectAction) one more choice, named by its first line when the action has no title', () => {
    const c = card([
      container([text('RD-000001 · 平台审核中')], { selectAction: { type: 'Action.Execute', verb: 'cs.view', data: { caseId: 'RD-000001' } } }),
      container([text('RD-000002 · 支付失败')], { selectAction: { type: 'Action.Execute', verb: 'cs.view', data: { caseId: 'RD-000002' }, title: 'RD-000002' } }),
    ]);
    const r = renderAdaptiveCard(c);
    expect(r.lines).toEqual(['RD-000001 · 平台审核中', 'RD-000002 · 支付失败']);
    expect(r.choices.map((x) => x.label)).toEqual(['RD-000001 · 平台审核中', 'RD-000002']);
    const view = r.choices[0]!.action;
    expect(view.kind === 'value' && view.execute).toEqual({ verb: 'cs.view', data: { caseId: 'RD-000001' } });
  });

  it('shows a hidden part when its Action.ToggleVisibility is chosen', () => {
    const c = card([text('转人工：王小明'), { type: 'Container', id: 'transcript', isVisible: false, items: [text('买家: 你好')] }], [{ type: 'Action.ToggleVisibility', title: '查看对话记录', targetElements: ['transcript'] }]);
    const r = renderAdaptiveCard(c);
    expect(r.lines).toEqual(['转人工：王小明']);
    const toggle = r.choices[0]!.action;
    expect(toggle.kind).toBe('card');
    const shown = renderAdaptiveCard(toggle.kind === 'card' ? toggle.card : null);
    expect(shown.lines).toEqual(['转人工：王小明', '买家: 你好']);
    // Toggled again, it hides; an explicit isVisible wins.
    const again = shown.choices[0]!.action;
    expect(renderAdaptiveCard(again.kind === 'card' ? again.card : null).lines).toEqual(['转人工：王小明']);
    const forced = renderAdaptiveCard(card([{ type: 'Container', id: 't', isVisible: false, items: [text('x')] }], [{ type: 'Action.ToggleVisibility', title: 'show', targetElements: [{ elementId: 't', isVisible: true }] }]));
    const f = forced.choices[0]!.action;
    expect(renderAdaptiveCard(f.kind === 'card' ? f.card : null).lines).toEqual(['x']);
  });
});
