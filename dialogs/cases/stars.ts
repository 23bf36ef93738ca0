// Star ratings typed in either language: "5", "五星", "4 stars", "4/5", "给5分", "五星好评，处理很快" (the words
// after the stars are the comment).

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

const PREFIX = String.raw`(?:(?:i\s+)?(?:give|rate|rating|rated)\s+(?:it\s+|you\s+|this\s+)?(?:a\s+)?|给|打)?\s*`;
const SUFFIX = String.raw`(?:\/\s*5|out of 5|stars?|颗星|星|分)`;
/** A digit may stand alone; a Chinese numeral only with 星/分 or as the whole answer ("一般" is not one star). */
const LEADING = new RegExp(String.raw`^${PREFIX}(?:([1-5])\s*${SUFFIX}?(?![0-9a-z])|([一二两三四五])\s*${SUFFIX}|([一二两三四五])$)(?:好评)?`, 'iu');
const ANYWHERE = /(?:^|[^0-9])([1-5])\s*(?:\/\s*5|out of 5|stars?|颗星|星|分)|([一二两三四五])\s*(?:颗星|星|分)/iu;

export interface StarsReading {
  stars: number;
  /** What the buyer wrote besides the stars. */
  rest: string;
}

export function readStars(raw: string): StarsReading | null {
  const text = raw.normalize('NFKC').trim();
  const lead = LEADING.exec(text);
  if (lead) {
    const stars = starsOf((lead[1] ?? lead[2] ?? lead[3])!);
    if (stars !== null) return { stars, rest: clean(text.slice(lead[0].length)) };
  }
  const any = ANYWHERE.exec(text);
  if (any) {
    const stars = starsOf((any[1] ?? any[2])!);
    if (stars !== null) return { stars, rest: clean(text.replace(any[0], ' ')) };
  }
  if (/^五星好评|^好评/u.test(text)) return { stars: 5, rest: clean(text.replace(/^五星好评|^好评/u, '')) };
  return null;
}

function starsOf(token: string): number | null {
  const t = token.toLowerCase();
  if (/^[1-5]$/.test(t)) return Number(t);
  return CN_DIGITS[t] ?? null;
}

function clean(s: string): string {
  return s.replace(/^[\s,，.。!！:：;；~、-]+|[\s,，;；、-]+$/gu, '').trim();
}
