import { defineMessages } from './define';

// Shipping a return: where to send it, who pays, by when; the carrier and tracking number and what a valid
// number of each carrier looks like.

export const shipping = defineMessages({
  'shipping.card.title': { zh: '寄回商品 {caseId}', en: 'Ship the return: {caseId}' },
  'shipping.card.approved': { zh: '申请已通过，请把商品寄回以下地址：', en: 'Your request is approved. Please send the goods back to:' },
  'shipping.card.recipient': { zh: '收件人', en: 'Recipient' },
  'shipping.card.phone': { zh: '电话', en: 'Phone' },
  'shipping.card.address': { zh: '地址', en: 'Address' },
  'shipping.card.freight': { zh: '寄回运费', en: 'Return freight' },
  'shipping.card.shipBy': { zh: '寄回截止', en: 'Ship by' },
  'shipping.card.noAddress': { zh: '商家还没有提供退货地址，请联系人工客服。', en: 'The shop has not given a return address yet. Please ask for a person.' },
  'shipping.card.hint': {
    zh: '寄出后，请选择快递公司并填写运单号；也可以直接回复，例如“顺丰 SF1234567890123”。',
    en: 'Once shipped, choose the carrier and enter the tracking number, or just reply, e.g. "SF Express SF1234567890123".',
  },
  'shipping.card.carrier': { zh: '快递公司', en: 'Carrier' },
  'shipping.card.trackingNumber': { zh: '运单号', en: 'Tracking number' },
  'shipping.card.carrierName': { zh: '快递公司名称（选“其他快递”时填写）', en: 'Carrier name (for "Other carrier")' },
  'shipping.card.submit': { zh: '提交运单号', en: 'Submit tracking number' },
  'shipping.freight.merchant': { zh: '由商家承担', en: 'Paid by the shop' },
  'shipping.freight.buyer': { zh: '由您承担', en: 'Paid by you' },
  'shipping.freight.unknown': { zh: '请与商家确认', en: 'Please check with the shop' },

  'shipping.pick': {
    zh: '您有 {count} 笔申请在等待寄回商品，请选择要填写的一笔（回复序号或申请编号）：',
    en: 'You have {count} requests waiting for a return shipment. Which one is this for? (reply with a number or case id)',
  },
  'shipping.noneAwaiting': { zh: '您目前没有等待寄回商品的申请。', en: 'You have no request waiting for a return shipment.' },
  'shipping.notAwaiting': { zh: '{caseId} 现在不需要寄回商品：{stands}。', en: "{caseId} doesn't need a return shipment now: {stands}." },

  'shipping.needBoth': {
    zh: '请告诉我快递公司和运单号，例如“顺丰 SF1234567890123”，或直接发送运单号。',
    en: 'Please tell me the carrier and the tracking number, e.g. "SF Express SF1234567890123", or just send the tracking number.',
  },
  'shipping.askNumber': { zh: '好的，{carrier}。请发送运单号。', en: 'OK, {carrier}. Please send the tracking number.' },
  'shipping.askCarrier': { zh: '运单号 {number}：请问用的是哪家快递？', en: 'Tracking number {number}: which carrier did you use?' },
  'shipping.whichCarrier': {
    zh: '运单号 {number} 可能属于：{carriers}。请问是哪家快递？',
    en: 'Tracking number {number} could belong to {carriers}. Which carrier was it?',
  },
  'shipping.badFormat': {
    zh: '“{number}”不像{carrier}的运单号（{format}）。请核对后重新发送。',
    en: '"{number}" does not look like a {carrier} tracking number ({format}). Please check it and send it again.',
  },
  'shipping.badFormatSuggest': { zh: '这个单号的格式和{carriers}一致，是不是选错了快递公司？', en: 'It does match the format of {carriers}: did you pick the wrong carrier?' },
  'shipping.unknownNumber': {
    zh: '“{number}”不像常见快递公司的运单号。请核对后重新发送，或告诉我快递公司名称和单号。',
    en: '"{number}" does not look like a tracking number of any common carrier. Please check it, or tell me the carrier and the number.',
  },
  'shipping.format.SF': { zh: 'SF 加 12-13 位数字', en: '"SF" and 12-13 digits' },
  'shipping.format.JD': { zh: 'JD 加 13-15 位字母或数字', en: '"JD" and 13-15 letters or digits' },
  'shipping.format.ZTO': { zh: '7 或 5 开头的 12-14 位数字', en: '12-14 digits starting with 7 or 5' },
  'shipping.format.YTO': { zh: 'YT 加 13 位数字', en: '"YT" and 13 digits' },
  'shipping.format.STO': { zh: '77 或 88 开头的 12-15 位数字', en: '12-15 digits starting with 77 or 88' },
  'shipping.format.YUNDA': { zh: '13-15 位数字', en: '13-15 digits' },
  'shipping.format.EMS': { zh: '13 位数字，或两个字母加 9 位数字再加两个字母', en: '13 digits, or two letters, 9 digits and two letters' },
  'shipping.format.OTHER': { zh: '6-30 位字母或数字', en: '6-30 letters or digits' },

  'shipping.confirm': {
    zh: '请确认：{caseId} 的退货已通过 {carrier} 寄出，运单号 {number}。',
    en: 'Please confirm: the return for {caseId} was shipped with {carrier}, tracking number {number}.',
  },
  'shipping.confirmYes': { zh: '确认提交', en: 'Confirm' },
  'shipping.confirmNo': { zh: '修改', en: 'Change' },
  'shipping.confirmAgain': { zh: '请回复“确认”提交，或回复“修改”重新填写。', en: 'Please reply "yes" to submit, or "no" to change it.' },
  'shipping.changed': { zh: '好的，请重新发送快递公司和运单号。', en: 'OK, please send the carrier and tracking number again.' },
  'shipping.done': {
    zh: '已记录 {caseId} 的退货：{carrier} {number}。包裹送达后商家会验收，验收通过即为您办理退款或换货。',
    en: 'Recorded the return for {caseId}: {carrier} {number}. Once it arrives the shop checks it, then your refund or replacement goes ahead.',
  },
});
