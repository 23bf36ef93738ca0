import type { Activity } from 'botbuilder';
import type { QueuedHandoff } from '../../../services/handoff';
import { HANDOFF_STATUSES } from '../../../services/handoff';
import type { DomainEvent } from '../../../services/refunds';
import type { Lang } from '../../../bot/i18n';
import { translator } from '../../../bot/i18n';
import { handoffPacketCard, leftMessageCard } from '../../../bot/cards/staff/handoff-packet-card';
import { relayEndedCard, relayStartCard } from '../../../bot/cards/staff/handoff-relay-card';
import type { HandoffPacket } from '../../../bot/staff/handoff/packet';
import { lineOf } from '../../../bot/staff/handoff/transcript-lines';
import { mayTrigger, triggerOf } from '../../../bot/staff/handoff/triggers';
import { outcomeWords } from '../../../bot/staff/handoff/outcome-words';
import type { HandoffOutcome } from '../../../bot/staff/handoff/turn-desk';
import { aCase } from '../../support/case-builder';
import { cardText, executeActions, expectValid } from './handoff-harness';

// The pure parts of the handoff desk: its cards in every status and both languages, what goes into the
// transcript, which case events fetch a person, and how the buyer is told where their request stands.

const AT = '2025-06-18T02:00:00.000Z';
const ctx = (lang: Lang) => ({ t: translator(lang), lang, timeZone: 'Asia/Shanghai' });

function aHandoff(overrides: Partial<QueuedHandoff> = {}): QueuedHandoff {
  return {
    id: 'h-1',
    buyerId: 'buyer-1001',
    conversationId: 'conv-1',
    reason: 'quality_complaint',
    priority: 'high',
    caseId: 'RD-000007',
    language: 'zh-CN',
    transcript: [],
    queuedAt: AT,
    status: 'queued',
    ...overrides,
  };
}

function aPacket(handoff: QueuedHandoff): HandoffPacket {
  return {
    handoff,
    buyerName: '王小明',
    refundCase: aCase({ id: 'RD-000007', status: 'platform_review', reason: 'quality_issue', priority: 'high' }),
    order: null,
    evidence: [
      { url: 'https://bot.example/evidence/abc?exp=1&sig=x', kind: 'image', name: 'crack.jpg' },
      { url: 'https://bot.example/evidence/def?exp=1&sig=y', kind: 'video' },
    ],
    transcript: [
      { from: 'buyer', text: '左耳没有声音', at: AT, attachments: [{ url: 'https://files.example/a.png', name: 'a.png' }] },
      { from: 'bot', text: '请上传照片', at: AT },
      { from: 'agent', text: '您好', at: AT },
    ],
    summary: {
      summary: '买家投诉耳机质量问题。',
      buyerGoal: '退货退款',
      orderId: 'DEMO-1002',
      caseId: 'RD-000007',
      reason: 'quality_issue',
      keyFacts: ['左耳没有声音'],
      mood: 'frustrated',
      suggestedNextStep: '查看凭证照片',
      buyerLanguage: 'zh-CN',
    },
    botSaid: ['请上传照片'],
  };
}

