import { randomUUID } from 'node:crypto';
import type { RedisCommandSender } from '../store';
import type { EnqueueResult, HandoffQueue, HandoffRequest, QueuedHandoff } from './handoff-queue';

// The handoff queue on Redis, shared by every bot instance.
//
// Keys (under the prefix):
//   handoff:waiting          sorted set of waiting conversations, in serving order
//   handoff:conv:<convId>    the conversation's current handoff (JSON)
//   handoff:seq              a counter that breaks ties between requests queued in the same millisecond
//
// The sorted set's score is priority then time: rank * 1e14 + queued epoch ms (ms stay below 1e14 until the
// year 5138, and the sum stays well inside a double's exact integers). Equal scores are ordered by member, so the
// member starts with the zero-padded sequence number: first come, first served within one millisecond too.
// The conversation's record names its member, so a position is one ZRANK.

const RANK = { high: 0, normal: 1 } as const;
const RANK_STRIDE = 1e14;

/*
 * Enqueue, atomically: a conversation with a handoff that is not closed keeps it (and its place).
 * KEYS[1] = record key, KEYS[2] = waiting zset; ARGV[1] = new record JSON, ARGV[2] = score, ARGV[3] = member.
 * Returns { 0, existing JSON } or { 1, new JSON }.
 */
const ENQUEUE_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then
  local record = cjson.decode(existing)
  if record.handoff.status ~= 'closed' then return { 0, existing } end
  redis.call('ZREM', KEYS[2], record.member)
end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return { 1, ARGV[1] }
`;

interface StoredHandoff {
  member: string;
  handoff: QueuedHandoff;
}

export interface RedisHandoffQueueOptions {
  /** Any node-redis client. */
  client: RedisCommandSender;
  /** Key namespace, e.g. `rd:`. */
  prefix?: string;
}

export class RedisHandoffQueue implements HandoffQueue {
  private readonly client: RedisCommandSender;
  private readonly keys: { waiting: string; seq: string; conv: (id: string) => string };

  constructor(options: RedisHandoffQueueOptions) {
    this.client = options.client;
    const p = `${options.prefix ?? 'rd:'}handoff:`;
    this.keys = { waiting: `${p}waiting`, seq: `${p}seq`, conv: (id) => `${p}conv:${id}` };
  }

  async enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult> {
    const handoff: QueuedHandoff = { ...structuredClone(request), id: randomUUID(), queuedAt: now.toISOString(), status: 'queued' };
    // A number spent on a conversation that turns out to be queued already is simply never used.
    const seq = Number(await this.client.sendCommand(['INCR', this.keys.seq]));
    const member = `${String(seq).padStart(16, '0')}:${request.conversationId}`;
    const score = RANK[request.priority] * RANK_STRIDE + now.getTime();
    const reply = await this.client.sendCommand<[number, string]>([
      'EVAL', ENQUEUE_SCRIPT, '2',
      this.keys.conv(request.conversationId), this.keys.waiting,
      JSON.stringify({ member, handoff } satisfies StoredHandoff), String(score), member,
    ]);
    const created = Number(reply[0]) === 1;
    const stored = JSON.parse(String(reply[1])) as StoredHandoff;
    const position = (await this.rankOf(stored)) ?? 0;
    return { ok: true, value: { handoff: stored.handoff, position, alreadyQueued: !created } };
  }

  async position(conversationId: string): Promise<number | null> {
    const stored = await this.load(conversationId);
    return stored ? this.rankOf(stored) : null;
  }

  async current(conversationId: string): Promise<QueuedHandoff | null> {
    return (await this.load(conversationId))?.handoff ?? null;
  }

  async waiting(): Promise<QueuedHandoff[]> {
    const members = (await this.client.sendCommand<string[]>(['ZRANGE', this.keys.waiting, '0', '-1'])).map(String);
    if (members.length === 0) return [];
    const values = await this.client.sendCommand<(string | null)[]>(['MGET', ...members.map((m) => this.keys.conv(conversationOf(m)))]);
    const out: QueuedHandoff[] = [];
    values.forEach((value, i) => {
      if (value === null || value === undefined) return;
      const stored = JSON.parse(String(value)) as StoredHandoff;
      // A member left behind by a record that moved on (re-queued after closing) is not this record's place.
      if (stored.member === members[i] && stored.handoff.status === 'queued') out.push(stored.handoff);
    });
    return out;
  }

  private async load(conversationId: string): Promise<StoredHandoff | null> {
    const value = await this.client.sendCommand<string | null>(['GET', this.keys.conv(conversationId)]);
    return value === null || value === undefined ? null : (JSON.parse(String(value)) as StoredHandoff);
  }

  private async rankOf(stored: StoredHandoff): Promise<number | null> {
    if (stored.handoff.status !== 'queued') return null;
    const rank = await this.client.sendCommand<number | null>(['ZRANK', this.keys.waiting, stored.member]);
    return rank === null || rank === undefined ? null : Number(rank) + 1;
  }
}

function conversationOf(member: string): string {
  return member.slice(member.indexOf(':') + 1);
}
