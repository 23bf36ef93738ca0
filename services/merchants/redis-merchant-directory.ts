import type { RedisCommandSender } from '../store';
import { DEMO_LINK_CODES, generateLinkCode, hashLinkCode, normalizeLinkCode } from './link-code';
import {
  byBoundAtThenUser,
  checkShopId,
  checkTtl,
  checkUser,
  MerchantBindingSchema,
  nextBinding,
  resolveDirectoryOptions,
  type IssuedCode,
  type MerchantBinding,
  type MerchantDirectory,
  type MerchantDirectoryOptions,
  type MerchantUserRef,
  type RedeemResult,
  type ResolvedDirectoryOptions,
} from './merchant-directory';
import { REDEEM_SCRIPT, sha1, SWAP_SCRIPT } from './redis-merchant-scripts';

// Keys, under the deployment's prefix:
//   merchant:code:<sha256 of the code>  JSON {shopId, expiresAtMs, forgetAtMs, usedAt?, usedBy?}, expires with forgetAtMs
//   merchant:user:<user id>             JSON MerchantBinding
//   merchant:shop:<shop id>             sorted set of user ids scored by boundAt (ms)
// The binding is the truth; the shop sets are kept in step with it by the same scripts.

export interface RedisMerchantDirectoryOptions extends MerchantDirectoryOptions {
  client: RedisCommandSender;
  /** Default `rd:`, the store's prefix. */
  prefix?: string;
}

interface CodeRecord {
  shopId: string;
  expiresAtMs: string;
  forgetAtMs: string;
  usedAt?: string;
  usedBy?: string;
}

type RedeemReply = ['ok'] | ['unknown_code'] | ['used'] | ['expired'] | ['retry'];

// A retry means another redeem or mark for the same user (or code) landed between the read and the script.
const MAX_ATTEMPTS = 20;
const REDEEM_SHA = sha1(REDEEM_SCRIPT);
const SWAP_SHA = sha1(SWAP_SCRIPT);

export class RedisMerchantDirectory implements MerchantDirectory {
  private readonly client: RedisCommandSender;
  private readonly prefix: string;
  private readonly options: ResolvedDirectoryOptions;

  constructor(options: RedisMerchantDirectoryOptions) {
    this.client = options.client;
    this.prefix = options.prefix ?? 'rd:';
    this.options = resolveDirectoryOptions(options);
  }

