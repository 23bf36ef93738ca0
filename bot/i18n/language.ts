// The reply language (DESIGN.md §4): the language the buyer writes in when it is clear, else the activity's
// locale, else the buyer's profile language.

export const LANGS = ['zh-CN', 'en-US'] as const;
export type Lang = (typeof LANGS)[number];

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/** zh-CN when the text has Chinese characters and they outweigh English words; en-US for clear English; else null. */
export function languageOfText(text: string | undefined): Lang | null {
  if (!text) return null;
  // Order and case numbers are not words of either language.
  const cleaned = text
    .replace(/\b(?:DEMO|RD|LINK)-?\d+\b/gi, ' ')
    // Nor are waybill numbers ("SF1234567890123", "JDVA30452871946", "EA123456789CN", "sf 1234 5678 90123").
    .replace(/\b[A-Za-z]{1,4}\d{6,}[A-Za-z0-9]{0,4}\b|\b[A-Za-z]{1,4}(?:\s*\d{2,}){2,}\b/g, ' ');
  const han = (cleaned.match(HAN) ?? []).length;
  const words = (cleaned.match(LATIN_WORD) ?? []).length;
  if (han === 0 && words === 0) return null;
  if (han >= 2 && han >= words) return 'zh-CN';
  if (han === 1 && words === 0) return 'zh-CN';
  if (words >= 1 && han === 0) return 'en-US';
  return han > words ? 'zh-CN' : words >= 2 ? 'en-US' : null;
}

/** Maps any locale tag to one we speak (zh-TW, zh-HK -> zh-CN; other tags -> en-US); null when absent. */
export function langOfLocale(locale: string | undefined | null): Lang | null {
  if (!locale) return null;
  const tag = locale.toLowerCase();
  if (tag.startsWith('zh')) return 'zh-CN';
  if (tag.startsWith('en')) return 'en-US';
  return null;
}

export function chooseLanguage(input: { text?: string; locale?: string | null; profile?: Lang | null; previous?: Lang | null }): Lang {
  return languageOfText(input.text) ?? input.previous ?? langOfLocale(input.locale) ?? input.profile ?? 'zh-CN';
}
