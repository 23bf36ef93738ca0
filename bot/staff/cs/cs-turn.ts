import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../../services/refunds';
import type { Lang } from '../../i18n';
import { chooseLanguage, translator } from '../../i18n';
import type { CardContext } from '../../cards/buyer/case-words';
import type { CsAgent } from './cs-agents';

// Small per-turn pieces of the CS desk: the reply language, the card context, the agent as the core's actor.

/** Chinese commands get Chinese answers whatever the client's locale; else the locale; else Chinese. */
export function langOfTurn(context: TurnContext, text?: string): Lang {
  return chooseLanguage({ text: text ?? (typeof context.activity.text === 'string' ? context.activity.text : ''), locale: context.activity.locale ?? null });
}

export function cardContext(lang: Lang, timeZone: string): CardContext {
  return { t: translator(lang), lang, timeZone };
}

/** The agent as the refund core's actor: the aadObjectId where Teams gives one (stable across apps), else the Teams id. */
export function csActor(agent: CsAgent): Actor {
  return { role: 'cs', id: agent.aadObjectId ?? agent.id };
}

export function agentName(agent: CsAgent): string {
  return agent.name ?? agent.aadObjectId ?? agent.id;
}
