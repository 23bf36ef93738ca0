import { z } from 'zod';

// Which Teams users act for which shop (DESIGN.md §2: merchants see and act on their own shop's cases only; a
// shop may have several merchant users). A user links themself with a one-time code from the merchant platform.

export const DEFAULT_CODE_TTL_MS = 24 * 60 * 60 * 1000;
/** How long a used or expired code is remembered, so its redeemer hears "used"/"expired" rather than "unknown". */
export const DEFAULT_CODE_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/** A Teams user: the AAD object id when the channel gives one (stable across chats), else the channel user id. */
export interface MerchantUserRef {
  userId: string;
  name?: string;
}

export const UnreachableSchema = z.object({ reason: z.string(), since: z.string() });
export type Unreachable = z.infer<typeof UnreachableSchema>;

export const MerchantBindingSchema = z.object({
  userId: z.string().min(1),
  shopId: z.string().min(1),
  name: z.string().optional(),
  /** When the user was linked to this shop (unchanged by linking to the same shop again). */
  boundAt: z.string(),
  /** Proactive messages to this user fail (blocked or removed the app): the shop's other merchants still get them. */
  unreachable: UnreachableSchema.optional(),
});
export type MerchantBinding = z.infer<typeof MerchantBindingSchema>;

export type RedeemError = { kind: 'unknown_code' } | { kind: 'expired' } | { kind: 'used' };

export interface Redeemed {
  shopId: string;
  /** The user was linked to another shop until now, and no longer is. */
  rebound: boolean;
  /** The shop the user was linked to before this code (the same shop when linking again), or null. */
  previousShopId: string | null;
}

export type RedeemResult = { ok: true; value: Redeemed } | { ok: false; error: RedeemError };

export interface IssuedCode {
  code: string;
  shopId: string;
  expiresAt: string;
}

export interface MerchantDirectory {
  /** Links the user to the code's shop; an issued code works once. A refused code changes nothing. */
  redeem(code: string, user: MerchantUserRef, now: Date): Promise<RedeemResult>;
  shopOf(userId: string): Promise<string | null>;
  /** The shop's merchant users, earliest linked first. */
  merchantsOf(shopId: string): Promise<MerchantBinding[]>;
  /** Returns false when the user is not linked to any shop (nothing is recorded then). */
  markUnreachable(userId: string, reason: string, now: Date): Promise<boolean>;
  /** Returns true when the user was marked unreachable. */
  markReachable(userId: string): Promise<boolean>;
  /** A new single-use code for the shop, valid for ttlMs (default 24 h). */
  issue(shopId: string, now: Date, ttlMs?: number): Promise<IssuedCode>;
}

export interface MerchantDirectoryOptions {
  /** Accept the demo codes (LINK-201, LINK-202) any number of times: only while no signing secret is configured. */
  demoCodes: boolean;
  /** Validity of issued codes when `issue` is given none. Default 24 h. */
  codeTtlMs?: number;
  /** Default 7 days. */
  codeRetentionMs?: number;
}

export interface ResolvedDirectoryOptions {
  demoCodes: boolean;
  codeTtlMs: number;
  codeRetentionMs: number;
}

export function resolveDirectoryOptions(options: MerchantDirectoryOptions): ResolvedDirectoryOptions {
  const resolved = {
    demoCodes: options.demoCodes,
    codeTtlMs: options.codeTtlMs ?? DEFAULT_CODE_TTL_MS,
    codeRetentionMs: options.codeRetentionMs ?? DEFAULT_CODE_RETENTION_MS,
  };
  checkTtl(resolved.codeTtlMs);
  if (!Number.isSafeInteger(resolved.codeRetentionMs) || resolved.codeRetentionMs < 0) throw new RangeError('codeRetentionMs must be an integer >= 0');
  return resolved;
}

export function checkTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`link code TTL must be a positive integer of ms, got ${ttlMs}`);
}

export function checkShopId(shopId: string): void {
  if (typeof shopId !== 'string' || shopId.trim() === '') throw new Error('issue: shopId must not be empty');
}

export function checkUser(user: MerchantUserRef): void {
  if (typeof user?.userId !== 'string' || user.userId.trim() === '') throw new Error('redeem: userId must not be empty');
}

/**
 * The binding after a successful redeem: linking again to the same shop keeps the original date (and refreshes
 * the name); either way the user talks to the bot, so any "unreachable" mark goes.
 */
export function nextBinding(current: MerchantBinding | null, shopId: string, user: MerchantUserRef, now: Date): { binding: MerchantBinding; redeemed: Redeemed } {
  const sameShop = current !== null && current.shopId === shopId;
  const name = user.name?.trim() || current?.name;
  const binding: MerchantBinding = {
    userId: user.userId,
    shopId,
    ...(name ? { name } : {}),
    boundAt: sameShop ? current.boundAt : now.toISOString(),
  };
  return { binding, redeemed: { shopId, rebound: current !== null && !sameShop, previousShopId: current?.shopId ?? null } };
}

export function byBoundAtThenUser(a: MerchantBinding, b: MerchantBinding): number {
  return a.boundAt < b.boundAt ? -1 : a.boundAt > b.boundAt ? 1 : a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0;
}
