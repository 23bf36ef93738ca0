import { defineMessages } from './define';

export const common = defineMessages({
  'common.welcome': {
    zh: '您好，我是退款助手。我可以帮您申请退款、退货或换货，查询进度，寄回商品，或为您转接人工客服。请问需要什么帮助？',
    en: "Hi, I'm the refund assistant. I can help you request a refund, return or exchange, check progress, ship a return, or put you through to a person. How can I help?",
  },
  'common.menu.file': { zh: '申请退款', en: 'Request a refund' },
  'common.menu.status': { zh: '查询进度', en: 'Check my refund' },
  'common.menu.shipping': { zh: '寄回商品', en: 'Ship a return' },
  'common.menu.human': { zh: '转人工客服', en: 'Talk to a person' },
  'common.notUnderstood': {
    zh: '抱歉，我没有理解。您可以说“申请退款”“查询进度”“寄回商品”，或“转人工”。',
    en: 'Sorry, I did not understand. You can say "request a refund", "check my refund", "ship a return", or "talk to a person".',
  },
  'common.otherTopic': {
    zh: '这个问题我暂时帮不上忙：我负责退款、退货和换货。需要的话我可以为您转接人工客服。',
    en: 'I can only help with refunds, returns and exchanges. If you need something else, I can put you through to a person.',
  },
  'common.yes': { zh: '是', en: 'Yes' },
  'common.no': { zh: '否', en: 'No' },
  'common.cancelled': { zh: '好的，已取消。还有什么可以帮您？', en: 'OK, cancelled. Anything else I can help with?' },
  'common.cancelWord': { zh: '取消', en: 'Cancel' },
});
