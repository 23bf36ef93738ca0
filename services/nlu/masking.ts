// Personal data is masked before any text leaves for a language model: phone numbers, street
// addresses, card numbers, e-mail addresses and ID-card numbers. Order ids, case ids and tracking
// numbers stay: the model needs them and they say nothing about the buyer on their own.

export const MASKS = {
  email: '[email]',
  phone: '[phone]',
  card: '[card]',
  idCard: '[id]',
  address: '[address]',
} as const;

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

// 13-19 digits, possibly grouped by spaces or dashes.
const CARD_CANDIDATE = /(?<![\dA-Za-z-])\d(?:[ -]?\d){12,18}(?![\dA-Za-z])/g;

// Chinese resident ID: 6-digit region, birth date, sequence, check digit.
const ID_CARD = /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;

const PHONES = [
  // Chinese mobile, optional +86 / 0086, optional separators: 138 1234 5678, 138-1234-5678
  /(?<![\dA-Za-z])(?:(?:\+|00)?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?![\dA-Za-z])/g,
  // Chinese landline with area code: 010-12345678, (0571) 8888 8888, 021 6123 4567
  /(?<![\dA-Za-z])(?:(?:\+|00)?86[ -]?)?(?:\(0?[1-9]\d{1,2}\)|0[1-9]\d{1,2})[ -]?[2-9]\d{2,3}[ -]?\d{4}(?:[ -]?(?:ext\.?|转|x)\s*\d{1,5})?(?![\dA-Za-z])/g,
  // Other international numbers: +44 20 7946 0958, +1 (415) 555-0100
  /\+\d{1,3}[ -]?(?:\(\d{1,4}\)[ -]?)?\d{1,4}(?:[ -]?\d{2,5}){1,4}(?![\dA-Za-z])/g,
  // North American style without country code: (415) 555-0100, 415-555-0100, 415.555.0100
  /(?<![\dA-Za-z])(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\dA-Za-z])/g,
];

// Chinese addresses: administrative parts (省/市/区/县/镇...) and/or a street with a house number,
// followed by building/unit/room parts. The anchor is a street, a residential compound or a house number.
const CN_PLACE_CHAR = '[^\\s\\d的是在我你他她到寄发往把给和跟与从址,.;:!?，。；：！？、()（）\\[\\]【】"]';
const CN_ADDRESS = new RegExp(
  [
    `(?:${CN_PLACE_CHAR}{1,8}?(?:省|自治区|特别行政区|市|自治州|州|盟|地区|区|县|旗|镇|乡|街道))*`,
    `${CN_PLACE_CHAR}{1,12}?(?:路|街|大道|大街|巷|弄|胡同|村|小区|花园|公寓|大厦|广场|苑|园区|社区|新村)`,
    `(?:\\s?[0-9一二三四五六七八九十百零〇A-Za-z-]+\\s?(?:号楼|号院|号|弄|栋|幢|座|单元|楼|层|室|户|组|排|期|区))*`,
    `(?:${CN_PLACE_CHAR}{0,8}?[0-9一二三四五六七八九十百零A-Za-z-]+\\s?(?:号楼|号|栋|幢|座|单元|楼|层|室))*`,
    // a trailing room number without its 室: "A座1201"
    `(?:(?<=[号栋幢座单元楼层])[ -]?\\d{1,5}(?:室|房)?)?`,
  ].join(''),
  'g',
);
// A bare administrative chain down to a district or town is personal enough when it is an address
// ("浙江省杭州市西湖区"), but a single city name is not ("物流停在杭州市").
const CN_ADMIN_CHAIN = new RegExp(
  `(?:${CN_PLACE_CHAR}{1,8}?(?:省|自治区|市)){1,2}${CN_PLACE_CHAR}{1,8}?(?:区|县|镇|乡|街道)(?:${CN_PLACE_CHAR}{1,8}?(?:镇|乡|街道|村))?`,
  'g',
);

const EN_STREET_TYPES = [
  'street', 'st', 'avenue', 'ave', 'road', 'rd', 'boulevard', 'blvd', 'lane', 'ln', 'drive', 'dr', 'court', 'ct',
  'way', 'place', 'pl', 'terrace', 'parkway', 'pkwy', 'highway', 'hwy', 'square', 'sq', 'crescent', 'close',
]
  .flatMap((t) => [t, t[0]!.toUpperCase() + t.slice(1), t.toUpperCase()])
  .join('|');
// Case-sensitive on purpose: the optional town part must be capitalised words ("Mountain View, CA").
const EN_ADDRESS = new RegExp(
  `\\b\\d{1,6}[A-Za-z]?\\s+(?:[A-Za-z][A-Za-z'.-]*\\s+){0,4}(?:${EN_STREET_TYPES})\\b\\.?` +
    `(?:,?\\s*(?:[Aa]pt|[Aa]partment|[Ss]uite|[Ss]te|[Uu]nit|[Ff]lat|[Ff]loor|[Ff]l|[Rr]oom|#)\\.?\\s*#?\\s*[A-Za-z0-9-]+)?` +
    `(?:,\\s*[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){0,2}(?:,\\s*[A-Z]{2}\\b)?(?:\\s+\\d{5}(?:-\\d{4})?)?)?`,
  'g',
);
const EN_POBOX = /\b(?:p\.?\s?o\.?\s?box|post office box)\s*\d+\b/gi;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * A card number is 13-19 digits, passes the Luhn check and starts like a payment card (2-6: Mastercard,
 * Amex, Visa, Mastercard, UnionPay/Discover); long order and tracking numbers mostly do not.
 */
function isCardNumber(candidate: string): boolean {
  const digits = candidate.replace(/[ -]/g, '');
  return digits.length >= 13 && digits.length <= 19 && /^[2-6]/.test(digits) && luhnValid(digits);
}

export function maskPersonalData(text: string): string {
  let out = text.normalize('NFKC');
  out = out.replace(EMAIL, MASKS.email);
  out = out.replace(CARD_CANDIDATE, (m) => (isCardNumber(m) ? MASKS.card : m));
  out = out.replace(ID_CARD, MASKS.idCard);
  for (const re of PHONES) out = out.replace(re, MASKS.phone);
  out = out.replace(EN_POBOX, MASKS.address);
  out = out.replace(EN_ADDRESS, MASKS.address);
  out = out.replace(CN_ADDRESS, (m) => (m.length >= 3 ? MASKS.address : m));
  out = out.replace(CN_ADMIN_CHAIN, MASKS.address);
  // Merge neighbouring masks of one address ("[address][address]" from the two Chinese passes).
  out = out.replace(/(?:\[address\]\s*){2,}/g, MASKS.address);
  return out;
}
