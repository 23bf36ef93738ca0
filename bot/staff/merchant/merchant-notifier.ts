import { OutboxSubscription, consumerName } from '../../proactive/outbox-subscription';
import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { MerchantBinding, MerchantDirectory } from '../../../services/merchants';
import type { Clock, DomainEvent, EventSource, RefundService } from '../../../services/refunds';
import { SYSTEM } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { Lang } from '../../i18n';
import { langOfLocale, translator } from '../../i18n';
import { attachment } from '../../cards/adaptive';
import type { MerchantCaseView } from '../../cards/staff/merchant-case-view';
import { merchantNoticeMessage } from '../../cards/staff/merchant-notice-message';
import type { DeliveryMarks, ProactiveAdapter } from '../../proactive';
import type { CsAlerts } from '../cs-alerts';
import type { Reference, StaffReferences } from '../staff-references';
import type { CaseViews } from './case-views';
import { classifyFailure } from './connector-errors';
import type { MerchantNotice } from './merchant-notices';
import { merchantNoticeFor, stillRelevant } from './merchant-notices';

// Tells every merchant of a case's shop what happened to it, from the outbox (DESIGN.md §3), in their personal
// chat with the bot. Exactly once per event and merchant: a delivery mark `${event.id}:${userId}` is written after
// a send, and a redelivered event skips the merchants already marked. The merchant who caused the event is not
// told (their click was answered already).
//
// A merchant who blocked or removed the app (403 MessageWritesBlocked / BotNotInConversationRoster) is marked
// unreachable and CS is alerted, once, when that starts; the shop's other merchants still get the message and the
// case's deadlines run as always (the core's timers do not depend on anyone being told). A failure that may pass
// (5xx, network) leaves the event pending so it is delivered again; the merchants already told are not told twice.

export const MERCHANT_NOTIFIER_GROUP = 'merchant-notifier';

export interface MerchantNotifierOptions {
  events: EventSource;
  adapter: ProactiveAdapter;
  appId?: string;
  directory: Pick<MerchantDirectory, 'merchantsOf' | 'markUnreachable' | 'markReachable'>;
  references: Pick<StaffReferences, 'user'>;
  marks: DeliveryMarks;
  service: Pick<RefundService, 'getCase'>;
  views: Pick<CaseViews, 'of'>;
  /** Read at each alert: the CS desk may be wired after this desk. */
  alerts: () => CsAlerts;
  clock: Clock;
  timeZone: string;
  log: Logger;
  group?: string;
  consumer?: string;
}

export type MerchantDeliveryOutcome = 'sent' | 'already_sent' | 'caused_it' | 'no_conversation' | 'unreachable' | 'dropped' | 'failed';

export type MerchantNotifyResult =
  | { kind: 'skipped'; why: 'not_for_merchants' | 'case_gone' | 'moved_on' }
  | { kind: 'delivered'; deliveries: { userId: string; outcome: MerchantDeliveryOutcome }[] };

export class MerchantNotifier {
  private readonly o: MerchantNotifierOptions & { appId: string; group: string; consumer: string };
  private readonly subscription: OutboxSubscription;

