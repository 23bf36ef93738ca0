import type { Middleware, TurnContext } from 'botbuilder';
import type { TurnLock } from './turn-lock';

/** A turn waited its full time for the conversation's previous turn; the server answers 503. */
export class TurnBusyError extends Error {
  override readonly name = 'TurnBusyError';
  readonly kind = 'turn_busy';

  constructor(
    readonly conversationId: string,
    readonly waitedMs: number,
  ) {
    super(`Conversation "${conversationId}" is busy with another turn.`);
  }
}

export interface TurnLockMiddlewareOptions {
  /** How long a turn waits for the previous one; undefined: the lock's default. */
  waitMs?: number;
  /** Activity types whose turns are serialized. Default message and invoke: the ones that change state. */
  activityTypes?: readonly string[];
}

/**
 * Runs the turns of one conversation one at a time. Register it before the state middleware
 * (AutoSaveStateMiddleware), so that state is loaded and saved inside the lock.
 */
export class TurnLockMiddleware implements Middleware {
  private readonly waitMs: number | undefined;
  private readonly activityTypes: ReadonlySet<string>;

  constructor(
    private readonly lock: TurnLock,
    options: TurnLockMiddlewareOptions = {},
  ) {
    this.waitMs = options.waitMs;
    this.activityTypes = new Set(options.activityTypes ?? ['message', 'invoke']);
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const conversationId = context.activity.conversation?.id;
    if (!conversationId || !this.activityTypes.has(context.activity.type)) {
      await next();
      return;
    }

    const askedAt = Date.now();
    const lease = await this.lock.acquire(conversationId, this.waitMs === undefined ? {} : { waitMs: this.waitMs });
    if (!lease.ok) throw new TurnBusyError(conversationId, Date.now() - askedAt);

    let turnFailed = false;
    try {
      await next();
    } catch (error) {
      turnFailed = true;
      throw error;
    } finally {
      try {
        await lease.release();
      } catch (releaseError) {
        // The turn's own error says more; an unreleased lease lapses by itself.
        if (!turnFailed) throw releaseError;
      }
    }
  }
}
