import type { Activity, CloudAdapter, ConversationParameters, TurnContext } from 'botbuilder';
import type { HandoffAgent } from '../../../services/handoff';
import type { Logger } from '../../logger';
import type { StaffReferences } from '../staff-references';
import { referenceOf } from '../../proactive';
import type { Address } from './proactive';
import type { DeskSettings } from './settings';

// Who the agent is, and where their relay runs: their personal chat with the bot (the reference kept from the
// last message they sent it), or a 1:1 chat the bot opens with them when it never heard from them directly.

/** The scope proactive calls to the Bot Connector are authorised for. */
const CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export function agentIdOf(activity: Partial<Activity>): string {
  return activity.from?.aadObjectId ?? activity.from?.id ?? '';
}

export function langOfLocale(locale: string | undefined): 'zh-CN' | 'en-US' {
  return locale?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}

export interface AgentsDeps {
  adapter: CloudAdapter;
  appId: string;
  references: StaffReferences;
  settings: DeskSettings;
  log: Logger;
}

export class Agents {
  constructor(private readonly deps: AgentsDeps) {}

  /** With CS_AGENT_IDS set, only those; without, whoever can see the CS channel card. */
  isAgent(activity: Partial<Activity>): boolean {
    const ids = this.deps.settings.agentIds;
    if (ids.length === 0) return true;
    return ids.includes(activity.from?.aadObjectId ?? '') || ids.includes(activity.from?.id ?? '');
  }

  /** Keeps the reference of a personal chat, so a relay can run there later. */
  async remember(activity: Partial<Activity>): Promise<void> {
    if (activity.conversation?.conversationType !== 'personal') return;
    const id = agentIdOf(activity);
    if (id) await this.deps.references.saveUser(id, referenceOf(activity));
  }

  /** The agent taking a handoff, with the chat the relay will run in (null when none can be had). */
  async agentOf(context: TurnContext): Promise<HandoffAgent | null> {
    const activity = context.activity;
    const id = agentIdOf(activity);
    const chat = activity.conversation?.conversationType === 'personal' ? referenceOf(activity) : ((await this.deps.references.user(id)) ?? (await this.openChat(activity)));
    if (!chat?.conversation?.id) return null;
    return {
      id,
      name: activity.from?.name || id,
      conversationId: chat.conversation.id,
      reference: chat as Record<string, unknown>,
      language: langOfLocale(activity.locale),
    };
  }

  /** Opens (or finds: Teams keeps one per user) the 1:1 chat between the bot and the user. */
  private async openChat(activity: Partial<Activity>): Promise<Address | null> {
    const tenantId = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? activity.conversation?.tenantId;
    if (!activity.serviceUrl || !activity.from || !activity.recipient) return null;
    const parameters = {
      isGroup: false,
      bot: activity.recipient,
      members: [{ id: activity.from.id, name: activity.from.name }],
      ...(tenantId ? { tenantId, channelData: { tenant: { id: tenantId } } } : { channelData: {} }),
    } as ConversationParameters;
    let chat: Address | null = null;
    try {
      await this.deps.adapter.createConversationAsync(this.deps.appId, activity.channelId ?? 'msteams', activity.serviceUrl, CONNECTOR_AUDIENCE, parameters, async (context) => {
        chat = {
          channelId: context.activity.channelId,
          serviceUrl: context.activity.serviceUrl,
          conversation: { ...context.activity.conversation, conversationType: 'personal' },
          bot: activity.recipient,
          user: activity.from,
          ...(activity.locale ? { locale: activity.locale } : {}),
        } as Address;
      });
    } catch (err) {
      this.deps.log.warn({ err: String(err) }, 'could not open a chat with the agent');
      return null;
    }
    if (chat) await this.deps.references.saveUser(agentIdOf(activity), chat);
    return chat;
  }
}
