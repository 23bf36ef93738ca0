import { randomBytes } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { Logger } from '../logger';
import type { ActivityBus } from './activity-bus';
import type { Account, UploadedAttachment } from './activities';
import { conversationStarted, shapeBotActivity, shapeClientActivity } from './activities';
import type { TurnOutcome } from './bot-turns';
import type { ActivityPage, ConversationLog, ConversationRecord } from './conversation-log';
import { watermarkOfId } from './conversation-log';
import type { DirectLineClaims, TokenUse } from './tokens';
import { DirectLineTokens } from './tokens';

// The Direct Line 3.0 endpoint's logic, apart from HTTP: conversations bound to one buyer, tokens, posting into
// the bot, the log the page reads, and what the bot sends back through the connector endpoint.

export interface BuyerProof {
  buyerId: string;
  /** The platform-signed token the buyer was proven with (signed mode). */
  buyerToken?: string;
  buyerTokenExpiresAt?: number;
}

export interface IssuedToken {
  conversationId: string;
  token: string;
  expiresIn: number;
}

export type Access =
  | { ok: true; claims: DirectLineClaims; record: ConversationRecord }
  | { ok: false; error: { kind: 'unauthorized' | 'forbidden' | 'not_found'; message: string } };

export type PostOutcome =
  | { ok: true; id: string }
  | { ok: false; error: { kind: 'bad_activity'; message: string } | { kind: 'busy' } | { kind: 'bot_failed'; message: string } };

export type BotSendOutcome = { ok: true; id: string } | { ok: false; error: { kind: 'not_found' } };

export interface TurnRunner {
  run(activity: Partial<Activity>, beforeTurn?: () => Promise<Partial<Activity> | void>): Promise<TurnOutcome>;
}

export interface DirectLineServiceOptions {
  log: ConversationLog;
  bus: ActivityBus;
  tokens: DirectLineTokens;
  turns: TurnRunner;
  /** This server's base URL: the connector endpoint and uploads live under it. */
  baseUrl: () => string;
  /** The connector URL's key (see connector-routes.ts). */
  connectorKey: string;
  bot: Account;
  logger: Logger;
  tokenTtlSeconds?: number;
  streamTokenTtlSeconds?: number;
  /** How long a post waits for the bot's turn before answering (the turn goes on). Default 10 s. */
  answerWithinMs?: number;
  now?: () => Date;
}

const MAX_LOCALE = 32;

export class DirectLineService {
  readonly tokens: DirectLineTokens;
  private readonly tokenTtl: number;
  private readonly streamTokenTtl: number;
  private readonly answerWithinMs: number;
  private readonly now: () => Date;

  constructor(private readonly o: DirectLineServiceOptions) {
    this.tokens = o.tokens;
    this.tokenTtl = o.tokenTtlSeconds ?? 1_800;
    this.streamTokenTtl = o.streamTokenTtlSeconds ?? 300;
    this.answerWithinMs = o.answerWithinMs ?? 10_000;
    this.now = o.now ?? (() => new Date());
  }

  get serviceUrl(): string {
    return `${this.o.baseUrl()}/dl-connector/${this.o.connectorKey}/`;
  }

  attachmentUrl(id: string): string {
    return `${this.o.baseUrl()}/dl-attachments/${id}`;
  }

  /** The upload id of one of this endpoint's attachment URLs, or null. */
  uploadIdOf(contentUrl: string): string | null {
    const prefix = `${this.o.baseUrl()}/dl-attachments/`;
    if (!contentUrl.startsWith(prefix)) return null;
    const id = contentUrl.slice(prefix.length);
    return /^[0-9a-f]{32}$/.test(id) ? id : null;
  }

