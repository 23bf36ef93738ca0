// What a buyer types to drop what the bot is asking for, in either language (compared after trimming,
// lower-casing and dropping a final full stop or exclamation mark).
export const CANCEL_WORDS: ReadonlySet<string> = new Set(['cancel', 'stop', 'quit', 'never mind', 'nevermind', '取消', '算了', '不用了', '退出']);

export function isCancelWord(text: string): boolean {
  return CANCEL_WORDS.has(text.trim().toLowerCase().replace(/[。.!！]+$/u, ''));
}
