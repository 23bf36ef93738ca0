import { OutboxSubscription } from '../../proactive/outbox-subscription';
import type { HandoffReason } from '../../../services/handoff';
import type { DomainEvent, EventSource, OrderCatalogue, RefundCase, RefundService } from '../../../services/refunds';
import { SYSTEM } from '../../../services/refunds';
import type { Lang, MessageKey } from '../../i18n';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { ConversationReferenceStore, DeliveryMarks } from '../../proactive';
import type { HandoffIntake } from './intake';
import { outcomeWords } from './outcome-words';
import { sendInto } from './proactive';
import type { CloudAdapter } from 'botbuilder';

// Cases that need a person even though the buyer did not ask for one (issue 4), from the outbox: the buyer
// escalated after a rejection, a refund payment was definitively declined, a quality complaint went to
// platform review. The buyer's conversation (the one the case was filed from, else their latest) is queued
// for the CS desk and the buyer is told. At least once from the outbox, once in effect: a mark per event.

export const HANDOFF_TRIGGER_GROUP = 'handoff-triggers';

export interface Trigger {
  reason: HandoffReason;
  priority: 'high' | 'normal';
  /** What the buyer is told first. */
  intro: MessageKey;
}

/** Events worth loading the case for. */
export function mayTrigger(event: DomainEvent): boolean {
  return event.type === 'buyer_escalate' || event.type === 'payment_declined' || (event.to === 'platform_review' && event.from !== 'platform_review');
}

/** Whether the event hands the case's buyer to a person, and why. */
export function triggerOf(event: DomainEvent, c: Pick<RefundCase, 'reason' | 'priority'>): Trigger | null {
  // Escalating after a rejection is asking the platform to decide: a person takes it from there.
  if (event.type === 'buyer_escalate') return { reason: 'escalated_after_rejection', priority: c.priority, intro: 'handoffDesk.intro.escalated' };
  // A definitive decline leaves the buyer unpaid until CS retries or settles: urgent.
  if (event.type === 'payment_declined') return { reason: 'payment_failed', priority: 'high', intro: 'handoffDesk.intro.payment' };
  // A quality complaint the policy sent to platform review (high priority by the reasons table); one a CS agent
  // moved there has a person on it already.
  if (event.to === 'platform_review' && event.from !== 'platform_review' && c.reason === 'quality_issue' && event.actor.role !== 'cs') {
    return { reason: 'quality_complaint', priority: 'high', intro: 'handoffDesk.intro.quality' };
  }
  return null;
}

export interface HandoffTriggersDeps {
  events: EventSource;
  refunds: RefundService;
  orders: OrderCatalogue;
  references: ConversationReferenceStore;
  marks: DeliveryMarks;
  intake: HandoffIntake;
  adapter: CloudAdapter;
  appId: string;
  timeZone: string;
  log: Logger;
}

export class HandoffTriggers {
  private readonly subscription: OutboxSubscription;

  constructor(private readonly deps: HandoffTriggersDeps) {
    this.subscription = new OutboxSubscription(deps.events, HANDOFF_TRIGGER_GROUP, (event) => this.handle(event));
  }

  async start(): Promise<void> {
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
  }

  async handle(event: DomainEvent): Promise<void> {
    if (!mayTrigger(event) || (await this.deps.marks.has(event.id))) return;
    const loaded = await this.deps.refunds.getCase(SYSTEM, event.caseId);
    const trigger = loaded.ok ? triggerOf(event, loaded.value) : null;
    if (!loaded.ok || !trigger) return;
    const c = loaded.value;
    const reference = (await this.deps.references.forCase(c.id)) ?? (await this.deps.references.forBuyer(c.buyerId));
    const conversationId = reference?.conversation?.id;
    if (!reference || !conversationId) {
      this.deps.log.info({ caseId: c.id, eventId: event.id, reason: trigger.reason }, 'buyer has no conversation with the bot; no handoff');
      await this.deps.marks.mark(event.id);
      return;
    }
    const lang: Lang = (await this.deps.orders.getBuyer(c.buyerId).catch(() => null))?.language ?? (reference.locale?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN');
    const { outcome, created } = await this.deps.intake.open(
      {
        buyerId: c.buyerId,
        conversationId,
        reason: trigger.reason,
        priority: trigger.priority,
        caseId: c.id,
        orderId: c.orderId,
        language: lang,
        transcript: [],
        reference: reference as Record<string, unknown>,
      },
      { reference },
    );
    // A buyer already waiting for (or talking to) a person hears nothing new.
    if (created) {
      const t = translator(lang);
      const text = outcomeWords(outcome, { t, lang, timeZone: this.deps.timeZone }, [t(trigger.intro, { caseId: c.id })]);
      const sent = await sendInto(this.deps.adapter, this.deps.appId, reference, { type: 'message', text, locale: lang });
      if (!sent.ok) this.deps.log.warn({ caseId: c.id, status: sent.status }, 'buyer not told about the handoff');
    }
    await this.deps.marks.mark(event.id);
  }
}
