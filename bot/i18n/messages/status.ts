import { defineMessages } from './define';

// Following a case: status names, what happened (audit events), who did it, what comes next, when the money
// arrives; and the wording every case flow shares for command outcomes and for choosing a case.

export const status = defineMessages({
  // ---- status names (short labels) -------------------------------------------------------------------------
  'status.name.pending_merchant': { zh: '等待商家处理', en: 'Waiting for the shop' },
  'status.name.platform_review': { zh: '平台审核中', en: 'Under platform review' },
  'status.name.merchant_rejected': { zh: '商家已拒绝', en: 'Rejected by the shop' },
  'status.name.awaiting_return_shipment': { zh: '待寄回商品', en: 'Waiting for you to ship the return' },
  'status.name.return_in_transit': { zh: '退货运输中', en: 'Return on its way' },
  'status.name.return_received': { zh: '商家验收中', en: 'Shop is checking the return' },
  'status.name.exchange_shipping': { zh: '换货商品寄出中', en: 'Replacement being sent' },
  'status.name.refund_pending': { zh: '退款准备中', en: 'Refund being prepared' },
  'status.name.refunding': { zh: '退款支付中', en: 'Refund being paid' },
  'status.name.refund_failed': { zh: '退款支付失败（客服处理中）', en: 'Refund payment failed (CS is on it)' },
  'status.name.refunded': { zh: '已退款', en: 'Refunded' },
  'status.name.exchanged': { zh: '已换货', en: 'Exchanged' },
  'status.name.closed': { zh: '已关闭', en: 'Closed' },

  // ---- where a case stands, as the end of a sentence ("... : {stands}") ----------------------------------------
  'status.stands.pending_merchant': { zh: '商家正在审核这笔申请', en: 'the shop is still reviewing the request' },
  'status.stands.platform_review': { zh: '平台正在审核这笔申请', en: 'the platform is reviewing the request' },
  'status.stands.merchant_rejected': {
    zh: '商家已拒绝这笔申请，您可以修改后重新提交、申请平台介入或接受拒绝',
    en: 'the shop rejected the request; you can revise and resubmit it, escalate it to the platform, or accept the rejection',
  },
  'status.stands.awaiting_return_shipment': { zh: '申请已通过，正在等待您寄回商品', en: 'the request is approved and waiting for you to ship the goods back' },
  'status.stands.return_in_transit': { zh: '退货已经寄出，正在运往商家', en: 'your return is already on its way to the shop' },
  'status.stands.return_received': { zh: '商家已收到退货，正在验收', en: 'the shop has received the return and is checking it' },
  'status.stands.exchange_shipping': { zh: '商家正在寄出换货商品', en: 'the shop is sending the replacement' },
  'status.stands.refund_pending': { zh: '退款即将发起支付', en: 'the refund is about to be paid' },
  'status.stands.refunding': { zh: '退款已在支付中', en: 'the refund is already being paid' },
  'status.stands.refund_failed': { zh: '退款支付没有成功，平台客服正在处理', en: 'the refund payment failed and platform CS is handling it' },
  'status.stands.refunded': { zh: '退款已经完成', en: 'the refund has already been paid' },
  'status.stands.exchanged': { zh: '换货已经完成', en: 'the exchange is already complete' },
  'status.stands.closed': { zh: '这笔申请已关闭', en: 'the case is closed' },

  // ---- next step, for the buyer ---------------------------------------------------------------------------
  'status.next.pending_merchant': {
    zh: '商家需在 {deadline} 前处理；逾期未处理，系统将自动同意。',
    en: "The shop must respond by {deadline}; if it doesn't, the request is approved automatically.",
  },
  'status.next.platform_review': {
    zh: '平台客服会尽快审核，通常在 {hours} 小时内给出结果，结果会通知您。',
    en: 'Platform CS reviews it, usually within {hours} hours, and will let you know.',
  },
  'status.next.merchant_rejected': {
    zh: '请在 {deadline} 前选择：修改后重新提交、申请平台介入或接受拒绝；逾期申请将自动关闭。',
    en: 'Please choose by {deadline}: revise and resubmit, escalate to the platform, or accept the rejection. After that the case closes by itself.',
  },
  'status.next.awaiting_return_shipment': {
    zh: '请在 {deadline} 前寄回商品，并告诉我快递公司和运单号；逾期未寄回，申请将关闭。',
    en: 'Please ship the goods back by {deadline} and tell me the carrier and tracking number. After that the case closes.',
  },
  'status.next.return_in_transit': {
    zh: '包裹送达后商家会验收，验收通过即为您退款或换货，无需您操作。',
    en: 'Once the parcel arrives the shop checks it, then your refund or replacement goes ahead. Nothing for you to do.',
  },
  'status.next.return_received': {
    zh: '商家需在 {deadline} 前完成验收，验收通过即为您退款或换货。',
    en: 'The shop must finish checking by {deadline}; then your refund or replacement goes ahead.',
  },
  'status.next.exchange_shipping': { zh: '商家需在 {deadline} 前寄出换货商品。', en: 'The shop should send the replacement by {deadline}.' },
  'status.next.refund_pending': { zh: '退款马上发起，无需您操作。', en: 'The refund is about to be paid. Nothing for you to do.' },
  'status.next.refunding': { zh: '退款已提交支付渠道，确认后即到账，无需您操作。', en: 'The refund has been sent to the payment provider. Nothing for you to do.' },
  'status.next.refund_failed': {
    zh: '退款支付没有成功，平台客服会重新支付或与您线下结算，无需您操作。',
    en: 'The payment did not go through; platform CS will pay again or settle it with you. Nothing for you to do.',
  },
  'status.next.refunded': { zh: '退款已完成。欢迎为这次处理评分。', en: 'All done: the refund is paid. You are welcome to rate how it went.' },
  'status.next.exchanged': { zh: '换货已完成。欢迎为这次处理评分。', en: 'All done: the exchange is complete. You are welcome to rate how it went.' },
  'status.next.closed': { zh: '申请已关闭：{closeReason}。', en: 'The case is closed: {closeReason}.' },

  // ---- why a case was closed ------------------------------------------------------------------------------
  'status.close.buyer_cancelled': { zh: '您撤销了申请', en: 'you withdrew it' },
  'status.close.buyer_accepted_rejection': { zh: '您接受了商家的拒绝', en: "you accepted the shop's rejection" },
  'status.close.escalation_window_expired': { zh: '未在期限内选择重新提交或申请平台介入', en: 'it was not resubmitted or escalated in time' },
  'status.close.return_not_shipped': { zh: '未在期限内寄回商品', en: 'the goods were not shipped back in time' },
  'status.close.platform_rejected': { zh: '平台审核未通过', en: 'the platform turned it down' },
  'status.close.unknown': { zh: '处理已结束', en: 'it has ended' },

  // ---- what the buyer asked for ---------------------------------------------------------------------------
  'status.type.refund_only': { zh: '仅退款', en: 'Refund only' },
  'status.type.return_refund': { zh: '退货退款', en: 'Return and refund' },
  'status.type.exchange': { zh: '换货', en: 'Exchange' },
  'status.reason.quality_issue': { zh: '质量问题', en: 'Quality problem' },
  'status.reason.not_as_described': { zh: '与描述不符', en: 'Not as described' },
  'status.reason.damaged_in_transit': { zh: '运输途中损坏', en: 'Damaged in transit' },
  'status.reason.wrong_item': { zh: '发错商品', en: 'Wrong item sent' },
  'status.reason.missing_parts': { zh: '少件或缺配件', en: 'Missing items or parts' },
  'status.reason.logistics_delay': { zh: '物流延误', en: 'Delivery delayed' },
  'status.reason.not_received': { zh: '未收到货', en: 'Not received' },
  'status.reason.no_reason_7_days': { zh: '七天无理由退货', en: '7-day no-reason return' },
  'status.reason.mistaken_purchase': { zh: '拍错或不想要了', en: 'Bought by mistake' },
  'status.reason.other': { zh: '其他原因', en: 'Other reason' },

  // ---- who acted: as the subject of a timeline line, and inside a sentence --------------------------------
  'status.actor.buyer': { zh: '您', en: 'You' },
  'status.actor.merchant': { zh: '商家', en: 'The shop' },
  'status.actor.cs': { zh: '平台客服', en: 'Platform CS' },
  'status.actor.system': { zh: '系统', en: 'The system' },
  'status.by.buyer': { zh: '您', en: 'you' },
  'status.by.merchant': { zh: '商家', en: 'the shop' },
  'status.by.cs': { zh: '平台', en: 'the platform' },
  'status.by.system': { zh: '系统', en: 'the system' },

  // ---- what happened (audit events), as the predicate after the actor ----------------------------------------
  'status.event.file': { zh: '提交了申请', en: 'filed the request' },
  'status.event.merchant_approve': { zh: '同意了申请', en: 'approved the request' },
  'status.event.merchant_approve_without_return': { zh: '同意退款，无需寄回商品', en: 'approved a refund without return' },
  'status.event.merchant_reject': { zh: '拒绝了申请', en: 'rejected the request' },
  'status.event.merchant_timeout': { zh: '自动同意了申请（商家未按时处理）', en: 'approved it automatically (the shop did not answer in time)' },
  'status.event.request_evidence': { zh: '请求补充凭证', en: 'asked for more evidence' },
  'status.event.add_evidence': { zh: '补充了凭证', en: 'added evidence' },
  'status.event.cs_approve': { zh: '审核通过', en: 'approved it after review' },
  'status.event.cs_reject': { zh: '审核未通过', en: 'turned it down after review' },
  'status.event.cs_intervene': { zh: '介入处理', en: 'stepped in to review it' },
  'status.event.buyer_resubmit': { zh: '修改后重新提交了申请', en: 'revised and resubmitted the request' },
  'status.event.buyer_escalate': { zh: '申请了平台介入', en: 'escalated it to the platform' },
  'status.event.buyer_accept_rejection': { zh: '接受了商家的拒绝', en: "accepted the shop's rejection" },
  'status.event.rejection_window_expired': { zh: '关闭了申请（未在期限内选择下一步）', en: 'closed the case (no choice was made in time)' },
  'status.event.buyer_cancel': { zh: '撤销了申请', en: 'withdrew the request' },
  'status.event.return_shipped': { zh: '寄回了商品', en: 'shipped the return' },
  'status.event.return_window_expired': { zh: '关闭了申请（未在期限内寄回商品）', en: 'closed the case (the goods were not shipped back in time)' },
  'status.event.return_delivered': { zh: '确认退货已送达商家', en: 'recorded the return as delivered to the shop' },
  'status.event.inspection_ok': { zh: '验收通过', en: 'checked the return: all fine' },
  'status.event.inspection_short': { zh: '验收发现数量不足，只为收到的部分办理', en: 'found fewer items than expected; only those received go ahead' },
  'status.event.inspection_failed': { zh: '验收未通过', en: 'did not accept the returned goods' },
  'status.event.inspection_timeout': { zh: '按验收通过处理（商家未按时验收）', en: 'treated the return as fine (the shop did not check it in time)' },
  'status.event.replacement_shipped': { zh: '寄出了换货商品', en: 'shipped the replacement' },
  'status.event.payment_submitted': { zh: '发起了退款支付', en: 'sent the refund for payment' },
  'status.event.payment_retry_scheduled': { zh: '支付暂未成功，将自动重试', en: 'could not complete the payment yet and will retry' },
  'status.event.payment_accepted': { zh: '确认支付渠道已受理退款', en: 'had the refund accepted by the payment provider' },
  'status.event.payment_confirmed': { zh: '确认退款已支付成功', en: 'confirmed the refund was paid' },
  'status.event.payment_declined': { zh: '退款支付被拒绝，已转平台客服处理', en: 'had the payment declined; platform CS takes over' },
  'status.event.cs_retry_payment': { zh: '重新发起了退款支付', en: 'sent the refund for payment again' },
  'status.event.cs_settle_offline': { zh: '线下完成了退款', en: 'settled the refund offline' },
  'status.event.rate': { zh: '评价了处理结果', en: 'rated the outcome' },
  'status.event.notice.merchant': { zh: '提醒商家尽快处理', en: 'reminded the shop to act' },
  'status.event.notice.buyer': { zh: '向您发送了提醒', en: 'sent you a reminder' },
  'status.event.notice.cs': { zh: '通知平台客服跟进', en: 'asked platform CS to follow up' },
  'status.event.other': { zh: '更新了申请', en: 'updated the case' },
  'status.event.detail.fastTrack': { zh: '快速通道：无需商家审核', en: 'fast track: no shop review needed' },
  'status.event.detail.tracking': { zh: '快递：{carrier} {trackingNumber}', en: 'Parcel: {carrier} {trackingNumber}' },
  'status.event.detail.amount': { zh: '金额 {amount}', en: 'Amount {amount}' },
  'status.event.detail.stars': { zh: '{stars} 星', en: '{stars} stars' },

  // ---- when the money arrives ---------------------------------------------------------------------------
  'status.method.alipay': { zh: '支付宝', en: 'Alipay' },
  'status.method.wechat_pay': { zh: '微信支付', en: 'WeChat Pay' },
  'status.method.balance': { zh: '账户余额', en: 'account balance' },
  'status.method.bank_card': { zh: '银行卡', en: 'bank card' },
  'status.arrival.fast': { zh: '通常几分钟内到账，最晚不超过 1 天。', en: 'It usually arrives within minutes, at most 1 day.' },
  'status.arrival.bank': { zh: '银行卡通常 1-5 个工作日到账。', en: 'Bank cards usually take 1-5 business days.' },
  'status.money.paid': { zh: '{amount} 已于 {at} 原路退回您的{method}。{arrival}', en: '{amount} was refunded to your {method} on {at}. {arrival}' },
  'status.money.paying': { zh: '{amount} 正在原路退回您的{method}。{arrival}', en: '{amount} is being refunded to your {method}. {arrival}' },
  'status.money.points': { zh: '另有 {points} 积分已退回您的账户。', en: '{points} points went back to your account as well.' },

  // ---- the timeline card --------------------------------------------------------------------------------
  'status.card.title': { zh: '退款进度 {caseId}', en: 'Refund {caseId}' },
  'status.card.order': { zh: '订单', en: 'Order' },
  'status.card.items': { zh: '商品', en: 'Items' },
  'status.card.type': { zh: '类型', en: 'Type' },
  'status.card.reason': { zh: '原因', en: 'Reason' },
  'status.card.amount': { zh: '退款金额', en: 'Refund amount' },
  'status.card.status': { zh: '当前状态', en: 'Status' },
  'status.card.deadline': { zh: '当前截止时间', en: 'Current deadline' },
  'status.card.next': { zh: '下一步', en: 'Next step' },
  'status.card.money': { zh: '到账时间', en: 'When the money arrives' },
  'status.card.history': { zh: '处理记录', en: 'History' },
  'status.card.earlier': { zh: '（更早的 {count} 条记录未显示）', en: '({count} earlier events not shown)' },
  'status.card.rated': { zh: '您的评价：{stars} 星', en: 'Your rating: {stars} stars' },
  'status.card.returnParcel': { zh: '退货快递', en: 'Return parcel' },
  'status.action.ship': { zh: '填写退货单号', en: 'Ship the return' },
  'status.action.afterRejection': { zh: '处理商家拒绝', en: 'Respond to the rejection' },
  'status.action.cancel': { zh: '撤销申请', en: 'Withdraw' },
  'status.action.rate': { zh: '评价', en: 'Rate' },
  'status.action.view': { zh: '查看进度', en: 'View' },
  'status.action.choose': { zh: '选择', en: 'Choose' },

  // ---- the list of cases ---------------------------------------------------------------------------------
  'status.list.title': { zh: '您的退款申请', en: 'Your refund requests' },
  'status.list.item': { zh: '{index}. {caseId} · 订单 {orderId}', en: '{index}. {caseId} · order {orderId}' },
  'status.list.updated': { zh: '更新于 {at}', en: 'Updated {at}' },
  'status.list.ask': {
    zh: '您有 {count} 笔进行中的申请。请点选要查看的一笔，或回复序号（如“1”）或申请编号（如 RD-000001）。',
    en: 'You have {count} open requests. Tap one to see it, or reply with its number (e.g. "1") or its id (e.g. RD-000001).',
  },
  'status.noCases': { zh: '您目前没有退款申请。需要的话，说“申请退款”即可开始。', en: 'You have no refund requests yet. Say "request a refund" to start one.' },
  'status.noOpen': {
    zh: '您目前没有进行中的退款申请。以下是最近结束的 {count} 笔，回复序号或点选即可查看：',
    en: 'You have no open refund requests. Here are the {count} that finished most recently; reply with a number or tap one to see it:',
  },
  'status.noCaseOnOrder': { zh: '订单 {orderId} 上没有找到您的退款申请。', en: 'I found no refund request of yours on order {orderId}.' },

  // ---- choosing a case, for every flow --------------------------------------------------------------------
  'status.pick.again': {
    zh: '没有对上。请回复列表中的序号（如“1”）或申请编号（如 RD-000001），也可以点选卡片上的按钮。',
    en: 'I could not match that. Please reply with a number from the list (e.g. "1") or a case id (e.g. RD-000001), or tap a button on the card.',
  },

  // ---- command outcomes, worded the same way in every flow -------------------------------------------------
  'status.outcome.notFound': { zh: '您的申请中没有 {caseId}，请核对编号。', en: 'There is no case {caseId} among yours. Please check the number.' },
  'status.outcome.forbidden': { zh: '抱歉，您不能对 {caseId} 办理这项操作。', en: "Sorry, you can't do that on {caseId}." },
  'status.outcome.invalidState': { zh: '{caseId} 现在不能办理这项操作：{stands}。', en: "That can't be done on {caseId} now: {stands}." },
  'status.outcome.invalidInput': {
    zh: '提交的信息没有通过检查，{caseId} 没有变化。请核对后重试。',
    en: 'Some of the details were not accepted, so {caseId} is unchanged. Please check them and try again.',
  },
  'status.outcome.conflict': {
    zh: '{caseId} 已于 {at} 被{by}更新，当前状态：{status}（{stands}）。',
    en: '{caseId} was already changed by {by} at {at}: it is now "{status}" ({stands}).',
  },
  'status.outcome.keyReused': {
    zh: '这条消息已用于另一个请求，{caseId} 没有变化。请重新发送一次。',
    en: 'This message was already used for a different request, so {caseId} is unchanged. Please send it again.',
  },
  'status.outcome.refused': { zh: '申请没有通过自动审核，{caseId} 没有变化。', en: 'The request did not pass the automatic checks, so {caseId} is unchanged.' },
});
