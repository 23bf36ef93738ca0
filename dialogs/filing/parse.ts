import type { TypeHint } from './draft';

// Reading typed answers: positions ("2", "第二个", "second"), quantities ("1件", "two", "全部"), the kind of
// request a sentence asks for, and the short words that finish a step ("done", "跳过").

const CN_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, last: -1,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (s === '十') return 10;
  if (s.length === 2 && s[0] === '十') return 10 + (CN_DIGITS[s[1]!] ?? NaN);
  if (s.length === 2 && s[1] === '十') return (CN_DIGITS[s[0]!] ?? NaN) * 10;
  if (s.length === 1) return CN_DIGITS[s];
  return undefined;
}

const normalise = (text: string): string =>
  text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[。.!！?？~～]+$/u, '')
    .trim();

/** A 1-based position: "2", "#2", "第二个", "第2件", "second", "the 2nd one", "no. 2"; -1 for "last"/"最后一个". */
export function positionOf(text: string): number | undefined {
  const t = normalise(text);
  let m = /^(?:#|no\.?\s*|number\s*|选\s*|选择\s*)?(\d{1,2})(?:\s*(?:号|个|项))?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^(?:选)?第\s*([\d一二两三四五六七八九十]{1,3})\s*(?:个|件|项|款|单|种|条|样)?$/.exec(t);
  if (m) return chineseNumber(m[1]!);
  if (/^最后(一个|一件|一项)?$/.test(t)) return -1;
  m = /^(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:one|item|order|option))?$/.exec(t);
  if (m) return EN_ORDINALS[m[1]!];
  m = /^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)(?:\s+(?:one|item|order|option))?$/.exec(t);
  if (m) return Number(m[1]);
  return undefined;
}

/** Picks by position from a list; undefined when out of range. */
export function atPosition<T>(list: readonly T[], position: number | undefined): T | undefined {
  if (position === undefined) return undefined;
  if (position === -1) return list[list.length - 1];
  return position >= 1 ? list[position - 1] : undefined;
}

export type QuantityAnswer = number | 'all';

/** "1", "1件", "一个", "two", "x2", "全部", "all of them". */
export function quantityOf(text: string): QuantityAnswer | undefined {
  const t = normalise(text);
  if (/^(全部|都|所有|全都|都要|all|all of them|everything|both)$/.test(t)) return 'all';
  let m = /^(?:x|×|\*)?\s*(\d{1,3})\s*(?:件|个|只|台|条|盒|双|套|份|pcs?|pieces?|units?|items?)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^([一二两三四五六七八九十]{1,2})\s*(?:件|个|只|台|条|盒|双|套|份)?$/.exec(t);
  if (m) return chineseNumber(m[1]!);
  m = /^(one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+(?:of them|pieces?|units?|items?))?$/.exec(t);
  if (m) return EN_ORDINALS[m[1]!];
  return undefined;
}

export interface LineLabel {
  lineIndex: number;
  titles: string[];
}

export interface LinePick {
  lineIndex: number;
  quantity?: QuantityAnswer;
}

/**
 * Lines from a typed answer: "2", "第二个 1件", "2 x1", "1和3", "1, 3", "充电器", "the charger, 1", "全部".
 * Positions count the lines as the card listed them.
 */
export function linesOf(text: string, lines: readonly LineLabel[]): LinePick[] | 'all' | undefined {
  const t = normalise(text);
  if (t === '') return undefined;
  if (/^(全部|都|所有|全部商品|都要|全都|整单|整个订单|all|all items|all of them|everything|the whole order)$/.test(t)) return 'all';
  const whole = positionOf(t);
  const single = atPosition(lines, whole);
  if (single) return [{ lineIndex: single.lineIndex }];

  // "2 1件" / "第二个 1件" / "2 x1" / "2: 1" / "2 one"
  const pair = /^(.+?)(?:\s+|\s*[:：]\s*|\s*[x×*]\s*)(?:x|×|\*)?\s*(\S+)$/.exec(t);
  if (pair) {
    const line = atPosition(lines, positionOf(pair[1]!)) ?? byTitle(pair[1]!, lines);
    const quantity = quantityOf(pair[2]!);
    if (line && quantity !== undefined) return [{ lineIndex: line.lineIndex, quantity }];
  }

  // "1和3", "1, 3", "1 and 3"
  const parts = t.split(/\s*(?:,|，|、|和|与|跟|及|以及|and|&|\+)\s*/).filter((p) => p !== '');
  if (parts.length > 1) {
    const picked = parts.map((p) => atPosition(lines, positionOf(p)) ?? byTitle(p, lines));
    if (picked.every((p) => p !== undefined)) {
      return [...new Map(picked.map((p) => [p!.lineIndex, { lineIndex: p!.lineIndex }])).values()];
    }
  }

  const titled = byTitle(t, lines);
  if (titled) {
    const quantity = trailingQuantity(t);
    return [{ lineIndex: titled.lineIndex, ...(quantity !== undefined ? { quantity } : {}) }];
  }
  return undefined;
}

