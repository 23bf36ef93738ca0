import { defineMessages } from './define';

// The human handoff desk: what buyers hear while a person is fetched, joins, talks and hands back; and what CS
// agents see in Teams (the handoff card in the CS channel, the relay in their chat with the bot).

export const handoffDesk = defineMessages({
  // ---- buyers --------------------------------------------------------------------------------------------
  'handoffDesk.wait': { zh: '预计等待约 {minutes} 分钟。', en: 'The expected wait is about {minutes} minutes.' },
  'handoffDesk.closedHours': {
    zh: '人工客服的工作时间是每天 {hours}，现在没有客服在线。您可以直接在这里留言（发一条消息即可），客服会在 {opensAt} 上班后尽快回复您；说“取消”就不留言了。',
    en: 'Our agents work {hours} every day, so nobody is available right now. You can leave a message here (just send it) and an agent will answer after we open at {opensAt}. Say "cancel" if you would rather not.',
  },
  'handoffDesk.noAgent': {
    zh: '抱歉，客服们暂时都在忙，没能及时接入。您可以直接在这里留言（发一条消息即可），客服会在 {answerBy} 前回复您；说“取消”就不留言了。',
    en: 'Sorry, all our agents are still busy. You can leave a message here (just send it) and an agent will answer by {answerBy}. Say "cancel" if you would rather not.',
  },
  'handoffDesk.askMessage': {
    zh: '现在没有客服可以接入。请直接发送您想留给客服的话，或者说“取消”。',
    en: 'No agent can join right now. Please send the message you want to leave for our agents, or say "cancel".',
  },
  'handoffDesk.messageLeft.open': {
    zh: '已收到您的留言，客服会在 {at} 前回复您，回复会发到这个对话里。',
    en: 'Thanks, your message is with our agents. One of them will answer here by {at}.',
  },
  'handoffDesk.messageLeft.closed': {
    zh: '已收到您的留言，客服会在 {at} 上班后尽快回复您，回复会发到这个对话里。',
    en: 'Thanks, your message is with our agents. One of them will answer here after we open at {at}.',
  },
  'handoffDesk.messageAgain': {
    zh: '您已经给客服留过言了，客服会尽快在这里回复您。在此期间，我也可以继续帮您查询进度或办理退款。',
    en: 'You have already left a message for our agents; one of them will answer here soon. Meanwhile I can still check progress or help with a refund.',
  },
  'handoffDesk.messageWithdrawn': { zh: '好的，不留言了。还有什么可以帮您？', en: 'OK, no message then. Anything else I can help with?' },
  'handoffDesk.joined': {
    zh: '客服 {agent} 已接入，接下来由 TA 在这里为您服务。',
    en: '{agent} from our customer service has joined and will help you here.',
  },
  'handoffDesk.agentSays': { zh: '客服 {agent}：{text}', en: '{agent} (customer service): {text}' },
  'handoffDesk.ended': {
    zh: '客服 {agent} 已结束本次对话。我是退款助手，接下来继续为您服务。',
    en: "{agent} has ended the conversation. I'm the refund assistant again.",
  },
  'handoffDesk.resume.rate': {
    zh: '您的退款单 {caseId} 已经办结，方便的话请为这次服务打个分。',
    en: 'Your case {caseId} is finished. If you have a moment, please rate how it went.',
  },
  'handoffDesk.resume.menu': { zh: '还有什么可以帮您？', en: 'Anything else I can help with?' },
  'handoffDesk.intro.escalated': { zh: '您已申请平台介入退款单 {caseId}。', en: 'You asked the platform to review case {caseId}.' },
  'handoffDesk.intro.payment': { zh: '退款单 {caseId} 的退款没能打到您的账户。', en: 'The refund for case {caseId} could not be paid to your account.' },
  'handoffDesk.intro.quality': { zh: '您反映的质量问题（退款单 {caseId}）需要平台审核。', en: 'The quality problem you reported (case {caseId}) needs a review by the platform.' },
  'handoffDesk.protocol.initiated': {
    zh: '正在为您转接人工客服，请稍候，客服接入后会直接在这里回复您。',
    en: "I'm putting you through to a person. Please hold on: they will reply right here.",
  },
  'handoffDesk.protocol.accepted': { zh: '人工客服已接入，接下来由客服在这里为您服务。', en: 'A person has joined and will help you here.' },
  'handoffDesk.protocol.failed': {
    zh: '抱歉，暂时没能转接到人工客服。我是退款助手，可以继续帮您，您也可以稍后再试。',
    en: "Sorry, I couldn't reach a person just now. I'm the refund assistant and can keep helping, or you can try again later.",
  },
  'handoffDesk.protocol.completed': {
    zh: '人工客服已结束本次对话。我是退款助手，接下来继续为您服务。',
    en: "The person has ended the conversation. I'm the refund assistant again.",
  },

  // ---- agents: the handoff card in the CS channel ---------------------------------------------------------
  'handoffDesk.card.title': { zh: '转人工：{buyer}', en: 'Handoff: {buyer}' },
  'handoffDesk.card.urgent': { zh: '紧急', en: 'Urgent' },
  'handoffDesk.card.why': { zh: '转人工原因', en: 'Why' },
  'handoffDesk.card.buyer': { zh: '买家', en: 'Buyer' },
  'handoffDesk.card.order': { zh: '订单', en: 'Order' },
  'handoffDesk.card.case': { zh: '退款单', en: 'Case' },
  'handoffDesk.card.caseStatus': { zh: '案件状态', en: 'Case status' },
  'handoffDesk.card.caseReason': { zh: '退款原因', en: 'Reason' },
  'handoffDesk.card.amount': { zh: '退款金额', en: 'Amount' },
  'handoffDesk.card.route': { zh: '审核结果', en: 'Policy' },
  'handoffDesk.card.queuedAt': { zh: '申请时间', en: 'Asked at' },
  'handoffDesk.card.noCase': { zh: '（还没有退款单）', en: '(no case yet)' },
  'handoffDesk.card.fastTrack.before_shipment': { zh: '快速通道：发货前取消', en: 'Fast track: cancelled before shipment' },
  'handoffDesk.card.fastTrack.logistics_delay': { zh: '快速通道：物流延误', en: 'Fast track: delivery late' },
  'handoffDesk.card.priority.high': { zh: '高优先级', en: 'high priority' },
  'handoffDesk.card.priority.normal': { zh: '普通优先级', en: 'normal priority' },
  'handoffDesk.card.summary': { zh: '摘要', en: 'Summary' },
  'handoffDesk.card.goal': { zh: '买家诉求', en: 'Buyer wants' },
  'handoffDesk.card.mood': { zh: '情绪', en: 'Mood' },
  'handoffDesk.card.next': { zh: '建议先做', en: 'Do first' },
  'handoffDesk.card.keyFacts': { zh: '买家说过', en: 'The buyer said' },
  'handoffDesk.card.evidence': { zh: '凭证', en: 'Evidence' },
  'handoffDesk.card.evidenceFile': { zh: '凭证文件 {n}', en: 'Evidence file {n}' },
  'handoffDesk.card.offered': { zh: '机器人已答复', en: 'The bot already said' },
  'handoffDesk.card.transcript': { zh: '对话记录（最近 {count} 条）', en: 'Conversation (last {count} lines)' },
  'handoffDesk.card.showTranscript': { zh: '查看对话记录', en: 'Show the conversation' },
  'handoffDesk.card.noTranscript': { zh: '（没有对话记录）', en: '(nothing was said yet)' },
  'handoffDesk.card.message': { zh: '买家留言', en: 'Message from the buyer' },
  'handoffDesk.mood.calm': { zh: '平静', en: 'calm' },
  'handoffDesk.mood.impatient': { zh: '着急', en: 'impatient' },
  'handoffDesk.mood.frustrated': { zh: '不满', en: 'frustrated' },
  'handoffDesk.mood.angry': { zh: '愤怒', en: 'angry' },
  'handoffDesk.from.buyer': { zh: '买家', en: 'Buyer' },
  'handoffDesk.from.bot': { zh: '机器人', en: 'Bot' },
  'handoffDesk.from.agent': { zh: '客服', en: 'Agent' },
  'handoffDesk.reason.buyer_asked': { zh: '买家要求转人工', en: 'The buyer asked for a person' },
  'handoffDesk.reason.not_understood': { zh: '机器人连续两次没能理解买家', en: 'The bot did not understand the buyer twice in a row' },
  'handoffDesk.reason.escalated_after_rejection': { zh: '商家拒绝后，买家申请平台介入', en: 'The buyer escalated after the shop rejected the request' },
  'handoffDesk.reason.payment_failed': { zh: '退款支付被拒', en: 'The refund payment was declined' },
  'handoffDesk.reason.quality_complaint': { zh: '质量投诉进入平台审核', en: 'A quality complaint went to platform review' },
  'handoffDesk.reason.frustration': { zh: '买家情绪激动', en: 'The buyer is very upset' },
  'handoffDesk.status.queued': { zh: '等待客服接手', en: 'Waiting for an agent' },
  'handoffDesk.status.assigned': { zh: '已由 {agent} 于 {at} 接手', en: 'Taken by {agent} at {at}' },
  'handoffDesk.status.awaiting_message': { zh: '没有客服及时接入，已请买家留言', en: 'No agent was free: the buyer was asked to leave a message' },
  'handoffDesk.status.left_message': { zh: '买家已留言，请在 {at} 前回复', en: 'The buyer left a message: answer by {at}' },
  'handoffDesk.status.closed': { zh: '已结束（{by}）', en: 'Ended ({by})' },
  'handoffDesk.action.take': { zh: '接手', en: 'Take it' },
  'handoffDesk.action.end': { zh: '结束对话，交还机器人', en: 'End and hand back to the bot' },
  'handoffDesk.action.focus': { zh: '回复这位买家', en: 'Reply to this buyer' },

  // ---- agents: answers to card actions --------------------------------------------------------------------
  'handoffDesk.takenBy': { zh: '已由 {agent} 接手（{at}）。', en: 'Already taken by {agent} ({at}).' },
  'handoffDesk.youTook': {
    zh: '您已接手。请在您与机器人的私聊中和买家对话。',
    en: 'You took it. Talk to the buyer in your chat with the bot.',
  },
  'handoffDesk.alreadyEnded': { zh: '这个转人工请求已经结束。', en: 'This handoff has already ended.' },
  'handoffDesk.notAgent': { zh: '只有客服人员可以处理转人工请求。', en: 'Only customer-service agents can handle handoffs.' },
  'handoffDesk.gone': { zh: '找不到这个转人工请求。', en: 'This handoff no longer exists.' },

  // ---- agents: the relay in their chat with the bot -------------------------------------------------------
  'handoffDesk.relay.title': { zh: '您正在与买家 {buyer} 对话', en: 'You are talking to {buyer}' },
  'handoffDesk.relay.howTo': {
    zh: '您在这里发送的消息会转给买家，买家的消息也会发到这里。处理完后点“结束对话，交还机器人”或发送“结束”。',
    en: 'What you send here goes to the buyer, and the buyer\'s messages come here. When you are done, press "End and hand back to the bot" or send "end".',
  },
  'handoffDesk.relay.fromBuyer': { zh: '买家 {buyer}{about}：{text}', en: '{buyer}{about}: {text}' },
  'handoffDesk.relay.clicked': { zh: '（买家点了一个按钮）', en: '(the buyer pressed a button)' },
  'handoffDesk.relay.files': { zh: '（发来了文件）', en: '(sent files)' },
  'handoffDesk.relay.ended': { zh: '已结束与买家 {buyer} 的对话，已交还机器人。', en: 'The conversation with {buyer} is over and back with the bot.' },
  'handoffDesk.relay.notDelivered': {
    zh: '这条消息没能发给买家（对方可能已经离开对话）。',
    en: 'This message could not be delivered to the buyer (they may have left the conversation).',
  },
  'handoffDesk.relay.nowTalking': { zh: '接下来您发送的消息会转给买家 {buyer}。', en: 'Your next messages go to {buyer}.' },
  'handoffDesk.leftMessage.title': { zh: '买家留言：{buyer}', en: 'Message left by {buyer}' },

  // ---- the template summary (when no language model is configured) ----------------------------------------
  'handoffDesk.summary': { zh: '{goal}。买家最近说：“{latest}”', en: '{goal}. The buyer last said: "{latest}"' },
  'handoffDesk.summaryNoWords': { zh: '{goal}。买家没有留下文字。', en: '{goal}. The buyer wrote nothing.' },
  'handoffDesk.goal.buyer_asked': { zh: '买家希望由人工客服处理', en: 'The buyer wants a person to handle it' },
  'handoffDesk.goal.not_understood': { zh: '机器人没能理解买家的问题，买家需要人工帮助', en: 'The bot could not understand the buyer, who needs a person' },
  'handoffDesk.goal.escalated_after_rejection': { zh: '买家不接受商家的拒绝，申请平台介入', en: "The buyer disputes the shop's rejection and wants the platform to decide" },
  'handoffDesk.goal.payment_failed': { zh: '退款支付被拒，买家还没有收到退款', en: 'The refund payment was declined and the buyer has not been paid' },
  'handoffDesk.goal.quality_complaint': { zh: '买家投诉商品质量问题，案件需要平台审核', en: 'The buyer reports a quality problem that needs platform review' },
  'handoffDesk.goal.frustration': { zh: '买家情绪激动，需要人工处理', en: 'The buyer is upset and needs a person' },
  'handoffDesk.next.buyer_asked': { zh: '先看对话记录和案件状态，再问买家需要什么帮助', en: 'Read the conversation and the case, then ask what the buyer needs' },
  'handoffDesk.next.not_understood': { zh: '请买家用一句话说明遇到的问题', en: 'Ask the buyer to describe the problem in one sentence' },
  'handoffDesk.next.escalated_after_rejection': { zh: '核对商家的拒绝理由和买家的凭证，在平台审核中裁决', en: "Compare the shop's reason with the buyer's evidence and rule in platform review" },
  'handoffDesk.next.payment_failed': { zh: '核对支付失败原因，重试退款或线下结算', en: 'Check why the payment failed, then retry it or settle offline' },
  'handoffDesk.next.quality_complaint': { zh: '查看凭证照片，在平台审核中裁决', en: 'Look at the evidence photos and rule in platform review' },
  'handoffDesk.next.frustration': { zh: '先安抚买家，再看案件状态和对话记录', en: 'Calm the buyer first, then read the case and the conversation' },
});
