import { createHash } from 'node:crypto';

// Who the staff terminal client is in "Teams": a user with a Teams id (29:...) and an Azure AD object id, in one
// tenant, talking to the bot in a personal chat or in the CS team's channel. The ids are derived from the name,
// so the same name is the same person every time (the bot links merchants and knows agents by aadObjectId).

export interface TeamsAccount {
  /** The Teams user id: `29:<name>`. */
  id: string;
  aadObjectId: string;
  name: string;
}

/** The tenant every terminal user belongs to (a made-up one: nothing checks it without an app id). */
export const TERMINAL_TENANT_ID = 'f5b6c0de-7e12-4c2a-9d3b-52a1e0c0ffee';
export const TERMINAL_TEAM = { id: '19:refund-desk-team@thread.tacv2', name: 'Refund Desk CS' } as const;
/** The bot as Teams names it in activities: `28:` and its app id. */
export const BOT_ACCOUNT = { id: '28:refund-desk', name: 'Refund Desk' } as const;

// Names are hashed under this namespace (RFC 4122 name-based UUID, version 5).
const NAMESPACE = Buffer.from('3c1e7b0a5d2f4e8c9b6a1f0e2d3c4b5a', 'hex');

/** A stable UUID for a name: the same name always gives the same aadObjectId. */
export function aadObjectIdOf(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function teamsAccount(name: string): TeamsAccount {
  return { id: `29:${name}`, aadObjectId: aadObjectIdOf(name), name };
}

/** Where a user's client listens unless told otherwise: one of 1,000 ports, the same for the same name. */
export function listenerPortOf(name: string): number {
  return 47_000 + (createHash('sha256').update(`refund-desk-listener:${name}`, 'utf8').digest().readUInt16BE(0) % 1_000);
}

/** The user's 1:1 chat with the bot (Teams keeps one per user and app). */
export function personalConversationId(account: TeamsAccount): string {
  return `a:terminal-${account.aadObjectId}`;
}
