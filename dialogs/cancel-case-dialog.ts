import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { checkTransition } from '../services/refunds';
import { turnInfo } from '../bot/turn-info';
import { formatMoney } from '../bot/i18n';
import { statusStandsKey } from '../bot/cards/buyer/case-words';
import { caseConfirmCard } from '../bot/cards/buyer/case-confirm-card';
import { DIALOG, PROMPT } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';
import { ReplyPrompt } from './prompts/reply-prompt';
import { ChooseCaseDialog } from './cases/choose-case-dialog';
import type { ConfirmOptions, ConfirmResult } from './cases/confirm-dialog';
import { ConfirmDialog } from './cases/confirm-dialog';
import { cardContextOf, chooseOptionsOf, chosenCase, clickedValue } from './cases/flow-kit';
import { outcomeWords } from './cases/outcome-words';
import { REROUTE } from './cases/reroute';

// Withdrawing a request: which one, "are you sure?", then buyer_cancel. Where the state table does not allow it
// any more, the buyer hears why (where the case stands).

const WATERFALL = 'cancel-case.waterfall';
const CHOOSE = 'cancel-case.choose-case';
const CONFIRM = 'cancel-case.confirm';
const ACTION = 'cancel_case';

export class CancelCaseDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.cancelCase);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new ChooseCaseDialog(CHOOSE, deps, {
        action: ACTION,
        ownIntents: ['cancel_case'],
        eligible: (c) => checkTransition(c.status, 'buyer_cancel', 'buyer').ok,
        pickKey: 'cancel.pick',
        noneKey: 'cancel.noneCancellable',
        buttonKey: 'status.action.choose',
      }),
    );
    this.addDialog(new ConfirmDialog(CONFIRM, deps));
    this.addDialog(new WaterfallDialog(WATERFALL, [this.chooseCaseStep.bind(this), this.confirmStep.bind(this), this.submitStep.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async chooseCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(CHOOSE, chooseOptionsOf(step.options as FlowOptions));
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = await chosenCase(step, this.deps);
    if (!chosen.ok) return chosen.end;
    const c = chosen.case;
    const info = turnInfo(step.context);
    if (!checkTransition(c.status, 'buyer_cancel', 'buyer').ok) {
      await step.context.sendActivity(info.t('cancel.notAllowed', { caseId: c.id, stands: info.t(statusStandsKey(c.status)) }));
      return step.endDialog();
    }
    (step.values as { caseId?: string }).caseId = c.id;
    // A click on an earlier confirm card already answered.
    const clicked = clickedValue(step.options as FlowOptions).confirm;
    if (typeof clicked === 'boolean') return step.next({ kind: clicked ? 'yes' : 'no' } satisfies ConfirmResult);
    const data = { action: ACTION, caseId: c.id };
    const card = caseConfirmCard({
      text: info.t('cancel.confirm', { caseId: c.id, orderId: c.orderId, amount: formatMoney(c.quote.cash, c.quote.currency) }),
      yes: { title: info.t('cancel.yes'), data },
      no: { title: info.t('cancel.no'), data },
    });
    return step.beginDialog(CONFIRM, { card, againKey: 'cancel.confirmAgain', action: ACTION } satisfies ConfirmOptions);
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as ConfirmResult;
    if (answer.kind === 'reroute') return step.endDialog(REROUTE);
    if (answer.kind === 'none') return step.endDialog();
    const info = turnInfo(step.context);
    const caseId = (step.values as { caseId: string }).caseId;
    if (answer.kind === 'no') {
      await step.context.sendActivity(info.t('cancel.kept', { caseId }));
      return step.endDialog();
    }
    const outcome = await this.deps.refunds.execute(info.actor, caseId, { kind: 'buyer_cancel' }, step.context.activity.id ?? info.correlationId);
    if (outcome.ok) {
      await step.context.sendActivity(info.t('cancel.done', { caseId }));
    } else if (outcome.error.kind === 'invalid_state') {
      await step.context.sendActivity(info.t('cancel.notAllowed', { caseId, stands: info.t(statusStandsKey(outcome.error.status)) }));
    } else {
      await step.context.sendActivity(outcomeWords(outcome.error, caseId, cardContextOf(step.context, this.deps)));
    }
    return step.endDialog();
  }
}
