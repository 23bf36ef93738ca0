import { conceptsOf, type ConceptSet } from './lexicon';
import { hasCjk, normalize } from './text';
import { toSimplified } from './traditional';

// Text as the intent model reads it: normalised, ids replaced by placeholders (their digits say nothing
// about intent), English misspellings of domain words corrected, and sparse features for naive Bayes.

const KEYWORDS = [
  'refund', 'refunds', 'refunded', 'cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'cancellation',
  'return', 'returned', 'returning', 'order', 'orders', 'ordered', 'package', 'parcel', 'delivery', 'delivered',
  'tracking', 'purchase', 'shipping', 'shipped', 'received', 'receive', 'exchange', 'replacement', 'damaged',
  'broken', 'defective', 'human', 'agent', 'representative', 'customer', 'service', 'support', 'status',
  'address', 'courier', 'assistance', 'request', 'arrived', 'arrive', 'money', 'reimbursement', 'withdraw',
  'person', 'someone', 'speak', 'talk', 'where', 'still', 'please', 'wrong', 'missing', 'quality',
  'item', 'product', 'send', 'back', 'label', 'pickup', 'approved', 'application', 'account', 'password',
  'payment', 'invoice', 'manager', 'supervisor', 'operator', 'number', 'phone', 'anymore', 'already', 'because',
];
const KEYWORD_SET = new Set(KEYWORDS);
// Real words one edit away from a keyword that must stay what they are.
const PROTECTED = new Set([
  'older', 'other', 'border', 'cancer', 'render', 'tender', 'lender', 'sender', 'agents', 'urgent', 'return',
  'retune', 'persons', 'statue', 'states', 'stats', 'series', 'serve', 'served', 'person', 'where', 'there',
  'here', 'were', 'sent', 'spend', 'still', 'stall', 'steal', 'talks', 'takes', 'tall', 'bank', 'track',
  'backs', 'back', 'money', 'monkey', 'items', 'item', 'label', 'labels', 'labor', 'please', 'pleased',
  'cancels', 'orders', 'refunds', 'speaks', 'phones', 'numbers', 'address', 'wrongs', 'missing', 'moving',
  // Contractions written without the apostrophe, and common words one letter from a domain word.
  'arent', 'isnt', 'wasnt', 'werent', 'dont', 'didnt', 'doesnt', 'cant', 'wont', 'hasnt', 'havent', 'wouldnt',
  'couldnt', 'shouldnt', 'youre', 'theyre', 'thats', 'older', 'odder', 'honey', 'till', 'stall', 'stilt', 'skill',
  'spill', 'lease', 'wrung', 'wring', 'prong', 'lapel', 'libel', 'steak', 'sneak', 'spear', 'speck', 'phony',
  'shone', 'humane', 'parson', 'broker', 'managed', 'lumber', 'invoke', 'shopping', 'skipping', 'whipping',
  'chipping', 'shopped', 'skipped', 'whipped', 'chipped', 'slipped', 'snipped', 'trucking', 'cracking', 'tracing',
  'tacking', 'racking', 'detective', 'kissing', 'misting', 'messing', 'withdrew', 'withdrawn', 'orange', 'ordeal',
  'parent', 'recent', 'patent', 'sender', 'lender', 'render', 'dealer', 'leader', 'refuse', 'refused', 'retain',
  'deliver', 'delivers', 'arrives', 'arriving', 'ships', 'shipment', 'shipper', 'returns', 'exchanged', 'exchanges',
  'replaced', 'refundable', 'tracked', 'tracker', 'packages', 'parcels', 'requests', 'persons', 'humans', 'agents',
]);

function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // transposition
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1); // deletion / insertion
}

const corrections = new Map<string, string>();
export function correctWord(word: string): string {
  if (word.length < 4 || KEYWORD_SET.has(word) || PROTECTED.has(word)) return word;
  const cached = corrections.get(word);
  if (cached !== undefined) return cached;
  let fixed = word;
  for (const k of KEYWORDS) {
    if (k.length >= 5 && withinOneEdit(word, k)) {
      fixed = k;
      break;
    }
  }
  // Doubled letters are the commonest slip ("cancell", "refundd"): try once more without them.
  if (fixed === word && /(.)\1/.test(word)) {
    const single = word.replace(/(.)\1+/g, '$1');
    if (KEYWORD_SET.has(single)) fixed = single;
  }
  if (corrections.size < 10_000) corrections.set(word, fixed);
  return fixed;
}

