import type { TurnContext } from 'botbuilder';
import type { HandoffQueue, HandoffRequest, QueuedHandoff, TranscriptLine } from '../../../services/handoff';
import { answerBy, isOpen, keepLatest, nextOpening } from '../../../services/handoff';
import type { Clock } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { BackgroundTasks } from './background';
import type { HandoffChannel } from './channel';
import type { Address } from './proactive';
import type { ContactCentre } from './protocol';
import type { DeskSettings } from './settings';
import { expectedWaitMinutes } from './settings';
import type { HandoffOutcome } from './turn-desk';

// A request for a person, from the buyer's own turn or from something that happened to their case: queued
// with the conversation's transcript, posted to the CS channel (or handed to the contact centre), and, when no
// agent can take it now, turned into an offer to leave a message. Asking again reports where the first request
// stands.

/** Where a request comes from: the buyer's own turn (with its lines not stored yet), or a conversation reference. */
export interface Via {
  context?: TurnContext;
  reference?: Address | null;
  pending?: readonly TranscriptLine[];
}

export interface IntakeDeps {
  queue: HandoffQueue;
  clock: Clock;
  settings: DeskSettings;
  channel: HandoffChannel;
  contactCentre: ContactCentre;
  tasks: BackgroundTasks;
  log: Logger;
}

export class HandoffIntake {
  constructor(private readonly deps: IntakeDeps) {}

  async request(request: HandoffRequest, via: Via): Promise<HandoffOutcome> {
    return (await this.open(request, via)).outcome;
  }

  /** `created`: this request opened a new handoff (false: it reports an earlier one). */
  async open(request: HandoffRequest, via: Via): Promise<{ outcome: HandoffOutcome; created: boolean }> {
    const existing = await this.deps.queue.current(request.conversationId);
    if (existing && existing.status !== 'closed') return { outcome: await this.standing(existing), created: false };
    const queued = await this.enqueue(request, via.pending ?? []);
    if (queued.value.alreadyQueued) return { outcome: await this.standing(queued.value.handoff), created: false };
    return { outcome: await this.route(queued.value.handoff, queued.value.position, via), created: true };
  }

  private async enqueue(request: HandoffRequest, pending: readonly TranscriptLine[]) {
    const { queue, settings } = this.deps;
    const now = this.deps.clock.now();
    const stored = [...(await queue.transcript(request.conversationId)), ...pending];
    const transcript = keepLatest(stored.length > 0 ? stored : request.transcript, settings.transcriptKeep);
    return queue.enqueue({ ...request, transcript }, now);
  }

  /** A new handoff: to the contact centre, or to the CS channel (with an offer to leave a message when closed). */
  private async route(handoff: QueuedHandoff, position: number, via: Via): Promise<HandoffOutcome> {
    const { queue, settings } = this.deps;
    const now = this.deps.clock.now();
    this.deps.log.info({ handoffId: handoff.id, reason: handoff.reason, priority: handoff.priority, caseId: handoff.caseId, mode: settings.mode }, 'handoff requested');

    if (settings.mode === 'protocol') {
      await this.deps.contactCentre.initiate(handoff, via);
      return { kind: 'contact_centre', handoff };
    }
    if (!isOpen(settings.hours, now)) {
      const offered = await queue.offerMessage(handoff.id, now);
      const current = offered.ok ? offered.value : handoff;
      this.deps.tasks.run('post handoff card', () => this.deps.channel.post(handoff.id));
      return { kind: 'leave_message', handoff: current, hours: settings.hoursText, open: false, at: nextOpening(settings.hours, now).toISOString() };
    }
    this.deps.tasks.run('post handoff card', () => this.deps.channel.post(handoff.id));
    return { kind: 'queued', handoff, position, alreadyQueued: false, waitMinutes: expectedWaitMinutes(settings, position) };
  }

  /** Where an earlier request stands. */
  async standing(handoff: QueuedHandoff): Promise<HandoffOutcome> {
    const { settings } = this.deps;
    switch (handoff.status) {
      case 'queued': {
        if (settings.mode === 'protocol') return { kind: 'contact_centre', handoff };
        const position = (await this.deps.queue.position(handoff.conversationId)) ?? 1;
        return { kind: 'queued', handoff, position, alreadyQueued: true, waitMinutes: expectedWaitMinutes(settings, position) };
      }
      case 'assigned':
        return { kind: 'owned', handoff, agentName: handoff.agent?.name ?? '' };
      case 'awaiting_message': {
        const by = answerBy(settings.hours, this.deps.clock.now());
        return { kind: 'leave_message', handoff, hours: settings.hoursText, open: by.open, at: by.at.toISOString() };
      }
      case 'left_message':
        return { kind: 'message_left', handoff };
      case 'closed':
        throw new Error('a closed handoff does not stand');
      default: {
        const never: never = handoff.status;
        throw new Error(`unknown handoff status ${String(never)}`);
      }
    }
  }
}
