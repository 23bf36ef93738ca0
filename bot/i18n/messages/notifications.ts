import { defineMessages } from './define';

// What the bot tells a buyer on its own when their case changes (proactive messages).

export const notifications = defineMessages({
  'notify.case': { zh: '退款单 {caseId}', en: 'Case {caseId}' },

  // Who decided: the first sentence of an approval.
  'notify.approved.merchant': { zh: '商家已同意您的申请（{caseId}）。', en: 'The shop approved your request ({caseId}).' },
  'notify.approved.auto': {
    zh: '商家没有在规定时间内处理，您的申请（{caseId}）已按平台规则自动同意。',
    en: 'The shop did not answer in time, so under the platform rules your request ({caseId}) was approved automatically.',
  },
  'notify.approved.platform': { zh: '平台客服审核后同意了您的申请（{caseId}）。', en: 'Our support team reviewed and approved your request ({caseId}).' },

  // What happens next: the second sentence.
  'notify.next.shipReturn': {
    zh: '请在 {until} 前把商品寄回下面的地址，寄出后告诉我快递公司和运单号。',
    en: 'Please send the item back to the address below by {until}, then tell me the carrier and tracking number.',
  },
  'notify.next.shipExchange': {
    zh: '请在 {until} 前把商品寄回下面的地址，商家收到并验收后会为您发出换货。寄出后告诉我快递公司和运单号。',
    en: 'Please send the item back to the address below by {until}; once the shop has received and checked it, your replacement is sent. Tell me the carrier and tracking number when you have shipped it.',
  },
  'notify.next.refund': {
    zh: '{amount} 正在退回您的原支付账户，到账后我会在这里通知您。',
    en: 'We are paying {amount} back to your original payment method and will tell you here when it is done.',
  },
  'notify.next.refundNoReturn': {
    zh: '商品无需寄回。{amount} 正在退回您的原支付账户，到账后我会在这里通知您。',
    en: 'You do not need to send the item back. We are paying {amount} back to your original payment method and will tell you here when it is done.',
  },
  'notify.next.review': {
    zh: '平台还需要做一次审核，结果会在这里通知您，您不需要做任何操作。',
    en: 'The platform needs to do one more check. You will hear the result here; there is nothing you need to do.',
  },
  'notify.next.replacement': {
    zh: '商家将为您发出换货，发货后我会告诉您运单号。',
    en: 'The shop will send your replacement, and I will give you the tracking number once it has shipped.',
  },

  'notify.address.recipient': { zh: '收件人', en: 'Recipient' },
  'notify.address.phone': { zh: '电话', en: 'Phone' },
  'notify.address.address': { zh: '地址', en: 'Address' },
  'notify.address.heading': { zh: '退货地址', en: 'Return address' },
  'notify.deadline': { zh: '截止时间', en: 'Deadline' },

  // Rejections.
  'notify.rejected.merchant': {
    zh: '商家拒绝了您的申请（{caseId}）。原因：{reason}。',
    en: 'The shop rejected your request ({caseId}). Reason: {reason}.',
  },
  'notify.rejected.inspection': {
    zh: '商家验收您退回的商品时发现问题（{caseId}）：{problem}。',
    en: 'The shop found a problem when checking your returned item ({caseId}): {problem}.',
  },
  'notify.rejected.remark': { zh: '商家说明：“{remark}”', en: 'The shop says: "{remark}"' },
  'notify.rejected.options': {
    zh: '在 {until} 前，您可以补充说明或凭证后重新提交、申请平台介入，或接受这个结果；到期未处理申请将自动关闭。',
    en: 'Until {until} you can revise and resubmit with more details or evidence, ask the platform to step in, or accept the decision; if you do nothing, the case closes then.',
  },
  'notify.rejected.optionsNoDate': {
    zh: '您可以补充说明或凭证后重新提交、申请平台介入，或接受这个结果。',
    en: 'You can revise and resubmit with more details or evidence, ask the platform to step in, or accept the decision.',
  },
  'notify.rejected.ask': { zh: '您想怎么处理？', en: 'What would you like to do?' },
  'notify.rejectCode.evidence_insufficient': { zh: '凭证不足，无法确认问题', en: 'the evidence is not enough to confirm the problem' },
  'notify.rejectCode.not_as_claimed': { zh: '商品情况与申请描述不符', en: 'the item is not in the condition your request describes' },
  'notify.rejectCode.outside_policy': { zh: '不符合退款规则', en: 'the request is outside the refund rules' },
  'notify.rejectCode.item_used_or_damaged_by_buyer': { zh: '商品已使用或有人为损坏', en: 'the item was used or damaged after delivery' },
  'notify.rejectCode.other': { zh: '其他原因', en: 'another reason' },
  'notify.problem.damaged': { zh: '退回的商品有损坏', en: 'the returned item is damaged' },
  'notify.problem.wrong_item': { zh: '退回的不是原来购买的商品', en: 'the returned item is not the one that was sold' },

  'notify.platformRejected': {
    zh: '平台审核后未能支持您的申请（{caseId}），申请已关闭。',
    en: 'After review, the platform could not support your request ({caseId}), and the case is closed.',
  },
  'notify.platformRemark': { zh: '审核说明：“{remark}”', en: 'Note from the review: "{remark}"' },
  'notify.platformReviewing': {
    zh: '平台客服已介入您的申请（{caseId}），审核结果会在这里通知您。',
    en: 'Our support team has stepped in on your request ({caseId}). You will hear the outcome here.',
  },
  'notify.questions': { zh: '如有疑问，可以点击下方按钮联系人工客服。', en: 'If you have questions, use the button below to reach a person.' },

  // Money.
  'notify.paid': {
    zh: '您的退款已完成（{caseId}）：{amount} 已退回{method}。',
    en: 'Your refund is done ({caseId}): {amount} has been paid back to {method}.',
  },
  'notify.paidOffline': {
    zh: '您的退款已由客服人工处理完成（{caseId}）：{amount}。',
    en: 'Our support team has settled your refund by hand ({caseId}): {amount}.',
  },
  'notify.paid.points': { zh: '{points} 积分已退回您的账户。', en: '{points} points are back in your account.' },
  'notify.method.alipay': { zh: '您的支付宝', en: 'your Alipay account' },
  'notify.method.wechat_pay': { zh: '您的微信支付', en: 'your WeChat Pay account' },
  'notify.method.bank_card': { zh: '您的银行卡', en: 'your bank card' },
  'notify.method.balance': { zh: '您的平台余额', en: 'your platform balance' },
  'notify.arrival.wallet': { zh: '一般几分钟内到账，最迟不超过 24 小时。', en: 'It usually shows up within minutes, at the latest within 24 hours.' },
  'notify.arrival.bank_card': {
    zh: '银行卡一般 1 到 5 个工作日到账，具体以发卡银行为准。',
    en: 'Bank cards usually take 1 to 5 business days, depending on your bank.',
  },
  'notify.arrival.balance': { zh: '余额已即时到账。', en: 'It is in your balance now.' },
  'notify.paymentFailed': {
    zh: '您的退款（{caseId}）在支付时被退回了。请放心，钱没有丢失：我们已经在处理，客服人员会跟进并在这里联系您，您不需要重新申请。',
    en: 'The payment of your refund ({caseId}) was declined. Your money is not lost: we are on it, and a person from our team will follow up with you here. You do not need to file again.',
  },
  'notify.paymentRetry': {
    zh: '我们正在重新为您支付退款（{caseId}），完成后会在这里通知您。',
    en: 'We are paying your refund ({caseId}) again and will tell you here when it is done.',
  },

  // Returns and inspection.
  'notify.returnReceived': {
    zh: '您寄回的商品已送达商家（{caseId}）。商家会在 {until} 前完成验收，验收通过后为您退款。',
    en: 'Your return has reached the shop ({caseId}). The shop will check it by {until}; once it passes, your refund is paid.',
  },
  'notify.returnReceivedExchange': {
    zh: '您寄回的商品已送达商家（{caseId}）。商家会在 {until} 前完成验收，验收通过后为您发出换货。',
    en: 'Your return has reached the shop ({caseId}). The shop will check it by {until}; once it passes, your replacement is sent.',
  },
  'notify.inspectionOk': { zh: '商家已验收通过您退回的商品（{caseId}）。', en: 'The shop has checked your returned item and it passed ({caseId}).' },
  'notify.inspectionTimeout': {
    zh: '商家没有在期限内完成验收，按平台规则视为验收通过（{caseId}）。',
    en: 'The shop did not check your return in time, so under the platform rules it counts as passed ({caseId}).',
  },
  'notify.inspectionShort': {
    zh: '商家验收时只收到了部分商品（{caseId}）：您退回 {returned} 件，商家收到 {received} 件。收到的 {received} 件会为您退款，缺少的部分暂不退款。',
    en: 'The shop received only part of your return ({caseId}): you returned {returned} and the shop received {received}. The {received} received are refunded; the missing ones are not, for now.',
  },
  'notify.inspectionShortHelp': {
    zh: '如果您确实寄回了全部商品，请点击下方按钮联系人工客服，并准备好快递底单或照片。',
    en: 'If you did send everything back, use the button below to reach a person, and have your shipping receipt or photos ready.',
  },
  'notify.replacementShipped': {
    zh: '您的换货已发出（{caseId}）：{carrier}，运单号 {trackingNumber}。',
    en: 'Your replacement is on its way ({caseId}): {carrier}, tracking number {trackingNumber}.',
  },

  // Evidence requests.
  'notify.evidenceRequested': {
    zh: '{who}需要您补充凭证（{caseId}）：“{message}”请直接在这里发送照片或视频。',
    en: '{who} needs more evidence for your case ({caseId}): "{message}" Please send photos or videos here.',
  },
  'notify.who.merchant': { zh: '商家', en: 'The shop' },
  'notify.who.cs': { zh: '平台客服', en: 'Our support team' },

  // Reminders.
  'notify.reminder.escalate': {
    zh: '提醒：您的申请（{caseId}）被商家拒绝了。您可以在 {until} 前重新提交或申请平台介入，到期后申请将自动关闭。',
    en: 'Reminder: the shop rejected your request ({caseId}). You have until {until} to resubmit or ask the platform to step in; after that the case closes.',
  },
  'notify.reminder.ship': {
    zh: '提醒：请在 {until} 前寄回商品（{caseId}），到期未寄出申请将自动关闭。寄出后告诉我快递公司和运单号。',
    en: 'Reminder: you have until {until} to send the item back ({caseId}); after that the case closes. Tell me the carrier and tracking number once it is on its way.',
  },

  // Closed by a deadline.
  'notify.closed.escalation_window_expired': {
    zh: '您的申请（{caseId}）已关闭：商家拒绝后，在期限内没有重新提交或申请平台介入。',
    en: 'Your request ({caseId}) is closed: after the shop rejected it, it was not resubmitted or escalated in time.',
  },
  'notify.closed.return_not_shipped': {
    zh: '您的申请（{caseId}）已关闭：商品没有在期限内寄回。',
    en: 'Your request ({caseId}) is closed: the item was not sent back in time.',
  },

  // Buttons.
  'notify.button.ship': { zh: '填写退货运单号', en: 'Enter the tracking number' },
  'notify.button.resubmit': { zh: '修改后重新提交', en: 'Revise and resubmit' },
  'notify.button.escalate': { zh: '申请平台介入', en: 'Ask the platform to step in' },
  'notify.button.accept': { zh: '接受结果', en: 'Accept the decision' },
  'notify.button.status': { zh: '查看申请进度', en: 'View my case' },
  'notify.button.human': { zh: '联系人工客服', en: 'Talk to a person' },
  'notify.button.rate': { zh: '评价这次服务', en: 'Rate this service' },
});
