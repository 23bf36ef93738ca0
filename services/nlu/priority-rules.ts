import { hasComplaint, type Concept, type ConceptSet } from './lexicon';
import type { CoreIntent } from './types';

// Rules over concepts (lexicon.ts) rather than phrases: what a message is about decides between intents
// whose words overlap. They add to the phrase rules' scores, so a strong phrase can still win.

export interface PriorityRule {
  intent: CoreIntent;
  w: number;
  when: (c: ConceptSet, prepared: string) => boolean;
}

const any = (c: ConceptSet, ...names: Concept[]): boolean => names.some((n) => c.has(n));

// Someone who writes about money coming back with a question of time, a decision or absence already has
// a case: "when do I get my refund", "退款呢", "refund declined??", "the money isn't in my account".
const STATUS_QUESTION = /\b(when|how long|yet|still|where|why|did|has|have|is|was|any|whats up)\b|[?？]|呢|吗|没|啥|什么时候|多久|几天|怎么还|怎么样|咋样|如何了|为啥|为什么|凭什么/;
const FILED = /\b(approved|accepted|declined|rejected|denied|issued|processed|completed|pending|processing|went through|sent back|returned|refunded)\b|已经|申请了|申请退款(都|好|已|有)|提交了|寄回去了|退回去了|寄回了|同意|驳回|拒绝|审核|处理中/;
// Eligibility of one's own item ("can I return it if I opened it?", "穿过还能退吗") is wanting to return it.
const ELIGIBILITY = /\b(can|could|may) i (please |just |still )?(return|exchange|send back|send (it|this|these|them|that) back) ?(it|this|these|them|that)?\b(?!.{0,25}\b(to|at|via|by|how|where|with|in store|in (a|an|my|the|any|another|other)|locally)\b)|\b(can|could|may) i (still )?(return|exchange|send back)\b.{0,40}\b(if|after|even|opened|worn|used|without|unopened|tags?)\b|\b(is it|still) (possible|ok|okay) to (return|exchange)\b|(还能|能不能|能|可以|可不可以)(退|换)(吗|不|货吗)?/;
// How to apply for a refund or return is asking to file one, not how to ship it.
const HOW_TO_FILE = /\b(how|where)\b.{0,20}\b(apply|file|start|request|open|submit|initiate|lodge|raise|ask for|claim|get)\b.{0,15}\b(return|refund|exchange|claim|reimburs\w*|money back|compensation)|\bhow (do|can) i get (a |my )?(refund|money back|replacement|exchange)\b|(怎么|如何|在哪)(申请|提交|办理|发起)|(退款|退货|换货|售后).{0,4}(怎么|如何|在哪)(申请|提交|办理|发起)/;
// Wanting to return, in so many words, is filing one: "help me return an item", "I'd like to exchange it".
const WANT_RETURN = /\b(help me|i want to|i need to|i would like to|id like to|wanna|want to|need to|like to|going to|gonna|have to)\b.{0,10}\b(return|exchange|swap|send (it|this|them|these) back)\b|(我要|我想|想要|帮我|申请|要求)(退货|退款|换货|换新|退换|售后|退掉|退了)/;
// A policy question ("do you accept returns on sale items?", "支持七天无理由吗") is an enquiry.
const POLICY_QUESTION = /\b(return|refund|exchange) policy\b|\bpolicy (on|for) (returns?|refunds?|exchanges?)\b|\bdo you (accept|take|allow|offer) (returns?|refunds?|exchanges?)\b|支持.{0,6}(七天无理由|7天无理由|无理由|退换|退货|换货).{0,4}(吗|么|不|没)|(退换货|退货|售后)政策/;
// Complaints about things other than the item: the app, the website, a code, a card, the tracking.
const NOT_ABOUT_ITEM = /\b(app|website|site|page|link|code|coupon|voucher|promo|card|account|login|password|checkout|tracking( number| link| info)?|bot)\b|网页|页面|小程序|优惠券|券|验证码|账号|密码|支付|单号|物流信息/;
const ENCLOSURE = /\b(include|enclose|put|pack|attach)\w*\b.{0,30}\b(receipt|invoice|tags?|box|packaging|accessories|note|slip)\b|\b(receipt|invoice|tags?|original box|packaging|accessories)\b.{0,30}\b(inside|in the (box|parcel|package)|with it|too|as well)\b|(发票|吊牌|包装|配件|赠品|说明书|盒子|小票).{0,10}(放|装|附|带|一起|寄)|(放|装|附|带|一起).{0,6}(发票|吊牌|包装|配件|赠品|说明书|盒子|小票)|(用|拿|找).{0,6}(箱|盒|袋)子?装|(纸箱|快递袋|袋子|盒子|包装).{0,6}(可以|行|能)|\b(in|inside|using|use) (a |an |my |any |another |other |the )?(plastic bag|bag|envelope|box|different box|own box|any box)\b|\bwithout the (original )?(box|packaging)\b/;
// Where to enter a tracking number is about a parcel the buyer sends (a return), not one they wait for.
const FILL_IN = /填|提交|输入|上传|\b(enter|submit|fill|put in|upload|provide|add)\b/;
const ARRIVED = /\b(arrived|came|got it|received|delivered|here)\b|收到了|到了|到货了|已收到/;
const CANCELLED_BY_THEM = /\b(why|how come)\b.{0,30}\b(was|got|been|is|has been)\b.{0,10}\bcancel+ed\b|\b(you|they|seller|shop|store) cancel+ed my\b|\bwhy (did|would|have|has) (you|they|the seller|the shop|the store|it) (cancel|been cancel)|(为什么|为啥|凭什么).{0,10}取消|怎么.{0,6}(被取消|取消了)|(订单|单子)(怎么|为什么|为啥)?被取消/;
const HYPOTHETICAL = /会不会|会太|会(偏)?(大|小)吗|能穿吗|穿得下吗|合适吗|够(大|用)吗|\b(will|would) (it|they|this|these|that|an? \w+|the \w+) (be|fit|run)\b|\bshould i (get|order|buy|go with|size)\b|\bis (it|this|that) too (small|big|large|tight|long|short) for\b|\b(big|large|small) enough\b/;
const HAVE_IT = /\b(received|got|arrived|came|bought|wore|wearing|tried (it|them) on)\b|收到|到了|穿了|穿上|买了|试了|拿到/;
const SYSTEM_TROUBLE = /\b(app|website|site|web ?page|page|link|promo code|discount code|coupon|voucher|gift card|card|account|log ?in|login|password|checkout|payment page)\b.{0,30}\b(broken|not working|doesnt work|dont work|wont (load|open|work)|crash\w*|error|down|keeps|isnt working|expired|invalid)\b|\b(broken|not working|cant open|wont load)\b.{0,15}\b(app|website|site|page|link)\b|(小程序|网页|页面|链接|优惠券|验证码|账号|密码|支付|app).{0,8}(打不开|用不了|不能用|坏了|出错|错误|报错|闪退|卡|过期|失效|登不上)/;
const TRACKING = /\b(tracking|track)\b|单号|物流|快递/;
const CASE_WORD = /#case|\b(case|claim|request|application|ticket|complaint)\b|申请|售后|审核|工单|投诉/;
// A replacement or exchange being sent is the state of a case, not a delivery.
const CASE_SHIPMENT = /(换货|换的|补发|重发|新的那个|换的那个).{0,10}(什么时候|啥时候|何时|多久|几天|还没|怎么还)|\b(replacement|exchange)\b.{0,30}\b(when|yet|still|ship|sent out|send)\b/;

