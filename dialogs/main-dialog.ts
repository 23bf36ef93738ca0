import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, DialogTurnStatus, WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { Intent, RecognitionEntities } from '../services/nlu';
import { turnInfo } from '../bot/turn-info';
import { DIALOG, PROMPT } from './dialog-ids';
import { CANCEL_WORDS } from './cancel-words';
import type { DialogDeps } from './dialog-deps';
import { ReplyPrompt, replyOf } from './prompts/reply-prompt';
import { FileRefundDialog } from './file-refund-dialog';
import { CaseStatusDialog } from './case-status-dialog';
import { ReturnShippingDialog } from './return-shipping-dialog';
import { RejectionDialog } from './rejection-dialog';
import { CancelCaseDialog } from './cancel-case-dialog';
import { RateDialog } from './rate-dialog';
import { HandoffDialog } from './handoff-dialog';
import { isReroute } from './cases/reroute';

// The buyer's front door: what the message (or the clicked card) asks for decides which flow runs. Asking for a
// person or saying "cancel" works in the middle of any flow.

/** Options every child flow receives: what the first message already said, and the card data if clicked. */
export interface FlowOptions {
  entities: RecognitionEntities;
  value?: Record<string, unknown>;
  /** Why the flow was started (an intent or a card action). */
  trigger: string;
}

const INTENT_ROUTES: Partial<Record<Intent, string>> = {
  file_refund: DIALOG.fileRefund,
  cancel_order: DIALOG.fileRefund,
  delivery_problem: DIALOG.fileRefund,
  refund_status: DIALOG.caseStatus,
  return_shipping: DIALOG.returnShipping,
  cancel_case: DIALOG.cancelCase,
  human_agent: DIALOG.handoff,
  rate: DIALOG.rate,
};

/** Card buttons name the flow they continue in `value.action`. */
const ACTION_ROUTES: Record<string, string> = {
  file_refund: DIALOG.fileRefund,
  case_status: DIALOG.caseStatus,
  return_shipping: DIALOG.returnShipping,
  after_rejection: DIALOG.rejection,
  cancel_case: DIALOG.cancelCase,
  rate: DIALOG.rate,
  human: DIALOG.handoff,
};

/**
 * Flows whose answers are the buyer's own words: "escalate" after a rejection means the platform, and a rating
 * comment may well mention customer service. There, only an explicit request for a person interrupts.
 */
const READS_OWN_WORDS = new Set<string>([DIALOG.rejection, DIALOG.rate]);
const EXPLICIT_PERSON = /转人工|人工客服|找人工|真人|talk to (a |an )?(person|human|agent|someone)|speak (to|with) (a |an )?(person|human|agent|someone)|real person|human agent/i;

const WATERFALL = 'main-waterfall';
/** Frustration (0..1) from which the buyer is handed to a person whatever they asked. */
const FRUSTRATION_HANDOFF = 0.8;

export class MainDialog extends ComponentDialog {
  constructor(deps: DialogDeps) {
    super(DIALOG.main);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(new FileRefundDialog(deps));
    this.addDialog(new CaseStatusDialog(deps));
    this.addDialog(new ReturnShippingDialog(deps));
    this.addDialog(new RejectionDialog(deps));
    this.addDialog(new CancelCaseDialog(deps));
    this.addDialog(new RateDialog(deps));
    this.addDialog(new HandoffDialog(deps));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.routeStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  protected override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    const interrupted = await this.interrupt(inner);
    return interrupted ?? super.onContinueDialog(inner);
  }

