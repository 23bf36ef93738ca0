import type { ChannelAccount, TurnContext } from 'botbuilder';
import type { Clock } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { CsAgent, CsAgents } from './cs-agents';

// Who may act on CS cards: the CS channel's members (fetched through the Bot Connector of the turn) and the
// agents named in the configuration. Someone unknown who clicks makes the roster be fetched again (at most once
// a minute): Teams membership events are as unreliable as install events.

export interface CsRosterOptions {
  agents: CsAgents;
  /** CS_AGENT_IDS: Teams user ids or aadObjectIds. */
  configured: readonly string[];
  csChannelId: string | undefined;
  clock: Clock;
  log: Logger;
  refetchAfterMs?: number;
}

/** The part of the turn's Bot Connector client used here (botframework-connector is not a direct dependency). */
interface MembersClient {
  conversations: { getConversationMembers(conversationId: string): Promise<ChannelAccount[]> };
}

/** Teams shows a refreshed card automatically to at most 60 users. */
const MAX_REFRESH_USERS = 60;

export class CsDirectory {
  private readonly refetchAfterMs: number;

  constructor(private readonly o: CsRosterOptions) {
    this.refetchAfterMs = o.refetchAfterMs ?? 60_000;
  }

  /** The agent behind the sender of an activity, or null when they are not one. */
  async agentOf(from: Partial<ChannelAccount> | undefined): Promise<CsAgent | null> {
    if (!from?.id) return null;
    const ids = [from.aadObjectId, from.id].filter((v): v is string => typeof v === 'string' && v !== '');
    for (const id of ids) {
      const found = await this.o.agents.find(id);
      if (found) return { ...found, ...(from.name ? { name: from.name } : {}) };
    }
    if (ids.some((id) => this.o.configured.includes(id))) {
      return { id: from.id, ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}), ...(from.name ? { name: from.name } : {}) };
    }
    return null;
  }

  /** As agentOf, fetching the roster again first when the sender is unknown and the roster is not fresh. */
  async agentOfTurn(context: TurnContext): Promise<CsAgent | null> {
    const known = await this.agentOf(context.activity.from);
    if (known) return known;
    const roster = await this.o.agents.roster();
    const age = roster ? this.o.clock.now().getTime() - Date.parse(roster.fetchedAt) : Infinity;
    if (age < this.refetchAfterMs) return null;
    if (!(await this.refresh(context))) return null;
    return this.agentOf(context.activity.from);
  }

  /** Fetches the CS channel's members through the turn's connector; false when that failed. */
  async refresh(context: TurnContext): Promise<boolean> {
    const channelId = this.o.csChannelId;
    if (!channelId) return false;
    const client = context.turnState.get<MembersClient | undefined>(context.adapter.ConnectorClientKey);
    if (!client) return false;
    try {
      const members = await client.conversations.getConversationMembers(channelId);
      const botId = context.activity.recipient?.id;
      const agents: CsAgent[] = (members as (ChannelAccount & { aadObjectId?: string })[])
        .filter((m) => m.id && m.id !== botId)
        .map((m) => ({ id: m.id, ...(m.aadObjectId ? { aadObjectId: m.aadObjectId } : {}), ...(m.name ? { name: m.name } : {}) }));
      await this.o.agents.replace(agents, this.o.clock.now());
      this.o.log.info({ channelId, agents: agents.length }, 'CS agents fetched from the channel');
      return true;
    } catch (err) {
      this.o.log.warn({ channelId, err: err instanceof Error ? err.message : String(err) }, 'could not fetch the CS channel members');
      return false;
    }
  }

  /** Teams user ids for a card's automatic refresh. */
  async refreshUserIds(): Promise<string[]> {
    const roster = await this.o.agents.roster();
    const ids = new Set<string>((roster?.agents ?? []).map((a) => a.id));
    for (const id of this.o.configured) if (id.startsWith('29:')) ids.add(id);
    return [...ids].slice(0, MAX_REFRESH_USERS);
  }

  /** A CS actor's display name (for "already decided by ..."), or null when unknown. */
  async nameOf(userId: string): Promise<string | null> {
    return (await this.o.agents.find(userId))?.name ?? null;
  }
}
