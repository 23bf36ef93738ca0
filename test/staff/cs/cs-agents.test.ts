import { createClient } from 'redis';
import type { CsAgents } from '../../../bot/staff/cs/cs-agents';
import { MemoryCsAgents, RedisCsAgents } from '../../../bot/staff/cs/cs-agents';

// One contract for both rosters: the CS channel's members, replaced whole, found by Teams id or aadObjectId.

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `test:cs-agents:${process.pid}:${Math.random().toString(36).slice(2, 8)}:`;
const client = createClient({ url: REDIS_URL });
let counter = 0;

beforeAll(async () => {
  await client.connect();
});
afterAll(async () => {
  const keys: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
  if (keys.length) await client.del(keys);
  await client.close();
});

const implementations: [string, () => CsAgents][] = [
  ['memory', () => new MemoryCsAgents()],
  ['redis', () => new RedisCsAgents({ client, prefix: `${prefix}${++counter}:` })],
];

describe.each(implementations)('CsAgents (%s)', (_name, make) => {
  const at = new Date('2026-03-05T02:00:00.000Z');

  it('knows nobody before the roster is fetched', async () => {
    const agents = make();
    expect(await agents.roster()).toBeNull();
    expect(await agents.find('29:alice')).toBeNull();
  });

  it('finds an agent by Teams id or by aadObjectId, with the time of the fetch', async () => {
    const agents = make();
    await agents.replace([{ id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice' }, { id: '29:bob' }], at);
    expect(await agents.find('29:alice')).toEqual({ id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice' });
    expect(await agents.find('aad-alice')).toEqual({ id: '29:alice', aadObjectId: 'aad-alice', name: 'Alice' });
    expect(await agents.find('29:bob')).toEqual({ id: '29:bob' });
    expect(await agents.find('29:carol')).toBeNull();
    expect(await agents.find('')).toBeNull();
    expect((await agents.roster())?.fetchedAt).toBe(at.toISOString());
  });

  it('replaces the roster whole: someone who left can no longer act', async () => {
    const agents = make();
    await agents.replace([{ id: '29:alice' }, { id: '29:bob' }], at);
    await agents.replace([{ id: '29:bob', name: 'Bob' }], new Date(at.getTime() + 60_000));
    expect(await agents.find('29:alice')).toBeNull();
    expect(await agents.find('29:bob')).toEqual({ id: '29:bob', name: 'Bob' });
    expect(await agents.roster()).toEqual({ agents: [{ id: '29:bob', name: 'Bob' }], fetchedAt: '2026-03-05T02:01:00.000Z' });
  });

  it('drops members without an id, and an empty roster is a fetched one', async () => {
    const agents = make();
    await agents.replace([{ id: '' }, { id: '29:dave', name: '' }], at);
    expect((await agents.roster())?.agents).toEqual([{ id: '29:dave' }]);
    await agents.replace([], at);
    expect(await agents.roster()).toEqual({ agents: [], fetchedAt: at.toISOString() });
  });
});
