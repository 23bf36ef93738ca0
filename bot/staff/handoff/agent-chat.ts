import type { TurnContext } from 'botbuilder';
import type { HandoffQueue } from '../../../services/handoff';
import { translator } from '../../i18n';
import type { StaffInstallHandler, StaffMessageHandler } from '../staff-router';
import type { Agents } from './agents';
import { agentIdOf } from './agents';
import type { HandoffChannel } from './channel';
import type { HandBack } from './handback';
import type { Relay } from './relay';

// Messages in Teams: an agent who owns a buyer's conversation talks to the buyer from their chat with the bot
// (to the buyer in focus: the last one taken or chosen), and "end" / "结束" hands it back. Messages of anyone
// else, or from chats with no relay, are left for the other desks. Every message and install also tells the
// desk where the CS channel and the agents' chats are.

const END_WORDS: ReadonlySet<string> = new Set(['end', 'end chat', '结束', '结束对话', '结束会话']);

export class AgentChat implements StaffMessageHandler, StaffInstallHandler {
  constructor(
    private readonly deps: { queue: HandoffQueue; agents: Agents; channel: HandoffChannel; relay: Relay; handBack: HandBack },
  ) {}

  async onInstall(context: TurnContext): Promise<void> {
    await this.remember(context);
  }

  async onMessage(context: TurnContext): Promise<boolean> {
    await this.remember(context);
    const activity = context.activity;
    if (activity.conversation?.conversationType !== 'personal') return false;
    const [handoff] = await this.deps.queue.byAgentConversation(activity.conversation.id);
    if (!handoff || handoff.agent?.id !== agentIdOf(activity)) return false;

    const text = (activity.text ?? '').trim().toLowerCase().replace(/[。.!！]+$/u, '');
    const t = translator(this.deps.relay.agentLang(handoff));
    if (END_WORDS.has(text)) {
      const ended = await this.deps.handBack.end(handoff, { role: 'cs', id: handoff.agent.id, name: handoff.agent.name });
      if (ended.ok) await context.sendActivity(t('handoffDesk.relay.ended', { buyer: await this.deps.relay.buyerName(handoff) }));
      return true;
    }
    if (!(await this.deps.relay.agentToBuyer(handoff, activity))) await context.sendActivity(t('handoffDesk.relay.notDelivered'));
    return true;
  }

  private async remember(context: TurnContext): Promise<void> {
    await Promise.all([this.deps.channel.remember(context.activity), this.deps.agents.remember(context.activity)]);
  }
}
