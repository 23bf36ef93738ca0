import { authenticate, parseOperatorTokens } from '../../bot/operators/auth';

describe('operator tokens', () => {
  const tokens = parseOperatorTokens(['alice:alice-token-0123456789', 'bare-token-0123456789abc', 'bob:with:colons-0123456789']);

  it('names tokens by their prefix, or by a digest of a bare token', () => {
    expect(tokens.map((t) => t.id)).toEqual(['alice', expect.stringMatching(/^token-[0-9a-f]{8}$/), 'bob']);
  });

  it('accepts each configured token and nothing else', () => {
    expect(authenticate('Bearer alice-token-0123456789', tokens)).toEqual({ ok: true, tokenId: 'alice' });
    expect(authenticate('bearer bare-token-0123456789abc', tokens)).toMatchObject({ ok: true });
    expect(authenticate('Bearer with:colons-0123456789', tokens)).toEqual({ ok: true, tokenId: 'bob' });
    expect(authenticate('Bearer alice:alice-token-0123456789', tokens)).toEqual({ ok: false, error: { kind: 'invalid' } });
    expect(authenticate('Bearer alice-token-012345678', tokens)).toEqual({ ok: false, error: { kind: 'invalid' } });
    expect(authenticate(undefined, tokens)).toEqual({ ok: false, error: { kind: 'missing' } });
    expect(authenticate('Basic abc', tokens)).toEqual({ ok: false, error: { kind: 'missing' } });
  });

  it('is disabled without tokens', () => {
    expect(authenticate('Bearer anything-at-all-0123', [])).toEqual({ ok: false, error: { kind: 'disabled' } });
  });
});
