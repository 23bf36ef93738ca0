import type { Activity, TurnContext } from 'botbuilder';
import type { HandoffQueue, QueuedHandoff, TranscriptLine, TurnState } from '../../../services/handoff';
import { answerBy } from '../../../services/handoff';
import type { Actor, Clock } from '../../../services/refunds';
import { formatDateTime, translator } from '../../i18n';
import type { Logger } from '../../logger';
import { referenceOf } from '../../proactive';
import { currentTurnScope } from '../../storage';
import type { TurnScope } from '../../storage';
import type { BackgroundTasks } from './background';
import type { HandoffChannel } from './channel';
import type { HandoffIntake } from './intake';
import type { ContactCentre } from './protocol';
import type { Relay } from './relay';
import type { DeskSettings } from './settings';
import { lineOf } from './transcript-lines';
import { provideHandoffDesk } from './turn-desk';
import { isCancelWord } from '../../../dialogs/cancel-words';

// Every buyer turn passes here before the dialogs. It learns the conversation's handoff (on Redis read with the
// turn lock, so a plain turn costs no round trip of its own) and keeps the buyer's line in the transcript:
// - a person owns the conversation: the message goes to them and the bot says nothing of its own;
// - the buyer was offered to leave a message: this message is it (or "cancel" withdraws the offer);
// - otherwise the dialogs answer; their replies go into the transcript, and they can ask for a person
//   through the desk handed to the turn.
// Events from the buyer's channel are the handoff protocol's status reports.

// Besides the usual ways to drop a question, "no message" withdraws the offer to leave one.
const WITHDRAW_WORDS: ReadonlySet<string> = new Set(['不留言']);
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
    // Only a contact centre reports on handoffs (HANDOFF_MODE=protocol); in Teams mode the desk decides.
    if (activity.type === 'event') return this.deps.settings.mode === 'protocol' && this.deps.contactCentre.onEvent(context);
    if (activity.type !== 'message') return false;
    const conversationId = activity.conversation?.id ?? '';
    const line = lineOf(activity, 'buyer', this.deps.clock.now());
    const lines = line ? [line] : [];
    const transcript = new TurnTranscript(this.deps, conversationId);
    let handoff = transcript.handoff();
    // A turn that could not read the handoff with its lock asks the store, keeping the buyer's line at once. So
    // does a turn a person owns or that brings a message: agents' lines are written meanwhile, and this turn
    // must not write back a transcript older than theirs.
    if (handoff === undefined || handoff?.status === 'assigned' || handoff?.status === 'awaiting_message') {
      handoff = await transcript.recordNow(lines);
    } else {
      await transcript.add(lines);
    }

    if (handoff?.status === 'assigned') {
      // Under the handoff protocol the contact centre sees the conversation itself: the bot only stays quiet.
      if (this.deps.settings.mode === 'teams') await this.deps.relay.buyerToAgent(handoff, activity);
      return true;
    }
    if (handoff?.status === 'awaiting_message' && (await this.takeMessage(context, handoff, line))) return true;

    // The bot answers; what it says goes into the transcript too.
    context.onSendActivities(async (_ctx, activities, next) => {
      const said = activities.map((a) => lineOf(a, 'bot', this.deps.clock.now())).filter((l): l is TranscriptLine => l !== null);
      const [responses] = await Promise.all([next(), transcript.add(said).catch((err: unknown) => this.deps.log.warn({ err: String(err) }, 'bot lines not kept in the transcript'))]);
      return responses;
    });
    provideHandoffDesk(context, {
      request: (request) => this.deps.intake.request({ ...request, reference: referenceOf(activity) as Record<string, unknown> }, { context, pending: transcript.pending() }),
    });
    return false;
  }

  /** The buyer's answer to "leave a message": the message, a withdrawal, or (a click) something else. */
  private async takeMessage(context: TurnContext, handoff: QueuedHandoff, line: TranscriptLine | null): Promise<boolean> {
    const activity: Partial<Activity> = context.activity;
    const t = translator(handoff.language);
    const words = typeof activity.text === 'string' ? activity.text.trim() : '';
    const clicked = activity.value !== undefined && activity.value !== null && !words;
    const now = this.deps.clock.now();
    if (clicked || isCancelWord(words) || WITHDRAW_WORDS.has(words)) {
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

/**
 * The lines a buyer turn adds to the conversation's transcript. When the turn read the conversation's handoff
 * keys with its lock (on Redis), the lines are written with the turn's own state as it ends: no store call of
 * their own. Otherwise they are written at once.
 */
class TurnTranscript {
  private readonly lines: TranscriptLine[] = [];
  private read: { state: TurnState; values: (string | null)[]; scope: TurnScope } | null;

  constructor(
    private readonly deps: Pick<BuyerTurnsDeps, 'queue' | 'settings'>,
    private readonly conversationId: string,
  ) {
    const state = deps.queue.turnState(conversationId);
    const scope = currentTurnScope();
    this.read = state && scope && state.keys.every((k) => scope.prefetched.has(k)) ? { state, values: state.keys.map((k) => scope.prefetched.get(k) ?? null), scope } : null;
  }

  /** The conversation's handoff as read with the turn's lock; undefined when it was not read. */
  handoff(): QueuedHandoff | null | undefined {
    return this.read ? this.read.state.handoff(this.read.values) : undefined;
  }

  /** Keeps the lines at once and reads the handoff from the store; the rest of the turn writes at once too. */
  async recordNow(lines: readonly TranscriptLine[]): Promise<QueuedHandoff | null> {
    this.read = null;
    return this.deps.queue.record(this.conversationId, lines, this.deps.settings.transcriptKeep);
  }

  async add(lines: readonly TranscriptLine[]): Promise<void> {
    if (lines.length === 0) return;
    if (!this.read) {
      await this.deps.queue.record(this.conversationId, lines, this.deps.settings.transcriptKeep);
      return;
    }
    this.lines.push(...lines);
    const write = this.read.state.write(this.read.values, this.lines, this.deps.settings.transcriptKeep);
    this.read.scope.deferred.set(write.key, { value: write.value, ttlMs: write.ttlMs });
  }

  /** Lines of this turn not in the store yet. */
  pending(): TranscriptLine[] {
    return [...this.lines];
  }
}
