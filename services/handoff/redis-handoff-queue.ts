import { randomUUID } from 'node:crypto';
import type { RedisCommandSender } from '../store';
import type {
  CardError,
  EndError,
  EnqueueResult,
  FocusError,
  HandoffAgent,
  HandoffParty,
  HandoffQueue,
  HandoffRequest,
  HandoffResult,
  LeftMessage,
  MessageError,
  QueuedHandoff,
  TakeError,
  TranscriptLine,
  TurnState,
} from './handoff-queue';
import { TRANSCRIPT_KEEP } from './handoff-queue';
import type { Change } from './transitions';
import {
  byFocus,
  claimCardChange,
  endChange,
  focusChange,
  leaveMessageChange,
  offerMessageChange,
  recordCardChange,
  takeChange,
} from './transitions';

// The handoff queue on Redis, shared by every bot instance; the state of a handoff survives restarts.
//
// Keys (under the prefix):
//   handoff:waiting              sorted set of waiting conversations, in serving order
//   handoff:conv:<convId>        the conversation's current handoff (JSON)
//   handoff:id:<handoffId>       the conversation a handoff belongs to
//   handoff:agent:<agentConvId>  conversations whose relay runs in an agent's chat (set)
//   handoff:lines:<convId>       the conversation's latest lines: a JSON array of JSON lines (a string, so a
//                                buyer turn can read it with its lock and write it back with its state)
//   handoff:seq                  a counter that breaks ties between requests queued in the same millisecond
//
// The sorted set's score is priority then time: rank * 1e14 + queued epoch ms (ms stay below 1e14 until the
// year 5138, and the sum stays well inside a double's exact integers). Equal scores are ordered by member, so the
// member starts with the zero-padded sequence number: first come, first served within one millisecond too.
// The conversation's record names its member, so a position is one ZRANK.
//
// Every change of a handoff after it is queued (take, end, ...) is a compare-and-set of the record's JSON: the
// new record is computed from the one read, and written only if the stored one is still that one; otherwise it
// is computed again from what the other writer left. So of two racing takes exactly one wins, and the loser
// sees the winner.

const RANK = { high: 0, normal: 1 } as const;
const RANK_STRIDE = 1e14;
/** Closed handoffs and transcripts of conversations gone quiet are forgotten after this long. */
const RETENTION_SECONDS = 30 * 24 * 3600;
const MAX_CAS_ATTEMPTS = 20;

/*
 * Enqueue, atomically: a conversation with a handoff that is not closed keeps it (and its place).
 * KEYS[1] = record key, KEYS[2] = waiting zset, KEYS[3] = id key; ARGV[1] = new record JSON, ARGV[2] = score,
 * ARGV[3] = member, ARGV[4] = conversation id, ARGV[5] = retention seconds.
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
redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5])
return { 1, ARGV[1] }
`;

/*
 * Compare-and-set of a record, with the indexes that follow from its new status.
 * KEYS[1] = record key, KEYS[2] = waiting zset, KEYS[3] = agent set to join, KEYS[4] = agent set to leave.
 * ARGV[1] = expected JSON, ARGV[2] = new JSON, ARGV[3] = waiting member to remove ('' for none),
 * ARGV[4] = conversation id, ARGV[5] = '1' to join KEYS[3], ARGV[6] = '1' to leave KEYS[4],
 * ARGV[7] = retention seconds of a closed record ('' to keep it).
 * Returns 1 when written, 0 when the record changed since it was read.
 */
