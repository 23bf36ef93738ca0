import type { RedisCommandSender } from '../store';

// "Alerted already" per process condition (issue 5: each alert once per condition, not on every check). A
// condition is claimed when its alert is posted and released when it clears, so it alerts again the next
// time it occurs. On Redis the claim is one HSETNX: with several instances checking, exactly one posts.

export interface AlertState {
  /** Marks the condition as alerted; false when it already was. */
  claim(key: string, at: Date): Promise<boolean>;
  /** Forgets the condition (it cleared, or its alert could not be sent): its next occurrence alerts again. */
  release(key: string): Promise<void>;
  /** The conditions currently marked, with when they were claimed. */
  claimed(): Promise<Map<string, string>>;
}

export class MemoryAlertState implements AlertState {
  private readonly keys = new Map<string, string>();

  async claim(key: string, at: Date): Promise<boolean> {
    if (this.keys.has(key)) return false;
    this.keys.set(key, at.toISOString());
    return true;
  }

  async release(key: string): Promise<void> {
    this.keys.delete(key);
  }

  async claimed(): Promise<Map<string, string>> {
    return new Map(this.keys);
  }
}

export interface RedisAlertStateOptions {
  client: RedisCommandSender;
  /** Key namespace, e.g. `rd:`; the state lives in the hash `<prefix>ops:alerts`. */
  prefix?: string;
}

export class RedisAlertState implements AlertState {
  private readonly client: RedisCommandSender;
  private readonly key: string;

  constructor(options: RedisAlertStateOptions) {
    this.client = options.client;
    this.key = `${options.prefix ?? 'rd:'}ops:alerts`;
  }

  async claim(key: string, at: Date): Promise<boolean> {
    return Number(await this.client.sendCommand(['HSETNX', this.key, key, at.toISOString()])) === 1;
  }

  async release(key: string): Promise<void> {
    await this.client.sendCommand(['HDEL', this.key, key]);
  }

  async claimed(): Promise<Map<string, string>> {
    // RESP2 answers a flat list of field, value; RESP3 a map (an object or a Map, depending on the client).
    const reply = await this.client.sendCommand<unknown>(['HGETALL', this.key]);
    const out = new Map<string, string>();
    if (Array.isArray(reply)) {
      for (let i = 0; i + 1 < reply.length; i += 2) out.set(String(reply[i]), String(reply[i + 1]));
    } else if (reply instanceof Map) {
      for (const [k, v] of reply) out.set(String(k), String(v));
    } else if (reply && typeof reply === 'object') {
      for (const [k, v] of Object.entries(reply)) out.set(k, String(v));
    }
    return out;
  }
}
