import { createHash } from 'node:crypto';
import type { RedisCommandSender } from '../../services/store';
import type { ActivityPage, ConversationLog, ConversationLogLimits, ConversationRecord, LoggedActivity } from './conversation-log';
import { ConversationRecordSchema, DEFAULT_LOG_LIMITS, DEFAULT_PAGE, activityIdOf, watermarkOfId } from './conversation-log';

// Conversations in Redis, so a page reloaded after a restart (or served by another instance) still finds its
// history. Per conversation: `conv:<id>` (the record, JSON), `started:<id>`, `seq:<id>` (the last number given)
// and `log:<id>`, a sorted set scored by number whose members are `<number>\t<activity JSON>`. Numbering and
// adding happen in one script: a reader can never see number 6 before number 5 exists, so a watermark never
// skips an activity.

export interface RedisConversationLogOptions extends Partial<ConversationLogLimits> {
  client: RedisCommandSender;
  /** Key prefix, e.g. `rd:`; the log's keys live under `<prefix>dl:`. */
  prefix: string;
}

const SAVE_SCRIPT = `
local ttl = ARGV[2]
if redis.call('EXISTS', KEYS[2]) == 1 then ttl = ARGV[3] end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ttl)
return 1`;

const START_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
if not redis.call('SET', KEYS[2], '1', 'NX', 'PX', ARGV[1]) then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 1`;

const APPEND_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local n = redis.call('INCR', KEYS[3])
redis.call('ZADD', KEYS[4], n, n .. '\\t' .. ARGV[1])
redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -(tonumber(ARGV[2]) + 1))
for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], ARGV[3]) end
return n`;

const shas = new Map<string, string>();
const sha1 = (script: string): string => {
  let sha = shas.get(script);
  if (!sha) shas.set(script, (sha = createHash('sha1').update(script).digest('hex')));
  return sha;
};

export class RedisConversationLog implements ConversationLog {
  private readonly client: RedisCommandSender;
  private readonly prefix: string;
  private readonly limits: ConversationLogLimits;

  constructor(options: RedisConversationLogOptions) {
    const { client, prefix, ...limits } = options;
    this.client = client;
    this.prefix = `${prefix}dl:`;
    this.limits = { ...DEFAULT_LOG_LIMITS, ...limits };
  }

  async save(record: ConversationRecord): Promise<void> {
    const r = ConversationRecordSchema.parse(record);
    await this.eval(SAVE_SCRIPT, [this.key('conv', r.id), this.key('started', r.id)], [JSON.stringify(r), String(this.limits.unstartedTtlMs), String(this.limits.ttlMs)]);
  }

  async get(conversationId: string): Promise<ConversationRecord | null> {
    const raw = await this.client.sendCommand<string | null>(['GET', this.key('conv', conversationId)]);
    if (!raw) return null;
    const parsed = ConversationRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  }

  async markStarted(conversationId: string): Promise<boolean> {
    const started = await this.eval<number>(START_SCRIPT, [this.key('conv', conversationId), this.key('started', conversationId)], [String(this.limits.ttlMs)]);
    return started === 1;
  }

  async append(conversationId: string, activity: Record<string, unknown>, options: { replaces?: string } = {}): Promise<{ id: string; watermark: number }> {
    const json = JSON.stringify(options.replaces ? { ...activity, id: options.replaces } : activity);
    const n = await this.eval<number>(
      APPEND_SCRIPT,
      [this.key('conv', conversationId), this.key('started', conversationId), this.key('seq', conversationId), this.key('log', conversationId)],
      [json, String(this.limits.maxActivities), String(this.limits.ttlMs)],
    );
    if (n < 0) throw new Error(`no conversation ${conversationId}`);
    return { id: options.replaces ?? activityIdOf(conversationId, n), watermark: n };
  }

  async read(conversationId: string, watermark: number, limit = DEFAULT_PAGE): Promise<ActivityPage> {
    const members = await this.client.sendCommand<string[]>(['ZRANGEBYSCORE', this.key('log', conversationId), `(${watermark}`, '+inf', 'LIMIT', '0', String(limit)]);
    const activities = members.map((m) => this.decode(conversationId, m));
    return { activities: activities.map((a) => a.activity), watermark: activities.length ? activities[activities.length - 1]!.watermark : watermark };
  }

  async find(conversationId: string, activityId: string): Promise<LoggedActivity | null> {
    const n = watermarkOfId(conversationId, activityId);
    if (n === null) return null;
    const members = await this.client.sendCommand<string[]>(['ZRANGEBYSCORE', this.key('log', conversationId), String(n), String(n)]);
    return members.length ? this.decode(conversationId, members[0]!).activity : null;
  }

  private decode(conversationId: string, member: string): { watermark: number; activity: LoggedActivity } {
    const tab = member.indexOf('\t');
    const watermark = Number(member.slice(0, tab));
    const activity = JSON.parse(member.slice(tab + 1)) as Record<string, unknown>;
    return { watermark, activity: { ...activity, id: typeof activity.id === 'string' ? activity.id : activityIdOf(conversationId, watermark) } };
  }

  private key(kind: 'conv' | 'started' | 'seq' | 'log', conversationId: string): string {
    return `${this.prefix}${kind}:${conversationId}`;
  }

  private async eval<T>(script: string, keys: string[], args: string[]): Promise<T> {
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await this.client.sendCommand<T>(['EVALSHA', sha1(script), ...tail]);
    } catch (err) {
      // The script cache is empty after a restart, a failover or SCRIPT FLUSH: EVAL loads it again.
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.client.sendCommand<T>(['EVAL', script, ...tail]);
    }
  }
}
