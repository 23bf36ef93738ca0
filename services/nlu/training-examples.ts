import { TRAINING_EXAMPLES_EN } from './training-examples-en';
import { TRAINING_EXAMPLES_ZH } from './training-examples-zh';
import { CORE_INTENTS, type CoreIntent } from './types';

// The naive-Bayes half of the offline recognizer learns from these at start-up. They are written
// separately from the evaluation sets under test/ (which are never trained on): short, typical buyer
// phrasings in both languages, colloquial forms included.

const CORE_EXAMPLES: Record<CoreIntent, readonly string[]> = {
  file_refund: [
    'i want a refund', 'refund me', 'i would like my money back', 'give me my money back', 'request a refund',
    'i need to return this', 'i want to return the item', 'return this product', 'the item is broken',
    'it arrived damaged', 'the product is defective', 'it does not work', 'stopped working after a day',
    'you sent the wrong item', 'wrong size received', 'wrong color', 'parts are missing', 'one item is missing',
    'not as described', 'looks nothing like the picture', 'poor quality', 'the quality is terrible',
    'i want to exchange it', 'can i exchange for another size', 'i want a replacement', 'swap it for a bigger one',
    'i bought it by mistake and want to return it', 'changed my mind want to send it back for a refund',
    'the glass is cracked', 'screen is smashed', 'box was crushed and item broken', 'it is a fake',
    'received a used item', 'the food is spoiled', 'it leaks', 'the zipper broke', 'doesnt fit return it',
    'get a reimbursement', 'claim compensation for the damaged item', 'file a return request',
    '我要退款', '我想退货', '给我退钱', '退钱', '申请退款', '申请退货退款', '仅退款', '我要换货', '换个尺码',
    '换个颜色', '能换吗', '东西坏了', '收到是坏的', '质量不好', '质量太差', '用不了', '开不了机', '不能充电',
    '发错货了', '发的不是我买的', '尺码发错了', '少发了一个', '漏发了', '缺配件', '与描述不符', '和图片不一样',
    '色差很大', '是假货', '包装破了东西碎了', '快递压坏了', '屏幕碎了', '衣服破了个洞', '有股怪味', '过期了',
    '水果烂了', '不合身', '太小了穿不上', '七天无理由退货', '不喜欢想退', '拍错了想退掉', '可以退吗', '怎么申请售后',
    '收到的东西有问题', '给我退了吧',
  ],
  refund_status: [
    'where is my refund', 'refund status', 'when will i get my refund', 'when will the money be back',
    'i have not received my refund', 'refund not received yet', 'how long does the refund take',
    'is my refund approved', 'has my refund been processed', 'check refund progress', 'any update on my refund',
    'what is happening with my return request', 'did the seller accept my return', 'the seller has not responded',
    'my refund is still pending', 'refund was approved but no money', 'money not back on my card yet',
    'when will it be credited', 'why was my refund rejected', 'status of case', 'update on my case',
    'track my refund', 'how many days until the refund arrives', 'did you get my returned parcel', 'still waiting for the refund',
    '退款什么时候到账', '退款进度', '退款到哪了', '钱什么时候退回来', '钱还没到账', '退款还没收到', '多久能到账',
    '退款审核通过了吗', '商家同意了吗', '商家收到退货了吗', '售后进度', '售后单状态', '处理结果怎么样', '为什么退款被拒',
    '退款一直没到', '退款多长时间', '钱退到哪里了', '退款成功没有', '退回原路了吗', '申请通过没', '怎么还没退款',
    '退款退了吗', '商家一直不处理', '售后申请怎么样了', '我的钱呢',
  ],
  return_shipping: [
    'what is the return address', 'where do i send it back', 'how do i send the item back', 'how to ship the return',
    'who pays return shipping', 'is return shipping free', 'return postage', 'return label',
    'can you pick up the parcel', 'schedule a pickup', 'courier collection for my return', 'i shipped it back',
    'i sent the item back tracking number', 'here is the tracking number of my return', 'sent back by sf express',
    'how long do i have to send it back', 'return deadline', 'which courier should i use', 'can i drop it at the post office',
    'do i need the original box', 'the return shipping fee', 'i mailed the return today', 'how do i return it',
    '退货地址', '寄回地址', '寄到哪里', '怎么寄回', '退回去怎么寄', '运费谁出', '邮费谁承担', '运费能报销吗',
    '有运费险吗', '上门取件', '预约快递上门', '快递员来取件', '已经寄回了', '单号是多少填哪', '快递单号填写',
    '顺丰寄回', '用什么快递寄', '可以到付吗', '几天内寄回', '寄回期限', '寄出了单号给你', '退货怎么寄',
    '包装还要吗', '我发回去了',
  ],
  cancel_order: [
    'cancel my order', 'cancel the order', 'please cancel it', 'i want to cancel', 'cancel this purchase',
    'cancel before shipping', 'do not ship my order', 'stop the shipment', 'i placed the order by mistake cancel it',
    'duplicate order please cancel', 'ordered twice', 'cancel one of the orders', 'how to cancel an order',
    'can i still cancel', 'is it too late to cancel', 'it has not shipped yet cancel', 'i dont want the order anymore',
    'cancel order and refund before it ships', 'order cancellation', 'i found it cheaper elsewhere cancel',
    '取消订单', '我要取消订单', '帮我取消', '订单取消', '还没发货取消', '别发货了', '不要发了', '不买了',
    '撤单', '撤销订单', '下错单了', '拍多了取消一单', '重复下单', '怎么取消订单', '能取消吗', '还没发货能退吗',
    '没发货我不要了', '刚下单就想取消', '订单不要了', '取消这笔订单',
  ],
  cancel_case: [
    'cancel my refund', 'cancel the refund request', 'withdraw my refund request', 'withdraw the return',
    'i dont want a refund anymore', 'no need for the refund', 'keep the item cancel the return', 'i will keep it',
    'close my case', 'cancel the exchange', 'revoke the request', 'retract my application', 'undo the refund request',
    'never mind the refund', 'forget the return', 'the issue is solved cancel the refund', 'accept the rejection',
    'stop the return request', 'drop my claim', 'i filed the refund by mistake',
    '不退了', '我不想退了', '不退款了', '不退货了', '不换了', '取消退款', '撤销退款申请', '撤回申请', '撤回退货',
    '关闭售后', '取消售后申请', '退款申请撤销', '东西留着不退了', '算了不退了', '已经修好了不用退', '商家补发了撤销',
    '不用退款了', '退款不要了', '关闭退款', '取消换货申请',
  ],
  human_agent: [
    'human', 'talk to a human', 'real person please', 'agent', 'live agent', 'customer service', 'representative',
    'operator', 'i want to speak to someone', 'connect me to support', 'transfer me to an agent', 'call me',
    'phone number', 'your hotline', 'speak to a manager', 'supervisor', 'escalate this', 'this bot is useless',
    'i dont want to talk to a robot', 'contact a person', 'live chat', 'can someone call me back',
    '转人工', '人工', '人工客服', '找人工', '真人', '客服', '联系客服', '客服电话', '打电话给我', '给我回电话',
    '我要投诉', '找你们经理', '主管', '负责人', '机器人没用', '不要机器人', '有人吗', '叫个人来', '我要和人说话',
    '热线',
  ],
  delivery_problem: [
    'where is my order', 'where is my package', 'my parcel has not arrived', 'order not delivered', 'when will it arrive',
    'when will my order ship', 'has it shipped', 'not shipped yet', 'the delivery is late', 'shipment delayed',
    'package lost', 'tracking not updating', 'stuck in transit', 'says delivered but i did not get it',
    'courier did not come', 'delivered to the wrong address', 'track my order', 'order status', 'eta',
    'still waiting for my order', 'how long does delivery take', 'no tracking updates', 'i never received my order',
    '快递到哪了', '物流到哪了', '包裹在哪', '怎么还没到', '还没收到货', '什么时候到', '什么时候发货', '还没发货',
    '怎么还不发货', '发货了吗', '物流不动', '物流没更新', '快递丢了', '显示签收没收到', '被别人签收了', '快递太慢',
    '催发货', '查物流', '快递员不送', '送错地址', '几天能到', '我的货呢', '运输中好几天',
  ],
  other: [
    'hello', 'hi there', 'good morning', 'thanks', 'thank you very much', 'bye', 'ok', 'how do i change my password',
    'i cannot log in', 'delete my account', 'what payment methods', 'can i pay with credit card', 'payment failed',
    'invoice please', 'receipt', 'coupon code', 'discount', 'is it in stock', 'what size should i get',
    'what material is it', 'warranty', 'how do points work', 'change my delivery address', 'opening hours',
    '你好', '在吗', '谢谢', '好的', '再见', '嗯嗯', '修改密码', '登录不了', '注销账号', '支付失败', '能用花呗吗',
    '开发票', '优惠券', '有货吗', '什么材质', '尺码怎么选', '保修吗', '积分', '改地址', '修改收货地址', '几点上班',
    '能便宜吗', '有没有活动',
  ],
};

function merged(): Record<CoreIntent, readonly string[]> {
  const out = {} as Record<CoreIntent, readonly string[]>;
  for (const intent of CORE_INTENTS) out[intent] = [...CORE_EXAMPLES[intent], ...TRAINING_EXAMPLES_EN[intent], ...TRAINING_EXAMPLES_ZH[intent]];
  return out;
}

export const TRAINING_EXAMPLES: Record<CoreIntent, readonly string[]> = merged();
