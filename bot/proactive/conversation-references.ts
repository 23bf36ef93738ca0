import type { Activity, ConversationReference } from 'botbuilder';
import { TurnContext } from 'botbuilder';
import type { RedisCommandSender } from '../../services/store';

// Where to reach a buyer later: the conversation reference of their latest message, and of the conversation a
// case was filed from. Proactive messages are sent with these (DESIGN.md §5: store it on every message, since
// install events are unreliable).

export type StoredReference = Partial<ConversationReference>;

export interface ConversationReferenceStore {
  saveForBuyer(buyerId: string, reference: StoredReference): Promise<void>;
  /** The reference of the buyer's latest conversation, or null. */
  forBuyer(buyerId: string): Promise<StoredReference | null>;
  saveForCase(caseId: string, reference: StoredReference): Promise<void>;
  /** The reference of the conversation the case was filed from, or null. */
  forCase(caseId: string): Promise<StoredReference | null>;
}

/**
 * The reference to keep for an incoming activity. The incoming activity's id is dropped: kept, it would turn
 * every later proactive message into a reply to that old message instead of a new message in the conversation.
 */
export function referenceOf(activity: Partial<Activity>): StoredReference {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(activity);
  return JSON.parse(JSON.stringify(reference)) as StoredReference;
}

/** JSON with sorted keys: two references are the same when their canonical texts are equal. */
export function canonicalReference(reference: StoredReference): string {
  const sort = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(sort);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, v]) => v !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, sort(v)]),
      );
    }
    return value;
  };
  return JSON.stringify(sort(reference));
}

/** In-process store for running without Redis (lost on restart). */
export class MemoryConversationReferences implements ConversationReferenceStore {
  private readonly buyers = new Map<string, string>();
  private readonly cases = new Map<string, string>();

  async saveForBuyer(buyerId: string, reference: StoredReference): Promise<void> {
    this.buyers.set(buyerId, JSON.stringify(reference));
  }

  async forBuyer(buyerId: string): Promise<StoredReference | null> {
    return parse(this.buyers.get(buyerId) ?? null);
  }

  async saveForCase(caseId: string, reference: StoredReference): Promise<void> {
    this.cases.set(caseId, JSON.stringify(reference));
  }

  async forCase(caseId: string): Promise<StoredReference | null> {
    return parse(this.cases.get(caseId) ?? null);
  }
}

export interface RedisConversationReferencesOptions {
  /** Any node-redis client. */
  client: RedisCommandSender;
  /** Namespace of the keys: `<prefix>convref:buyer:<id>` and `<prefix>convref:case:<id>`. */
  prefix?: string;
  /**
   * Expiry of a reference, renewed whenever it is written: a buyer silent this long is reached again only after
   * they write. Default 180 days (refund cases, returns and disputes included, are over well before that).
   */
  ttlSeconds?: number;
}

const DEFAULT_TTL_SECONDS = 180 * 24 * 3600;

export class RedisConversationReferences implements ConversationReferenceStore {
  private readonly client: RedisCommandSender;
  private readonly prefix: string;
  private readonly ttlSeconds: number;

  constructor(options: RedisConversationReferencesOptions) {
    this.client = options.client;
    this.prefix = `${options.prefix ?? 'rd:bot:'}convref:`;
    this.ttlSeconds = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  }

  saveForBuyer(buyerId: string, reference: StoredReference): Promise<void> {
    return this.save(`buyer:${buyerId}`, reference);
  }

  forBuyer(buyerId: string): Promise<StoredReference | null> {
    return this.load(`buyer:${buyerId}`);
  }

  saveForCase(caseId: string, reference: StoredReference): Promise<void> {
    return this.save(`case:${caseId}`, reference);
  }

  forCase(caseId: string): Promise<StoredReference | null> {
    return this.load(`case:${caseId}`);
  }

  private async save(key: string, reference: StoredReference): Promise<void> {
    const args = ['SET', this.prefix + key, JSON.stringify(reference)];
    if (this.ttlSeconds > 0) args.push('EX', String(this.ttlSeconds));
    await this.client.sendCommand(args);
  }

  private async load(key: string): Promise<StoredReference | null> {
    const value = await this.client.sendCommand<string | null>(['GET', this.prefix + key]);
    return parse(value === null || value === undefined ? null : String(value));
  }
}

function parse(json: string | null): StoredReference | null {
  return json === null ? null : (JSON.parse(json) as StoredReference);
}
