import type { Activity, Attachment, CloudAdapter } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff } from '../../../services/handoff';
import type { Clock, OrderCatalogue } from '../../../services/refunds';
import type { Lang } from '../../i18n';
import { translator } from '../../i18n';
import type { Logger } from '../../logger';
import type { Address } from './proactive';
import { addressOf, sendInto, withConversation } from './proactive';
import { filesOf, lineOf } from './transcript-lines';

// Messages between a buyer's conversation and the agent who owns it. The agent talks in their own chat with
// the bot; each relayed buyer message names the buyer (and the case), so an agent with several buyers knows
// who is talking. Files go through as links, as they came. What the agent says is kept in the transcript.

export interface RelayDeps {
  adapter: CloudAdapter;
  appId: string;
  queue: HandoffQueue;
  orders: OrderCatalogue;
  clock: Clock;
  transcriptKeep: number;
  log: Logger;
}

export class Relay {
  constructor(private readonly deps: RelayDeps) {}

  async buyerName(handoff: QueuedHandoff): Promise<string> {
    const buyer = await this.deps.orders.getBuyer(handoff.buyerId).catch(() => null);
    return buyer?.name ?? handoff.buyerId;
  }

  /** A buyer's message, to the agent's chat. Returns whether it arrived. */
  async buyerToAgent(handoff: QueuedHandoff, activity: Partial<Activity>): Promise<boolean> {
    const reference = addressOf(handoff.agent?.reference);
    if (!reference) {
      this.deps.log.warn({ handoffId: handoff.id }, 'owned conversation without an agent chat: buyer message not relayed');
      return false;
    }
    const lang = handoff.agent?.language ?? 'zh-CN';
    const t = translator(lang);
    const files = filesOf(activity);
    const words = typeof activity.text === 'string' ? activity.text.trim() : '';
    const what = words || (files.length > 0 ? t('handoffDesk.relay.files') : t('handoffDesk.relay.clicked'));
    const text = t('handoffDesk.relay.fromBuyer', { buyer: await this.buyerName(handoff), about: handoff.caseId ? ` · ${handoff.caseId}` : '', text: what });
    const sent = await sendInto(this.deps.adapter, this.deps.appId, reference, { type: 'message', text, locale: lang, ...(files.length > 0 ? { attachments: files.map(passThrough) } : {}) });
    if (!sent.ok) this.deps.log.warn({ handoffId: handoff.id, status: sent.status }, 'buyer message could not be relayed to the agent');
    return sent.ok;
  }

  /** An agent's message, to the buyer's conversation (kept in the transcript). Returns whether it arrived. */
  async agentToBuyer(handoff: QueuedHandoff, activity: Partial<Activity>): Promise<boolean> {
    const reference = addressOf(handoff.reference);
    if (!reference) return false;
    const t = translator(handoff.language);
    const files = filesOf(activity).map(passThrough);
    const words = typeof activity.text === 'string' ? stripHtml(activity.text).trim() : '';
    if (!words && files.length === 0) return true;
    const text = words ? t('handoffDesk.agentSays', { agent: handoff.agent?.name ?? '', text: words }) : '';
    const sent = await sendInto(this.deps.adapter, this.deps.appId, reference, {
      type: 'message',
      locale: handoff.language,
      ...(text ? { text } : {}),
      ...(files.length > 0 ? { attachments: files } : {}),
    });
    if (!sent.ok) {
      this.deps.log.warn({ handoffId: handoff.id, status: sent.status }, 'agent message could not be relayed to the buyer');
      return false;
    }
    const line = lineOf({ ...activity, type: 'message', text: words }, 'agent', this.deps.clock.now());
    if (line) await this.deps.queue.record(handoff.conversationId, [line], this.deps.transcriptKeep).catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'transcript not updated'));
    return true;
  }

  /** Proactive messages to the buyer (joined, ended, ...). */
  async tellBuyer(handoff: QueuedHandoff, activities: Partial<Activity>[]): Promise<boolean> {
    const reference = addressOf(handoff.reference);
    if (!reference) return false;
    return this.sendAll(reference, activities, handoff.id);
  }

  async tellAgent(handoff: QueuedHandoff, activities: Partial<Activity>[]): Promise<boolean> {
    const reference = addressOf(handoff.agent?.reference);
    if (!reference) return false;
    return this.sendAll(reference, activities, handoff.id);
  }

  agentLang(handoff: QueuedHandoff): Lang {
    return handoff.agent?.language ?? 'zh-CN';
  }

  private async sendAll(reference: Address, activities: Partial<Activity>[], handoffId: string): Promise<boolean> {
    const sent = await withConversation(this.deps.adapter, this.deps.appId, reference, (context) => context.sendActivities(activities));
    if (!sent.ok) this.deps.log.warn({ handoffId, status: sent.status }, 'handoff message not delivered');
    return sent.ok;
  }
}

/** A file as the other side can open it: Teams' download links become plain links; anything else goes as it came. */
function passThrough(a: Attachment): Attachment {
  const download = (a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined)?.downloadUrl;
  if (a.contentType === 'application/vnd.microsoft.teams.file.download.info' && typeof download === 'string') {
    return { contentType: 'application/octet-stream', contentUrl: download, ...(a.name ? { name: a.name } : {}) };
  }
  return { contentType: a.contentType ?? 'application/octet-stream', ...(a.contentUrl ? { contentUrl: a.contentUrl } : {}), ...(a.name ? { name: a.name } : {}) };
}

/** Teams sends some messages as HTML (<p>...</p>): the buyer gets the words. */
function stripHtml(text: string): string {
  return /<\/?[a-z][^>]*>/i.test(text) ? text.replace(/<br\s*\/?>/gi, '\n').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>') : text;
}