  /**
   * A token for the buyer's conversation: the one named, when it is theirs and still kept (a reloaded page),
   * else a new one. A new buyer token given for an existing conversation replaces the stored one.
   */
  async openConversation(proof: BuyerProof, options: { conversationId?: string; locale?: string } = {}): Promise<IssuedToken & { resumed: boolean }> {
    const locale = typeof options.locale === 'string' && options.locale.length <= MAX_LOCALE ? options.locale : undefined;
    if (options.conversationId) {
      const existing = await this.o.log.get(options.conversationId);
      if (existing && existing.buyerId === proof.buyerId) {
        const record: ConversationRecord = { ...existing, ...proofFields(proof) };
        if (proof.buyerToken) await this.o.log.save(record);
        return { ...this.issue(record), resumed: true };
      }
    }
    const record: ConversationRecord = {
      id: randomBytes(16).toString('base64url'),
      buyerId: proof.buyerId,
      ...(locale ? { locale } : {}),
      ...proofFields(proof),
      createdAt: this.now().getTime(),
    };
    await this.o.log.save(record);
    return { ...this.issue(record), resumed: false };
  }

  /** A fresh token for the same conversation and buyer, never outliving the buyer's platform token. */
  issue(record: ConversationRecord, use: TokenUse = 'dl'): IssuedToken {
    const nowSeconds = Math.floor(this.now().getTime() / 1000);
    let exp = nowSeconds + (use === 'dl' ? this.tokenTtl : this.streamTokenTtl);
    if (record.buyerTokenExpiresAt !== undefined) exp = Math.min(exp, Math.floor(record.buyerTokenExpiresAt / 1000));
    return { conversationId: record.id, token: this.tokens.issue({ cid: record.id, sub: record.buyerId, exp, use }), expiresIn: Math.max(0, exp - nowSeconds) };
  }

  /** Checks a token against the conversation it is used on (`conversationId` from the URL, if any). */
  async authorize(token: string | null, conversationId: string | null, use: TokenUse | readonly TokenUse[] = 'dl'): Promise<Access> {
    if (!token) return { ok: false, error: { kind: 'unauthorized', message: 'A Direct Line token is required (Authorization: Bearer <token>).' } };
    const verdict = this.tokens.verify(token, use, this.now());
    if (!verdict.ok) {
      const message = verdict.error.kind === 'expired' ? 'The token has expired.' : 'The token is not valid.';
      return { ok: false, error: { kind: 'forbidden', message } };
    }
    const { claims } = verdict;
    if (conversationId !== null && claims.cid !== conversationId) return { ok: false, error: { kind: 'forbidden', message: 'The token is for another conversation.' } };
    const record = await this.o.log.get(claims.cid);
    if (!record) return { ok: false, error: { kind: 'not_found', message: 'The conversation has ended or expired.' } };
    if (record.buyerId !== claims.sub) return { ok: false, error: { kind: 'forbidden', message: 'The token is for another user.' } };
    return { ok: true, claims, record };
  }

  /** Starts the conversation the first time it is asked: the bot hears that the buyer joined, and says hello. */
  async start(record: ConversationRecord, locale?: string): Promise<{ started: boolean }> {
    if (!(await this.o.log.markStarted(record.id))) return { started: false };
    const chosen = record.locale ?? (typeof locale === 'string' && locale.length <= MAX_LOCALE ? locale : undefined);
    const outcome = await this.o.turns.run(conversationStarted(this.context(record), chosen) as Partial<Activity>);
    if (!outcome.ok) this.o.logger.warn({ conversationId: record.id, error: outcome.error.kind }, 'the bot was not told about the new conversation');
    return { started: true };
  }

