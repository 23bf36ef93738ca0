import type { RefundCase } from '../../services/refunds';
import type { Reply } from '../prompts/reply-prompt';

// Reading which case (or which numbered option) the buyer meant: a click carries the case id; typed text may be
// the case id ("RD-000002", "rd000002"), the position in the list shown ("2", "第二个", "the second one"), or
// the order id of exactly one listed case.

const CN_ORDINALS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, last: -1,
};

/** The position the text names (1-based), -1 for "the last one", or null. */
export function ordinalOf(raw: string): number | null {
  const text = raw.normalize('NFKC').trim().toLowerCase().replace(/[。.!！?？]+$/u, '');
  let m = /^(?:#|no\.?\s*|number\s*|选\s*|第\s*)?(\d{1,2})\s*(?:个|笔|条|项|号|单|\.|\))?$/u.exec(text);
  if (m) return Number(m[1]);
  m = /^(?:选)?第?\s*([一二两三四五六七八九十])\s*(?:个|笔|条|项|单)?$/u.exec(text);
  if (m) return CN_ORDINALS[m[1]!] ?? null;
  if (/^(?:选)?最后(?:一个|一笔|那个)?$/u.test(text)) return -1;
  m = /^(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+one)?$/.exec(text);
  if (m) return EN_ORDINALS[m[1]!] ?? null;
  return null;
}

/** A case id written any common way, normalised to RD-000123, or null. */
export function caseIdIn(text: string): string | null {
  const m = /(?<![a-z0-9])rd[-\s]?(\d{4,10})(?![0-9])/i.exec(text.normalize('NFKC'));
  return m ? `RD-${m[1]}` : null;
}

export interface Candidate {
  id: string;
  orderId: string;
}

/** Which of the listed cases the reply picks, or null. A clicked case id is taken even if it was not listed. */
export function readCaseChoice(reply: Reply | undefined, candidates: readonly Candidate[]): string | null {
  const clicked = reply?.value?.caseId;
  if (typeof clicked === 'string' && clicked.trim()) return clicked.trim().toUpperCase();
  const text = reply?.text;
  if (!text) return null;
  const id = caseIdIn(text);
  if (id) return id;
  const n = ordinalOf(text);
  if (n !== null) {
    const index = n === -1 ? candidates.length - 1 : n - 1;
    return candidates[index]?.id ?? null;
  }
  const upper = text.normalize('NFKC').toUpperCase();
  const byOrder = candidates.filter((c) => upper.includes(c.orderId.toUpperCase()));
  return byOrder.length === 1 ? byOrder[0]!.id : null;
}

/** Newest first: the case the buyer most likely means is on top. */
export function newestFirst(cases: readonly RefundCase[]): RefundCase[] {
  return [...cases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}
