import { signEvidenceUrl, verifyEvidenceSignature } from '../../../services/evidence/signed-url';

const SECRET = 'test-secret-at-least-sixteen-bytes';
const HASH = 'ab'.repeat(32);
const NOW = new Date('2026-03-01T12:00:00Z');
const IN_ONE_HOUR = new Date('2026-03-01T13:00:00Z');

function partsOf(signed: string): { sha256: string; expires: string; sig: string } {
  const url = new URL(signed);
  return {
    sha256: url.pathname.split('/').pop()!,
    expires: url.searchParams.get('expires')!,
    sig: url.searchParams.get('sig')!,
  };
}

describe('signed evidence URLs', () => {
  it('puts the hash in the path and the expiry and signature in the query', () => {
    const signed = signEvidenceUrl('https://desk.example.com/evidence/', HASH, IN_ONE_HOUR, SECRET);
    const url = new URL(signed);
    expect(url.origin + url.pathname).toBe(`https://desk.example.com/evidence/${HASH}`);
    expect(url.searchParams.get('expires')).toBe(String(IN_ONE_HOUR.getTime() / 1000));
    expect(url.searchParams.get('sig')).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('verifies its own links until they expire', () => {
    const { sha256, expires, sig } = partsOf(signEvidenceUrl('https://desk.example.com/evidence', HASH, IN_ONE_HOUR, SECRET));
    expect(verifyEvidenceSignature(sha256, expires, sig, SECRET, NOW)).toEqual({ ok: true });
    expect(verifyEvidenceSignature(sha256, Number(expires), sig, SECRET, new Date(IN_ONE_HOUR.getTime() - 1))).toEqual({ ok: true });
  });

  it('refuses an expired link', () => {
    const { sha256, expires, sig } = partsOf(signEvidenceUrl('https://desk.example.com/evidence', HASH, IN_ONE_HOUR, SECRET));
    expect(verifyEvidenceSignature(sha256, expires, sig, SECRET, IN_ONE_HOUR)).toEqual({
      ok: false,
      error: { kind: 'expired', expiredAt: IN_ONE_HOUR.toISOString() },
    });
    expect(verifyEvidenceSignature(sha256, expires, sig, SECRET, new Date('2027-01-01T00:00:00Z')).ok).toBe(false);
  });

  it('refuses a link whose hash, expiry or signature was tampered with, or signed with another secret', () => {
    const { sha256, expires, sig } = partsOf(signEvidenceUrl('https://desk.example.com/evidence', HASH, IN_ONE_HOUR, SECRET));
    const badSignature = { ok: false, error: { kind: 'bad_signature' } };
    const otherHash = 'cd'.repeat(32);
    const laterExpiry = String(Number(expires) + 86_400);
    const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);

    expect(verifyEvidenceSignature(otherHash, expires, sig, SECRET, NOW)).toEqual(badSignature);
    expect(verifyEvidenceSignature(sha256, laterExpiry, sig, SECRET, NOW)).toEqual(badSignature);
    expect(verifyEvidenceSignature(sha256, expires, flipped, SECRET, NOW)).toEqual(badSignature);
    expect(verifyEvidenceSignature(sha256, expires, sig, `${SECRET}-rotated`, NOW)).toEqual(badSignature);
  });

  it('reports a tampered expiry as a bad signature even when that expiry is in the past', () => {
    const { sha256, expires, sig } = partsOf(signEvidenceUrl('https://desk.example.com/evidence', HASH, IN_ONE_HOUR, SECRET));
    expect(verifyEvidenceSignature(sha256, String(Number(expires) - 7200), sig, SECRET, NOW)).toEqual({
      ok: false,
      error: { kind: 'bad_signature' },
    });
  });

  it.each([
    ['a hash that is not hex', 'zz'.repeat(32), '1772370000', 'A'.repeat(43)],
    ['a path in place of the hash', `../${'a'.repeat(61)}`, '1772370000', 'A'.repeat(43)],
    ['a non-numeric expiry', HASH, '1772370000abc', 'A'.repeat(43)],
    ['a negative expiry', HASH, '-1', 'A'.repeat(43)],
    ['a short signature', HASH, '1772370000', 'A'.repeat(42)],
    ['a signature with foreign characters', HASH, '1772370000', `${'A'.repeat(42)}=`],
  ])('calls %s malformed', (_label, sha256, expires, sig) => {
    expect(verifyEvidenceSignature(sha256, expires, sig, SECRET, NOW)).toEqual({ ok: false, error: { kind: 'malformed' } });
  });

  it('binds the link to the lower-case hash, whatever case it is signed or checked in', () => {
    const upper = HASH.toUpperCase();
    const { sha256, expires, sig } = partsOf(signEvidenceUrl('https://desk.example.com/e', upper, IN_ONE_HOUR, SECRET));
    expect(sha256).toBe(HASH);
    expect(verifyEvidenceSignature(upper, expires, sig, SECRET, NOW)).toEqual({ ok: true });
  });

  it('refuses to sign with a short secret or an invalid hash (configuration bugs)', () => {
    expect(() => signEvidenceUrl('https://desk.example.com/e', HASH, IN_ONE_HOUR, 'short')).toThrow(/secret/);
    expect(() => signEvidenceUrl('https://desk.example.com/e', 'not-a-hash', IN_ONE_HOUR, SECRET)).toThrow(/sha256/);
  });
});
