import type { EndError, HandoffParty, HandoffQueue, HandoffResult, QueuedHandoff } from '../../../services/handoff';
import type { Clock, RefundService } from '../../../services/refunds';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { BackgroundTasks } from './background';
import type { HandoffChannel } from './channel';
import type { Relay } from './relay';
import { resumeActivities } from './resume';

// The agent hands the conversation back: the buyer is told who left and the bot picks up again (a rating for a
// finished case, else the menu); the CS channel card shows it ended.

export interface HandBackDeps {
  queue: HandoffQueue;
  relay: Relay;
  channel: HandoffChannel;
  refunds: RefundService;
  clock: Clock;
  timeZone: string;
  tasks: BackgroundTasks;
  log: Logger;
}

export class HandBack {
  constructor(private readonly deps: HandBackDeps) {}

  async end(handoff: QueuedHandoff, by: HandoffParty): Promise<HandoffResult<EndError>> {
    const ended = await this.deps.queue.end(handoff.id, by, this.deps.clock.now());
    if (!ended.ok) return ended;
    const h = ended.value;
    const words = translator(h.language)('handoffDesk.ended', { agent: by.name ?? h.agent?.name ?? '' });
    await this.deps.relay.tellBuyer(h, await resumeActivities(h, words, { refunds: this.deps.refunds, timeZone: this.deps.timeZone }));
    this.deps.tasks.run('update handoff card', () => this.deps.channel.update(h));
    this.deps.log.info({ handoffId: h.id, by: by.id }, 'handoff handed back to the bot');
    return ended;
  }
}
