import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { HandoffReason, HandoffRequest } from '../services/handoff';
import { HANDOFF_REASONS } from '../services/handoff';
import { maskPersonalData } from '../services/nlu';
import { turnInfo } from '../bot/turn-info';
import type { TurnInfo } from '../bot/turn-info';
import { handoffDeskOf } from '../bot/staff/handoff/turn-desk';
import type { HandoffOutcome } from '../bot/staff/handoff/turn-desk';
import { outcomeWords } from '../bot/staff/handoff/outcome-words';
import { DIALOG } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';

// "Talk to a person": the conversation is queued for the CS desk and the buyer is told honestly what happens
// next: their place in the queue and the expected wait, that a person answers here in this chat during business
// hours, and that the conversation stays open. Outside business hours the buyer is offered to leave a message
// instead (the desk takes the next message as it). Asking again does not queue twice; it says where the first
// request stands (waiting, with a person already, message left). The desk handed to the turn does the queueing,
// the CS channel card and the handoff protocol; without one, the request is only queued.

const WATERFALL = 'handoff-waterfall';

/** Average handling time assumed for the expected wait when no desk is wired. */
const DEFAULT_HANDLING_MINUTES = 5;

/** Frustration score (0..1) from which the request jumps the normal queue. */
const FRUSTRATED = 0.6;

/** Why the flow started (FlowOptions.trigger) -> why the buyer is queued. */
const REASON_OF_TRIGGER: Record<string, HandoffReason> = {
  human_agent: 'buyer_asked',
  human: 'buyer_asked',
  not_understood: 'not_understood',
  after_rejection: 'escalated_after_rejection',
  payment_failed: 'payment_failed',
  quality_complaint: 'quality_complaint',
  frustration: 'frustration',
};

/** Reasons an agent should see before the rest: an angry buyer, a quality complaint, money that did not arrive. */
const URGENT: ReadonlySet<HandoffReason> = new Set(['frustration', 'quality_complaint', 'payment_failed']);

export class HandoffDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.handoff);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.queueStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async queueStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const options = (step.options ?? {}) as Partial<FlowOptions>;
    const request = this.requestOf(step, info, options);
    const desk = handoffDeskOf(step.context);
    const outcome = desk ? await desk.request(request) : await this.queueOnly(request);
    const intro: string[] = [];
    const fresh = (outcome.kind === 'queued' && !outcome.alreadyQueued) || outcome.kind === 'leave_message' || outcome.kind === 'contact_centre';
    if (fresh && request.reason === 'not_understood') intro.push(info.t('handoff.intro.notUnderstood'));
    if (fresh && request.reason === 'payment_failed') intro.push(info.t('handoff.intro.paymentFailed'));
    await step.context.sendActivity(outcomeWords(outcome, { t: info.t, lang: info.lang, timeZone: this.deps.timeZone }, intro));
    return step.endDialog({ queued: outcome.kind === 'queued' && !outcome.alreadyQueued, position: outcome.kind === 'queued' ? outcome.position : 0 });
  }

  /** Without the desk: the request is queued, and the buyer hears their place. */
  private async queueOnly(request: HandoffRequest): Promise<HandoffOutcome> {
    const { handoff, position, alreadyQueued } = (await this.deps.handoff.enqueue(request, this.deps.clock.now())).value;
    if (handoff.status !== 'queued' || position < 1) return { kind: 'owned', handoff, agentName: handoff.agent?.name ?? '' };
    return { kind: 'queued', handoff, position, alreadyQueued, waitMinutes: position * DEFAULT_HANDLING_MINUTES };
  }

  private requestOf(step: WaterfallStepContext, info: TurnInfo, options: Partial<FlowOptions>): HandoffRequest {
    const value = options.value ?? {};
    const asked = typeof value.reason === 'string' && (HANDOFF_REASONS as readonly string[]).includes(value.reason) ? (value.reason as HandoffReason) : undefined;
    const frustrated = (info.recognition?.frustration ?? 0) >= FRUSTRATED;
    const reason: HandoffReason = asked ?? (frustrated ? 'frustration' : (REASON_OF_TRIGGER[options.trigger ?? ''] ?? 'buyer_asked'));
    const caseId = stringOf(value.caseId) ?? options.entities?.caseId;
    const orderId = stringOf(value.orderId) ?? options.entities?.orderId;
    const text = (step.context.activity.text ?? '').trim();
    return {
      buyerId: info.actor.id,
      conversationId: step.context.activity.conversation.id,
      reason,
      priority: URGENT.has(reason) || frustrated ? 'high' : 'normal',
      ...(caseId ? { caseId } : {}),
      ...(orderId ? { orderId } : {}),
      language: info.lang,
      // The words that led here, masked; the agent side will show the conversation itself.
      transcript: text ? [{ from: 'buyer', text: maskPersonalData(text), at: this.deps.clock.now().toISOString() }] : [],
    };
  }
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