describe('handoff cards', () => {
  const agent = { id: 'aad-alice', name: 'alice' };
  const byStatus: Record<(typeof HANDOFF_STATUSES)[number], Partial<QueuedHandoff>> = {
    queued: {},
    assigned: { agent, takenAt: AT },
    awaiting_message: { offeredAt: AT },
    left_message: { message: { text: '请回电', at: AT, attachments: [{ url: 'https://files.example/b.png' }] } },
    closed: { endedAt: AT, endedBy: { role: 'cs', id: 'aad-alice', name: 'alice' } },
  };

  it.each(HANDOFF_STATUSES.flatMap((s) => (['zh-CN', 'en-US'] as const).map((l) => [s, l] as const)))('draws a valid packet card for a %s handoff in %s', (status, lang) => {
    const handoff = aHandoff({ status, ...byStatus[status] });
    const card = handoffPacketCard(aPacket(handoff), ctx(lang), { answerBy: AT, refreshUserIds: Array.from({ length: 80 }, (_, i) => `u${i}`) });
    expectValid(card);
    const verbs = executeActions(card).map((a) => a.verb);
    expect(verbs.includes('handoff.take')).toBe(['queued', 'awaiting_message', 'left_message'].includes(status));
    expect((card.refresh as { userIds: string[] }).userIds).toHaveLength(60);
    const text = cardText(card);
    expect(text).toContain(lang === 'zh-CN' ? '转人工：王小明' : 'Handoff: 王小明');
    expect(text).toContain('RD-000007');
    if (lang === 'en-US') expect(text.replace(/王小明|左耳没有声音|请上传照片|您好|买家投诉耳机质量问题。|退货退款|查看凭证照片|请回电/g, '')).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows who took it, the message left, the evidence and the conversation', () => {
    const zh = cardText(handoffPacketCard(aPacket(aHandoff({ status: 'assigned', agent, takenAt: AT })), ctx('zh-CN')));
    expect(zh).toContain('已由 alice 于 2025年6月18日 10:00 接手');
    expect(zh).toContain('紧急');
    expect(zh).toContain('质量投诉进入平台审核');
    expect(zh).toContain('情绪');
    expect(zh).toContain('不满');
    expect(zh).toContain('机器人已答复');
    expect(zh).toContain('对话记录（最近 3 条）');
    const left = handoffPacketCard(aPacket(aHandoff({ status: 'left_message', ...byStatus.left_message })), ctx('zh-CN'), { answerBy: '2025-06-19T01:00:00.000Z' });
    expect(cardText(left)).toContain('买家已留言，请在 2025年6月19日 09:00 前回复');
    expect(cardText(left)).toContain('请回电');
    const json = JSON.stringify(handoffPacketCard(aPacket(aHandoff()), ctx('en-US')));
    expect(json).toContain('"type":"ImageSet"');
    expect(json).toContain('https://bot.example/evidence/abc');
    expect(json).toContain('[Evidence file 1](https://bot.example/evidence/def');
    const message = leftMessageCard(aPacket(aHandoff({ status: 'left_message', ...byStatus.left_message })), ctx('zh-CN'));
    expectValid(message);
    expect(executeActions(message).map((a) => a.verb)).toEqual(['handoff.take']);
  });

  it.each(['zh-CN', 'en-US'] as const)('draws valid relay cards in %s', (lang) => {
    const start = relayStartCard(aPacket(aHandoff({ status: 'assigned', agent, takenAt: AT })), ctx(lang));
    expectValid(start);
    expect(executeActions(start)).toEqual([
      { verb: 'handoff.end', data: { handoffId: 'h-1' }, title: translator(lang)('handoffDesk.action.end') },
      { verb: 'handoff.focus', data: { handoffId: 'h-1' }, title: translator(lang)('handoffDesk.action.focus') },
    ]);
    const ended = relayEndedCard('王小明', ctx(lang));
    expectValid(ended);
    expect(cardText(ended)).toContain('王小明');
  });
});

describe('transcript lines', () => {
  const now = new Date(AT);
  const message = (partial: Partial<Activity>): Partial<Activity> => ({ type: 'message', ...partial });

  it('keeps words masked and short, files as links (inline files only as a note)', () => {
    const line = lineOf(message({ text: `  电话13812345678 ${'好'.repeat(600)}`, attachments: [{ contentType: 'image/png', contentUrl: 'data:image/png;base64,AAAA', name: 'a.png' }, { contentType: 'image/png', contentUrl: 'https://files.example/b.png' }] }), 'buyer', now)!;
    expect(line.text).not.toContain('13812345678');
    expect(line.text.length).toBeLessThanOrEqual(500);
    expect(line.attachments).toEqual([
      { url: 'data:image/png;base64,…', contentType: 'image/png', name: 'a.png' },
      { url: 'https://files.example/b.png', contentType: 'image/png' },
    ]);
    expect(line.at).toBe(AT);
  });

  it('words a click by its data and a card by its text, and skips what has nothing to keep', () => {
    expect(lineOf(message({ value: { action: 'rate', caseId: 'RD-000001', stars: 5 } }), 'buyer', now)?.text).toBe('[rate caseId=RD-000001 stars=5]');
    const card = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: '退款预览' }, { type: 'TextBlock', text: '¥52.16' }], actions: [{ type: 'Action.Submit', title: '确认' }] } };
    expect(lineOf(message({ attachments: [card] }), 'bot', now)).toEqual({ from: 'bot', text: '退款预览 / ¥52.16', at: AT });
    expect(lineOf({ type: 'event', name: 'handoff.initiate' }, 'bot', now)).toBeNull();
    expect(lineOf(message({ text: '   ' }), 'buyer', now)).toBeNull();
    const teamsFile = { contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'r.pdf', content: { downloadUrl: 'https://teams.example/r.pdf' } };
    const html = { contentType: 'text/html', content: '<p>hi</p>' };
    expect(lineOf(message({ text: 'hi', attachments: [teamsFile, html] }), 'agent', now)?.attachments).toEqual([{ url: 'https://teams.example/r.pdf', contentType: teamsFile.contentType, name: 'r.pdf' }]);
  });
});

