import type { Activity } from 'botbuilder';
import type { Actor } from '../../../services/refunds';
import { merchantUserId } from '../../../services/merchants';
import type { Lang } from '../../i18n';
import { chooseLanguage, langOfLocale } from '../../i18n';

// Who is writing or clicking in Teams, as the merchant desk sees them.

export interface MerchantCaller {
  /** The AAD object id when Teams gives one (stable across chats), else the Teams user id. */
  userId: string;
  /** The Teams user id (29:...): what card refresh lists. */
  teamsId: string;
  name?: string;
  lang: Lang;
}

export function callerOf(activity: Partial<Activity>): MerchantCaller | null {
  const from = activity.from;
  if (!from?.id) return null;
  // A link code ("LINK-K7MPQ2") is no English: "绑定 LINK-K7MPQ2" is Chinese.
  const text = typeof activity.text === 'string' ? activity.text.replace(/\bLINK-[A-Z0-9]+\b/gi, ' ') : '';
  const name = typeof from.name === 'string' && from.name.trim() ? from.name.trim() : undefined;
  return {
    userId: merchantUserId(from),
    teamsId: from.id,
    ...(name ? { name } : {}),
    // Clicks carry no text: the client's locale decides.
    lang: text ? chooseLanguage({ text, locale: activity.locale ?? null }) : (langOfLocale(activity.locale) ?? 'zh-CN'),
  };
}

/** A one-to-one chat with the bot: where merchants link, get cards and ask for help. */
export function isPersonalChat(activity: Partial<Activity>): boolean {
  const type = activity.conversation?.conversationType;
  return type === 'personal' || (type === undefined && activity.conversation?.isGroup !== true);
}

export const merchantActor = (userId: string, shopId: string): Actor => ({ role: 'merchant', id: userId, shopId });
