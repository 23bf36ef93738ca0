import type { Lang } from './language';

// Money and dates as the buyer reads them: ¥52.16; dates in the buyer's locale, in the platform's time zone.

export function formatMoney(fen: number, currency = 'CNY'): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const symbol = currency === 'CNY' ? '¥' : `${currency} `;
  return `${sign}${symbol}${Math.trunc(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
}

export function formatDateTime(iso: string | Date, lang: Lang, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang, {
    timeZone,
    year: 'numeric',
    month: lang === 'zh-CN' ? 'long' : 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(d);
}

export function formatDate(iso: string | Date, lang: Lang, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return new Intl.DateTimeFormat(lang, { timeZone, year: 'numeric', month: lang === 'zh-CN' ? 'long' : 'short', day: 'numeric' }).format(d);
}
