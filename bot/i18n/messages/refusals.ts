import { defineMessages } from './define';

// Why a refund request was refused (one message per refusal code of services/refunds/eligibility.ts, with
// its data), and what the buyer can do instead.

export const refusals = defineMessages({
  'refusal.listOr': { zh: '或', en: ' or ' },
  'refusal.heading': { zh: '这份申请暂时不能提交', en: 'This request cannot be filed as it is' },
  'refusal.intro': { zh: '原因如下：', en: 'Here is why:' },
  'refusal.insteadHeading': { zh: '您可以这样做：', en: 'What you can do instead:' },

  'refusal.order_not_found': {
    zh: '在您的订单中找不到订单 {orderId}。',
    en: "I can't find order {orderId} among your orders.",
  },
  'refusal.order_not_paid': {
    zh: '这个订单还没有付款，没有需要退的钱。如果不想要了，直接不付款即可，订单会自动关闭。',
    en: 'This order has not been paid, so there is no money to refund. If you no longer want it, simply do not pay: the order closes by itself.',
  },
  'refusal.no_lines': { zh: '没有选择要申请的商品。', en: 'No items were chosen.' },
  'refusal.line_not_found': { zh: '订单里没有第 {line} 件商品。', en: 'The order has no item number {line}.' },
  'refusal.quantity_invalid': {
    zh: '{title}：申请数量 {quantity} 不对，这件商品一共只买了 {max} 件。',
    en: '{title}: {quantity} is not a valid quantity; {max} were ordered.',
  },
  'refusal.units_unavailable': {
    zh: '{title}：您要申请 {requested} 件，但只有 {available} 件还能申请，其余的已经退款或正在售后处理中。',
    en: '{title}: you asked for {requested}, but only {available} can still be claimed; the rest are already refunded or being handled.',
  },
  'refusal.type_not_allowed': {
    zh: '订单{shipping}时，“{reason}”只能申请{allowed}，不能申请“{type}”。',
    en: 'While the order is {shipping}, "{reason}" allows {allowed} only, not "{type}".',
  },
  'refusal.type_not_allowed_none': {
    zh: '订单{shipping}时，不能以“{reason}”为由申请售后。',
    en: 'While the order is {shipping}, "{reason}" is not a reason you can claim with.',
  },
  'refusal.no_reason_window_expired': {
    zh: '七天无理由退货的期限已于 {date} 结束（从签收次日起算 7 天）。',
    en: 'The 7-day no-reason return window ended on {date} (7 days from the day after delivery).',
  },
  'refusal.no_reason_excluded': {
    zh: '{title} 属于{exclusion}，依据《消费者权益保护法》第二十五条，不适用七天无理由退货。',
    en: '{title} is {exclusion}: under Art. 25 of the Consumer Rights Protection Law it cannot be returned without a reason.',
  },
  'refusal.submission_limit_reached': {
    zh: '{title} 已经申请过 {submissions} 次售后，每件商品最多申请 {max} 次。',
    en: '{title} has already had {submissions} requests; each item allows at most {max}.',
  },
  'refusal.evidence_required': {
    zh: '“{reason}”需要至少一张照片或一段视频作为凭证。',
    en: '"{reason}" needs at least one photo or video as evidence.',
  },

  'refusal.exclusion.custom_made': { zh: '定制商品', en: 'made to order' },
  'refusal.exclusion.perishable': { zh: '鲜活易腐商品（生鲜）', en: 'fresh, perishable goods' },
  'refusal.exclusion.unsealed_digital': { zh: '已拆封的数字化商品', en: 'unsealed digital goods' },
  'refusal.exclusion.delivered_periodical': { zh: '已交付的报纸、期刊', en: 'a delivered newspaper or periodical' },
  'refusal.exclusion.confirmed_non_returnable': { zh: '购买时已确认不宜退货的商品', en: 'confirmed as non-returnable when you bought it' },

  'refusal.alt.realReason': { zh: '商品有问题？申请退货退款', en: 'Something wrong with it? Return and refund' },
  'refusal.alt.type': { zh: '改为{type}', en: 'Switch to {type}' },
  'refusal.alt.otherReason': { zh: '换一个原因', en: 'Choose another reason' },
  'refusal.alt.upload': { zh: '上传照片或视频', en: 'Upload photos or videos' },
  'refusal.alt.otherLines': { zh: '重新选择商品', en: 'Choose other items' },
  'refusal.alt.otherOrder': { zh: '选择其他订单', en: 'Choose another order' },
  'refusal.alt.status': { zh: '查看 {caseId} 进度', en: 'Check {caseId}' },
  'refusal.alt.human': { zh: '转人工客服', en: 'Talk to a person' },
  'refusal.alt.ask': {
    zh: '请点选上面的一个做法；也可以说“转人工”或“取消”。',
    en: 'Please tap one of the options above, or say "talk to a person" or "cancel".',
  },
});