function trailingQuantity(t: string): QuantityAnswer | undefined {
  const m = /(\d{1,3}|[一二两三四五六七八九十]{1,2})\s*(?:件|个|只|台|条|盒|双|套|份)/.exec(t) ?? /\b(\d{1,3})\s*(?:pcs?|pieces?|units?|of them)\b/.exec(t);
  return m ? quantityOf(m[1]!) : undefined;
}

const LATIN_WORD = /[a-z0-9]{3,}/g;
const HAN_RUN = /\p{Script=Han}{2,}/gu;
const STOP_WORDS = new Set(['the', 'and', 'one', 'with', 'for', 'from', 'this', 'that', 'item', 'items', 'black', 'white']);

/** Two-character pieces of the Chinese runs of a text: "充电器坏了" has 充电, 电器, 器坏, 坏了. */
function hanBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of text.match(HAN_RUN) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/**
 * The item whose title the text names ("充电器", "the charger"), when exactly one fits best: whole Latin words
 * of the title (a plural s is the same product), and two-character pieces of its Chinese words.
 */
export function byTitle<T extends { titles: string[] }>(text: string, items: readonly T[]): T | undefined {
  const t = normalise(text);
  const textBigrams = hanBigrams(t);
  const scores = items.map((item) => {
    let score = 0;
    const seen = new Set<string>();
    for (const title of item.titles) {
      const lower = title.normalize('NFKC').toLowerCase();
      for (const word of lower.match(LATIN_WORD) ?? []) {
        if (STOP_WORDS.has(word) || seen.has(word)) continue;
        if (new RegExp(`(^|[^a-z0-9])${word}s?([^a-z0-9]|$)`).test(t)) score += word.length;
        seen.add(word);
      }
      for (const bigram of hanBigrams(lower)) {
        if (seen.has(bigram)) continue;
        if (textBigrams.has(bigram)) score += 2;
        seen.add(bigram);
      }
    }
    return score;
  });
  const best = Math.max(0, ...scores);
  if (best === 0) return undefined;
  const winners = items.filter((_, i) => scores[i] === best);
  return winners.length === 1 ? winners[0] : undefined;
}

/** The kind of request a sentence asks for, if it says. */
export function typeHintOf(text: string | undefined): TypeHint | undefined {
  if (!text) return undefined;
  const t = normalise(text);
  if (/换货|换一个|换个新|换一件|调换|\bexchange\b|\breplace(ment)?\b|\bswap\b/.test(t)) return 'exchange';
  if (/仅退款|只退款|不退货|不用退货|无需退货|\brefund only\b|\bjust (a )?refund\b|\bwithout return|\bkeep (it|them)\b/.test(t)) return 'refund_only';
  if (/退货|寄回|退回去|\breturn(ing)?\b|\bsend (it|them) back\b/.test(t)) return 'return_refund';
  if (/退款|退钱|\brefund\b|\bmoney back\b/.test(t)) return 'refund_any';
  return undefined;
}

/** Type words typed as an answer to "what would you like?". */
export function typeAnswerOf(text: string): TypeHint | undefined {
  return typeHintOf(text);
}

export function isDone(text: string): boolean {
  return /^(done|finished|that'?s all|that is all|no more|ok done|好了|完成|发完了|传完了|就这些|没有了|没了|上传完了|上传完成|好|好的|ok|okay)$/.test(normalise(text));
}

export function isSkip(text: string): boolean {
  return /^(skip|no files?|no photos?|none|no|i have none|i don'?t have any|跳过|没有|没有文件|没有照片|没有图片|没照片|不用|不需要|无|没拍|拍不了)$/.test(normalise(text));
}

export function isChange(text: string): boolean {
  return /^(change|edit|modify|go back|修改|改一下|我要改|更改|改|返回修改|重新选)$/.test(normalise(text));
}

export function isWait(text: string): boolean {
  return /^(wait|i'?ll wait|i will wait|ok i'?ll wait|再等等|我再等等|等等|等一下|好的我再等等|算了我等等)$/.test(normalise(text));
}

/** Words of substance: enough to pass on to the shop as the buyer's description. */
export function isSubstantive(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
  const words = (t.match(/[A-Za-z]{2,}/g) ?? []).length;
  return han >= 4 || words >= 3;
}
