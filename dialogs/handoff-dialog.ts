import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { HandoffReason, HandoffRequest } from '../services/handoff';
import { maskPersonalData } from '../services/nlu';
import { turnInfo } from '../bot/turn-info';
import type { TurnInfo } from '../bot/turn-info';
import { DIALOG } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';

// "Talk to a person": the conversation is queued for the CS desk and the buyer is told honestly what happens
// next: their place in the queue, that a person answers here in this chat during business hours, and that the
// conversation stays open. Asking again does not queue twice; it gives the place again.

const WATERFALL = 'handoff-waterfall';

/** Frustration score (0..1) from which the request jumps the normal queue. */
const FRUSTRATED = 0.6;

const REASONS: readonly HandoffReason[] = ['buyer_asked', 'not_understood', 'escalated_after_rejection', 'payment_failed', 'quality_complaint', 'frustration'];

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
    const queued = await this.deps.handoff.enqueue(request, new Date());
    const { handoff, position, alreadyQueued } = queued.value;
    const t = info.t;

    const lines: string[] = [];
    if (handoff.status !== 'queued' || position < 1) {
      lines.push(t('handoff.assigned'));
    } else if (alreadyQueued) {
      lines.push(t('handoff.already', { position }), t('handoff.what'));
    } else {
      if (request.reason === 'not_understood') lines.push(t('handoff.intro.notUnderstood'));
      if (request.reason === 'payment_failed') lines.push(t('handoff.intro.paymentFailed'));
      lines.push(handoff.caseId ? t('handoff.queuedCase', { caseId: handoff.caseId, position }) : t('handoff.queued', { position }), t('handoff.what'));
    }
    await step.context.sendActivity(lines.join(info.lang === 'zh-CN' ? '' : ' '));
    return step.endDialog({ queued: !alreadyQueued, position });
  }

  private requestOf(step: WaterfallStepContext, info: TurnInfo, options: Partial<FlowOptions>): HandoffRequest {
    const value = options.value ?? {};
    const asked = typeof value.reason === 'string' && (REASONS as readonly string[]).includes(value.reason) ? (value.reason as HandoffReason) : undefined;
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
      transcript: text ? [{ from: 'buyer', text: maskPersonalData(text), at: new Date().toISOString() }] : [],
    };
  }
}

function stringOf(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
