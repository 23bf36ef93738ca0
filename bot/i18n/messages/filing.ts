import { defineMessages } from './define';

// Filing a refund, a cancellation or a delivery claim: the questions, the cards and what happens next.

export const filing = defineMessages({
  // ---- picking the order ---------------------------------------------------------------------------------
  'filing.order.ask': { zh: '请选择要申请售后的订单：', en: 'Which order is it about?' },
  'filing.order.askCancel': { zh: '请选择要取消的订单：', en: 'Which order do you want to cancel?' },
  'filing.order.askDelivery': { zh: '请问是哪个订单的包裹？', en: 'Which order is the parcel for?' },
  'filing.order.askForFiles': {
    zh: '收到您的文件了，我会把它们作为凭证保存。请问是哪个订单的问题？',
    en: 'Got your files: I will keep them as evidence. Which order is it about?',
  },
  'filing.order.notFound': {
    zh: '在您的订单中找不到订单 {orderId}。请从下面的订单中选择，或核对订单号后再发一次。',
    en: "I can't find order {orderId} among your orders. Please choose one below, or check the number and send it again.",
  },
  'filing.order.notUnderstood': {
    zh: '抱歉，没有认出是哪个订单。请点选下面的订单，或发送订单号（例如 {example}）或序号（例如“2”）。',
    en: 'Sorry, I could not tell which order you mean. Tap one below, or send its number (for example {example}) or its position (for example "2").',
  },
  'filing.order.none': {
    zh: '您的账户下还没有订单，所以暂时没有可以申请售后的内容。如有其他问题，可以说“转人工”。',
    en: 'There are no orders on your account yet, so there is nothing to refund. If something else is wrong, say "talk to a person".',
  },
  'filing.order.noneToCancel': {
    zh: '您没有未发货的订单可以取消：下面是您的全部订单，已发货的订单可以在签收后申请退货退款。',
    en: 'None of your orders is waiting to be shipped, so none can be cancelled. Here are all your orders: shipped ones can be returned once they arrive.',
  },
  'filing.picker.heading': { zh: '您的订单', en: 'Your orders' },
  'filing.picker.choose': { zh: '选择 {orderId}', en: 'Choose {orderId}' },
  'filing.picker.placed': { zh: '下单于 {date}', en: 'Ordered {date}' },
  'filing.picker.moreItems': { zh: '{title} 等 {count} 种商品', en: '{title} and more ({count} products)' },
  'filing.picker.note.notPaid': { zh: '未付款：没有需要退的钱', en: 'Not paid: nothing to refund' },
  'filing.picker.note.notShipped': { zh: '未发货：可取消订单，钱款立即退回', en: 'Not shipped yet: can be cancelled, money back at once' },
  'filing.picker.note.inTransit': {
    zh: '运输中，承诺 {date} 前送达：超时或丢件可申请退款',
    en: 'On its way, promised by {date}: refundable if late or lost',
  },
  'filing.picker.note.late': { zh: '运输中，已超过承诺送达时间（{date}）：可申请退款', en: 'On its way but late (promised by {date}): refundable' },
  'filing.picker.note.inTransitNoDate': { zh: '运输中：超时或丢件可申请退款', en: 'On its way: refundable if late or lost' },
  'filing.picker.note.noReason': {
    zh: '{delivered} 签收：{until} 前可七天无理由退货；商品有问题可退货退款或换货',
    en: 'Delivered {delivered}: no-reason return until {until}; return or exchange if something is wrong',
  },
  'filing.picker.note.delivered': {
    zh: '{delivered} 签收：商品有问题可退货退款或换货',
    en: 'Delivered {delivered}: return or exchange if something is wrong',
  },
  'filing.picker.note.inCase': { zh: '售后处理中：{caseIds}', en: 'Being handled in {caseIds}' },
  'filing.picker.note.partlyInCase': { zh: '部分商品售后处理中：{caseIds}', en: 'Some items are being handled in {caseIds}' },
  'filing.picker.note.refunded': { zh: '已全部退款', en: 'Fully refunded' },

  // ---- the order as a whole ----------------------------------------------------------------------------
  'filing.order.allTaken': {
    zh: '订单 {orderId} 的商品都已退款或正在售后处理中（{caseIds}），不能重复申请。',
    en: 'Every item of order {orderId} is already refunded or being handled ({caseIds}), so it cannot be claimed again.',
  },
  'filing.order.allRefunded': {
    zh: '订单 {orderId} 的商品都已退款，没有可以再申请的了。',
    en: 'Every item of order {orderId} has already been refunded: there is nothing left to claim.',
  },
  'filing.cancel.alreadyShipped': {
    zh: '订单 {orderId} 已于 {date} 发货，不能再取消了。',
    en: 'Order {orderId} was shipped on {date}, so it can no longer be cancelled.',
  },
  'filing.cancel.deliveredInstead': {
    zh: '包裹已经签收，您可以申请退货退款：我们接着来。',
    en: 'It has been delivered, so you can return it for a refund instead: let us do that.',
  },
  'filing.cancel.notShippedSwitch': {
    zh: '订单 {orderId} 还没有发货，可以直接取消，钱款会立即退回。',
    en: 'Order {orderId} has not shipped yet, so it can simply be cancelled and the money comes straight back.',
  },

  // ---- delivery problems -----------------------------------------------------------------------------------
  'filing.delivery.heading': { zh: '订单 {orderId} 的物流情况', en: 'Delivery of order {orderId}' },
  'filing.delivery.shipped': { zh: '发货时间', en: 'Shipped' },
  'filing.delivery.promised': { zh: '承诺送达', en: 'Promised by' },
  'filing.delivery.carrier': { zh: '快递', en: 'Carrier' },
  'filing.delivery.delivered': { zh: '签收时间', en: 'Delivered' },
  'filing.delivery.late': {
    zh: '包裹已经超过承诺的送达时间。您可以申请退款（仅退款），也可以再等等。',
    en: 'The parcel is past its promised delivery date. You can ask for a refund (no return needed), or wait a little longer.',
  },
  'filing.delivery.noPromise': {
    zh: '包裹还在路上。如果迟迟没有送到或已经丢失，您可以申请退款（仅退款）。',
    en: 'The parcel is on its way. If it is taking too long or got lost, you can ask for a refund (no return needed).',
  },
  'filing.delivery.expect': {
    zh: '包裹还在路上，商家承诺 {date} 前送达，还没有超时。如果到时还没收到，请再来找我，我会帮您申请退款。',
    en: 'The parcel is on its way and the shop promised it by {date}, so it is not late yet. If it has not arrived by then, come back and I will help you get a refund.',
  },
  'filing.delivery.deliveredQuestion': {
    zh: '物流显示包裹已于 {date} 签收。如果您其实没有收到，可以申请“未收到货”退款；商品有问题也可以申请退货退款。',
    en: 'Tracking shows the parcel was delivered on {date}. If you did not actually get it, you can claim "not received"; if something is wrong with the goods you can return them.',
  },
  'filing.delivery.notShipped': {
    zh: '订单 {orderId} 还没有发货（{date} 付款）。如果不想等了，可以直接取消订单，钱款立即退回。',
    en: 'Order {orderId} has not shipped yet (paid {date}). If you would rather not wait, you can cancel it and get your money back at once.',
  },
  'filing.delivery.wait': { zh: '我再等等', en: "I'll wait" },
  'filing.delivery.cancelOrder': { zh: '取消订单', en: 'Cancel the order' },
  'filing.delivery.returnInstead': { zh: '商品有问题，申请退货', en: 'Something is wrong with it: return it' },
  'filing.delivery.waiting': {
    zh: '好的。如果包裹还是没有送到，随时来找我。',
    en: 'OK. If the parcel still does not turn up, come back any time.',
  },

  // ---- lines and quantities ---------------------------------------------------------------------------
  'filing.lines.heading': { zh: '订单 {orderId}：哪些商品需要售后？', en: 'Order {orderId}: which items is it about?' },
  'filing.lines.hint': {
    zh: '填写每件商品要申请的数量（不申请的填 0），然后点“继续”。也可以直接回复序号和数量，例如“2 1件”。',
    en: 'Set how many of each item (0 for none), then tap Continue. You can also reply with the item number and quantity, for example "2 x1".',
  },
  'filing.lines.unitPrice': { zh: '单价 {price}，共 {quantity} 件', en: '{price} each, {quantity} ordered' },
  'filing.lines.taken': { zh: '已退款或售后处理中', en: 'Already refunded or being handled' },
  'filing.lines.takenLine': {
    zh: '{title} 已退款或正在售后处理中，请选择其他商品。',
    en: '{title} is already refunded or being handled; please choose another item.',
  },
  'filing.lines.quantityLabel': { zh: '数量（最多 {max}）', en: 'Quantity (up to {max})' },
  'filing.lines.continue': { zh: '继续', en: 'Continue' },
  'filing.lines.all': { zh: '全部商品', en: 'All items' },
  'filing.lines.none': { zh: '请至少选择一件商品。', en: 'Please choose at least one item.' },
  'filing.lines.notUnderstood': {
    zh: '抱歉，没有看懂要申请哪些商品。请在卡片里填写数量，或回复商品序号，例如“2”或“第二个 1件”。',
    en: 'Sorry, I could not tell which items you mean. Fill in the quantities on the card, or reply with the item number, for example "2" or "2 x1".',
  },
  'filing.lines.tooMany': {
    zh: '{title} 最多只能申请 {max} 件，请重新选择。',
    en: 'At most {max} of {title} can be claimed; please choose again.',
  },
  'filing.quantity.ask': { zh: '{title}：申请几件？（最多 {max} 件）', en: '{title}: how many? (up to {max})' },
  'filing.quantity.notUnderstood': {
    zh: '请回复 1 到 {max} 之间的数字。',
    en: 'Please reply with a number from 1 to {max}.',
  },

  // ---- reason and type ------------------------------------------------------------------------------------
  'filing.reason.ask': { zh: '请问是什么问题？', en: 'What is the problem?' },
  'filing.reason.notUnderstood': {
    zh: '我记下了您的描述。请从下面选一个最接近的原因，我才能按对应的规则处理。',
    en: 'I have noted what you said. Please pick the closest reason below so I can apply the right rules.',
  },
  'filing.reason.notOffered': {
    zh: '“{reason}”不适用于这个订单（{shipping}）。请从下面的原因中选择。',
    en: '"{reason}" does not apply to this order ({shipping}). Please choose one of the reasons below.',
  },
  'filing.reason.quality_issue': { zh: '质量问题', en: 'Quality problem' },
  'filing.reason.not_as_described': { zh: '与描述不符', en: 'Not as described' },
  'filing.reason.damaged_in_transit': { zh: '运输途中损坏', en: 'Damaged in transit' },
  'filing.reason.wrong_item': { zh: '发错货', en: 'Wrong item sent' },
  'filing.reason.missing_parts': { zh: '少件、缺配件', en: 'Missing items or parts' },
  'filing.reason.logistics_delay': { zh: '物流超时', en: 'Parcel is late' },
  'filing.reason.not_received': { zh: '没有收到货', en: 'Parcel not received' },
  'filing.reason.no_reason_7_days': { zh: '七天无理由退货', en: 'No-reason return (7 days)' },
  'filing.reason.mistaken_purchase': { zh: '拍错了、不想要了', en: 'Ordered by mistake' },
  'filing.reason.other': { zh: '其他原因', en: 'Other reason' },
  'filing.type.ask': { zh: '您希望怎么处理？', en: 'What would you like?' },
  'filing.type.notUnderstood': { zh: '请从下面的处理方式中选择一种。', en: 'Please choose one of the options below.' },
  'filing.type.refund_only': { zh: '仅退款', en: 'Refund only' },
  'filing.type.return_refund': { zh: '退货退款', en: 'Return and refund' },
  'filing.type.exchange': { zh: '换货', en: 'Exchange' },
  'filing.type.refund_only.hint': { zh: '不用寄回商品，直接退款', en: 'Keep or never receive the goods; money back' },
  'filing.type.return_refund.hint': { zh: '寄回商品，商家收货后退款', en: 'Send the goods back, refunded once the shop has them' },
  'filing.type.exchange.hint': { zh: '寄回商品，商家收货后换一件新的', en: 'Send the goods back for a replacement' },
  'filing.shipping.not_shipped': { zh: '尚未发货', en: 'not shipped yet' },
  'filing.shipping.in_transit': { zh: '运输中', en: 'on its way' },
  'filing.shipping.delivered': { zh: '已签收', en: 'delivered' },

  // ---- description -----------------------------------------------------------------------------------------
  'filing.description.ask': {
    zh: '请用一两句话描述一下问题（例如：哪里坏了、什么时候发现的）。',
    en: 'Please describe the problem in a sentence or two (for example what is wrong and when you noticed).',
  },
  'filing.description.skip': { zh: '不用补充', en: 'Nothing to add' },
  'filing.description.tooShort': {
    zh: '描述有点短，请再多说几个字；也可以点“不用补充”。',
    en: 'That is a little short: please say a few more words, or tap "Nothing to add".',
  },

  // ---- quote and confirmation -----------------------------------------------------------------------------
  'filing.quote.heading': { zh: '请确认您的申请', en: 'Please check your request' },
  'filing.quote.order': { zh: '订单', en: 'Order' },
  'filing.quote.type': { zh: '处理方式', en: 'Request' },
  'filing.quote.reason': { zh: '原因', en: 'Reason' },
  'filing.quote.description': { zh: '问题描述', en: 'Description' },
  'filing.quote.evidence': { zh: '凭证', en: 'Evidence' },
  'filing.quote.evidenceCount': { zh: '{count} 个文件', en: '{count} file(s)' },
  'filing.quote.items': { zh: '商品', en: 'Items' },
  'filing.quote.line': { zh: '{title} × {quantity} 件', en: '{title} × {quantity}' },
  'filing.quote.lineCash': { zh: '退 {cash}', en: '{cash} back' },
  'filing.quote.cash': { zh: '退回金额', en: 'Cash back' },
  'filing.quote.cashTo': { zh: '{cash}（退回{method}）', en: '{cash} (to your {method})' },
  'filing.quote.points': { zh: '返还积分', en: 'Points restored' },
  'filing.quote.pointsValue': { zh: '{points} 积分', en: '{points} points' },
  'filing.quote.coupon': { zh: '返还优惠券', en: 'Coupon returned' },
  'filing.quote.redPacket': { zh: '返还红包', en: 'Red packet returned' },
  'filing.quote.returnedToAccount': { zh: '{amount}（退回账户，不折现）', en: '{amount} (back to your account, not as cash)' },
  'filing.quote.shipping': { zh: '退运费', en: 'Shipping refunded' },
  'filing.quote.freight': { zh: '退货运费', en: 'Return postage' },
  'filing.quote.freight.merchant': { zh: '商家承担', en: 'Paid by the shop' },
  'filing.quote.freight.buyer': { zh: '您自行承担', en: 'Paid by you' },
  'filing.quote.deadline': {
    zh: '提交后商家需在 {deadline} 前处理，逾期未处理将自动同意。',
    en: 'Once filed, the shop must answer by {deadline}; if it does not, the request is approved automatically.',
  },
  'filing.quote.fastTrack': {
    zh: '符合快速退款条件：提交后无需等待商家审核，钱款立即退回。',
    en: 'This qualifies for a fast-track refund: no waiting for the shop, the money comes back straight away.',
  },
  'filing.quote.fastTrackReview': {
    zh: '符合快速退款条件，平台复核后立即退款。',
    en: 'This qualifies for a fast-track refund: it is paid as soon as our platform check passes.',
  },
  'filing.quote.exchange': {
    zh: '换货不退钱：商家收到您寄回的商品并验收后，会给您寄出新的商品。',
    en: 'An exchange pays no money back: the shop sends the replacement once your return has arrived and been checked.',
  },
  'filing.quote.returnFirst': {
    zh: '商家同意后，请把商品寄回；商家收货验收后退款。',
    en: 'Once the shop agrees, send the goods back; the refund is paid when the shop has received and checked them.',
  },
  'filing.quote.confirm': { zh: '确认提交', en: 'Confirm' },
  'filing.quote.change': { zh: '修改', en: 'Change' },
  'filing.quote.cancel': { zh: '取消申请', en: 'Cancel' },
  'filing.quote.changed': {
    zh: '申请内容有变化，请按最新内容再确认一次。',
    en: 'Something changed since that card: please check the latest version and confirm again.',
  },
  'filing.confirm.notUnderstood': {
    zh: '请点“确认提交”、“修改”或“取消申请”；也可以回复“确认”或“修改”。',
    en: 'Please tap Confirm, Change or Cancel, or reply "confirm" or "change".',
  },
  'filing.change.ask': { zh: '想修改哪一项？', en: 'What would you like to change?' },
  'filing.change.order': { zh: '换个订单', en: 'Another order' },
  'filing.change.lines': { zh: '商品和数量', en: 'Items and quantities' },
  'filing.change.reason': { zh: '原因和处理方式', en: 'Reason and request' },
  'filing.change.description': { zh: '问题描述', en: 'Description' },
  'filing.change.evidence': { zh: '补充凭证', en: 'Add files' },
  'filing.cancelled': { zh: '好的，申请已取消，什么都没有提交。还有什么可以帮您？', en: 'OK, cancelled: nothing was filed. Anything else I can help with?' },

  // ---- filed -----------------------------------------------------------------------------------------------
  'filing.filed.heading': { zh: '申请已提交：{caseId}', en: 'Request filed: {caseId}' },
  'filing.filed.caseId': { zh: '退款单号', en: 'Case number' },
  'filing.filed.status': { zh: '当前状态', en: 'Status' },
  'filing.filed.cash': { zh: '退款金额', en: 'Refund' },
  'filing.filed.next.pending_merchant': {
    zh: '商家需在 {deadline} 前处理您的申请，逾期未处理将自动同意。有进展我会第一时间通知您。',
    en: 'The shop must answer by {deadline}; if it does not, your request is approved automatically. I will let you know as soon as anything happens.',
  },
  'filing.filed.next.platform_review': {
    zh: '平台客服会在 {deadline} 前复核您的申请，复核通过后立即处理。',
    en: 'Our support team reviews your request by {deadline}; it goes ahead as soon as the review passes.',
  },
  'filing.filed.next.refund': {
    zh: '退款 {cash} 正在退回您的{method}，无需等待商家审核，通常几分钟内到账。',
    en: 'The refund of {cash} is on its way to your {method}: no waiting for the shop, it usually arrives within minutes.',
  },
  'filing.filed.next.return': {
    zh: '请在 {deadline} 前把商品寄回，寄出后告诉我快递公司和运单号。',
    en: 'Please send the goods back by {deadline}, then tell me the carrier and tracking number.',
  },
  'filing.filed.next.other': { zh: '有进展我会第一时间通知您。', en: 'I will let you know as soon as anything happens.' },
  'filing.filed.cancelNote': {
    zh: '已通知商家不要发货。',
    en: 'The shop has been told not to ship the order.',
  },
  'filing.filed.interceptionFailed': {
    zh: '商家已经发货，来不及拦截；退款照常进行，包裹送到时请拒收或寄回。',
    en: 'The shop had already shipped it, too late to stop; your refund still stands. Please refuse the parcel or send it back when it arrives.',
  },
  'filing.filed.checkStatus': { zh: '查询进度', en: 'Check status' },
  'filing.filed.human': { zh: '转人工客服', en: 'Talk to a person' },
  'filing.filed.alreadyFiled': {
    zh: '这份申请已经提交过了，没有重复提交。',
    en: 'This request had already been filed; nothing was filed twice.',
  },
  'filing.error.generic': {
    zh: '抱歉，申请没有提交成功（{detail}）。您填写的内容还在，可以再试一次，或转人工客服。',
    en: 'Sorry, the request could not be filed ({detail}). What you entered is kept: try again, or talk to a person.',
  },
  'filing.error.conflict': {
    zh: '这个订单刚刚有了变化，请看一下最新情况。',
    en: 'Something just changed on this order: please have a look at the latest state.',
  },

  // ---- case status in words ----------------------------------------------------------------------------------
  'filing.status.pending_merchant': { zh: '等待商家处理', en: 'Waiting for the shop' },
  'filing.status.platform_review': { zh: '平台审核中', en: 'Under platform review' },
  'filing.status.merchant_rejected': { zh: '商家已拒绝', en: 'Rejected by the shop' },
  'filing.status.awaiting_return_shipment': { zh: '等待您寄回商品', en: 'Waiting for you to send the goods back' },
  'filing.status.return_in_transit': { zh: '退货运输中', en: 'Return on its way' },
  'filing.status.return_received': { zh: '商家已收到退货', en: 'Return received by the shop' },
  'filing.status.exchange_shipping': { zh: '商家正在发出换货', en: 'Replacement being sent' },
  'filing.status.refund_pending': { zh: '退款处理中', en: 'Refund being prepared' },
  'filing.status.refunding': { zh: '退款中', en: 'Refund on its way' },
  'filing.status.refund_failed': { zh: '退款遇到问题，客服处理中', en: 'Refund problem: support is on it' },
  'filing.status.refunded': { zh: '已退款', en: 'Refunded' },
  'filing.status.exchanged': { zh: '已换货', en: 'Exchanged' },
  'filing.status.closed': { zh: '已关闭', en: 'Closed' },

  // ---- payment methods ---------------------------------------------------------------------------------------
  'filing.method.alipay': { zh: '支付宝', en: 'Alipay account' },
  'filing.method.wechat_pay': { zh: '微信支付', en: 'WeChat Pay account' },
  'filing.method.bank_card': { zh: '银行卡', en: 'bank card' },
  'filing.method.balance': { zh: '账户余额', en: 'account balance' },

  // ---- general -------------------------------------------------------------------------------------------------
  'filing.human': { zh: '转人工客服', en: 'Talk to a person' },
});
