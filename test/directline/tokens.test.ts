import { DirectLineTokens, bearerToken } from '../../bot/directline/tokens';

// Direct Line tokens: what they bind (one conversation, one buyer, a use), and every way a token is refused.

const now = new Date('2026-03-01T12:00:00Z');
const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

describe('Direct Line tokens', () => {
  const tokens = new DirectLineTokens('a-secret-of-at-least-16-bytes');
  const claims = { cid: 'conv-1', sub: 'buyer-1001', exp: seconds(now) + 60, use: 'dl' as const };

  it('verifies what it issued, for its use', () => {
    const token = tokens.issue(claims);
    expect(token).toMatch(/^dl1\.[\w-]+\.[\w-]+$/);
    expect(tokens.verify(token, 'dl', now)).toEqual({ ok: true, claims });
    expect(tokens.verify(token, ['stream', 'dl'], now)).toEqual({ ok: true, claims });
    expect(tokens.verify(token, 'stream', now)).toEqual({ ok: false, error: { kind: 'wrong_use' } });
  });

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    const token = tokens.issue(claims);
    expect(tokens.verify(token, 'dl', new Date(now.getTime() + 60_000))).toEqual({ ok: false, error: { kind: 'expired' } });
    const [prefix, , signature] = token.split('.');
    const otherBuyer = Buffer.from(JSON.stringify({ ...claims, sub: 'buyer-1002' })).toString('base64url');
    expect(tokens.verify(`${prefix}.${otherBuyer}.${signature}`, 'dl', now)).toEqual({ ok: false, error: { kind: 'bad_signature' } });
    expect(new DirectLineTokens('another-secret-16-bytes!').verify(token, 'dl', now)).toEqual({ ok: false, error: { kind: 'bad_signature' } });
    for (const bad of ['', 'abc', 'dl1.a', `dl2.${token.slice(4)}`, 'x'.repeat(3000)]) {
      expect(tokens.verify(bad, 'dl', now).ok).toBe(false);
    }
    expect(tokens.verify(undefined, 'dl', now)).toEqual({ ok: false, error: { kind: 'missing' } });
  });

  it('needs a secret of at least 16 bytes', () => {
    expect(() => new DirectLineTokens('short')).toThrow(/16 bytes/);
  });

  it('reads bearer tokens from the Authorization header', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
