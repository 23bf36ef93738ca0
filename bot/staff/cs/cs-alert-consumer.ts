import { OutboxSubscription, consumerName } from '../../proactive/outbox-subscription';
import type { DomainEvent, EventSource, PolicyConfig } from '../../../services/refunds';
import type { AlertPostOutcome, CsChannelAlerts } from './cs-channel-alerts';
import { alertBanner, csAlertOf } from './cs-alert-rules';

// Per-case alerts for CS, from the outbox (consumer group `cs-alerts`): cases entering platform review, failed
// payments, and the deadlines that alert CS. Delivery is at least once; the channel alerts post each event once.

export const CS_ALERTS_GROUP = 'cs-alerts';

export type CsAlertOutcome = AlertPostOutcome | { kind: 'skipped'; why: 'not_for_cs' };

export class CsAlertConsumer {
  private readonly subscription: OutboxSubscription;

  constructor(
    private readonly o: {
      events: EventSource;
      alerts: CsChannelAlerts;
      policy: PolicyConfig;
      group?: string;
      consumer?: string;
    },
  ) {
    this.subscription = new OutboxSubscription(o.events, o.group ?? CS_ALERTS_GROUP, (event) => this.handle(event), o.consumer ?? consumerName());
  }

  async start(): Promise<void> {
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
  }

  /** Handles one delivery; throws (leaving the event pending) only when trying again can help. */
  async handle(event: DomainEvent): Promise<CsAlertOutcome> {
    const alert = csAlertOf(event);
    if (!alert) return { kind: 'skipped', why: 'not_for_cs' };
    // Posted late (the consumer was down), a card for a case that has moved on would ask for work already done.
    return this.o.alerts.postCase(event.id, event.caseId, (ctx) => alertBanner(alert, ctx.t, this.o.policy), (view) => view.c.status === event.to);
  }
}