  /** "cancel" ends any flow; asking for a person leaves it for the handoff. */
  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | null> {
    const info = turnInfo(inner.context);
    const text = (inner.context.activity.text ?? '').trim().toLowerCase().replace(/[。.!！]+$/u, '');
    const active = inner.activeDialog?.id;
    if (CANCEL_WORDS.has(text)) {
      await inner.cancelAllDialogs();
      await inner.context.sendActivity(info.t('common.cancelled'));
      return { status: DialogTurnStatus.complete };
    }
    const r = info.recognition;
    const readsOwnWords = activeChain(inner).some((id) => READS_OWN_WORDS.has(id));
    const wantsPerson = r && r.intent === 'human_agent' && r.confidence >= 0.6 && (!readsOwnWords || EXPLICIT_PERSON.test(text));
    if (wantsPerson && active !== DIALOG.handoff && !this.insideHandoff(inner)) {
      await inner.cancelAllDialogs();
      return inner.beginDialog(DIALOG.handoff, { entities: r.entities, trigger: 'human_agent' } satisfies FlowOptions);
    }
    // A buyer this upset gets a person in the middle of a flow too (issue 4).
    if (r && r.frustration >= FRUSTRATION_HANDOFF && active !== DIALOG.handoff && !this.insideHandoff(inner)) {
      await inner.cancelAllDialogs();
      return inner.beginDialog(DIALOG.handoff, { entities: r.entities, trigger: 'frustration' } satisfies FlowOptions);
    }
    return null;
  }

  private insideHandoff(inner: DialogContext): boolean {
    return inner.stack.some((d) => d.id === DIALOG.handoff);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const reply = replyOf(step.context);
    const action = typeof reply?.value?.action === 'string' ? reply.value.action : undefined;
    const r = info.recognition;
    const entities = r?.entities ?? {};
    // A case id alone ("RD-000002", "查一下 RD-000002") means "show me that case".
    const target = action ? ACTION_ROUTES[action] : r ? (INTENT_ROUTES[r.intent] ?? (r.entities.caseId ? DIALOG.caseStatus : undefined)) : undefined;

    // Strong frustration goes to a person before any flow (issue 4).
    if (!action && r && r.frustration >= FRUSTRATION_HANDOFF) {
      info.profile.notUnderstood = 0;
      return step.beginDialog(DIALOG.handoff, { entities, trigger: 'frustration' } satisfies FlowOptions);
    }

    if (target) {
      info.profile.notUnderstood = 0;
      const options: FlowOptions = { entities, trigger: action ?? r?.intent ?? 'unknown', ...(reply?.value ? { value: reply.value } : {}) };
      return step.beginDialog(target, options);
    }

    // An attachment without words: most likely evidence for a refund.
    if (reply?.attachments && !reply.text) {
      return step.beginDialog(DIALOG.fileRefund, { entities, trigger: 'attachment' } satisfies FlowOptions);
    }

    const understood = r && r.intent === 'other' && r.confidence >= 0.5;
    if (understood) {
      info.profile.notUnderstood = 0;
      await step.context.sendActivity(this.menu(info.t, isGreeting(reply?.text) ? 'common.welcome' : 'common.otherTopic'));
      return step.endDialog();
    }

    info.profile.notUnderstood += 1;
    if (info.profile.notUnderstood >= 2) {
      info.profile.notUnderstood = 0;
      return step.beginDialog(DIALOG.handoff, { entities, trigger: 'not_understood' } satisfies FlowOptions);
    }
    await step.context.sendActivity(this.menu(info.t, reply?.text ? 'common.notUnderstood' : 'common.welcome'));
    return step.endDialog();
  }

  private async doneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // A flow handed the message back (it was about something else): route it afresh.
    if (isReroute(step.result)) return step.replaceDialog(WATERFALL);
    return step.endDialog();
  }

  private menu(t: ReturnType<typeof turnInfo>['t'], key: 'common.welcome' | 'common.otherTopic' | 'common.notUnderstood') {
    return MessageFactory.suggestedActions(
      [t('common.menu.file'), t('common.menu.status'), t('common.menu.shipping'), t('common.menu.human')],
      t(key),
    );
  }
}

/** The ids of the active dialogs, outermost first, down through nested component dialogs. */
function activeChain(dc: DialogContext): string[] {
  const ids: string[] = [];
  for (let at: DialogContext | undefined = dc; at; at = at.child) if (at.activeDialog) ids.push(at.activeDialog.id);
  return ids;
}

function isGreeting(text: string | undefined): boolean {
  return !!text && /^(hi|hello|hey|good (morning|afternoon|evening)|你好|您好|嗨|哈喽|在吗|在不在)/iu.test(text.trim());
}