  constructor(options: MerchantNotifierOptions) {
    this.o = {
      ...options,
      appId: options.appId ?? '',
      group: options.group ?? MERCHANT_NOTIFIER_GROUP,
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

  /** Handles one delivery of an event; throws (the event stays pending) only when trying again can help. */
  async handle(event: DomainEvent): Promise<MerchantNotifyResult> {
    const notice = merchantNoticeFor(event);
    if (!notice) return { kind: 'skipped', why: 'not_for_merchants' };
    const loaded = await this.o.service.getCase(SYSTEM, event.caseId);
    if (!loaded.ok) {
      this.o.log.warn({ caseId: event.caseId, eventId: event.id }, 'case of an event is gone; merchants not notified');
      return { kind: 'skipped', why: 'case_gone' };
    }
    const c = loaded.value;
    if (!stillRelevant(notice, c.status)) return { kind: 'skipped', why: 'moved_on' };

    const merchants = await this.o.directory.merchantsOf(c.shopId);
    let view: MerchantCaseView | null = null;
    const deliveries: { userId: string; outcome: MerchantDeliveryOutcome }[] = [];
    let retry: unknown = null;
    for (const merchant of merchants) {
      const outcome = await this.deliver(event, notice, merchant, async () => (view ??= await this.o.views.of(c))).catch((error: unknown) => {
        retry ??= error;
        return 'failed' as const;
      });
      deliveries.push({ userId: merchant.userId, outcome });
    }
    if (retry !== null) throw retry;
    return { kind: 'delivered', deliveries };
  }

  private async deliver(event: DomainEvent, notice: MerchantNotice, merchant: MerchantBinding, viewOf: () => Promise<MerchantCaseView>): Promise<MerchantDeliveryOutcome> {
    const log = { caseId: event.caseId, eventId: event.id, userId: merchant.userId, notice: notice.kind };
    if (event.actor.role === 'merchant' && event.actor.id === merchant.userId) return 'caused_it';
    const mark = `${event.id}:${merchant.userId}`;
    if (await this.o.marks.has(mark)) return 'already_sent';
    const reference = await this.o.references.user(merchant.userId);
    if (!reference) {
      // Linked (the code was typed somewhere) but never seen in a personal chat with the bot: nowhere to write.
      this.o.log.info(log, 'merchant has no personal chat with the bot; not notified');
      return 'no_conversation';
    }
    const lang: Lang = langOfLocale(reference.locale) ?? 'zh-CN';
    const message = merchantNoticeMessage(notice, await viewOf(), { t: translator(lang), lang, timeZone: this.o.timeZone }, event);
    const activity: Partial<Activity> = message.card ? MessageFactory.attachment(attachment(message.card), message.text) : MessageFactory.text(message.text);
    activity.locale = lang;

    const failure = await this.send(reference, activity);
    if (!failure) {
      await this.o.marks.mark(mark);
      if (merchant.unreachable) await this.o.directory.markReachable(merchant.userId);
      this.o.log.info(log, 'merchant notified');
      return 'sent';
    }
    const why = classifyFailure(failure.error);
    switch (why.kind) {
      case 'blocked':
        this.o.log.warn({ ...log, code: why.code }, 'merchant unreachable (blocked or removed the app)');
        // CS hears of it when it starts; alerting first means a failed alert is retried with the event.
        if (!merchant.unreachable) await this.o.alerts().merchantUnreachable(merchant.shopId, merchant.userId, event.caseId);
        await this.o.directory.markUnreachable(merchant.userId, why.code, this.o.clock.now());
        await this.o.marks.mark(mark);
        return 'unreachable';
      case 'rejected':
        this.o.log.warn({ ...log, status: why.status, ...(why.code ? { code: why.code } : {}) }, 'connector refused the message; dropped for this merchant');
        await this.o.marks.mark(mark);
        return 'dropped';
      case 'transient':
        this.o.log.warn({ ...log, err: String(why.error) }, 'message to merchant failed; the event will be delivered again');
        throw why.error;
      default: {
        const never: never = why;
        throw new Error(`unknown failure ${JSON.stringify(never)}`);
      }
    }
  }

  /**
   * Sends one activity; the failure is returned, not thrown. Thrown inside the turn, it would reach the adapter's
   * turn error handler, which is made for conversations with the bot and swallows it.
   */
  private async send(reference: Reference, activity: Partial<Activity>): Promise<{ error: unknown } | null> {
    const outcome: { sent: boolean; error?: unknown } = { sent: false };
    try {
      await this.o.adapter.continueConversationAsync(this.o.appId, reference, async (context) => {
        // The SDK gives the continuation an invented id and would send a "reply" to it: this is a new message.
        context.onSendActivities(async (_ctx, activities, next) => {
          for (const a of activities) delete a.replyToId;
          return next();
        });
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
}
