import { REASONS, type ReasonCode } from '../refunds/case';
import { CARRIERS, type Carrier, type RecognitionEntities } from './types';

// Entity extraction shared by both recognizers: the offline one reads entities with it, and the LLM's
// answers are re-validated with the same patterns (an id the buyer never typed is not taken).

/** Shop-style order ids (DEMO-1002); case ids use the RD- prefix and are never order ids. */
export const ORDER_ID_PATTERN = /^(?!RD-)[A-Z][A-Z0-9]{1,9}-\d{3,12}$|^\d{4,20}$/;
export const CASE_ID_PATTERN = /^RD-\d{4,10}$/;
export const TRACKING_NUMBER_PATTERN = /^(?:SF\d{12,15}|JD[A-Z0-9]{10,18}|YT\d{12,15}|[A-Z]{2}\d{9}[A-Z]{2}|\d{10,20})$/;

const CASE_ID = /(?<![a-z0-9])rd-?(\d{4,10})(?![0-9])/i;
const PREFIXED_ORDER_ID = /(?<![a-z0-9-])((?!rd-)[a-z][a-z0-9]{1,9}-\d{3,12})(?![0-9a-z])/i;
const PREFIXED_TRACKING = /(?<![a-z0-9])(sf\d{12,15}|jd[a-z0-9]{10,18}|yt\d{12,15}|[a-z]{2}\d{9}cn)(?![0-9a-z])/i;
const ORDER_KEYWORD_NUMBER =
  /(?:order|purchase|订单|订单号)\s*(?:no\.?|number|num|#|id|号码|号|编号)?\s*(?:is|是|为)?\s*[:#]?\s*(\d{4,20})(?!\d)/i;
const TRACKING_KEYWORD_NUMBER =
  /(?:tracking|waybill|运单|快递单|物流单|(?<!订)单号|取件码)\s*(?:no\.?|number|num|#|id|号码|号|编号)?\s*(?:is|是|为)?\s*[:#]?\s*([a-z]{0,3}\d{8,20})(?!\d)/i;
const LONG_NUMBER = /(?<![a-z0-9])(\d{6,20})(?![0-9])/gi;
const CN_MOBILE = /^(?:86)?1[3-9]\d{9}$/;
const SHIPPING_CONTEXT =
  /寄|快递|物流|运单|单号|顺丰|京东|中通|圆通|申通|韵达|邮政|tracking|courier|shipped|sent|mailed|posted|dropped|via|express|ems|sf\b/i;

const CARRIER_WORDS: [RegExp, Carrier][] = [
  [/顺丰|(?<![a-z])sf(?![a-z])|shunfeng/i, 'SF'],
  [/京东|(?<![a-z])jd(?![a-z])|jingdong/i, 'JD'],
  [/中通|(?<![a-z])zto(?![a-z])|zhongtong/i, 'ZTO'],
  [/圆通|(?<![a-z])yto(?![a-z])|yuantong/i, 'YTO'],
  [/申通|(?<![a-z])sto(?![a-z])|shentong/i, 'STO'],
  [/韵达|yunda/i, 'YUNDA'],
  [/邮政|(?<![a-z])ems(?![a-z])|china post/i, 'EMS'],
  [/百世|极兔|德邦|天天快递|宅急送|(?<![a-z])(?:dhl|fedex|ups|usps|j&t|best express)(?![a-z])/i, 'OTHER'],
];

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, a: 1, an: 1, both: 2,
};

function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  if (s.length === 1) return CN_DIGITS[s];
  return undefined;
}

const CN_QUANTITY =
  /(\d{1,3}|[一二两三四五六七八九十]{1,2})\s*(?:件|个|双|条|盒|瓶|台|只|套|包|箱|把|份|支|本|张|袋|块|副|顶|罐)(?!星期|月|小时|钟|工作日|礼拜)/;
const EN_QUANTITY =
  /\b(\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|both)\s+(?:x\s+)?(?:items?|pieces?|pcs|units?|pairs?|boxes|box|packs?|bottles?|sets?|of them|of the\b|of my\b|mugs?|cups?|shirts?|books?|bags?)/i;
const EN_QUANTITY_KEYWORD = /\b(?:qty|quantity|x)\s*[:=]?\s*(\d{1,3})\b/i;

