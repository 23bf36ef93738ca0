import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff } from '../../../services/handoff';
import type { Clock } from '../../../services/refunds';
import { formatDateTime, translator } from '../../i18n';
import type { Lang } from '../../i18n';
import type { Logger } from '../../logger';
import { attachment } from '../../cards/adaptive';
import type { AdaptiveCard } from '../../cards/adaptive';
import { HANDOFF_VERBS } from '../../cards/staff/handoff-packet-card';
import { noticeCard, relayEndedCard, relayStartCard } from '../../cards/staff/handoff-relay-card';
import { badRequest, cardResponse, messageResponse } from '../staff-router';
import type { Agents } from './agents';
import { agentIdOf, langOfLocale } from './agents';
import type { BackgroundTasks } from './background';
import type { HandoffChannel } from './channel';
import type { HandBack } from './handback';
import type { PacketBuilder } from './packet';
import type { Relay } from './relay';
import type { DeskSettings } from './settings';

// The handoff card's buttons (Universal Actions): take (racing agents: one wins, the others get the card
// saying who has it), end (hand back to the bot), focus (talk to this buyer), refresh (the card as it is now).

export interface HandoffCardActionDeps {
  queue: HandoffQueue;
  agents: Agents;
  channel: HandoffChannel;
  relay: Relay;
  handBack: HandBack;
  packets: PacketBuilder;
  clock: Clock;
  settings: DeskSettings;
  tasks: BackgroundTasks;
  log: Logger;
}

export class HandoffCardActions {
  constructor(private readonly deps: HandoffCardActionDeps) {}

  readonly handle = async (context: TurnContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCardInvokeResponse> => {
    const lang = langOfLocale(context.activity.locale);
    const t = translator(lang);
    const handoffId = typeof data.handoffId === 'string' ? data.handoffId : '';
    if (!handoffId) return badRequest('handoffId missing');
    if (!this.deps.agents.isAgent(context.activity)) return cardResponse(noticeCard(t('handoffDesk.notAgent')));
    const handoff = await this.deps.queue.get(handoffId);
    if (!handoff) return cardResponse(noticeCard(t('handoffDesk.gone')));
    switch (verb) {
      case HANDOFF_VERBS.take:
        return this.take(context, handoff);
      case HANDOFF_VERBS.end:
        return this.end(context, handoff, lang);
      case HANDOFF_VERBS.focus:
        return this.focus(context, handoff, lang);
      case HANDOFF_VERBS.refresh:
        return cardResponse(await this.deps.channel.card(handoff));
      default:
        return badRequest(`unknown action ${verb.slice(0, 64)}`);
    }
  };

  private async take(context: TurnContext, handoff: QueuedHandoff): Promise<AdaptiveCardInvokeResponse> {
    const agent = await this.deps.agents.agentOf(context);
    if (!agent) return cardResponse(noticeCard(translator(langOfLocale(context.activity.locale))('handoffDesk.gone')));
    const now = this.deps.clock.now();
    const taken = await this.deps.queue.take(handoff.id, agent, now);
    if (!taken.ok) {
      switch (taken.error.kind) {
        case 'taken':
          return cardResponse(await this.lostCard(taken.error.handoff, taken.error.by.name, taken.error.at));
        case 'closed':
          return cardResponse(await this.deps.channel.card(taken.error.handoff));
        case 'not_found':
          return cardResponse(noticeCard(translator(langOfLocale(context.activity.locale))('handoffDesk.gone')));
        default: {
          const never: never = taken.error;
          throw new Error(`unknown take error ${JSON.stringify(never)}`);
        }
      }
    }
    const h = taken.value;
    const first = h.takenAt === now.toISOString();
    if (first) {
      this.deps.log.info({ handoffId: h.id, agent: agent.id }, 'handoff taken');
      const buyerLang = h.language;
      await this.deps.relay.tellBuyer(h, [{ type: 'message', text: translator(buyerLang)('handoffDesk.joined', { agent: agent.name }), locale: buyerLang }]);
      const agentLang = this.deps.relay.agentLang(h);
      const packet = await this.deps.packets.build(h, agentLang);
      await this.deps.relay.tellAgent(h, [{ type: 'message', attachments: [attachment(relayStartCard(packet, this.deps.channel.cardContext(agentLang)))] }]);
      this.deps.tasks.run('update handoff card', () => this.deps.channel.update(h));
    }
    return cardResponse(await this.deps.channel.card(h));
  }

  /** The card a losing agent gets: the handoff as it is, under a line saying who was first. */
  private async lostCard(handoff: QueuedHandoff, winner: string, at: string): Promise<AdaptiveCard> {
    const reference = await this.deps.channel.reference();
    const lang = this.deps.channel.langOf(reference);
    const card = await this.deps.channel.card(handoff, lang);
    const notice = translator(lang)('handoffDesk.takenBy', { agent: winner, at: formatDateTime(at, lang, this.deps.settings.timeZone) });
    return { ...card, body: [{ type: 'TextBlock', text: notice, wrap: true, weight: 'Bolder', color: 'Warning' }, ...card.body] };
  }

  private async end(context: TurnContext, handoff: QueuedHandoff, lang: Lang): Promise<AdaptiveCardInvokeResponse> {
    const t = translator(lang);
    const buyerName = await this.deps.relay.buyerName(handoff);
    if (handoff.status === 'closed') return cardResponse(relayEndedCard(buyerName, this.deps.channel.cardContext(lang)));
    if (handoff.status === 'assigned' && handoff.agent?.id !== agentIdOf(context.activity)) {
      return messageResponse(t('handoffDesk.takenBy', { agent: handoff.agent?.name ?? '', at: formatDateTime(handoff.takenAt ?? handoff.queuedAt, lang, this.deps.settings.timeZone) }));
    }
    const ended = await this.deps.handBack.end(handoff, { role: 'cs', id: agentIdOf(context.activity), name: context.activity.from?.name ?? '' });
    if (!ended.ok && ended.error.kind === 'not_found') return cardResponse(noticeCard(t('handoffDesk.gone')));
    return cardResponse(relayEndedCard(buyerName, this.deps.channel.cardContext(lang)));
  }

  private async focus(context: TurnContext, handoff: QueuedHandoff, lang: Lang): Promise<AdaptiveCardInvokeResponse> {
    const t = translator(lang);
    const focused = await this.deps.queue.focus(handoff.id, agentIdOf(context.activity), this.deps.clock.now());
    if (!focused.ok) return messageResponse(focused.error.kind === 'not_found' ? t('handoffDesk.gone') : t('handoffDesk.alreadyEnded'));
    return messageResponse(t('handoffDesk.relay.nowTalking', { buyer: await this.deps.relay.buyerName(handoff) }));
  }
}
