import { normalizeLinkCode } from './link-code';

// The text a merchant sends to link their Teams account: "link LINK-201", "绑定 LINK-201", "绑定LINK-201", or the
// code alone. In channels and group chats Teams puts the bot's @mention into the text ("<at>Refund Desk</at>
// link LINK-201"), so mentions are dropped first.

const MENTION = /<at(?:\s[^>]*)?>[\s\S]*?<\/at>/gi;
const TAGS = /<\/?[a-z][^>]*>/gi;
const ENTITIES: Readonly<Record<string, string>> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;
const TRAILING_PUNCTUATION = /[.!。]+$/;

// "link" needs a separator before the code (so "linkage" is no command); "绑定" may run straight into it.
const COMMAND = /^(?:(?:link|bind)\s*[:]\s*|(?:link|bind)\s+|绑定\s*[:]?\s*)?(\S+)$/i;
const KEYWORD_ONLY = /^(?:link|bind|绑定)(?:\s|[:]|$)/i;

function clean(text: string): string {
  return text
    .replace(MENTION, ' ')
    .replace(TAGS, ' ')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/gi, (e) => ENTITIES[e.toLowerCase()] ?? e)
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(TRAILING_PUNCTUATION, '')
    .trim();
}

/** The normalized code ("LINK-201") if the text is a link command, else null. */
export function parseLinkCommand(text: string | undefined | null): string | null {
  if (typeof text !== 'string') return null;
  const match = COMMAND.exec(clean(text));
  return match ? normalizeLinkCode(match[1]!) : null;
}

/**
 * The text starts with the link keyword but carries no usable code ("link", "绑定 123"): worth answering with
 * how to link rather than with "not understood".
 */
export function looksLikeLinkCommand(text: string | undefined | null): boolean {
  if (typeof text !== 'string') return false;
  return KEYWORD_ONLY.test(clean(text)) && parseLinkCommand(text) === null;
}
