import { normalize } from './text';

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

export function prepare(text: string): string {
  return normalize(text)
    .replace(/(?<![a-z0-9])rd-?\d{4,10}(?![0-9])/g, ' #case ')
    .replace(/(?<![a-z0-9])(?:sf\d{12,15}|jd[a-z0-9]{10,18}|yt\d{12,15}|[a-z]{2}\d{9}cn)(?![0-9a-z])/g, ' #track ')
    .replace(/(?<![a-z0-9-])[a-z][a-z0-9]{1,9}-\d{3,12}(?![0-9a-z])/g, ' #order ')
    .replace(/(?<![a-z0-9])\d{4,20}(?![0-9])/g, ' #num ')
    .replace(/[a-z]+/g, (w) => correctWord(w))
    .replace(/\s+/g, ' ')
    .trim();
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

/** Chinese: characters and character bigrams; English: stemmed words (minus stop words) and word bigrams. */
export function features(prepared: string): string[] {
  const out: string[] = [];
  for (const run of prepared.match(/[\u3400-\u9fff]+/g) ?? []) {
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]!);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  const words = (prepared.match(/#?[a-z]+/g) ?? []).map(stem);
  for (let i = 0; i < words.length; i++) {
    if (!STOP.has(words[i]!)) out.push(`w:${words[i]}`);
    if (i + 1 < words.length) out.push(`b:${words[i]}_${words[i + 1]}`);
  }
  return out;
}
