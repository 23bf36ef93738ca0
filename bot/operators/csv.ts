// CSV for spreadsheets (RFC 4180): CRLF line ends, every field quoted when it holds a comma, quote, CR or LF,
// quotes doubled, and a UTF-8 byte-order mark so Excel reads Chinese text as UTF-8. Text that a spreadsheet
// would run as a formula (= + - @ at the start, or a tab / CR) gets a leading apostrophe: buyer-written text
// ends up in these files.

export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<T> {
  header: string;
  value(row: T): CsvValue;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'string' ? value : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
