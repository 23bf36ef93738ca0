import { randomUUID } from 'node:crypto';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotCredentials } from '../adapter';
import type { Logger } from '../logger';
import type { TurnLock } from '../turn-lock';

/** The way into a conversation's turn: its lock (and, with the turn gate, its state read and saved with it). */
export interface TurnEntrance {
  enter(
    request: { conversationId: string; activityId?: string; channelId?: string },
    waitMs: number,
  ): Promise<{ ok: false; kind: 'timeout' } | { ok: true; run<T>(fn: () => Promise<T>): Promise<T>; end(reply: null): Promise<void> }>;
}

/** A turn entrance that is just the conversation lock. */
export function lockEntrance(lock: TurnLock): TurnEntrance {
  return {
    async enter(request, waitMs) {
      const held = await lock.acquire(request.conversationId, { waitMs });
      if (!held.ok) return { ok: false, kind: 'timeout' };
      return { ok: true, run: (fn) => fn(), end: () => held.release() };
    },
  };
}

// Runs a widget activity as a bot turn through the same adapter and bot as /api/messages, one turn at a time
// per conversation (the same turn lock). The activity did not come over HTTP from a channel, so there is no
// channel token to check: the endpoint itself vouches for it (it checked the Direct Line token), and the turn
// gets the bot's own identity, as a proactive turn does. Replies go to the activity's serviceUrl, this
// server's connector endpoint, by the adapter's ordinary connector client.

export type TurnOutcome = { ok: true } | { ok: false; error: { kind: 'busy' } | { kind: 'failed'; message: string } };

type AuthenticateRequestResult = Exclude<Parameters<CloudAdapter['processActivityDirect']>[0], string>;
type ClaimsIdentity = AuthenticateRequestResult['claimsIdentity'];

export interface BotTurnsOptions {
  adapter: CloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  gate: TurnEntrance;
  credentials: BotCredentials;
  log: Logger;
  lockWaitMs?: number;
}

export class BotTurns {
  private readonly auth: ConfigurationBotFrameworkAuthentication;
  private readonly claims: ClaimsIdentity;

  constructor(private readonly o: BotTurnsOptions) {
    const c = o.credentials;
    this.auth = new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: c.appId ?? '',
      MicrosoftAppPassword: c.appPassword ?? '',
      MicrosoftAppType: c.appType ?? (c.appId ? 'MultiTenant' : ''),
      MicrosoftAppTenantId: c.tenantId ?? '',
    });
    // The claims a proactive turn of this bot carries (audience and app id: the bot's own app id, or none).
    this.claims = (o.adapter as unknown as { createClaimsIdentity(appId: string): ClaimsIdentity }).createClaimsIdentity(c.appId ?? '');
  }

  /**
   * Waits for the conversation's turn, calls `beforeTurn` inside it (so what it records comes before the bot's
   * replies; what it returns is added to the activity, e.g. the id it was logged under), then runs the activity
   * through the bot.
   */
  async run(activity: Partial<Activity>, beforeTurn?: () => Promise<Partial<Activity> | void>): Promise<TurnOutcome> {
    const conversationId = activity.conversation?.id ?? '';
    const correlationId = randomUUID();
    const entry = await this.o.gate.enter(
      { conversationId, ...(activity.channelId ? { channelId: activity.channelId } : {}) },
      this.o.lockWaitMs ?? 15_000,
    );
    if (!entry.ok) return { ok: false, error: { kind: 'busy' } };
    const started = Date.now();
    try {
      const added = (await beforeTurn?.()) ?? {};
      const result: AuthenticateRequestResult = {
        claimsIdentity: this.claims,
        connectorFactory: this.auth.createConnectorFactory(this.claims),
        audience: undefined as unknown as string,
        callerId: undefined as unknown as string,
      };
      await entry.run(() => this.o.adapter.processActivityDirect(result, { id: randomUUID(), ...activity, ...added, correlationId } as unknown as Activity, this.o.logic));
      this.o.log.info({ correlationId, activityType: activity.type, channel: activity.channelId, ms: Date.now() - started, outcome: 'ok' }, 'turn');
      return { ok: true };
    } catch (err) {
      const message = err instanceof Error ? err.message.split('\n').slice(0, 3).join(' ') : String(err);
      this.o.log.error({ correlationId, err: message }, 'widget turn could not run');
      return { ok: false, error: { kind: 'failed', message } };
    } finally {
      await entry.end(null).catch((err: unknown) => this.o.log.warn({ correlationId, err: String(err) }, 'turn end failed (state or lock release)'));
    }
  }
}
