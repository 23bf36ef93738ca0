import { createHmac, timingSafeEqual } from 'node:crypto';

// Platform-signed buyer tokens: compact JWS, HS256, `sub` = buyer id, `exp` in seconds. Only HS256 is accepted:
// the algorithm named in the header is checked, never trusted.

export type TokenCheck =
  | { ok: true; buyerId: string; expiresAt: Date }
  | { ok: false; kind: 'missing' | 'malformed' | 'bad_signature' | 'expired' | 'wrong_algorithm' };

const b64url = (buf: Buffer): string => buf.toString('base64url');

export function signBuyerToken(buyerId: string, secret: string, expiresAt: Date): string {
  const header = b64url(Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })));
  const payload = b64url(Buffer.from(JSON.stringify({ sub: buyerId, exp: Math.floor(expiresAt.getTime() / 1000) })));
  const signature = b64url(createHmac('sha256', secret).update(`${header}.${payload}`).digest());
  return `${header}.${payload}.${signature}`;
}

export function verifyBuyerToken(token: unknown, secret: string, now: Date): TokenCheck {
  if (typeof token !== 'string' || token.length === 0) return { ok: false, kind: 'missing' };
  if (token.length > 4096) return { ok: false, kind: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, kind: 'malformed' };
  const [header, payload, signature] = parts as [string, string, string];
  let head: unknown;
  let claims: unknown;
  try {
    head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, kind: 'malformed' };
  }
  if (!head || typeof head !== 'object' || (head as { alg?: unknown }).alg !== 'HS256') return { ok: false, kind: 'wrong_algorithm' };
  const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, kind: 'bad_signature' };
  const { sub, exp } = (claims ?? {}) as { sub?: unknown; exp?: unknown };
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 128 || typeof exp !== 'number') return { ok: false, kind: 'malformed' };
  if (exp * 1000 <= now.getTime()) return { ok: false, kind: 'expired' };
  return { ok: true, buyerId: sub, expiresAt: new Date(exp * 1000) };
}
