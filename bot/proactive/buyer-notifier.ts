import { OutboxSubscription, consumerName } from './outbox-subscription';
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { DomainEvent, EventSource, OrderCatalogue, RefundCase, RefundService, ReturnAddress } from '../../services/refunds';
import { SYSTEM } from '../../services/refunds';
import type { Logger } from '../logger';
import type { Lang } from '../i18n';
import { translator } from '../i18n';
import { attachment } from '../cards/adaptive';
import { notificationMessage } from '../cards/buyer/notification-card';
import type { ConversationReferenceStore, StoredReference } from './conversation-references';
import type { DeliveryMarks } from './delivery-marks';
import { EVENTS_WITH_REMARK, mayConcernBuyer, notificationFor } from './buyer-notifications';

// Tells buyers what happened to their cases, from the outbox (DESIGN.md §3: everything that happens because a
// case changed flows from the domain event to a consumer; the command that changed the case sends nothing).
//
// Delivery is exactly once per event as far as the buyer can see: the outbox delivers at least once, a mark per
// event id is written after a successful send, and an event already marked is acknowledged without sending.
// A connector failure that may pass (5xx, timeout, network) throws, so the event stays pending and is delivered
// again; 403/404 (the buyer blocked or removed the bot, the conversation is gone) will not pass by retrying, so
// it is logged and acknowledged.
//
// Where the message goes: the buyer's latest conversation (saved on every message they send), falling back to
// the conversation the case was filed from (recorded when the filing event comes by). The latest one is where
// the buyer is now: on the web widget every visit of an order page may open a new conversation.

export const BUYER_NOTIFIER_GROUP = 'buyer-notifier';

/** The one adapter method proactive delivery needs; CloudAdapter has it. */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface BuyerNotifierOptions {
  events: EventSource;
  adapter: ProactiveAdapter;
  /** The bot's Microsoft app id; empty when running without one (Emulator, tests). */
  appId?: string;
  references: ConversationReferenceStore;
  marks: DeliveryMarks;
  refunds: RefundService;
  /** The buyer's profile language comes from here. */
  buyers: Pick<OrderCatalogue, 'getBuyer'>;
  /** The platform's time zone, for dates shown to buyers. */
  timeZone: string;
  log: Logger;
  group?: string;
  /** This instance's consumer name within the group. */
  consumer?: string;
  /** Whether a person owns the conversation (a handoff): the bot then sends nothing of its own there. */
  isOwned?: (conversationId: string) => Promise<boolean>;
}

export type NotifyOutcome =
  | { kind: 'sent'; conversationId: string }
  | { kind: 'skipped'; why: 'not_for_buyer' | 'already_sent' | 'case_gone' | 'no_conversation' | 'owned_by_person' }
  | { kind: 'unreachable'; status: number; code?: string };

export class BuyerNotifier {
  private readonly o: Required<Omit<BuyerNotifierOptions, 'appId' | 'isOwned'>> & Pick<BuyerNotifierOptions, 'isOwned'> & { appId: string };
  private readonly subscription: OutboxSubscription;

  constructor(options: BuyerNotifierOptions) {
    this.o = {
      ...options,
      appId: options.appId ?? '',
      group: options.group ?? BUYER_NOTIFIER_GROUP,
      consumer: options.consumer ?? consumerName(),
    };
    this.subscription = new OutboxSubscription(this.o.events, this.o.group, (event) => this.handle(event), this.o.consumer);
  }

  async start(): Promise<void> {
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
  }

