import type { HandoffQueue, QueuedHandoff } from '../../../services/handoff';
import { answerBy, isOpen } from '../../../services/handoff';
import type { Clock } from '../../../services/refunds';
import { formatDateTime, translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { HandoffChannel } from './channel';
import type { Relay } from './relay';
import type { DeskSettings } from './settings';

// Looks at the waiting handoffs every little while (on every instance: each step is a compare-and-set, so only
// one instance acts): a card that was never posted (the channel was unknown, the post failed, the instance
// died) is posted; a buyer who waited longer than CS_MAX_WAIT_MINUTES, or is still waiting when the desk
// closes, is offered to leave a message instead.

/** A card the requesting instance should have posted by now. */
const POST_GRACE_MS = 10_000;

export class QueueWatch {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly deps: { queue: HandoffQueue; channel: HandoffChannel; relay: Relay; clock: Clock; settings: DeskSettings; log: Logger }) {}

  start(): void {
    if (this.timer || this.deps.settings.mode !== 'teams') return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.check()
        .catch((err: unknown) => this.deps.log.error({ err: String(err) }, 'handoff queue check failed; it runs again at the next interval'))
        .finally(() => {
          this.running = null;
        });
    }, this.deps.settings.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  async check(): Promise<void> {
    const now = this.deps.clock.now();
    const open = isOpen(this.deps.settings.hours, now);
    for (const handoff of await this.deps.queue.waiting()) {
      const waited = now.getTime() - Date.parse(handoff.queuedAt);
      if (!handoff.card && waited >= POST_GRACE_MS) await this.deps.channel.post(handoff.id);
      if (!open || waited >= this.deps.settings.maxWaitMs) await this.offerMessage(handoff, now);
    }
  }

  private async offerMessage(handoff: QueuedHandoff, now: Date): Promise<void> {
    const offered = await this.deps.queue.offerMessage(handoff.id, now);
    // Only the instance whose change it was tells the buyer.
    if (!offered.ok || offered.value.offeredAt !== now.toISOString()) return;
    const h = offered.value;
    const lang = h.language;
    const t = translator(lang);
    const by = answerBy(this.deps.settings.hours, now);
    const at = formatDateTime(by.at, lang, this.deps.settings.timeZone);
    const text = by.open ? t('handoffDesk.noAgent', { answerBy: at }) : t('handoffDesk.closedHours', { hours: this.deps.settings.hoursText, opensAt: at });
    await this.deps.relay.tellBuyer(h, [{ type: 'message', text, locale: lang }]);
    await this.deps.channel.update(h);
    this.deps.log.info({ handoffId: h.id, waitedMs: now.getTime() - Date.parse(h.queuedAt) }, 'no agent took the handoff: buyer offered to leave a message');
  }
}