/** Reason codes, most specific first: the first whose pattern matches wins. */
const REASON_PATTERNS: [ReasonCode, RegExp][] = [
  ['wrong_item', /发错|错发|寄错|发的不是|不是我(买|要|拍|订)的|(尺码|颜色|型号|款式|规格|码数|尺寸)(发)?(错|不对)|给我发了|\bwrong (item|size|colou?r|product|model|one|thing|order)|not what i ordered|(sent|received|got) (me )?(the )?wrong|instead of (the )?(black|white|red|blue|green|size|one|\w+ i ordered)|ordered (a )?size \w+ and (got|received)/i],
  ['missing_parts', /少发|漏发|少了|缺(了|少)?(一|个|件|零|配|部|说明)|没有(配件|赠品|说明书|充电器)|不全|\bmissing\b|incomplete|only (got|received|came with) \w+|(got|received) \w+ instead of the \w+ i (paid|ordered)|only one in the box|not all (the )?(items|parts|pieces)/i],
  ['damaged_in_transit', /(压|摔|磕|碰|砸)(坏|碎|裂|扁|烂)|(快递|运输|物流|路上).{0,6}(坏|碎|破|裂)|包装(破|烂|坏)|箱子(破|烂|坏|扁)|外包装|碎了|破损|(arrived|came|delivered|showed up)( \w+){0,3} (damaged|broken|cracked|smashed|shattered|crushed|dented)|damaged in (transit|shipping|delivery)|(box|package|parcel) was (crushed|damaged|torn|broken|wet)|shattered|smashed|crushed/i],
  ['not_as_described', /描述不符|与描述|和描述|不符|色差|图片不一样|和图片|跟图片|与图片|实物|货不对板|假货|假的|山寨|仿冒|高仿|差距(太)?大|not as (described|advertised|pictured)|different from (the )?(description|picture|photo|listing|ad)|doesnt match (the )?(description|picture|photo|listing)|nothing like (the )?(picture|photo|description|listing)|looks different|fake|counterfeit|knock ?off|misleading/i],
  ['quality_issue', /质量|坏了|坏的|是坏|不能用|用不了|开不了机|不亮|不响|没反应|失灵|故障|起球|掉色|褪色|开线|脱胶|异味|发霉|过期|变质|瑕疵|破洞|有个洞|有洞|漏水|充不进电|烂了|臭了|不好用|defective|faulty|broken|not working|doesnt work|dont work|stopped working|quit working|poor quality|bad quality|low quality|quality is|fell apart|came apart|falling apart|coming off|leaks?|leaking|dead pixel|stain|expired|rotten|moldy|mouldy|unsafe|burning smell|smells like|hole in|ripped|torn|cracked|\bbroke\b/i],
  ['not_received', /没收到|未收到|没有收到|收不到|丢件|丢了|不见了|被(人|别人)?(冒)?签收|显示(已)?签收|(never|not|didnt|havent|hasnt) (been )?(received|arrived|got|gotten|delivered|come|came)|says delivered|marked (as )?delivered|lost (package|parcel|in the mail)|package (was |got |is )?lost/i],
  ['logistics_delay', /物流(太|好|很)?慢|迟迟|延迟|延误|超时|(还没|没)(到|发货)|不动|没更新|太慢|\b(late|delayed|delay|taking forever|stuck in transit|no updates?)\b/i],
  ['no_reason_7_days', /七天无理由|7天无理由|无理由|不合适|不合脚|不喜欢|不想要了|不要了|changed my mind|dont (like|want) (it|them)|no reason|doesnt fit|dont fit|too (small|big|large|tight|loose|short|long)/i],
  ['mistaken_purchase', /拍错|买错|下错|拍多|买多|重复下单|点错|by mistake|mistakenly|accidentally|ordered (the )?wrong|bought the wrong|ordered twice|duplicate order/i],
];

export function detectCarrier(text: string): Carrier | undefined {
  for (const [re, carrier] of CARRIER_WORDS) if (re.test(text)) return carrier;
  return undefined;
}

function carrierFromTracking(tracking: string): Carrier | undefined {
  if (/^SF/.test(tracking)) return 'SF';
  if (/^JD/.test(tracking)) return 'JD';
  if (/^YT/.test(tracking)) return 'YTO';
  if (/^[A-Z]{2}\d{9}CN$/.test(tracking)) return 'EMS';
  return undefined;
}

export function detectReason(text: string): ReasonCode | undefined {
  for (const [reason, re] of REASON_PATTERNS) if (re.test(text)) return reason;
  return undefined;
}

