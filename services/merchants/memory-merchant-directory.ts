import { DEMO_LINK_CODES, generateLinkCode, hashLinkCode, normalizeLinkCode } from './link-code';
import {
  byBoundAtThenUser,
  checkShopId,
  checkTtl,
  checkUser,
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

// In-process directory for development without Redis: lost on restart, like every in-memory port.
// Each method reads and writes with no await in between, so redeems of one code cannot interleave.

interface CodeRecord {
  shopId: string;
  expiresAtMs: number;
  forgetAtMs: number;
  usedAt?: string;
  usedBy?: string;
}

export class MemoryMerchantDirectory implements MerchantDirectory {
  private readonly options: ResolvedDirectoryOptions;
  private readonly codes = new Map<string, CodeRecord>();
  private readonly bindings = new Map<string, MerchantBinding>();

  constructor(options: MerchantDirectoryOptions) {
    this.options = resolveDirectoryOptions(options);
  }

  async redeem(rawCode: string, user: MerchantUserRef, now: Date): Promise<RedeemResult> {
    checkUser(user);
    const code = normalizeLinkCode(rawCode);
    if (code === null) return { ok: false, error: { kind: 'unknown_code' } };
    const demoShop = this.options.demoCodes ? DEMO_LINK_CODES[code] : undefined;
    let record: CodeRecord | undefined;
    if (demoShop === undefined) {
      const hash = hashLinkCode(code);
      record = this.codes.get(hash);
      if (record && record.forgetAtMs <= now.getTime()) {
        this.codes.delete(hash);
        record = undefined;
      }
      if (!record) return { ok: false, error: { kind: 'unknown_code' } };
      if (record.usedAt !== undefined) return { ok: false, error: { kind: 'used' } };
      if (record.expiresAtMs <= now.getTime()) return { ok: false, error: { kind: 'expired' } };
    }
    const shopId = demoShop ?? record!.shopId;
    const { binding, redeemed } = nextBinding(this.bindings.get(user.userId) ?? null, shopId, user, now);
    if (record) {
      record.usedAt = now.toISOString();
      record.usedBy = user.userId;
    }
    this.bindings.set(user.userId, binding);
    return { ok: true, value: redeemed };
  }

  async shopOf(userId: string): Promise<string | null> {
    return this.bindings.get(userId)?.shopId ?? null;
  }

  async merchantsOf(shopId: string): Promise<MerchantBinding[]> {
    return [...this.bindings.values()].filter((b) => b.shopId === shopId).sort(byBoundAtThenUser).map((b) => structuredClone(b));
  }

  async markUnreachable(userId: string, reason: string, now: Date): Promise<boolean> {
    const binding = this.bindings.get(userId);
    if (!binding) return false;
    // The first failure's time is kept: "unreachable since" is when it started.
    binding.unreachable = { reason, since: binding.unreachable?.since ?? now.toISOString() };
    return true;
  }

  async markReachable(userId: string): Promise<boolean> {
    const binding = this.bindings.get(userId);
    if (!binding?.unreachable) return false;
    delete binding.unreachable;
    return true;
  }

  async issue(shopId: string, now: Date, ttlMs: number = this.options.codeTtlMs): Promise<IssuedCode> {
    checkShopId(shopId);
    checkTtl(ttlMs);
    const expiresAtMs = now.getTime() + ttlMs;
    for (;;) {
      const code = generateLinkCode();
      const hash = hashLinkCode(code);
      const existing = this.codes.get(hash);
      if (existing && existing.forgetAtMs > now.getTime()) continue;
      this.codes.set(hash, { shopId, expiresAtMs, forgetAtMs: expiresAtMs + this.options.codeRetentionMs });
      return { code, shopId, expiresAt: new Date(expiresAtMs).toISOString() };
    }
  }
}
