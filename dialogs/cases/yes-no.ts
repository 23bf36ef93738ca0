import type { Recognizer } from '../../services/nlu';
import type { Lang } from '../../bot/i18n';
import type { Reply } from '../prompts/reply-prompt';

// A yes/no answer: the confirm card's button carries `confirm`; typed text ("好的", "yes", "不用了") goes
// through the recognizer told that a yes/no question was asked.

const CHANGE = /^(?:修改|改一下|要改|重新填写?|重填|填错了|change(?: it)?|edit|wrong)[.!。！]*$/iu;

export async function readYesNo(reply: Reply | undefined, recognizer: Recognizer, lang: Lang): Promise<boolean | null> {
  const clicked = reply?.value?.confirm;
  if (typeof clicked === 'boolean') return clicked;
  if (clicked === 'true' || clicked === 'yes') return true;
  if (clicked === 'false' || clicked === 'no') return false;
  if (!reply?.text) return null;
  // "Change it" answers "is this right?" with no.
  if (CHANGE.test(reply.text.normalize('NFKC').trim())) return false;
  const r = await recognizer.recognize(reply.text, { expecting: 'confirm', locale: lang });
  if (r.intent === 'confirm') return true;
  if (r.intent === 'deny') return false;
  return null;
}