  async redeem(rawCode: string, user: MerchantUserRef, now: Date): Promise<RedeemResult> {
    checkUser(user);
    const code = normalizeLinkCode(rawCode);
    if (code === null) return { ok: false, error: { kind: 'unknown_code' } };
    const demoShop = this.options.demoCodes ? DEMO_LINK_CODES[code] : undefined;
    const codeKey = this.codeKey(hashLinkCode(code));
    const userKey = this.userKey(user.userId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      let shopId = demoShop;
      if (shopId === undefined) {
        const raw = await this.client.sendCommand<string | null>(['GET', codeKey]);
        if (raw === null) return { ok: false, error: { kind: 'unknown_code' } };
        shopId = (JSON.parse(raw) as CodeRecord).shopId;
      }
      const currentRaw = await this.client.sendCommand<string | null>(['GET', userKey]);
      const current = currentRaw === null ? null : parseBinding(currentRaw);
      const { binding, redeemed } = nextBinding(current, shopId, user, now);
      const newShopKey = this.shopKey(shopId);
      const reply = await this.script<RedeemReply>(REDEEM_SCRIPT, REDEEM_SHA, [codeKey, userKey, newShopKey, current ? this.shopKey(current.shopId) : newShopKey], [
        demoShop === undefined ? 'issued' : 'demo',
        String(now.getTime()),
        currentRaw ?? '',
        JSON.stringify(binding),
        user.userId,
        String(Date.parse(binding.boundAt)),
        now.toISOString(),
        shopId,
      ]);
      switch (reply[0]) {
        case 'ok':
          return { ok: true, value: redeemed };
        case 'unknown_code':
        case 'used':
        case 'expired':
          return { ok: false, error: { kind: reply[0] } };
        case 'retry':
          continue;
        default: {
          const unexpected: never = reply;
          throw new Error(`unexpected redeem reply ${JSON.stringify(unexpected)}`);
        }
      }
    }
    throw new Error(`redeem: the binding of ${user.userId} kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  async shopOf(userId: string): Promise<string | null> {
    return (await this.binding(userId))?.shopId ?? null;
  }

  async merchantsOf(shopId: string): Promise<MerchantBinding[]> {
    const userIds = await this.client.sendCommand<string[]>(['ZRANGE', this.shopKey(shopId), '0', '-1']);
    if (userIds.length === 0) return [];
    const raws = await this.client.sendCommand<(string | null)[]>(['MGET', ...userIds.map((id) => this.userKey(id))]);
    // A binding read between two scripts may already name another shop: the binding wins.
    return raws
      .flatMap((raw) => (raw === null ? [] : [parseBinding(raw)]))
      .filter((b) => b.shopId === shopId)
      .sort(byBoundAtThenUser);
  }

  async markUnreachable(userId: string, reason: string, now: Date): Promise<boolean> {
    return this.update(userId, (b) => ({ ...b, unreachable: { reason, since: b.unreachable?.since ?? now.toISOString() } }));
  }

  async markReachable(userId: string): Promise<boolean> {
    return this.update(userId, (b) => {
      if (!b.unreachable) return null;
      const { unreachable: _dropped, ...rest } = b;
      return rest;
    });
  }

  async issue(shopId: string, now: Date, ttlMs: number = this.options.codeTtlMs): Promise<IssuedCode> {
    checkShopId(shopId);
    checkTtl(ttlMs);
    const expiresAtMs = now.getTime() + ttlMs;
    const forgetAtMs = expiresAtMs + this.options.codeRetentionMs;
    const record: CodeRecord = { shopId, expiresAtMs: String(expiresAtMs), forgetAtMs: String(forgetAtMs) };
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const code = generateLinkCode();
      // Redis expires the record on its own clock, by duration: the caller's `now` may be a test clock.
      const set = await this.client.sendCommand<string | null>(['SET', this.codeKey(hashLinkCode(code)), JSON.stringify(record), 'PX', String(forgetAtMs - now.getTime()), 'NX']);
      if (set === 'OK') return { code, shopId, expiresAt: new Date(expiresAtMs).toISOString() };
    }
    throw new Error(`issue: no free link code after ${MAX_ATTEMPTS} attempts`);
  }

  private async binding(userId: string): Promise<MerchantBinding | null> {
    const raw = await this.client.sendCommand<string | null>(['GET', this.userKey(userId)]);
    return raw === null ? null : parseBinding(raw);
  }

  /** Read, change, compare-and-set; `change` returns null for "nothing to do". */
  private async update(userId: string, change: (b: MerchantBinding) => MerchantBinding | null): Promise<boolean> {
    const key = this.userKey(userId);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const raw = await this.client.sendCommand<string | null>(['GET', key]);
      if (raw === null) return false;
      const next = change(parseBinding(raw));
      if (next === null) return false;
      if ((await this.script<number>(SWAP_SCRIPT, SWAP_SHA, [key], [raw, JSON.stringify(next)])) === 1) return true;
    }
    throw new Error(`merchant directory: the binding of ${userId} kept changing; gave up after ${MAX_ATTEMPTS} attempts`);
  }

  private async script<T>(source: string, sha: string, keys: string[], args: string[]): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.client.sendCommand<T>(['EVALSHA', sha, ...tail]);
    } catch (err) {
      // The script cache is empty after a restart, a failover or SCRIPT FLUSH: EVAL loads it again.
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.client.sendCommand<T>(['EVAL', source, ...tail]);
    }
  }

  private codeKey(hash: string): string {
    return `${this.prefix}merchant:code:${hash}`;
  }

  private userKey(userId: string): string {
    return `${this.prefix}merchant:user:${userId}`;
  }

  private shopKey(shopId: string): string {
    return `${this.prefix}merchant:shop:${shopId}`;
  }
}

function parseBinding(raw: string): MerchantBinding {
  return MerchantBindingSchema.parse(JSON.parse(raw));
}