export function detectQuantity(text: string): number | undefined {
  const cn = CN_QUANTITY.exec(text);
  if (cn) {
    const n = chineseNumber(cn[1]!);
    if (n !== undefined && Number.isInteger(n) && n > 0 && n < 1000) return n;
  }
  const en = EN_QUANTITY.exec(text) ?? EN_QUANTITY_KEYWORD.exec(text);
  if (en) {
    const word = en[1]!.toLowerCase();
    const n = /^\d+$/.test(word) ? Number(word) : EN_NUMBERS[word];
    if (n !== undefined && n > 0 && n < 1000) return n;
  }
  return undefined;
}

/** Ids, tracking, carrier, quantity and reason from free text (NFKC-normalised first by the caller or here). */
export function extractEntities(raw: string): RecognitionEntities {
  const text = raw.normalize('NFKC');
  const entities: RecognitionEntities = {};
  const used = new Set<string>();

  const caseMatch = CASE_ID.exec(text);
  if (caseMatch) {
    entities.caseId = `RD-${caseMatch[1]}`;
    used.add(caseMatch[1]!);
  }

  const tracking = PREFIXED_TRACKING.exec(text) ?? TRACKING_KEYWORD_NUMBER.exec(text);
  if (tracking) {
    entities.trackingNumber = tracking[1]!.toUpperCase();
    used.add(tracking[1]!.toLowerCase());
  }

  const prefixed = PREFIXED_ORDER_ID.exec(text);
  if (prefixed) {
    entities.orderId = prefixed[1]!.toUpperCase();
  } else {
    const keyed = ORDER_KEYWORD_NUMBER.exec(text);
    if (keyed && !used.has(keyed[1]!)) {
      entities.orderId = keyed[1]!;
      used.add(keyed[1]!);
    }
  }

  // A bare long number: a tracking number when the text talks about shipping, else an order number.
  // Mobile numbers are neither.
  for (const m of text.matchAll(LONG_NUMBER)) {
    const n = m[1]!;
    if (used.has(n) || used.has(n.toLowerCase()) || CN_MOBILE.test(n)) continue;
    if (!entities.trackingNumber && n.length >= 10 && SHIPPING_CONTEXT.test(text)) {
      entities.trackingNumber = n;
    } else if (!entities.orderId && n.length >= 6) {
      entities.orderId = n;
    }
    used.add(n);
  }

  const carrier = detectCarrier(text) ?? (entities.trackingNumber ? carrierFromTracking(entities.trackingNumber) : undefined);
  if (carrier) entities.carrier = carrier;

  const quantity = detectQuantity(text);
  if (quantity !== undefined) entities.quantity = quantity;

  const reason = detectReason(text.toLowerCase().replace(/['’]/g, ''));
  if (reason) entities.reason = reason;
  return entities;
}

const compact = (s: string): string => s.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();

/**
 * Keeps only entity values that are well-formed and, for ids, that the buyer actually typed: whatever a
 * model answers, an id it made up (or was talked into) is dropped.
 */
export function validateEntities(candidate: Partial<Record<keyof RecognitionEntities, unknown>>, sourceText: string): RecognitionEntities {
  const source = compact(sourceText);
  const typed = (v: string): boolean => source.includes(compact(v));
  const out: RecognitionEntities = {};
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

  const orderId = str(candidate.orderId)?.toUpperCase();
  if (orderId && ORDER_ID_PATTERN.test(orderId) && typed(orderId)) out.orderId = orderId;
  const caseId = str(candidate.caseId)?.toUpperCase();
  if (caseId && CASE_ID_PATTERN.test(caseId) && typed(caseId)) out.caseId = caseId;
  const tracking = str(candidate.trackingNumber)?.toUpperCase().replace(/\s/g, '');
  if (tracking && TRACKING_NUMBER_PATTERN.test(tracking) && typed(tracking)) out.trackingNumber = tracking;
  const carrier = str(candidate.carrier)?.toUpperCase();
  if (carrier && (CARRIERS as readonly string[]).includes(carrier)) out.carrier = carrier as Carrier;
  const reason = str(candidate.reason);
  if (reason && (REASONS as readonly string[]).includes(reason)) out.reason = reason as ReasonCode;
  const q = candidate.quantity;
  if (typeof q === 'number' && Number.isInteger(q) && q >= 1 && q <= 999) out.quantity = q;
  const description = str(candidate.description);
  if (description) out.description = description.slice(0, 500);
  const rating = candidate.rating;
  if (typeof rating === 'number' && Number.isInteger(rating) && rating >= 1 && rating <= 5) out.rating = rating;
  return out;
}
