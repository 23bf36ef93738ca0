// What an agent typed in the CS channel (the bot's mention already removed). Case numbers may be written loosely
// ("rd-12", "RD12", "RD-000012"): they are read as the case id the core uses.

export type CsCommand =
  | { kind: 'help' }
  | { kind: 'open' }
  | { kind: 'case'; caseId: string }
  | { kind: 'intervene'; caseId: string; remark: string }
  | { kind: 'settle'; caseId: string; remark: string }
  /** A known command word without what it needs (no case number, no remark). */
  | { kind: 'incomplete'; command: 'case' | 'intervene' | 'settle' }
  | { kind: 'unknown' };

const CASE_ID = /^RD-?(\d{1,9})$/i;

/** "rd-12" -> "RD-000012"; null when it is not a case number. */
export function normalizeCaseId(word: string): string | null {
  const m = CASE_ID.exec(word.trim());
  if (!m) return null;
  const digits = String(Number(m[1]));
  return `RD-${digits.padStart(6, '0')}`;
}

const WORDS: Record<string, 'help' | 'open' | 'case' | 'intervene' | 'settle'> = {
  help: 'help',
  '?': 'help',
  '帮助': 'help',
  open: 'open',
  '待处理': 'open',
  case: 'case',
  show: 'case',
  '查看': 'case',
  '查询': 'case',
  intervene: 'intervene',
  '介入': 'intervene',
  settle: 'settle',
  '线下结算': 'settle',
  '结算': 'settle',
};

export function parseCsCommand(input: string): CsCommand {
  const text = input.replace(/\u00a0/g, ' ').trim();
  if (!text) return { kind: 'help' };
  // The command word may be glued to the case number in Chinese ("查看RD-000012").
  const m = /^(\S+?)(?:\s+|(?=RD-?\d)|$)([\s\S]*)$/i.exec(text);
  const word = (m?.[1] ?? '').toLowerCase().replace(/[:：]$/, '');
  const rest = (m?.[2] ?? '').trim();
  const command = WORDS[word];
  if (!command) {
    const bare = normalizeCaseId(text);
    return bare ? { kind: 'case', caseId: bare } : { kind: 'unknown' };
  }
  if (command === 'help' || command === 'open') return rest === '' ? { kind: command } : { kind: 'unknown' };
  const [first = '', ...more] = rest.split(/\s+/);
  const caseId = normalizeCaseId(first);
  if (!caseId) return { kind: 'incomplete', command };
  if (command === 'case') return { kind: 'case', caseId };
  const remark = rest.slice(first.length).trim().slice(0, 2000);
  if (!remark || more.length === 0) return { kind: 'incomplete', command };
  return { kind: command, caseId, remark };
}
