import type { Language } from './types';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/g;
const LATIN = /[a-z]/gi;

/**
 * Full-width forms to ASCII (NFKC), lower case, apostrophes dropped (so "don't" and "dont" read the
 * same), whitespace collapsed.
 */
export function normalize(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´']/g, '')
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The language of the text from its script: any real Chinese in it makes it Chinese (buyers mix English
 * words into Chinese far more than the reverse). Null when the text has no letters at all.
 */
export function detectLanguage(text: string): Language | null {
  const cjk = text.match(CJK)?.length ?? 0;
  const latin = text.match(LATIN)?.length ?? 0;
  if (cjk === 0 && latin === 0) return null;
  if (cjk >= 2 || (cjk === 1 && latin < 12)) return 'zh-CN';
  return 'en-US';
}

export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}
