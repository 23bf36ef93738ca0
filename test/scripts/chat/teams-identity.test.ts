import { aadObjectIdOf, listenerPortOf, personalConversationId, teamsAccount } from '../../../scripts/chat/teams-identity';

describe('terminal Teams identities', () => {
  it('derives a stable version-5 UUID from the name, different for different names', () => {
    const id = aadObjectIdOf('alice');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(aadObjectIdOf('alice')).toBe(id);
    expect(aadObjectIdOf('bob')).not.toBe(id);
  });

  it('gives a Teams user id and one personal chat per user', () => {
    const alice = teamsAccount('alice');
    expect(alice).toEqual({ id: '29:alice', aadObjectId: aadObjectIdOf('alice'), name: 'alice' });
    expect(personalConversationId(alice)).toBe(`a:terminal-${alice.aadObjectId}`);
  });

  it('gives each user a listener port of their own, the same every run', () => {
    expect(listenerPortOf('alice')).toBe(listenerPortOf('alice'));
    for (const name of ['alice', 'agent-1', 'agent-2', 'bob']) expect(listenerPortOf(name)).toBeGreaterThanOrEqual(47_000);
    expect(new Set(['alice', 'agent-1', 'agent-2', 'bob', 'carol'].map(listenerPortOf)).size).toBeGreaterThan(1);
    expect(Math.max(...['alice', 'agent-1', 'x', 'y', 'z'].map(listenerPortOf))).toBeLessThan(48_000);
  });
});