  /** Handles one delivery of an event. Throws (leaving the event pending) only when trying again can help. */
  async handle(event: DomainEvent): Promise<NotifyOutcome> {
    if (event.type === 'file' && event.actor.role === 'buyer') await this.rememberFilingConversation(event);
    if (!mayConcernBuyer(event)) return { kind: 'skipped', why: 'not_for_buyer' };
    if (await this.o.marks.has(event.id)) return { kind: 'skipped', why: 'already_sent' };

    const loaded = await this.o.refunds.getCase(SYSTEM, event.caseId);
    if (!loaded.ok) {
      this.o.log.warn({ caseId: event.caseId, eventId: event.id }, 'case of an event is gone; buyer not notified');
      return { kind: 'skipped', why: 'case_gone' };
    }
    const c = loaded.value;
    const notification = notificationFor(event, c, {
      policy: this.o.refunds.policy,
      ...(EVENTS_WITH_REMARK.has(event.type) ? { remark: await this.remarkOf(event) } : {}),
      ...(await this.shopAddressIfNeeded(event, c)),
    });
    if (!notification) return { kind: 'skipped', why: 'not_for_buyer' };

    const reference = (await this.o.references.forBuyer(c.buyerId)) ?? (await this.o.references.forCase(c.id));
    if (!reference) {
      // The buyer never wrote to the bot (filed elsewhere): there is nowhere to send it.
      this.o.log.info({ caseId: c.id, eventId: event.id, notification: notification.kind }, 'buyer has no conversation with the bot; not notified');
      return { kind: 'skipped', why: 'no_conversation' };
    }

    // While a person talks with the buyer there, the bot keeps quiet (issue 4): the agent sees the case anyway.
    if (reference.conversation?.id && (await this.o.isOwned?.(reference.conversation.id))) {
      this.o.log.info({ caseId: c.id, eventId: event.id, notification: notification.kind }, 'a person owns the buyer\'s conversation; not notified');
      return { kind: 'skipped', why: 'owned_by_person' };
    }
    const lang = await this.languageOf(c.buyerId, reference);
    const message = notificationMessage(notification, { t: translator(lang), lang, timeZone: this.o.timeZone });
    const activity: Partial<Activity> = message.card ? MessageFactory.attachment(attachment(message.card), message.text) : MessageFactory.text(message.text);
    activity.locale = lang;

    const conversationId = reference.conversation?.id ?? '';
    const failure = await this.send(reference, activity);
    if (failure) {
      const err = failure.error;
      const status = statusOf(err);
      if (status === 403 || status === 404) {
        const code = errorCodeOf(err);
        this.o.log.warn({ caseId: c.id, eventId: event.id, conversationId, status, ...(code ? { code } : {}) }, 'buyer unreachable (blocked the bot or conversation gone); notification dropped');
        return { kind: 'unreachable', status, ...(code ? { code } : {}) };
      }
      throw err;
    }

    const first = await this.o.marks.mark(event.id);
    if (!first) this.o.log.warn({ caseId: c.id, eventId: event.id }, 'event was notified by two deliveries at once');
    this.o.log.info({ caseId: c.id, eventId: event.id, notification: notification.kind, conversationId }, 'buyer notified');
    return { kind: 'sent', conversationId };
  }

  /**
   * Sends one activity into the conversation; the send's failure is returned, not thrown. Thrown inside the
   * turn, it would reach the adapter's turn error handler, which is made for buyers' turns (it resets their
   * conversation state) and swallows the error.
   */
  private async send(reference: StoredReference, activity: Partial<Activity>): Promise<{ error: unknown } | null> {
    const outcome: { sent: boolean; error?: unknown } = { sent: false };
    try {
      await this.o.adapter.continueConversationAsync(this.o.appId, reference, async (context) => {
        try {
          await context.sendActivity(activity);
          outcome.sent = true;
        } catch (error) {
          outcome.error = error;
        }
      });
    } catch (error) {
      return { error };
    }
    return outcome.sent ? null : { error: outcome.error ?? new Error('the adapter did not run the send') };
  }

  private async rememberFilingConversation(event: DomainEvent): Promise<void> {
    const latest = await this.o.references.forBuyer(event.actor.id);
    if (latest) await this.o.references.saveForCase(event.caseId, latest);
  }

  private async remarkOf(event: DomainEvent): Promise<string | undefined> {
    const trail = await this.o.refunds.auditTrail(SYSTEM, event.caseId);
    return trail.ok ? trail.value.find((entry) => entry.version === event.version)?.remark : undefined;
  }

  /** An approval to ship a return needs an address; a CS approval after an escalation never recorded one. */
  private async shopAddressIfNeeded(event: DomainEvent, c: RefundCase): Promise<{ shopReturnAddress?: ReturnAddress }> {
    const needsAddress = event.to === 'awaiting_return_shipment' && !c.returnAddress;
    if (!needsAddress) return {};
    const shop = await this.o.refunds.shopOf(c.shopId);
    return shop ? { shopReturnAddress: shop.returnAddress } : {};
  }

  private async languageOf(buyerId: string, reference: StoredReference): Promise<Lang> {
    const buyer = await this.o.buyers.getBuyer(buyerId);
    if (buyer) return buyer.language;
    return reference.locale?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
  }
}

/** The HTTP status of a failed connector call (botframework-connector throws RestError with `statusCode`). */
function statusOf(err: unknown): number | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  for (const v of [e.statusCode, e.status, e.response?.status]) if (typeof v === 'number') return v;
  return null;
}

function errorCodeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; body?: { error?: { code?: unknown } }; response?: { parsedBody?: { error?: { code?: unknown } }; bodyAsText?: unknown } };
  const fromBody = e.body?.error?.code ?? e.response?.parsedBody?.error?.code;
  if (typeof fromBody === 'string') return fromBody;
  if (typeof e.response?.bodyAsText === 'string') {
    try {
      const parsed = JSON.parse(e.response.bodyAsText) as { error?: { code?: unknown } };
      if (typeof parsed.error?.code === 'string') return parsed.error.code;
    } catch {
      // not JSON
    }
  }
  return typeof e.code === 'string' ? e.code : undefined;
}