export const PRIORITY_RULES: readonly PriorityRule[] = [
  // Refund + a status question, a decision, or money not seen: where the case stands.
  {
    intent: 'refund_status',
    w: 2.5,
    when: (c, t) =>
      any(c, 'refund_word', 'money') &&
      (any(c, 'decision', 'not_received', 'received_by_seller', 'late') || (any(c, 'status_word', 'when') && STATUS_QUESTION.test(t))) &&
      !c.has('withdraw'),
  },
  { intent: 'refund_status', w: 1.5, when: (c, t) => any(c, 'refund_word', 'money', 'return_word') && FILED.test(t) && any(c, 'when', 'status_word', 'not_received') },
  // "Did you receive what I sent back?": the case, not how to ship.
  { intent: 'refund_status', w: 3, when: (c) => c.has('received_by_seller') && any(c, 'return_word', 'send_back', 'refund_word') },
  { intent: 'return_shipping', w: -2, when: (c) => c.has('received_by_seller') && any(c, 'return_word', 'send_back', 'refund_word') && !c.has('tracking_number') },
  { intent: 'refund_status', w: 3, when: (_c, t) => CASE_SHIPMENT.test(t) },
  { intent: 'delivery_problem', w: -2.5, when: (_c, t) => CASE_SHIPMENT.test(t) },

  // Returning + how / where / what it costs / a tracking number: the return trip.
  {
    intent: 'return_shipping',
    w: 1.5,
    when: (c, t) =>
      any(c, 'return_word', 'send_back') && any(c, 'how_where', 'return_logistics', 'tracking_number') && !ELIGIBILITY.test(t) && !HOW_TO_FILE.test(t),
  },
  { intent: 'file_refund', w: 2, when: (c, t) => HOW_TO_FILE.test(t) && !any(c, 'return_logistics', 'tracking_number') },
  // What to pack with the return (invoice, tags, box, accessories) is about the return trip, whatever the
  // enclosed thing is ("退回的时候发票要一起放进去吗" is not an invoice request).
  { intent: 'return_shipping', w: 2.5, when: (c, t) => any(c, 'return_word', 'send_back') && ENCLOSURE.test(t) },
  { intent: 'other', w: -2.5, when: (c, t) => any(c, 'return_word', 'send_back') && ENCLOSURE.test(t) },
  // Asking whether one's own item can still go back, or "can I send these back? they're too tight":
  // wanting to return it, not the logistics of it.
  { intent: 'file_refund', w: 2.5, when: (c, t) => ELIGIBILITY.test(t) && !any(c, 'return_logistics', 'tracking_number') },
  { intent: 'return_shipping', w: -1.5, when: (c, t) => (ELIGIBILITY.test(t) || hasComplaint(c)) && !any(c, 'how_where', 'return_logistics', 'tracking_number') },

  // A complaint about the item itself is filing, whatever else is said, unless it is a question about an
  // existing case, a withdrawal, or about something that is not the item.
  {
    intent: 'file_refund',
    w: 2,
    when: (c, t) =>
      hasComplaint(c) &&
      !any(c, 'withdraw', 'received_by_seller', 'decision') &&
      !(any(c, 'refund_word', 'money') && any(c, 'not_received', 'status_word') && STATUS_QUESTION.test(t)) &&
      !NOT_ABOUT_ITEM.test(t),
  },

  // Late, stuck or not received, said of a parcel, with nothing about money or a return: the delivery.
  {
    intent: 'delivery_problem',
    w: 2,
    when: (c) =>
      any(c, 'late', 'not_received') &&
      any(c, 'shipping_word', 'parcel') &&
      !any(c, 'refund_word', 'money', 'return_word', 'send_back', 'exchange_word', 'withdraw', 'cancel_word', 'received_by_seller') &&
      !hasComplaint(c),
  },

  { intent: 'file_refund', w: 1.5, when: (c, t) => WANT_RETURN.test(t) && !any(c, 'return_logistics', 'tracking_number', 'withdraw', 'negation') },
  { intent: 'other', w: 3, when: (c, t) => POLICY_QUESTION.test(t) && !hasComplaint(c) },
  { intent: 'file_refund', w: -2, when: (c, t) => POLICY_QUESTION.test(t) && !hasComplaint(c) },

  // Whether and when an order ships or arrives, with nothing about money or a return: the delivery.
  {
    intent: 'delivery_problem',
    w: 1.5,
    when: (c, t) =>
      c.has('shipping_word') &&
      any(c, 'when', 'status_word', 'how_where') &&
      !any(c, 'refund_word', 'money', 'return_word', 'send_back', 'exchange_word', 'withdraw', 'cancel_word', 'address_change', 'return_logistics', 'pre_sale', 'account_payment') &&
      !(c.has('tracking_number') && FILL_IN.test(t)) &&
      !hasComplaint(c),
  },
  // The rubric's refund_status is about a refund, return or case: without a word for any of them it is not.
  { intent: 'refund_status', w: -2, when: (c, t) => !any(c, 'refund_word', 'money', 'return_word', 'send_back', 'exchange_word', 'decision', 'received_by_seller') && !CASE_WORD.test(t) },

  // Reporting what the system shows about a refund or case ("退款显示关闭了", "it says refund completed") is
  // asking where it stands, not withdrawing or filing.
  { intent: 'refund_status', w: 2.5, when: (c, t) => c.has('display') && (any(c, 'refund_word', 'return_word', 'exchange_word') || CASE_WORD.test(t)) },
  { intent: 'cancel_case', w: -4, when: (c, t) => c.has('display') && (any(c, 'refund_word', 'return_word', 'exchange_word') || CASE_WORD.test(t)) },

  // "It arrived, thanks" / "退款收到了 谢谢": news that all is well, not a problem or a question.
  { intent: 'other', w: 3.5, when: (c, t) => c.has('positive') && ARRIVED.test(t) && !hasComplaint(c) && !any(c, 'late', 'not_received', 'negation') && !/[?？吗]/.test(t) },
  // Why an order was cancelled (by the shop or the platform) is an enquiry, not a request to cancel.
  { intent: 'other', w: 3, when: (_c, t) => CANCELLED_BY_THEM.test(t) },
  { intent: 'cancel_order', w: -3.5, when: (_c, t) => CANCELLED_BY_THEM.test(t) },

  // Will it fit / would it be too small: a question before buying, not a complaint.
  { intent: 'other', w: 3, when: (c, t) => HYPOTHETICAL.test(t) && !HAVE_IT.test(t) && !any(c, 'refund_word', 'return_word', 'exchange_word') },
  { intent: 'file_refund', w: -2.5, when: (c, t) => HYPOTHETICAL.test(t) && !HAVE_IT.test(t) && !any(c, 'refund_word', 'return_word', 'exchange_word') },
  // The app, the website, a link, a code or a card not working is not a defective item.
  { intent: 'other', w: 2.5, when: (c, t) => SYSTEM_TROUBLE.test(t) && !TRACKING.test(t) && !any(c, 'return_word', 'refund_word') },
  { intent: 'file_refund', w: -2.5, when: (c, t) => SYSTEM_TROUBLE.test(t) && !TRACKING.test(t) && !any(c, 'return_word', 'refund_word') },
  // Praise with no problem and no question: small talk.
  { intent: 'other', w: 2, when: (c, t) => c.has('positive') && !hasComplaint(c) && !any(c, 'late', 'not_received', 'negation', 'refund_word', 'return_word', 'cancel_word', 'withdraw') && !/[?？吗呢]/.test(t) },

  // A bare greeting or attention-getter ("亲亲在不在", "hello??") is not yet a request for a person.
  { intent: 'other', w: 3, when: (c, t) => c.has('greeting') && short(t) && onlySmallTalk(c) },
  { intent: 'human_agent', w: -2.5, when: (c, t) => c.has('greeting') && short(t) && onlySmallTalk(c) && !/人工|真人|客服|human|agent|person/.test(t) },

  // Withdrawing: a withdrawal word with what is withdrawn.
  { intent: 'cancel_case', w: 2.5, when: (c) => c.has('withdraw') && any(c, 'refund_word', 'return_word', 'exchange_word') },

  // Changing the address or phone before delivery is an order change, not a delivery problem.
  { intent: 'other', w: 4.5, when: (c) => c.has('address_change') && !any(c, 'not_received', 'cancel_word') },
  { intent: 'delivery_problem', w: -2.5, when: (c) => c.has('address_change') && !c.has('not_received') },

  // Questions about products, payment, accounts, invoices and coupons with nothing of a complaint or a
  // case in them.
  {
    intent: 'other',
    w: 2,
    when: (c) =>
      any(c, 'product_question', 'account_payment', 'invoice_coupon', 'pre_sale') &&
      !hasComplaint(c) &&
      !any(c, 'refund_word', 'return_word', 'exchange_word', 'cancel_word', 'withdraw', 'human', 'late', 'not_received'),
  },
];

const SMALL_TALK: readonly Concept[] = ['greeting', 'thanks', 'want', 'negation', 'when', 'how_where', 'status_word', 'human'];

function onlySmallTalk(c: ConceptSet): boolean {
  for (const name of c) if (!SMALL_TALK.includes(name)) return false;
  return true;
}

/** A few words or characters: a greeting with nothing after it. */
function short(t: string): boolean {
  return (t.match(/[\u3400-\u9fff]/g)?.length ?? 0) + 2 * (t.match(/[a-z]+/g)?.length ?? 0) <= 8;
}

export function priorityScores(concepts: ConceptSet, prepared: string): Map<CoreIntent, number> {
  const scores = new Map<CoreIntent, number>();
  for (const rule of PRIORITY_RULES) if (rule.when(concepts, prepared)) scores.set(rule.intent, (scores.get(rule.intent) ?? 0) + rule.w);
  return scores;
}
