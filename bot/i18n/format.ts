import type { Lang } from './language';

// Money and dates as the buyer reads them: ¥52.16; dates in the buyer's locale, in the platform's time zone.

export function formatMoney(fen: number, currency = 'CNY'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${sign}${symbol}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

// Building an Intl.DateTimeFormat costs far more than using one: keep one per language, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, {
      timeZone,
      year: 'numeric',
      month: lang === 'zh-CN' ? 'long' : 'short',
      day: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(iso: string | Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, true).format(typeof iso === 'string' ? new Date(iso) : iso);
}

export function formatDate(iso: string | Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, false).format(typeof iso === 'string' ? new Date(iso) : iso);
}
