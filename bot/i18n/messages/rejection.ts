import { defineMessages } from './define';

// After the shop rejects a request: why, and the buyer's three ways on (resubmit, escalate, accept).

export const rejection = defineMessages({
  // The shop's reason codes (merchant_reject) and what a failed inspection found (inspection_failed).
  'rejection.code.evidence_insufficient': { zh: '凭证不足', en: 'Not enough evidence' },
  'rejection.code.not_as_claimed': { zh: '与您描述的情况不符', en: 'Not as you described it' },
  'rejection.code.outside_policy': { zh: '不符合退款规则', en: 'Outside the refund rules' },
  'rejection.code.item_used_or_damaged_by_buyer': { zh: '商品已使用或人为损坏', en: 'Item used or damaged after delivery' },
  'rejection.code.other': { zh: '其他原因', en: 'Other reason' },
  'rejection.code.damaged': { zh: '退回的商品有损坏', en: 'The returned item was damaged' },
  'rejection.code.wrong_item': { zh: '退回的不是原商品', en: 'The returned item was not the one sold' },
  'rejection.code.unknown': { zh: '商家未说明', en: 'No reason given' },

  'rejection.card.title': { zh: '商家拒绝了 {caseId}', en: 'The shop rejected {caseId}' },
  'rejection.card.code': { zh: '拒绝原因', en: 'Reason' },
  'rejection.card.remark': { zh: '商家说明', en: "The shop's remark" },
  'rejection.card.deadline': { zh: '选择截止', en: 'Choose by' },
  'rejection.card.intro': {
    zh: '您可以：1. 修改描述或补充凭证后重新提交；2. 申请平台介入，平台客服会在 {hours} 小时内审核；3. 接受拒绝，申请关闭。请在 {deadline} 前选择，逾期申请将自动关闭。',
    en: 'You can: 1. revise the description or add evidence and resubmit; 2. escalate to the platform, whose CS reviews it within {hours} hours; 3. accept the rejection and close the case. Please choose by {deadline}; after that the case closes by itself.',
  },
  'rejection.choice.resubmit': { zh: '1. 修改后重新提交', en: '1. Revise and resubmit' },
  'rejection.choice.escalate': { zh: '2. 申请平台介入', en: '2. Escalate to the platform' },
  'rejection.choice.accept': { zh: '3. 接受拒绝', en: '3. Accept the rejection' },

  'rejection.pick': {
    zh: '您有 {count} 笔申请被商家拒绝，请选择要处理的一笔（回复序号或申请编号）：',
    en: 'The shop rejected {count} of your requests. Which one is this about? (reply with a number or case id)',
  },
  'rejection.noneRejected': { zh: '您目前没有被商家拒绝、等待您处理的申请。', en: 'You have no request the shop rejected that is waiting for you.' },
  'rejection.notRejected': { zh: '{caseId} 现在不在等待您回应商家拒绝的阶段：{stands}。', en: "{caseId} isn't waiting for your answer to a rejection: {stands}." },
  'rejection.askChoiceAgain': {
    zh: '请回复 1（重新提交）、2（申请平台介入）或 3（接受拒绝），也可以点选卡片上的按钮。',
    en: 'Please reply 1 (resubmit), 2 (escalate) or 3 (accept), or tap a button on the card.',
  },

  'rejection.askRevision': {
    zh: '请发送新的问题描述，和/或附上照片、视频作为凭证（可以在同一条消息里发送）。',
    en: 'Please send a new description of the problem and/or attach photos or videos as evidence (one message is fine).',
  },
  'rejection.revisionEmpty': { zh: '没有收到新的描述或可用的文件，请重新发送。', en: 'I got no new description and no usable file. Please send them again.' },
  'rejection.fileRefused': { zh: '文件“{name}”没有收下：{why}', en: 'File "{name}" was not taken: {why}' },
  'rejection.fileUnnamed': { zh: '附件', en: 'attachment' },
  'rejection.evidence.host_not_allowed': { zh: '文件来自不受信任的地址。', en: 'it comes from an address that is not trusted.' },
  'rejection.evidence.too_large': { zh: '文件太大（上限 {limitMb} MB）。', en: 'it is too large (limit {limitMb} MB).' },
  'rejection.evidence.unsupported_type': { zh: '只支持图片、视频或 PDF。', en: 'only images, videos and PDFs are accepted.' },
  'rejection.evidence.fetch_failed': { zh: '文件下载失败，请重新上传。', en: 'it could not be downloaded; please upload it again.' },
  'rejection.evidence.timeout': { zh: '文件下载超时，请重新上传。', en: 'downloading it took too long; please upload it again.' },
  'rejection.evidence.too_many_files': { zh: '凭证最多 {limit} 个，已经满了。', en: 'a case holds at most {limit} evidence files and this one is full.' },
  'rejection.evidence.empty': { zh: '文件是空的。', en: 'the file is empty.' },
  'rejection.evidence.bad_data_url': { zh: '文件数据无法读取。', en: 'its data could not be read.' },

  'rejection.summary.description': { zh: '新的描述：“{description}”。', en: 'New description: "{description}".' },
  'rejection.summary.files': { zh: '新增凭证 {count} 个。', en: 'New evidence files: {count}.' },
  'rejection.confirmResubmit': { zh: '确认重新提交 {caseId} 吗？{summary}', en: 'Resubmit {caseId}? {summary}' },
  'rejection.confirmEscalate': {
    zh: '确认为 {caseId} 申请平台介入吗？平台客服会在 {hours} 小时内审核。',
    en: 'Escalate {caseId} to the platform? Platform CS reviews it within {hours} hours.',
  },
  'rejection.confirmAccept': {
    zh: '确认接受商家的拒绝吗？{caseId} 将关闭，不会退款。',
    en: "Accept the shop's rejection? {caseId} will be closed without a refund.",
  },
  'rejection.yes': { zh: '确认', en: 'Confirm' },
  'rejection.no': { zh: '再想想', en: 'Not now' },
  'rejection.confirmAgain': { zh: '请回复“确认”或“再想想”。', en: 'Please reply "yes" or "no".' },
  'rejection.resubmitted': { zh: '已重新提交 {caseId}，商家需在 {deadline} 前处理。', en: 'Resubmitted {caseId}: the shop must respond by {deadline}.' },
  'rejection.escalated': {
    zh: '已为 {caseId} 申请平台介入。平台客服会在 {hours} 小时内审核，结果会通知您。',
    en: 'Escalated {caseId} to the platform. Platform CS reviews it within {hours} hours and will let you know.',
  },
  'rejection.accepted': { zh: '好的，{caseId} 已关闭。', en: 'OK, {caseId} is closed.' },
  'rejection.kept': { zh: '好的，暂不处理。请记得在 {deadline} 前做出选择。', en: 'OK, nothing changed. Remember to choose by {deadline}.' },
});