describe('handoff triggers from case events', () => {
  const event = (partial: Partial<DomainEvent>): DomainEvent => ({ id: 'RD-1:2', caseId: 'RD-1', version: 2, at: AT, actor: { role: 'system', id: 'system' }, type: 'x', from: 'pending_merchant', to: 'pending_merchant', ...partial });

  it('fetches a person on an escalation, a declined payment and a quality complaint entering platform review', () => {
    expect(triggerOf(event({ type: 'buyer_escalate', from: 'merchant_rejected', to: 'platform_review' }), { reason: 'other', priority: 'normal' })).toMatchObject({ reason: 'escalated_after_rejection', priority: 'normal' });
    expect(triggerOf(event({ type: 'payment_declined', from: 'refunding', to: 'refund_failed' }), { reason: 'other', priority: 'normal' })).toMatchObject({ reason: 'payment_failed', priority: 'high' });
    expect(triggerOf(event({ type: 'merchant_approve', to: 'platform_review' }), { reason: 'quality_issue', priority: 'high' })).toMatchObject({ reason: 'quality_complaint', priority: 'high' });
    expect(triggerOf(event({ type: 'file', from: null, to: 'platform_review' }), { reason: 'quality_issue', priority: 'high' })?.reason).toBe('quality_complaint');
  });

  it('leaves everything else to the bot', () => {
    expect(triggerOf(event({ type: 'merchant_approve', to: 'platform_review' }), { reason: 'wrong_item', priority: 'normal' })).toBeNull();
    expect(triggerOf(event({ type: 'request_evidence', from: 'platform_review', to: 'platform_review' }), { reason: 'quality_issue', priority: 'high' })).toBeNull();
    expect(triggerOf(event({ type: 'cs_intervene', actor: { role: 'cs', id: 'aad-alice' }, to: 'platform_review' }), { reason: 'quality_issue', priority: 'high' })).toBeNull();
    expect(triggerOf(event({ type: 'merchant_reject', to: 'merchant_rejected' }), { reason: 'quality_issue', priority: 'high' })).toBeNull();
    expect(mayTrigger(event({ type: 'merchant_reject', to: 'merchant_rejected' }))).toBe(false);
    expect(mayTrigger(event({ type: 'notice', from: 'platform_review', to: 'platform_review' }))).toBe(false);
  });
});

describe('what the buyer is told about a request', () => {
  const h = aHandoff({ caseId: undefined, reason: 'buyer_asked' });
  const outcomes: HandoffOutcome[] = [
    { kind: 'queued', handoff: h, position: 3, alreadyQueued: false, waitMinutes: 15 },
    { kind: 'queued', handoff: h, position: 2, alreadyQueued: true, waitMinutes: 10 },
    { kind: 'owned', handoff: h, agentName: 'alice' },
    { kind: 'leave_message', handoff: h, hours: '09:00-21:00', open: false, at: '2025-06-19T01:00:00.000Z' },
    { kind: 'leave_message', handoff: h, hours: '09:00-21:00', open: true, at: '2025-06-18T13:00:00.000Z' },
    { kind: 'message_left', handoff: h },
    { kind: 'contact_centre', handoff: h },
  ];

  it.each(outcomes.map((o, i) => [i, o.kind, o] as const))('words outcome %i (%s) in both languages', (_i, _kind, outcome) => {
    const zh = outcomeWords(outcome, ctx('zh-CN'));
    const en = outcomeWords(outcome, ctx('en-US'));
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toMatch(/\{\w+\}/);
    expect(en).not.toMatch(/\{\w+\}/);
  });

  it('names the place, the wait and the times', () => {
    expect(outcomeWords(outcomes[0]!, ctx('zh-CN'), ['引言。'])).toMatch(/^引言。已为您申请人工客服，您目前排在第 3 位。预计等待约 15 分钟。/);
    expect(outcomeWords(outcomes[1]!, ctx('en-US'))).toContain("at number 2. There's no need to ask again. The expected wait is about 10 minutes.");
    expect(outcomeWords(outcomes[3]!, ctx('zh-CN'))).toContain('2025年6月19日 09:00 上班后');
    expect(outcomeWords(outcomes[4]!, ctx('en-US'))).toContain('answer by Jun 18, 2025, 21:00');
  });
});
