import { createHash, randomInt } from 'node:crypto';

// One-time codes the merchant platform shows a shop owner so they can link a Teams account to the shop.
// The alphabet leaves out 0/O, 1/I/L: codes are read off one screen and typed into another.

export const LINK_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LINK_CODE_LENGTH = 6;

/** What a code looks like once normalized (issued codes have 6 characters; demo codes are shorter). */
export const LINK_CODE_PATTERN = /^LINK-[A-Z0-9]{3,12}$/;

/** Fixed codes for the demo shops, valid while no signing secret is configured. */
export const DEMO_LINK_CODES: Readonly<Record<string, string>> = Object.freeze({
  'LINK-201': 'shop-201',
  'LINK-202': 'shop-202',
});

/** Upper case, half-width (a Chinese keyboard may type ＬＩＮＫ－２０１), no surrounding space; null if it is no code. */
export function normalizeLinkCode(raw: string): string | null {
  const code = raw.normalize('NFKC').trim().toUpperCase();
  return LINK_CODE_PATTERN.test(code) ? code : null;
}

export function generateLinkCode(): string {
  let body = '';
  for (let i = 0; i < LINK_CODE_LENGTH; i++) body += LINK_CODE_ALPHABET[randomInt(LINK_CODE_ALPHABET.length)];
  return `LINK-${body}`;
}

/** Codes are stored under their hash, so a copy of the store does not hand out live codes. */
export function hashLinkCode(normalizedCode: string): string {
  return createHash('sha256').update(`refund-desk-link-code/v1\n${normalizedCode}`).digest('hex');
}
