import type { AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';

// The staff side of the bot (merchants and CS agents, in Microsoft Teams). Each desk registers what it handles:
// card actions by verb prefix (Universal Actions: `merchant.*`, `cs.*`, `handoff.*`), and messages in order
// until one takes it. The router itself holds no business logic.

export interface StaffMessageHandler {
  /** Returns true when it handled the message. */
  onMessage(context: TurnContext): Promise<boolean>;
}

export type CardActionHandler = (context: TurnContext, verb: string, data: Record<string, unknown>) => Promise<AdaptiveCardInvokeResponse>;

export interface StaffInstallHandler {
  /** The bot was installed, or members changed, in a personal chat, a team or a channel. */
  onInstall(context: TurnContext): Promise<void>;
}

export class StaffRouter {
  private readonly messageHandlers: StaffMessageHandler[] = [];
  private readonly actions = new Map<string, CardActionHandler>();
  private readonly installHandlers: StaffInstallHandler[] = [];
  private fallback: ((context: TurnContext) => Promise<void>) | null = null;

  /** Handlers run in registration order: register the most specific first. */
  addMessageHandler(handler: StaffMessageHandler): this {
    this.messageHandlers.push(handler);
    return this;
  }

  /** `prefix` is the part of the verb before the first dot (`merchant`, `cs`, `handoff`). */
  addCardActions(prefix: string, handler: CardActionHandler): this {
    if (this.actions.has(prefix)) throw new Error(`card actions for ${prefix} registered twice`);
    this.actions.set(prefix, handler);
    return this;
  }

  addInstallHandler(handler: StaffInstallHandler): this {
    this.installHandlers.push(handler);
    return this;
  }

  /** What an unhandled staff message gets (help text). */
  setFallback(fallback: (context: TurnContext) => Promise<void>): this {
    this.fallback = fallback;
    return this;
  }

  async onMessage(context: TurnContext): Promise<void> {
    for (const handler of this.messageHandlers) {
      if (await handler.onMessage(context)) return;
    }
    await this.fallback?.(context);
  }

  async onCardAction(context: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const data = value?.action?.data && typeof value.action.data === 'object' ? (value.action.data as Record<string, unknown>) : {};
    const handler = this.actions.get(verb.split('.')[0] ?? '');
    if (!handler) return badRequest(`unknown action ${verb.slice(0, 64) || '(none)'}`);
    return handler(context, verb, data);
  }

  async onInstall(context: TurnContext): Promise<void> {
    for (const handler of this.installHandlers) await handler.onInstall(context);
  }
}

export function badRequest(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message } };
}

/** The invoke response that replaces the card the user clicked (Universal Actions). */
export function cardResponse(card: Record<string, unknown>): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}

/** A short message instead of a new card. */
export function messageResponse(message: string): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: message as unknown as Record<string, unknown> };
}

/** Teams is where the staff are; every other channel (Web Chat, Direct Line, Emulator, tests) is a buyer's. */
export function isStaffChannel(context: TurnContext): boolean {
  return context.activity.channelId === 'msteams';
}