// Buyers mix English and pinyin into Chinese ("能refund吗", "订单还没ship", "tuikuan"): the domain words
// are read as their Chinese equivalents, so the Chinese rules and features see one vocabulary.
const PINYIN: Record<string, string> = {
  tuikuan: '退款', tuihuo: '退货', huanhuo: '换货', quxiao: '取消', kuaidi: '快递', wuliu: '物流', fahuo: '发货',
  rengong: '人工', kefu: '客服', dingdan: '订单', fapiao: '发票', zhiliang: '质量', dizhi: '地址', tuiqian: '退钱',
  daozhang: '到账', shouhou: '售后', shangjia: '商家', baoguo: '包裹', youfei: '邮费', yunfei: '运费',
};
const MIXED: Record<string, string> = {
  refund: '退款', refunds: '退款', refunded: '退款了', refunding: '退款', return: '退货', returns: '退货',
  returned: '退回了', returning: '退货', exchange: '换货', swap: '换', replace: '换', replacement: '换货',
  cancel: '取消', cancelled: '取消了', canceled: '取消了', ship: '发货', shipped: '发货了', shipping: '发货',
  deliver: '送', delivered: '送达', delivery: '配送', order: '订单', orders: '订单', size: '尺码', color: '颜色',
  colour: '颜色', quality: '质量', tracking: '物流', track: '物流', seller: '商家', service: '客服', agent: '人工',
  human: '人工', money: '钱', package: '包裹', parcel: '包裹', address: '地址', invoice: '发票', coupon: '优惠券',
  fake: '假货', broken: '坏了', damaged: '坏了', wrong: '错', missing: '少了', status: '状态', progress: '进度',
  pickup: '取件', label: '面单', defect: '瑕疵', defective: '有瑕疵',
};

export function prepare(text: string): string {
  let t = toSimplified(normalize(text))
    // Placeholders of anonymised chat logs ("{{Order Number}}", "[ORDERID_10023]", "[金额x]") stand for ids.
    .replace(/\{\{[^{}]{1,40}\}\}|\[[^\[\]]{1,30}\]|<[^<>]{1,30}>/g, (m) => (/order|订单/.test(m) ? ' #order ' : /track|运单|快递单/.test(m) ? ' #track ' : ' #num '))
    .replace(/\b(when|what|how|who)s\b/g, '$1 is')
    // Chat shorthand, so the rules need one spelling.
    .replace(/(?<![a-z])(u|ya)(?![a-z盘])/g, 'you')
    .replace(/(?<![a-z])ur(?![a-z])/g, 'your')
    .replace(/(?<![a-z])(pls|plz|plss|pleas)(?![a-z])/g, 'please')
    .replace(/(?<![a-z])(thx|thnx|thanx|tks)(?![a-z])/g, 'thanks')
    .replace(/(?<![a-z])(\d+ )?wks?(?![a-z])/g, '$1weeks')
    .replace(/(?<![a-z])(\d+ )?hrs?(?![a-z])/g, '$1hours')
    .replace(/(?<![a-z])(nvm|nevermind)(?![a-z])/g, 'never mind')
    .replace(/(?<![a-z0-9])rd-?\d{4,10}(?![0-9])/g, ' #case ')
    .replace(/(?<![a-z0-9])(?:sf\d{12,15}|jd[a-z0-9]{10,18}|yt\d{12,15}|[a-z]{2}\d{9}cn|1z[a-z0-9]{16})(?![0-9a-z])/g, ' #track ')
    .replace(/(?<![a-z0-9-])[a-z][a-z0-9]{1,9}-\d{3,12}(?![0-9a-z])/g, ' #order ')
    .replace(/(?<![a-z0-9])\d{4,24}(?![0-9])/g, ' #num ')
    .replace(/(?<![#a-z])[a-z]+/g, (w) => PINYIN[w] ?? correctWord(w));
  if (hasCjk(t)) t = t.replace(/(?<![#a-z])[a-z]+(?![a-z])/g, (w) => MIXED[w] ?? w);
  return t.replace(/\s+/g, ' ').trim();
}

const STOP = new Set([
  'the', 'a', 'an', 'i', 'my', 'me', 'is', 'it', 'to', 'of', 'and', 'for', 'on', 'in', 'this', 'that', 'be',
  'you', 'your', 'can', 'please', 'pls', 'plz', 'was', 'are', 'am', 'have', 'has', 'had', 'do', 'does', 'with',
  'at', 'so', 'just', 'hi', 'hey', 'u', 'we', 'our', 'its', 'im', 'ive', 'id', 'would', 'could', 'will',
]);

function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

/** Weight of a feature in the model: concepts count most, character n-grams of English words least. */
export function featureWeight(feature: string): number {
  if (feature.startsWith('k:')) return 1.5;
  if (feature.startsWith('c:')) return 0.25;
  return 1;
}

/** Character n-grams only back up words (typos, inflections): they never make unknown text look known. */
export function countsForCoverage(feature: string): boolean {
  return !feature.startsWith('c:') && !feature.startsWith('k:');
}

/**
 * Chinese: character uni-, bi- and trigrams; English: stemmed words (minus stop words), word bigrams and
 * character trigrams of longer words; both: the concepts of the lexicon.
 */
export function features(prepared: string, concepts: ConceptSet = conceptsOf(prepared)): string[] {
  const out: string[] = [];
  for (const run of prepared.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
      if (i + 2 < run.length) out.push(run.slice(i, i + 3));
    }
  }
  const words = (prepared.match(/#?[a-z]+/g) ?? []).map(stem);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!STOP.has(w)) {
      out.push(`w:${w}`);
      if (w.length >= 5 && !w.startsWith('#')) {
        const padded = `^${w}$`;
        for (let j = 0; j + 3 <= padded.length; j++) out.push(`c:${padded.slice(j, j + 3)}`);
      }
    }
    if (i + 1 < words.length) out.push(`b:${w}_${words[i + 1]}`);
  }
  for (const c of concepts) out.push(`k:${c}`);
  return out;
}
