import { CATALOG, t } from '../../../bot/i18n';
import type { MessageKey } from '../../../bot/i18n';
import { chooseLanguage, languageOfText } from '../../../bot/i18n';
import { formatMoney } from '../../../bot/i18n';

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message catalog', () => {
  const entries = Object.entries(CATALOG) as [MessageKey, { zh: string; en: string }][];

  it.each(entries)('%s exists in both languages with the same placeholders', (_key, entry) => {
    expect(entry.zh.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(placeholders(entry.zh)).toEqual(placeholders(entry.en));
  });

  it('keeps Chinese text Chinese and English text free of Chinese characters', () => {
    for (const [key, entry] of entries) {
      expect([key, /[\u4e00-\u9fff]/.test(entry.en)]).toEqual([key, false]);
      expect([key, /[\u4e00-\u9fff]/.test(entry.zh)]).toEqual([key, true]);
    }
  });

  it('fills placeholders', () => {
    expect(t('en-US', 'error.turn', { correlationId: 'abc' })).toContain('abc');
    expect(t('zh-CN', 'error.turn', { correlationId: 'abc' })).toContain('abc');
  });
});

describe('reply language', () => {
  it('follows the language the buyer writes in over the client locale', () => {
    expect(chooseLanguage({ text: 'DEMO-1002 的东西坏了，我要退款', locale: 'en-US' })).toBe('zh-CN');
    expect(chooseLanguage({ text: 'my earphones arrived broken', locale: 'zh-CN' })).toBe('en-US');
  });
  it('falls back to the locale, then the profile language', () => {
    expect(chooseLanguage({ text: 'DEMO-1002', locale: 'en-US' })).toBe('en-US');
    expect(chooseLanguage({ text: '123', locale: undefined, profile: 'en-US' })).toBe('en-US');
    expect(languageOfText('👍')).toBeNull();
  });
});

describe('money', () => {
  it('shows yuan with two decimals from fen', () => {
    expect(formatMoney(5216)).toBe('¥52.16');
    expect(formatMoney(1990000)).toBe('¥19,900.00');
    expect(formatMoney(5)).toBe('¥0.05');
  });
});
