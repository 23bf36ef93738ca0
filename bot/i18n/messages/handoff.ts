import { defineMessages } from './define';

// "Talk to a person": what the buyer is told when their conversation is queued for the CS desk.

export const handoff = defineMessages({
  'handoff.intro.notUnderstood': {
    zh: '抱歉，我好像没能理解您的意思，我来为您转接人工客服。',
    en: "Sorry, I don't seem to understand, so I'm getting a person to help you.",
  },
  'handoff.intro.paymentFailed': {
    zh: '好的，我来为您转接人工客服处理退款支付的问题。',
    en: "OK, I'm getting a person to help with your refund payment.",
  },
  'handoff.queued': {
    zh: '已为您申请人工客服，您目前排在第 {position} 位。',
    en: "I've asked for a person to help you. You are number {position} in the queue.",
  },
  'handoff.queuedCase': {
    zh: '已为您申请人工客服（关于退款单 {caseId}），您目前排在第 {position} 位。',
    en: "I've asked for a person to help you with case {caseId}. You are number {position} in the queue.",
  },
  'handoff.already': {
    zh: '您已经在排队等待人工客服了，目前排在第 {position} 位，不需要重复申请。',
    en: "You're already in the queue for a person, at number {position}. There's no need to ask again.",
  },
  'handoff.assigned': {
    zh: '客服人员已经在处理您的对话，会直接在这里回复您。',
    en: 'A person is already handling your conversation and will reply to you here.',
  },
  'handoff.what': {
    zh: '人工客服在工作时间内按排队顺序回复（紧急问题优先），回复会直接发到这个对话里。对话会一直保留，您不必守在这里；在此期间，我也可以继续帮您查询进度或办理退款。',
    en: 'Our agents answer during business hours, in queue order with urgent issues first, and their reply comes right here in this chat. The conversation stays open, so you do not need to wait here; meanwhile I can still check progress or help with a refund.',
  },
});
