import type { ConversationReference } from 'botbuilder';

// Where to reach staff in Teams: a personal chat per user (by aadObjectId) and the CS desk channel. Written on
// install and on every message (install events are unreliable).

export type Reference = Partial<ConversationReference>;

export interface StaffReferences {
  saveUser(userId: string, reference: Reference): Promise<void>;
  user(userId: string): Promise<Reference | null>;
  saveChannel(channelId: string, reference: Reference): Promise<void>;
  channel(channelId: string): Promise<Reference | null>;
}

export class MemoryStaffReferences implements StaffReferences {
  private readonly entries = new Map<string, string>();
  async saveUser(userId: string, reference: Reference): Promise<void> {
    this.entries.set(`user:${userId}`, JSON.stringify(reference));
  }
  async user(userId: string): Promise<Reference | null> {
    return this.read(`user:${userId}`);
  }
  async saveChannel(channelId: string, reference: Reference): Promise<void> {
    this.entries.set(`channel:${channelId}`, JSON.stringify(reference));
  }
  async channel(channelId: string): Promise<Reference | null> {
    return this.read(`channel:${channelId}`);
  }
  private read(key: string): Reference | null {
    const raw = this.entries.get(key);
    return raw ? (JSON.parse(raw) as Reference) : null;
  }
}

export interface StaffReferencesClient {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<unknown>;
}

export class RedisStaffReferences implements StaffReferences {
  constructor(private readonly options: { client: StaffReferencesClient; prefix?: string }) {}
  private key(kind: string, id: string): string {
    return `${this.options.prefix ?? 'rd:'}staffref:${kind}:${id}`;
  }
  async saveUser(userId: string, reference: Reference): Promise<void> {
    await this.options.client.set(this.key('user', userId), JSON.stringify(reference));
  }
  async user(userId: string): Promise<Reference | null> {
    return this.read(this.key('user', userId));
  }
  async saveChannel(channelId: string, reference: Reference): Promise<void> {
    await this.options.client.set(this.key('channel', channelId), JSON.stringify(reference));
  }
  async channel(channelId: string): Promise<Reference | null> {
    return this.read(this.key('channel', channelId));
  }
  private async read(key: string): Promise<Reference | null> {
    const raw = await this.options.client.get(key);
    return raw ? (JSON.parse(raw) as Reference) : null;
  }
}
