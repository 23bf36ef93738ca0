import type { Activity, TurnContext } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff, TranscriptLine } from '../../../services/handoff';
import { answerBy } from '../../../services/handoff';
import type { Actor, Clock } from '../../../services/refunds';
import { formatDateTime, translator } from '../../i18n';
import type { Logger } from '../../logger';
import { referenceOf } from '../../proactive';
import { currentTurnScope } from '../../storage';
import type { BackgroundTasks } from './background';
import type { HandoffChannel } from './channel';
import type { HandoffIntake } from './intake';
import type { ContactCentre } from './protocol';
import type { Relay } from './relay';
import type { DeskSettings } from './settings';
import { lineOf } from './transcript-lines';
import { provideHandoffDesk } from './turn-desk';

// Every buyer turn passes here before the dialogs, with one store call that records the buyer's line in the
// transcript and returns the conversation's handoff:
// - a person owns the conversation: the message goes to them and the bot says nothing of its own;
// - the buyer was offered to leave a message: this message is it (or "cancel" withdraws the offer);
// - otherwise the dialogs answer; their replies go into the transcript, and they can ask for a person
//   through the desk handed to the turn.
// Events from the buyer's channel are the handoff protocol's status reports.

const CANCEL_WORDS: ReadonlySet<string> = new Set(['cancel', 'stop', 'never mind', 'nevermind', '取消', '算了', '不用了', '退出', '不留言']);
/** Asking for a person again while a message is expected is not the message. */
const ASKS_FOR_PERSON = /^(转)?人工(客服)?$|^转人工客服$|^(talk to )?(a )?(real )?(person|human|agent)( please)?$/iu;

export interface BuyerTurnsDeps {
  queue: HandoffQueue;
  intake: HandoffIntake;
  relay: Relay;
  channel: HandoffChannel;
  contactCentre: ContactCentre;
  clock: Clock;
  settings: DeskSettings;
  tasks: BackgroundTasks;
  log: Logger;
}

export class BuyerTurns {
  constructor(private readonly deps: BuyerTurnsDeps) {}

  /** True when the handoff desk took the activity (the bot's dialogs must not answer it). */
  async onBuyerActivity(context: TurnContext, _buyer: Actor): Promise<boolean> {
    const activity = context.activity;
    if (activity.type === 'event') return this.deps.contactCentre.onEvent(context);
    if (activity.type !== 'message') return false;
    const conversationId = activity.conversation?.id ?? '';
    const line = lineOf(activity, 'buyer', this.deps.clock.now());
    const handoff = await this.deps.queue.record(conversationId, line ? [line] : [], this.deps.settings.transcriptKeep);

    if (handoff?.status === 'assigned') {
      // Under the handoff protocol the contact centre sees the conversation itself: the bot only stays quiet.
      if (this.deps.settings.mode === 'teams') await this.deps.relay.buyerToAgent(handoff, activity);
      return true;
    }
    if (handoff?.status === 'awaiting_message' && (await this.takeMessage(context, handoff, line))) return true;

    this.keepBotLines(context, conversationId);
    provideHandoffDesk(context, {
      request: (request) => this.deps.intake.request({ ...request, reference: referenceOf(activity) as Record<string, unknown> }, { context }),
    });
    return false;
  }

  /**
   * The bot's answers go into the transcript. On Redis they are written with the turn's own state as the turn
   * ends (no store call of their own) and taken in by the conversation's next turn; elsewhere at once.
   */
  private keepBotLines(context: TurnContext, conversationId: string): void {
    const said: TranscriptLine[] = [];
    context.onSendActivities(async (_ctx, activities, next) => {
      const lines = activities.map((a) => lineOf(a, 'bot', this.deps.clock.now())).filter((l): l is TranscriptLine => l !== null);
      if (lines.length === 0) return next();
      said.push(...lines);
      const scope = currentTurnScope();
      const deferred = scope ? this.deps.queue.deferredLines(conversationId, said) : null;
      if (scope && deferred) {
        scope.deferred.set(deferred.key, { value: deferred.value, ttlMs: deferred.ttlMs });
        return next();
      }
      const [responses] = await Promise.all([
        next(),
        this.deps.queue.record(conversationId, lines, this.deps.settings.transcriptKeep).catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'bot lines not kept in the transcript')),
      ]);
      return responses;
    });
  }

  /** The buyer's answer to "leave a message": the message, a withdrawal, or (a click) something else. */
  private async takeMessage(context: TurnContext, handoff: QueuedHandoff, line: TranscriptLine | null): Promise<boolean> {
    const activity: Partial<Activity> = context.activity;
    const t = translator(handoff.language);
    const words = typeof activity.text === 'string' ? activity.text.trim() : '';
    const clicked = activity.value !== undefined && activity.value !== null && !words;
    const now = this.deps.clock.now();
    if (clicked || CANCEL_WORDS.has(words.toLowerCase().replace(/[。.!！]+$/u, ''))) {
      await this.deps.queue.end(handoff.id, { role: 'buyer', id: handoff.buyerId }, now);
      this.deps.tasks.run('update handoff card', async () => {
        const gone = await this.deps.queue.get(handoff.id);
        if (gone) await this.deps.channel.update(gone);
      });
      if (clicked) return false;
      await context.sendActivity({ type: 'message', text: t('handoffDesk.messageWithdrawn'), locale: handoff.language });
      return true;
    }
    if (ASKS_FOR_PERSON.test(words)) {
      await context.sendActivity({ type: 'message', text: t('handoffDesk.askMessage'), locale: handoff.language });
      return true;
    }
    if (!line) return false;
    const left = await this.deps.queue.leaveMessage(handoff.id, { text: line.text, at: line.at, ...(line.attachments ? { attachments: line.attachments } : {}) });
    if (!left.ok) return false;
    this.deps.log.info({ handoffId: handoff.id }, 'buyer left a message for the CS desk');
    this.deps.tasks.run('post left message', () => this.deps.channel.postLeftMessage(left.value));
    const by = answerBy(this.deps.settings.hours, now);
    const at = formatDateTime(by.at, handoff.language, this.deps.settings.timeZone);
    await context.sendActivity({ type: 'message', text: t(by.open ? 'handoffDesk.messageLeft.open' : 'handoffDesk.messageLeft.closed', { at }), locale: handoff.language });
    return true;
  }
}
