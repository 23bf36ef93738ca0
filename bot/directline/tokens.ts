import { createHmac, timingSafeEqual } from 'node:crypto';

// Direct Line tokens of the built-in endpoint: `dl1.<claims>.<signature>`, HMAC-SHA256 over the claims with a key
// derived for this one purpose, so the same configured secret can never sign anything else by accident. A token
// names one conversation and one buyer; whoever holds it may read and post in that conversation only.
// `use: 'stream'` tokens go into WebSocket URLs (a browser cannot send headers there): they live minutes, not
// half an hour, since URLs end up in more places than headers.

export type TokenUse = 'dl' | 'stream';

export interface DirectLineClaims {
  /** Conversation id. */
  cid: string;
  /** Buyer id. */
  sub: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
  use: TokenUse;
}

export type TokenVerdict =
  | { ok: true; claims: DirectLineClaims }
  | { ok: false; error: { kind: 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'wrong_use' } };

const PREFIX = 'dl1';
const MAX_TOKEN_LENGTH = 2048;

export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (Buffer.byteLength(secret) < 16) throw new Error('DirectLineTokens: the secret must be at least 16 bytes');
    this.key = createHmac('sha256', secret).update('refund-desk/direct-line-token/v1').digest();
  }

  issue(claims: DirectLineClaims): string {
    const body = Buffer.from(JSON.stringify({ cid: claims.cid, sub: claims.sub, exp: claims.exp, use: claims.use })).toString('base64url');
    return `${PREFIX}.${body}.${this.sign(body).toString('base64url')}`;
  }

  verify(token: unknown, use: TokenUse | readonly TokenUse[], now: Date): TokenVerdict {
    if (typeof token !== 'string' || token === '') return fail('missing');
    if (token.length > MAX_TOKEN_LENGTH) return fail('malformed');
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== PREFIX) return fail('malformed');
    const [, body, signature] = parts as [string, string, string];
    const given = Buffer.from(signature, 'base64url');
    const expected = this.sign(body);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return fail('bad_signature');
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return fail('malformed');
    }
    const c = (claims ?? {}) as Partial<Record<keyof DirectLineClaims, unknown>>;
    if (typeof c.cid !== 'string' || typeof c.sub !== 'string' || typeof c.exp !== 'number' || (c.use !== 'dl' && c.use !== 'stream')) return fail('malformed');
    const allowed: readonly TokenUse[] = typeof use === 'string' ? [use] : use;
    if (!allowed.includes(c.use)) return fail('wrong_use');
    if (c.exp * 1000 <= now.getTime()) return fail('expired');
    return { ok: true, claims: { cid: c.cid, sub: c.sub, exp: c.exp, use: c.use } };
  }

  private sign(body: string): Buffer {
    return createHmac('sha256', this.key).update(`${PREFIX}.${body}`).digest();
  }
}

/** The token of an `Authorization: Bearer ...` header, or null. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

const fail = (kind: Extract<TokenVerdict, { ok: false }>['error']['kind']): TokenVerdict => ({ ok: false, error: { kind } });
