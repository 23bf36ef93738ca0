/** One message in both languages. Placeholders are `{name}` and must be the same in both. */
export interface Bilingual {
  zh: string;
  en: string;
}

export function defineMessages<K extends string>(messages: Record<K, Bilingual>): Record<K, Bilingual> {
  return messages;
}
