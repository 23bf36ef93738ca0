import { createHmac, timingSafeEqual } from 'node:crypto';

// Expiring links to evidence files for merchants and CS: the link carries its expiry and an HMAC-SHA256 of the
// file's hash and that expiry, so whoever serves the file needs only the secret, no lookup.

export type SignatureCheck =
  | { ok: true }
  | { ok: false; error: { kind: 'malformed' } | { kind: 'bad_signature' } | { kind: 'expired'; expiredAt: string } };

export type Secret = string | Buffer;

const SHA256_HEX = /^[0-9a-f]{64}$/i;
const EXPIRES = /^\d{1,11}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const MIN_SECRET_BYTES = 16;

/** `<baseUrl>/<sha256>?expires=<unix seconds>&sig=<base64url HMAC>`. */
export function signEvidenceUrl(baseUrl: string, sha256: string, expiresAt: Date, secret: Secret): string {
  if (!SHA256_HEX.test(sha256)) throw new Error('signEvidenceUrl: sha256 must be 64 hex digits');
  const expires = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(expires) || expires < 0) throw new Error('signEvidenceUrl: invalid expiry');
  const url = new URL(baseUrl);
  const hash = sha256.toLowerCase();
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${hash}`;
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('sig', signature(hash, String(expires), secret));
  return url.toString();
}

/** Checks a link's parts as received (query values are strings). The signature is checked before the expiry. */
export function verifyEvidenceSignature(
  sha256: string,
  expires: string | number,
  sig: string,
  secret: Secret,
  now: Date,
): SignatureCheck {
  const expiresText = String(expires);
  if (typeof sha256 !== 'string' || typeof sig !== 'string' || !SHA256_HEX.test(sha256) || !EXPIRES.test(expiresText) || !SIGNATURE.test(sig)) {
    return { ok: false, error: { kind: 'malformed' } };
  }
  const expected = Buffer.from(signature(sha256.toLowerCase(), expiresText, secret), 'utf8');
  const given = Buffer.from(sig, 'utf8');
  // Both are 43 base64url characters here (checked above), so timingSafeEqual compares equal lengths.
  if (!timingSafeEqual(expected, given)) return { ok: false, error: { kind: 'bad_signature' } };
  const expiresAtMs = Number(expiresText) * 1000;
  if (now.getTime() >= expiresAtMs) return { ok: false, error: { kind: 'expired', expiredAt: new Date(expiresAtMs).toISOString() } };
  return { ok: true };
}

function signature(sha256: string, expires: string, secret: Secret): string {
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new Error(`evidence URL secret must be at least ${MIN_SECRET_BYTES} bytes`);
  // Versioned and field-separated, so a signature made for anything else never verifies here.
  return createHmac('sha256', secret).update(`refund-desk-evidence/v1\n${sha256}\n${expires}`).digest('base64url');
}
