import type { Activity, CloudAdapter, Transcript, TurnContext } from 'botbuilder';
import { EventFactory, HandoffEventNames } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff } from '../../../services/handoff';
import type { Clock, RefundService } from '../../../services/refunds';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { Address } from './proactive';
import { withConversation } from './proactive';
import { resumeActivities } from './resume';

// HANDOFF_MODE=protocol: instead of the Teams desk, the conversation is handed to a contact centre through
// the Bot Framework handoff protocol. The bot sends `handoff.initiate` into the buyer's conversation (the
// channel's contact-centre integration picks it up) with the transcript attached, and the integration reports
// back with `handoff.status` events: accepted (a person owns the conversation: the bot stays quiet), failed or
// completed (the conversation is the bot's again).

/** The agent recorded for a handoff a contact centre accepted. */
export const CONTACT_CENTRE = { id: 'contact-centre', name: 'contact centre' } as const;

export interface ContactCentreDeps {
  adapter: CloudAdapter;
  appId: string;
  queue: HandoffQueue;
  refunds: RefundService;
  clock: Clock;
  timeZone: string;
  log: Logger;
}

export class ContactCentre {
  constructor(private readonly deps: ContactCentreDeps) {}

  /** Sends `handoff.initiate` into the buyer's conversation: in the buyer's own turn, or proactively. */
  async initiate(handoff: QueuedHandoff, via: { context?: TurnContext; reference?: Address | null }): Promise<boolean> {
    const send = async (context: TurnContext): Promise<void> => {
      await context.sendActivity(EventFactory.createHandoffInitiation(context, handoffContextOf(handoff), transcriptOf(handoff)));
    };
    if (via.context) {
      await send(via.context);
      return true;
    }
    if (!via.reference) return false;
    const sent = await withConversation(this.deps.adapter, this.deps.appId, via.reference, send);
    if (!sent.ok) this.deps.log.warn({ handoffId: handoff.id, status: sent.status }, 'could not send handoff.initiate');
    return sent.ok;
  }

  /** Handles a `handoff.status` event from the buyer's channel; false for any other activity. */
  async onEvent(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    if (activity.type !== 'event' || activity.name !== HandoffEventNames.HandoffStatus) return false;
    const value = (activity.value ?? {}) as { state?: unknown; message?: unknown };
    const state = typeof value.state === 'string' ? value.state : '';
    const handoff = await this.deps.queue.current(activity.conversation?.id ?? '');
    // The buyer's own client can send events too: a buyer does not report on their own handoff.
    if (handoff && activity.from?.id === handoff.buyerId) {
      this.deps.log.warn({ handoffId: handoff.id, state }, 'handoff.status from the buyer ignored');
      return true;
    }
    if (!handoff || handoff.status === 'closed') {
      this.deps.log.info({ state, conversationId: activity.conversation?.id }, 'handoff.status for a conversation with no handoff under way');
      return true;
    }
    const now = this.deps.clock.now();
    const t = translator(handoff.language);
    switch (state) {
      case 'accepted': {
        const taken = await this.deps.queue.take(handoff.id, { ...CONTACT_CENTRE }, now);
        if (taken.ok) await context.sendActivity({ type: 'message', text: t('handoffDesk.protocol.accepted'), locale: handoff.language });
        return true;
      }
      case 'failed':
      case 'completed': {
        const ended = await this.deps.queue.end(handoff.id, { role: 'system', id: CONTACT_CENTRE.id }, now);
        if (!ended.ok) return true;
        const words = state === 'failed' ? t('handoffDesk.protocol.failed') : t('handoffDesk.protocol.completed');
        const activities = await resumeActivities(ended.value, words, { refunds: this.deps.refunds, timeZone: this.deps.timeZone });
        await context.sendActivities(activities);
        this.deps.log.info({ handoffId: handoff.id, state, message: typeof value.message === 'string' ? value.message : undefined }, 'contact centre handoff over');
        return true;
      }
      default:
        this.deps.log.warn({ state, handoffId: handoff.id }, 'unknown handoff.status state');
        return true;
    }
  }
}

/** What the contact centre routes on: who, why, how urgent, about what. */
function handoffContextOf(h: QueuedHandoff): Record<string, unknown> {
  return {
    handoffId: h.id,
    buyerId: h.buyerId,
    reason: h.reason,
    priority: h.priority,
    language: h.language,
    ...(h.caseId ? { caseId: h.caseId } : {}),
    ...(h.orderId ? { orderId: h.orderId } : {}),
    skill: 'refunds',
  };
}

/** The conversation so far as Bot Framework activities (masked, as stored). */
function transcriptOf(h: QueuedHandoff): Transcript {
  const activities = h.transcript.map((line, i) => ({
    type: 'message',
    id: `${h.id}:${i}`,
    timestamp: line.at,
    text: line.text,
    from: line.from === 'buyer' ? { id: h.buyerId, role: 'user' } : { id: line.from, role: 'bot' },
    ...(line.attachments?.length ? { attachments: line.attachments.map((a) => ({ contentType: a.contentType ?? 'application/octet-stream', contentUrl: a.url, ...(a.name ? { name: a.name } : {}) })) } : {}),
  }));
  return { activities: activities as unknown as Activity[] };
}
