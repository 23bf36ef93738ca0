import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { RefundCase } from '../services/refunds';
import { checkTransition, isOpen, scheduleOf } from '../services/refunds';
import { turnInfo } from '../bot/turn-info';
import { attachment } from '../bot/cards/adaptive';
import { timelineCard } from '../bot/cards/buyer/timeline-card';
import { DIALOG, PROMPT } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';
import { ReplyPrompt } from './prompts/reply-prompt';
import type { ChooseCaseResult } from './cases/choose-case-dialog';
import { ChooseCaseDialog } from './cases/choose-case-dialog';
import { cardContextOf, chooseOptionsOf, loadCase } from './cases/flow-kit';
import { itemsOfCases } from './cases/case-items';
import { outcomeWords } from './cases/outcome-words';
import { REROUTE, isReroute } from './cases/reroute';

// "Where is my refund?": the case named, or the only open one, or a list to pick from; shown as a timeline card
// built from the audit trail, with the deadline, the next step and, once paid, when the money arrives. A case
// the shop rejected goes on to the buyer's decision (the rejection flow, found in the main dialog's set).

const WATERFALL = 'case-status.waterfall';
const CHOOSE = 'case-status.choose-case';
/** Finished cases offered when none is open. */
const RECENT_FINISHED = 5;

export class CaseStatusDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.caseStatus);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new ChooseCaseDialog(CHOOSE, deps, {
        action: 'case_status',
        ownIntents: ['refund_status'],
        eligible: (c) => isOpen(c.status),
        pickKey: 'status.list.ask',
        noneKey: 'status.noCases',
        buttonKey: 'status.action.view',
        fallback: (all) => ({ cases: all.filter((c) => !isOpen(c.status)).slice(0, RECENT_FINISHED), introKey: 'status.noOpen' }),
      }),
    );
    this.addDialog(new WaterfallDialog(WATERFALL, [this.chooseCaseStep.bind(this), this.showCaseStep.bind(this), this.shownStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async chooseCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(CHOOSE, chooseOptionsOf(step.options as FlowOptions));
  }

  private async showCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = step.result as ChooseCaseResult;
    if (chosen.kind === 'reroute') return step.endDialog(REROUTE);
    if (chosen.kind === 'none') return step.endDialog();
    const shown = await this.showCase(step, chosen.caseId);
    // A rejected case waits for the buyer's decision: go straight on to it, so "2" or "申诉" answers it.
    if (shown && checkTransition(shown.status, 'buyer_escalate', 'buyer').ok) {
      return step.beginDialog(DIALOG.rejection, { entities: {}, value: { caseId: shown.id }, trigger: 'case_status' } satisfies FlowOptions);
    }
    return step.endDialog();
  }

  /** After the rejection flow: pass on a message it handed back. */
  private async shownStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.endDialog(isReroute(step.result) ? REROUTE : undefined);
  }

  private async showCase(step: WaterfallStepContext, caseId: string): Promise<RefundCase | null> {
    const info = turnInfo(step.context);
    const c = await loadCase(step.context, this.deps, caseId);
    if (!c) return null;
    const ctx = cardContextOf(step.context, this.deps);
    const audit = await this.deps.refunds.auditTrail(info.actor, c.id);
    if (!audit.ok) {
      await step.context.sendActivity(outcomeWords(audit.error, c.id, ctx));
      return null;
    }
    const items = (await itemsOfCases(this.deps, info.actor, [c], info.lang)).get(c.id);
    const card = timelineCard(
      {
        case: c,
        audit: audit.value,
        deadline: scheduleOf(c, this.deps.refunds.policy).deadline,
        platformReviewHours: this.deps.refunds.policy.platformReviewHours,
        ...(items ? { items } : {}),
      },
      ctx,
    );
    await step.context.sendActivity(MessageFactory.attachment(attachment(card)));
    return c;
  }
}