const CAS_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
if ARGV[7] ~= '' then redis.call('EXPIRE', KEYS[1], ARGV[7]) end
if ARGV[3] ~= '' then redis.call('ZREM', KEYS[2], ARGV[3]) end
if ARGV[6] == '1' then redis.call('SREM', KEYS[4], ARGV[4]) end
if ARGV[5] == '1' then redis.call('SADD', KEYS[3], ARGV[4]) end
return 1
`;

/*
 * Appends transcript lines and returns the conversation's handoff.
 * KEYS[1] = lines, KEYS[2] = record key; ARGV[1] = keep, ARGV[2] = retention seconds, ARGV[3..] = lines.
 */
const RECORD_SCRIPT = `
if #ARGV > 2 then
  local raw = redis.call('GET', KEYS[1])
  local lines = raw and cjson.decode(raw) or {}
  for i = 3, #ARGV do lines[#lines + 1] = ARGV[i] end
  local keep = tonumber(ARGV[1])
  local kept = {}
  for i = math.max(1, #lines - keep + 1), #lines do kept[#kept + 1] = lines[i] end
  redis.call('SET', KEYS[1], cjson.encode(kept), 'EX', ARGV[2])
end
return redis.call('GET', KEYS[2])
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
  private readonly keys: {
    waiting: string;
    seq: string;
    conv: (id: string) => string;
    id: (id: string) => string;
    agent: (id: string) => string;
    lines: (id: string) => string;
  };

  constructor(options: RedisHandoffQueueOptions) {
    this.client = options.client;
    const p = `${options.prefix ?? 'rd:'}handoff:`;
    this.keys = {
      waiting: `${p}waiting`,
      seq: `${p}seq`,
      conv: (id) => `${p}conv:${id}`,
      id: (id) => `${p}id:${id}`,
      agent: (id) => `${p}agent:${id}`,
      lines: (id) => `${p}lines:${id}`,
    };
  }

  async enqueue(request: HandoffRequest, now: Date): Promise<EnqueueResult> {
    const handoff: QueuedHandoff = { ...structuredClone(request), id: randomUUID(), queuedAt: now.toISOString(), status: 'queued' };
    // A number spent on a conversation that turns out to be queued already is simply never used.
    const seq = Number(await this.client.sendCommand(['INCR', this.keys.seq]));
    const member = `${String(seq).padStart(16, '0')}:${request.conversationId}`;
    const score = RANK[request.priority] * RANK_STRIDE + now.getTime();
    const reply = await this.client.sendCommand<[number, string]>([
      'EVAL', ENQUEUE_SCRIPT, '3',
      this.keys.conv(request.conversationId), this.keys.waiting, this.keys.id(handoff.id),
      JSON.stringify({ member, handoff } satisfies StoredHandoff), String(score), member, request.conversationId, String(RETENTION_SECONDS),
    ]);
    const created = Number(reply[0]) === 1;
    const stored = JSON.parse(String(reply[1])) as StoredHandoff;
    const position = (await this.rankOf(stored)) ?? 0;
    return { ok: true, value: { handoff: stored.handoff, position, alreadyQueued: !created } };
  }

  async position(conversationId: string): Promise<number | null> {
    const stored = await this.load(conversationId);
    return stored ? this.rankOf(stored.value) : null;
  }

  async current(conversationId: string): Promise<QueuedHandoff | null> {
    return (await this.load(conversationId))?.value.handoff ?? null;
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

  async get(handoffId: string): Promise<QueuedHandoff | null> {
    return (await this.loadById(handoffId))?.value.handoff ?? null;
  }

  take(handoffId: string, agent: HandoffAgent, now: Date): Promise<HandoffResult<TakeError>> {
    return this.update(handoffId, (h) => takeChange(h, agent, now));
  }

  end(handoffId: string, by: HandoffParty, now: Date): Promise<HandoffResult<EndError>> {
    return this.update(handoffId, (h) => endChange(h, by, now));
  }

  offerMessage(handoffId: string, now: Date): Promise<HandoffResult<MessageError>> {
    return this.update(handoffId, (h) => offerMessageChange(h, now));
  }

  leaveMessage(handoffId: string, message: LeftMessage): Promise<HandoffResult<MessageError>> {
    return this.update(handoffId, (h) => leaveMessageChange(h, message));
  }

  focus(handoffId: string, agentId: string, now: Date): Promise<HandoffResult<FocusError>> {
    return this.update(handoffId, (h) => focusChange(h, agentId, now));
  }

  claimCard(handoffId: string, now: Date, staleMs: number): Promise<HandoffResult<CardError>> {
    return this.update(handoffId, (h) => claimCardChange(h, now, staleMs));
  }

  recordCard(handoffId: string, card: { conversationId: string; activityId: string } | null): Promise<HandoffResult<{ kind: 'not_found' }>> {
    return this.update(handoffId, (h) => recordCardChange(h, card));
  }

  async byAgentConversation(agentConversationId: string): Promise<QueuedHandoff[]> {
    const conversations = (await this.client.sendCommand<string[]>(['SMEMBERS', this.keys.agent(agentConversationId)])).map(String);
    if (conversations.length === 0) return [];
    const values = await this.client.sendCommand<(string | null)[]>(['MGET', ...conversations.map((c) => this.keys.conv(c))]);
    return values
      .filter((v): v is string => v !== null && v !== undefined)
      .map((v) => (JSON.parse(String(v)) as StoredHandoff).handoff)
      .filter((h) => h.status === 'assigned' && h.agent?.conversationId === agentConversationId)
      .sort(byFocus);
  }

  async record(conversationId: string, lines: readonly TranscriptLine[], keep = TRANSCRIPT_KEEP): Promise<QueuedHandoff | null> {
    const value = await this.client.sendCommand<string | null>([
      'EVAL', RECORD_SCRIPT, '2',
      this.keys.lines(conversationId), this.keys.conv(conversationId),
      String(keep), String(RETENTION_SECONDS), ...lines.map((l) => JSON.stringify(l)),
    ]);
    return handoffOf(value);
  }

  async transcript(conversationId: string): Promise<TranscriptLine[]> {
    return linesOf(await this.client.sendCommand<string | null>(['GET', this.keys.lines(conversationId)]));
  }

  turnState(conversationId: string): TurnState {
    const key = this.keys.lines(conversationId);
    return {
      keys: [this.keys.conv(conversationId), key],
      handoff: (values) => handoffOf(values[0] ?? null),
      write: (values, lines, keep = TRANSCRIPT_KEEP) => {
        const stored = values[1] ? (JSON.parse(values[1]) as string[]) : [];
        const kept = [...stored, ...lines.map((l) => JSON.stringify(l))].slice(-keep);
        return { key, value: JSON.stringify(kept), ttlMs: RETENTION_SECONDS * 1000 };
      },
    };
  }

  private async load(conversationId: string): Promise<{ raw: string; value: StoredHandoff } | null> {
    const raw = await this.client.sendCommand<string | null>(['GET', this.keys.conv(conversationId)]);
    return raw === null || raw === undefined ? null : { raw: String(raw), value: JSON.parse(String(raw)) as StoredHandoff };
  }

  private async loadById(handoffId: string): Promise<{ raw: string; value: StoredHandoff } | null> {
    const conversationId = await this.client.sendCommand<string | null>(['GET', this.keys.id(handoffId)]);
    if (conversationId === null || conversationId === undefined) return null;
    const loaded = await this.load(String(conversationId));
    // The conversation has moved on to a newer handoff: this one is gone.
    return loaded && loaded.value.handoff.id === handoffId ? loaded : null;
  }

  private async update<E extends { kind: string }>(handoffId: string, change: (h: QueuedHandoff) => Change<E | { kind: 'not_found' }>): Promise<HandoffResult<E | { kind: 'not_found' }>> {
    for (let attempt = 0; attempt < MAX_CAS_ATTEMPTS; attempt++) {
      const loaded = await this.loadById(handoffId);
      if (!loaded) return { ok: false, error: { kind: 'not_found' } };
      const before = loaded.value.handoff;
      const outcome = change(structuredClone(before));
      if (!outcome.ok) return outcome;
      if (!outcome.changed) return { ok: true, value: outcome.next };
      const next = outcome.next;
      const leavesQueue = before.status === 'queued' && next.status !== 'queued';
      const beforeAgent = before.status === 'assigned' ? before.agent?.conversationId : undefined;
      const nextAgent = next.status === 'assigned' ? next.agent?.conversationId : undefined;
      const written = await this.client.sendCommand<number>([
        'EVAL', CAS_SCRIPT, '4',
        this.keys.conv(before.conversationId), this.keys.waiting,
        this.keys.agent(nextAgent ?? beforeAgent ?? '-'), this.keys.agent(beforeAgent ?? nextAgent ?? '-'),
        loaded.raw, JSON.stringify({ member: loaded.value.member, handoff: next } satisfies StoredHandoff),
        leavesQueue ? loaded.value.member : '', before.conversationId,
        nextAgent ? '1' : '0', beforeAgent && beforeAgent !== nextAgent ? '1' : '0',
        next.status === 'closed' ? String(RETENTION_SECONDS) : '',
      ]);
      if (Number(written) === 1) return { ok: true, value: next };
    }
    throw new Error(`handoff ${handoffId}: too many concurrent changes`);
  }

  private async rankOf(stored: StoredHandoff): Promise<number | null> {
    if (stored.handoff.status !== 'queued') return null;
    const rank = await this.client.sendCommand<number | null>(['ZRANK', this.keys.waiting, stored.member]);
    return rank === null || rank === undefined ? null : Number(rank) + 1;
  }
}

function handoffOf(value: string | null | undefined): QueuedHandoff | null {
  return value === null || value === undefined ? null : (JSON.parse(String(value)) as StoredHandoff).handoff;
}

function linesOf(value: string | null | undefined): TranscriptLine[] {
  return value === null || value === undefined ? [] : (JSON.parse(String(value)) as string[]).map((l) => JSON.parse(l) as TranscriptLine);
}

function conversationOf(member: string): string {
  return member.slice(member.indexOf(':') + 1);
}
