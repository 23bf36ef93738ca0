import { z } from 'zod';

// A Direct Line conversation: who it belongs to, and its activity log (the buyer's messages as echoed back and
// everything the bot sent), numbered 1, 2, 3... in the order they were appended. A client's watermark is the
// number of the last activity it has: it reads on from there. Logs are capped and expire when left alone.

export const ConversationRecordSchema = z.object({
  id: z.string().min(1).max(128),
  buyerId: z.string().min(1).max(128),
  /** Locale the page opened with: the language of the welcome. */
  locale: z.string().max(32).optional(),
  /** The platform-signed buyer token, passed on to the bot with every activity when tokens are signed. */
  buyerToken: z.string().max(4096).optional(),
  /** When the buyer token expires (ms since the epoch): no Direct Line token outlives it. */
  buyerTokenExpiresAt: z.number().optional(),
  createdAt: z.number(),
});
export type ConversationRecord = z.infer<typeof ConversationRecordSchema>;

export type LoggedActivity = Record<string, unknown> & { id: string };

export interface ActivityPage {
  activities: LoggedActivity[];
  /** The number of the last activity returned, or the watermark asked for when there was nothing new. */
  watermark: number;
}

export interface ConversationLog {
  /** Stores a new conversation, or replaces its record (a new buyer token). */
  save(record: ConversationRecord): Promise<void>;
  get(conversationId: string): Promise<ConversationRecord | null>;
  /** True for the one caller that starts the conversation (the bot is told once that the buyer joined). */
  markStarted(conversationId: string): Promise<boolean>;
  /**
   * Appends an activity and returns its id and number. With `replaces`, the entry carries that earlier
   * activity's id: a client that has it replaces it (an updated card), one reading from the start sees both
   * and keeps the later.
   */
  append(conversationId: string, activity: Record<string, unknown>, options?: { replaces?: string }): Promise<{ id: string; watermark: number }>;
  /** Activities numbered above `watermark`, oldest first, at most `limit`. */
  read(conversationId: string, watermark: number, limit?: number): Promise<ActivityPage>;
  /** An activity still in the log, by id. */
  find(conversationId: string, activityId: string): Promise<LoggedActivity | null>;
}

export interface ConversationLogLimits {
  /** Activities kept per conversation (the oldest go first). */
  maxActivities: number;
  /** How long a conversation is kept after its last activity. */
  ttlMs: number;
  /** How long a conversation that was never started is kept. */
  unstartedTtlMs: number;
}

export const DEFAULT_LOG_LIMITS: ConversationLogLimits = {
  maxActivities: 1_000,
  ttlMs: 30 * 24 * 3_600_000,
  unstartedTtlMs: 3_600_000,
};

export const DEFAULT_PAGE = 100;

/** Activity ids look like Azure Direct Line's: `<conversation id>|<7-digit number>`. */
export function activityIdOf(conversationId: string, watermark: number): string {
  return `${conversationId}|${String(watermark).padStart(7, '0')}`;
}

/** The number inside an activity id of this conversation, or null. */
export function watermarkOfId(conversationId: string, activityId: string): number | null {
  const prefix = `${conversationId}|`;
  if (!activityId.startsWith(prefix)) return null;
  const digits = activityId.slice(prefix.length);
  if (!/^\d{1,15}$/.test(digits)) return null;
  return Number(digits);
}

/** A client's watermark: a non-negative integer, anything else reads from the start. */
export function parseWatermark(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return 0;
  return Number(value);
}
