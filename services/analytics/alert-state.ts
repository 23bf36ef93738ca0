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
    const flat = (await this.client.sendCommand<string[]>(['HGETALL', this.key])).map(String);
    const out = new Map<string, string>();
    for (let i = 0; i + 1 < flat.length; i += 2) out.set(flat[i]!, flat[i + 1]!);
    return out;
  }
}