  /**
   * Posts a buyer's activity: it is echoed into the log inside the conversation's turn (so it comes before the
   * bot's answers) and run through the bot. Answers once the turn is over, or after a while with the turn still
   * running (the page has the echo by then, and the answers arrive on their own).
   */
  async post(record: ConversationRecord, input: unknown, uploaded?: UploadedAttachment[]): Promise<PostOutcome> {
    const shaped = shapeClientActivity(input, this.context(record), {
      ...(uploaded ? { attachments: uploaded } : {}),
      ownAttachment: (url) => this.uploadIdOf(url) !== null,
    });
    if (!shaped.ok) return shaped;
    let id: string | null = null;
    let echoed!: () => void;
    const echo = new Promise<void>((resolve) => (echoed = resolve));
    const turn = this.o.turns.run({ ...shaped.value.forBot } as Partial<Activity>, async () => {
      const appended = await this.o.log.append(record.id, shaped.value.forLog);
      id = appended.id;
      echoed();
      await this.notify(record.id);
      // The bot sees the id the page sees: replies point to it, and commands use it as their idempotency key.
      return { id: appended.id };
    });
    const outcome = await Promise.race([turn, echo.then(() => delay(this.answerWithinMs)).then(() => null)]);
    if (outcome === null) return { ok: true, id: id! };
    if (!outcome.ok) {
      if (outcome.error.kind === 'busy') return { ok: false, error: { kind: 'busy' } };
      if (id === null) return { ok: false, error: { kind: 'bot_failed', message: outcome.error.message } };
    }
    return { ok: true, id: id! };
  }

  async read(record: ConversationRecord, watermark: number, limit?: number): Promise<ActivityPage> {
    return this.o.log.read(record.id, watermark, limit);
  }

  /** A message from the bot (a reply or a proactive message) through the connector endpoint. */
  async fromBot(conversationId: string, activity: Record<string, unknown>, replyToId?: string): Promise<BotSendOutcome> {
    const record = await this.o.log.get(conversationId);
    if (!record) return { ok: false, error: { kind: 'not_found' } };
    const replyTo = replyToId ?? (typeof activity.replyToId === 'string' ? activity.replyToId : undefined);
    const inLog = replyTo !== undefined && watermarkOfId(conversationId, replyTo) !== null;
    const shaped = shapeBotActivity(activity, { conversationId, bot: this.o.bot, now: this.now(), ...(inLog ? { replyToId: replyTo } : {}) });
    const { id } = await this.o.log.append(conversationId, shaped);
    await this.notify(conversationId);
    return { ok: true, id };
  }

  /** The bot replaced one of its activities (an updated card): the page replaces it in place. */
  async updateFromBot(conversationId: string, activityId: string, activity: Record<string, unknown>): Promise<BotSendOutcome> {
    const original = await this.o.log.find(conversationId, activityId);
    if (!original) return { ok: false, error: { kind: 'not_found' } };
    const shaped = shapeBotActivity(activity, { conversationId, bot: this.o.bot, now: this.now() });
    // Kept where it was in the transcript: the page orders activities by their time.
    const updated = { ...shaped, timestamp: original.timestamp, ...(original.replyToId ? { replyToId: original.replyToId } : {}) };
    await this.o.log.append(conversationId, updated, { replaces: activityId });
    await this.notify(conversationId);
    return { ok: true, id: activityId };
  }

  private async notify(conversationId: string): Promise<void> {
    // The log has it already: a stream that misses this notice catches up on the next one or on reconnecting.
    await this.o.bus.publish(conversationId).catch((err: unknown) => this.o.logger.warn({ conversationId, err: String(err) }, 'could not announce new activities'));
  }

  private context(record: ConversationRecord) {
    return {
      conversationId: record.id,
      buyerId: record.buyerId,
      bot: this.o.bot,
      serviceUrl: this.serviceUrl,
      ...(record.buyerToken ? { buyerToken: record.buyerToken } : {}),
      now: this.now(),
    };
  }
}

function proofFields(proof: BuyerProof): Partial<ConversationRecord> {
  return {
    ...(proof.buyerToken ? { buyerToken: proof.buyerToken } : {}),
    ...(proof.buyerTokenExpiresAt !== undefined ? { buyerTokenExpiresAt: proof.buyerTokenExpiresAt } : {}),
  };
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
