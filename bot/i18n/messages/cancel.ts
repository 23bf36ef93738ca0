import { defineMessages } from './define';

// Withdrawing a request.

export const cancel = defineMessages({
  'cancel.pick': {
    zh: '您有 {count} 笔申请可以撤销，请选择要撤销的一笔（回复序号或申请编号）：',
    en: 'You have {count} requests that can be withdrawn. Which one? (reply with a number or case id)',
  },
  'cancel.noneCancellable': { zh: '您目前没有可以撤销的申请。', en: 'You have no request that can be withdrawn now.' },
  'cancel.notAllowed': { zh: '{caseId} 已无法撤销：{stands}。', en: "{caseId} can't be withdrawn any more: {stands}." },
  'cancel.confirm': {
    zh: '确定要撤销吗？这将撤回 {caseId}（订单 {orderId}，{amount}），撤销后不能恢复。',
    en: 'Are you sure? This withdraws {caseId} (order {orderId}, {amount}) and cannot be undone.',
  },
  'cancel.yes': { zh: '确定撤销', en: 'Yes, withdraw it' },
  'cancel.no': { zh: '不撤销', en: 'No, keep it' },
  'cancel.confirmAgain': { zh: '请回复“确定”撤销，或回复“不”保留申请。', en: 'Please reply "yes" to withdraw it, or "no" to keep it.' },
  'cancel.done': { zh: '{caseId} 已撤销。如需帮助，随时告诉我。', en: '{caseId} has been withdrawn. Let me know if you need anything else.' },
  'cancel.kept': { zh: '好的，{caseId} 保持不变。', en: 'OK, {caseId} stays as it is.' },
});
