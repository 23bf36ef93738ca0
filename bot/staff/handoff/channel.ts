import type { Activity } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff } from '../../../services/handoff';
import { answerBy } from '../../../services/handoff';
import type { Clock } from '../../../services/refunds';
import type { Lang } from '../../i18n';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import { attachment } from '../../cards/adaptive';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { CardContext } from '../../cards/buyer/case-words';
import { handoffPacketCard, leftMessageCard } from '../../cards/staff/handoff-packet-card';
import { referenceOf } from '../../proactive';
import type { StaffReferences } from '../staff-references';
import type { PacketBuilder } from './packet';
import type { Address } from './proactive';
import { sendInto, withConversation } from './proactive';
import type { DeskSettings } from './settings';
import type { CloudAdapter } from 'botbuilder';

// The CS channel side of handoffs: one card per handoff, posted once (an instance claims it first, so two
// instances do not both post), updated in place as the handoff moves on, and a separate post when a buyer
// leaves a message. The channel's language is the one of the activity its reference was taken from.

export interface HandoffChannelDeps {
  adapter: CloudAdapter;
  appId: string;
  references: StaffReferences;
  queue: HandoffQueue;
  packets: PacketBuilder;
  settings: DeskSettings;
  clock: Clock;
  log: Logger;
}

export class HandoffChannel {
  constructor(private readonly deps: HandoffChannelDeps) {}

  /** Remembers where the CS channel is, from an activity seen in it (install or message). */
  async remember(activity: Partial<Activity>): Promise<void> {
    const channelId = this.deps.settings.channelId;
    if (!channelId || !inChannel(activity, channelId)) return;
    const reference = referenceOf(activity);
    await this.deps.references.saveChannel(channelId, { ...reference, conversation: { ...(reference.conversation ?? {}), id: channelId } as NonNullable<Address['conversation']> });
  }

  /** Where to post: the channel itself, never a reply inside the thread the reference was taken from. */
  async reference(): Promise<Address | null> {
    const channelId = this.deps.settings.channelId;
    const stored = channelId ? await this.deps.references.channel(channelId) : null;
    if (!stored || !channelId) return null;
    const { activityId: _thread, ...reference } = stored;
    return { ...reference, conversation: { ...(reference.conversation ?? {}), id: channelId } as NonNullable<Address['conversation']> };
  }

  langOf(reference: Address | null): Lang {
    return reference?.locale?.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
  }

  async card(handoff: QueuedHandoff, lang?: Lang): Promise<AdaptiveCard> {
    const l = lang ?? this.langOf(await this.reference());
    return handoffPacketCard(await this.deps.packets.build(handoff, l), this.cardContext(l), this.cardOptions(handoff));
  }

  cardContext(lang: Lang): CardContext {
    return { t: translator(lang), lang, timeZone: this.deps.settings.timeZone };
  }

  /** Posts the handoff's card unless it was posted (or is being posted) already. Returns whether it posted. */
  async post(handoffId: string): Promise<boolean> {
    const reference = await this.reference();
    if (!reference) {
      this.deps.log.warn({ handoffId, channelId: this.deps.settings.channelId }, 'CS channel unknown (install the bot in it): handoff card not posted yet');
      return false;
    }
    const claimed = await this.deps.queue.claimCard(handoffId, this.deps.clock.now(), this.deps.settings.cardClaimStaleMs);
    if (!claimed.ok) return false;
    const lang = this.langOf(reference);
    const card = await this.card(claimed.value, lang);
    const sent = await sendInto(this.deps.adapter, this.deps.appId, reference, { type: 'message', attachments: [attachment(card)] });
    if (!sent.ok || !sent.value?.id) {
      this.deps.log.warn({ handoffId, status: sent.ok ? null : sent.status, err: sent.ok ? undefined : String(sent.error) }, 'could not post the handoff card; it is tried again later');
      await this.deps.queue.recordCard(handoffId, null);
      return false;
    }
    await this.deps.queue.recordCard(handoffId, { conversationId: String(reference.conversation?.id ?? ''), activityId: sent.value.id });
    this.deps.log.info({ handoffId, reason: claimed.value.reason, priority: claimed.value.priority }, 'handoff card posted');
    return true;
  }

  /** Redraws the posted card from the handoff's current record. */
  async update(handoff: QueuedHandoff): Promise<void> {
    if (!handoff.card) return;
    const reference = await this.reference();
    if (!reference) return;
    const card = await this.card(handoff, this.langOf(reference));
    const target = handoff.card;
    const done = await withConversation(this.deps.adapter, this.deps.appId, reference, (context) =>
      context.updateActivity({
        type: 'message',
        id: target.activityId,
        conversation: { ...(reference.conversation ?? {}), id: target.conversationId } as Activity['conversation'],
        attachments: [attachment(card)],
      }),
    );
    if (!done.ok) this.deps.log.warn({ handoffId: handoff.id, status: done.status }, 'could not update the handoff card');
  }

  /** A buyer left a message: the card says so, and a fresh post brings it to the desk's attention. */
  async postLeftMessage(handoff: QueuedHandoff): Promise<void> {
    await this.update(handoff);
    const reference = await this.reference();
    if (!reference) return;
    const lang = this.langOf(reference);
    const card = leftMessageCard(await this.deps.packets.build(handoff, lang), this.cardContext(lang), this.cardOptions(handoff));
    const sent = await sendInto(this.deps.adapter, this.deps.appId, reference, { type: 'message', attachments: [attachment(card)] });
    if (!sent.ok) this.deps.log.warn({ handoffId: handoff.id, status: sent.status }, 'could not post the left message');
  }

  private cardOptions(handoff: QueuedHandoff) {
    const by = handoff.message ? answerBy(this.deps.settings.hours, new Date(handoff.message.at)).at.toISOString() : undefined;
    return { ...(by ? { answerBy: by } : {}), refreshUserIds: this.deps.settings.agentIds };
  }
}

function inChannel(activity: Partial<Activity>, channelId: string): boolean {
  const data = activity.channelData as { channel?: { id?: unknown } } | undefined;
  return (activity.conversation?.id ?? '').split(';')[0] === channelId || data?.channel?.id === channelId;
}
