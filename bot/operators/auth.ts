import { createHash, timingSafeEqual } from 'node:crypto';

// Bearer tokens of the operator API, from OPERATOR_TOKENS. An entry is `name:token` (the name is what the
// request log shows) or a bare token (logged as `token-` and the first 8 hex digits of its SHA-256). Tokens are
// compared as SHA-256 digests in constant time, every configured token each time.

export interface OperatorToken {
  id: string;
  digest: Buffer;
}

export type AuthResult =
  | { ok: true; tokenId: string }
  | { ok: false; error: { kind: 'disabled' } | { kind: 'missing' } | { kind: 'invalid' } };

const NAMED = /^([A-Za-z0-9_.-]{1,32}):(.+)$/;

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

export function parseOperatorTokens(entries: readonly string[]): OperatorToken[] {
  return entries.map((entry) => {
    const named = NAMED.exec(entry);
    const token = named ? named[2]! : entry;
    const digest = sha256(token);
    return { id: named ? named[1]! : `token-${digest.toString('hex').slice(0, 8)}`, digest };
  });
}

export function authenticate(header: string | undefined, tokens: readonly OperatorToken[]): AuthResult {
  if (tokens.length === 0) return { ok: false, error: { kind: 'disabled' } };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return { ok: false, error: { kind: 'missing' } };
  const presented = sha256(match[1]!);
  let found: string | null = null;
  for (const t of tokens) if (timingSafeEqual(presented, t.digest) && found === null) found = t.id;
  return found === null ? { ok: false, error: { kind: 'invalid' } } : { ok: true, tokenId: found };
}
