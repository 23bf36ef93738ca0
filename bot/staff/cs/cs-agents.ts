import type { RedisCommandSender } from '../../../services/store';

// Who the CS agents are: the members of the CS channel, as last fetched from Teams (on install, when members
// change, and when someone unknown clicks a CS card). Kept whole, replaced whole: the roster is small and a
// partial update could leave a removed agent able to act.

export interface CsAgent {
  /** The Teams user id (29:...). */
  id: string;
  aadObjectId?: string;
  name?: string;
}

export interface CsRoster {
  agents: CsAgent[];
  /** ISO time the roster was fetched. */
  fetchedAt: string;
}

export interface CsAgents {
  /** Replaces the roster with the channel's members as just fetched. */
  replace(agents: readonly CsAgent[], at: Date): Promise<void>;
  /** The roster, or null when it was never fetched. */
  roster(): Promise<CsRoster | null>;
  /** The agent whose Teams id or aadObjectId is `userId`, or null. */
  find(userId: string): Promise<CsAgent | null>;
}

function findIn(roster: CsRoster | null, userId: string): CsAgent | null {
  if (!roster || !userId) return null;
  return roster.agents.find((a) => a.id === userId || (a.aadObjectId !== undefined && a.aadObjectId === userId)) ?? null;
}

function clean(agents: readonly CsAgent[]): CsAgent[] {
  return agents
    .filter((a) => typeof a.id === 'string' && a.id !== '')
    .map((a) => ({ id: a.id, ...(a.aadObjectId ? { aadObjectId: a.aadObjectId } : {}), ...(a.name ? { name: a.name } : {}) }));
}

/** In-process roster for running without Redis. */
export class MemoryCsAgents implements CsAgents {
  private current: string | null = null;

  async replace(agents: readonly CsAgent[], at: Date): Promise<void> {
    this.current = JSON.stringify({ agents: clean(agents), fetchedAt: at.toISOString() } satisfies CsRoster);
  }

  async roster(): Promise<CsRoster | null> {
    return this.current ? (JSON.parse(this.current) as CsRoster) : null;
  }

  async find(userId: string): Promise<CsAgent | null> {
    return findIn(await this.roster(), userId);
  }
}

export interface RedisCsAgentsOptions {
  client: RedisCommandSender;
  /** Key namespace; the roster lives under `<prefix>cs:agents`. */
  prefix: string;
}

/** The roster in one Redis string, so every instance sees the same agents and a replace is atomic. */
export class RedisCsAgents implements CsAgents {
  private readonly key: string;

  constructor(private readonly options: RedisCsAgentsOptions) {
    this.key = `${options.prefix}cs:agents`;
  }

  async replace(agents: readonly CsAgent[], at: Date): Promise<void> {
    await this.options.client.sendCommand(['SET', this.key, JSON.stringify({ agents: clean(agents), fetchedAt: at.toISOString() } satisfies CsRoster)]);
  }

  async roster(): Promise<CsRoster | null> {
    const raw = await this.options.client.sendCommand<string | null>(['GET', this.key]);
    return typeof raw === 'string' ? (JSON.parse(raw) as CsRoster) : null;
  }

  async find(userId: string): Promise<CsAgent | null> {
    return findIn(await this.roster(), userId);
  }
}
