import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { Attachment } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { Command, EvidenceRef } from '../services/refunds';
import { checkTransition, scheduleOf } from '../services/refunds';
import type { EvidenceError } from '../services/evidence';
import { MB, toEvidenceRef } from '../services/evidence';
import { turnInfo } from '../bot/turn-info';
import type { Translate } from '../bot/i18n';
import { attachment } from '../bot/cards/adaptive';
import { formatAt, statusStandsKey } from '../bot/cards/buyer/case-words';
import type { RejectionChoice } from '../bot/cards/buyer/rejection-card';
import { rejectionCard } from '../bot/cards/buyer/rejection-card';
import { caseConfirmCard } from '../bot/cards/buyer/case-confirm-card';
import { DIALOG, PROMPT } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';
import type { Reply } from './prompts/reply-prompt';
import { ReplyPrompt } from './prompts/reply-prompt';
import { ChooseCaseDialog } from './cases/choose-case-dialog';
import type { ConfirmOptions, ConfirmResult } from './cases/confirm-dialog';
import { ConfirmDialog } from './cases/confirm-dialog';
import { cardContextOf, chooseOptionsOf, chosenCase, clickedValue } from './cases/flow-kit';
import { outcomeWords } from './cases/outcome-words';
import { REROUTE, belongsElsewhere, reroute } from './cases/reroute';
import { readRejectionChoice } from './cases/rejection-choice';

// After the shop rejects a request: its reason and remark, the deadline, and the buyer's three ways on: revise
// and resubmit (new words and/or files), escalate to the platform, or accept the rejection.

const WATERFALL = 'after-rejection.waterfall';
const CHOOSE = 'after-rejection.choose-case';
const CHOICE = 'after-rejection.choice';
const REVISION = 'after-rejection.revision';
const CONFIRM = 'after-rejection.confirm';
const ACTION = 'after_rejection';

interface RejectionValues {
  caseId?: string;
  deadline?: string | null;
  choice?: RejectionChoice;
  revision?: Revision;
  /** Evidence files the case holds already. */
  existing?: number;
  /** A late click on the confirm card: the buyer already said yes to exactly this. */
  confirmed?: boolean;
}

interface Revision {
  description?: string;
  evidence: EvidenceRef[];
}

type ChoiceResult = { kind: 'choice'; choice: RejectionChoice } | { kind: 'none' } | { kind: 'reroute' };
type RevisionResult = ({ kind: 'revision' } & Revision) | { kind: 'none' } | { kind: 'reroute' };

interface RevisionOptions {
  caseId: string;
  /** Files the case already holds (the evidence limit counts them). */
  existing: number;
  say?: string;
}

export class RejectionDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.rejection);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new ChooseCaseDialog(CHOOSE, deps, {
        action: ACTION,
        eligible: (c) => checkTransition(c.status, 'buyer_escalate', 'buyer').ok,
        pickKey: 'rejection.pick',
        noneKey: 'rejection.noneRejected',
        buttonKey: 'status.action.choose',
      }),
    );
    this.addDialog(new WaterfallDialog(CHOICE, [this.askChoiceStep.bind(this), this.readChoiceStep.bind(this)]));
    this.addDialog(new WaterfallDialog(REVISION, [this.askRevisionStep.bind(this), this.readRevisionStep.bind(this)]));
    this.addDialog(new ConfirmDialog(CONFIRM, deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.chooseCaseStep.bind(this),
        this.showRejectionStep.bind(this),
        this.collectRevisionStep.bind(this),
        this.confirmStep.bind(this),
        this.submitStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async chooseCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(CHOOSE, chooseOptionsOf(step.options as FlowOptions));
  }

  private async showRejectionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = await chosenCase(step, this.deps);
    if (!chosen.ok) return chosen.end;
    const c = chosen.case;
    const info = turnInfo(step.context);
    if (!checkTransition(c.status, 'buyer_escalate', 'buyer').ok) {
      await step.context.sendActivity(info.t('rejection.notRejected', { caseId: c.id, stands: info.t(statusStandsKey(c.status)) }));
      return step.endDialog();
    }
    const deadline = scheduleOf(c, this.deps.refunds.policy).deadline;
    const values = step.values as RejectionValues;
    values.caseId = c.id;
    values.deadline = deadline ? deadline.toISOString() : null;
    values.revision = { evidence: [] };
    values.existing = c.evidence.length;

    const clicked = readRejectionChoice({ value: clickedValue(step.options as FlowOptions) });
    if (clicked) {
      values.confirmed = clickedValue(step.options as FlowOptions).confirm === true && clicked !== 'resubmit';
      return step.next({ kind: 'choice', choice: clicked } satisfies ChoiceResult);
    }
    const card = rejectionCard({ case: c, deadline, platformReviewHours: this.deps.refunds.policy.platformReviewHours }, cardContextOf(step.context, this.deps));
    await step.context.sendActivity(MessageFactory.attachment(attachment(card)));
    return step.beginDialog(CHOICE, {});
  }

  private async collectRevisionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const picked = step.result as ChoiceResult;
    if (picked.kind === 'reroute') return step.endDialog(REROUTE);
    if (picked.kind === 'none') return step.endDialog();
    const values = step.values as RejectionValues;
    values.choice = picked.choice;
    if (picked.choice !== 'resubmit') return step.next({ kind: 'none' } satisfies RevisionResult);
    return step.beginDialog(REVISION, { caseId: values.caseId!, existing: values.existing ?? 0 } satisfies RevisionOptions);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as RejectionValues;
    const info = turnInfo(step.context);
    const caseId = values.caseId!;
    const choice = values.choice!;
    if (choice === 'resubmit') {
      const revised = step.result as RevisionResult;
      if (revised.kind === 'reroute') return step.endDialog(REROUTE);
      if (revised.kind === 'none') return step.endDialog();
      values.revision = { evidence: revised.evidence, ...(revised.description ? { description: revised.description } : {}) };
    }
    if (values.confirmed) return step.next({ kind: 'yes' } satisfies ConfirmResult);
    const hours = this.deps.refunds.policy.platformReviewHours;
    const text =
      choice === 'resubmit'
        ? info.t('rejection.confirmResubmit', { caseId, summary: summaryOf(values.revision!, info.t) })
        : choice === 'escalate'
          ? info.t('rejection.confirmEscalate', { caseId, hours })
          : info.t('rejection.confirmAccept', { caseId });
    const data = { action: ACTION, caseId, choice };
    const card = caseConfirmCard({ text, yes: { title: info.t('rejection.yes'), data }, no: { title: info.t('rejection.no'), data: { action: ACTION, caseId } } });
    return step.beginDialog(CONFIRM, { card, againKey: 'rejection.confirmAgain', action: ACTION } satisfies ConfirmOptions);
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as ConfirmResult;
    if (answer.kind === 'reroute') return step.endDialog(REROUTE);
    if (answer.kind === 'none') return step.endDialog();
    const values = step.values as RejectionValues;
    const info = turnInfo(step.context);
    const ctx = cardContextOf(step.context, this.deps);
    const caseId = values.caseId!;
    if (answer.kind === 'no') {
      await step.context.sendActivity(info.t('rejection.kept', { deadline: values.deadline ? formatAt(values.deadline, ctx) : '-' }));
      return step.endDialog();
    }
    const outcome = await this.deps.refunds.execute(info.actor, caseId, commandOf(values), step.context.activity.id ?? info.correlationId);
    if (!outcome.ok) {
      await step.context.sendActivity(outcomeWords(outcome.error, caseId, ctx));
      return step.endDialog();
    }
    const hours = this.deps.refunds.policy.platformReviewHours;
    switch (values.choice!) {
      case 'resubmit': {
        const deadline = scheduleOf(outcome.value.case, this.deps.refunds.policy).deadline;
        await step.context.sendActivity(info.t('rejection.resubmitted', { caseId, deadline: deadline ? formatAt(deadline, ctx) : '-' }));
        break;
      }
      case 'escalate':
        await step.context.sendActivity(info.t('rejection.escalated', { caseId, hours }));
        break;
      case 'accept':
        await step.context.sendActivity(info.t('rejection.accepted', { caseId }));
        break;
    }
    return step.endDialog();
  }

  // ---- which way on --------------------------------------------------------------------------------------

  private async askChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const retried = (step.options as { retried?: boolean } | undefined)?.retried;
    const info = turnInfo(step.context);
    return step.prompt(PROMPT.reply, retried ? { prompt: MessageFactory.text(info.t('rejection.askChoiceAgain')) } : {});
  }

  private async readChoiceStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    const choice = readRejectionChoice(reply);
    if (choice) return step.endDialog({ kind: 'choice', choice } satisfies ChoiceResult);
    const retried = (step.options as { retried?: boolean } | undefined)?.retried;
    if (!belongsElsewhere(reply, info.recognition, ACTION) && !retried) return step.replaceDialog(CHOICE, { retried: true });
    return step.endDialog((reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' }) satisfies ChoiceResult);
  }

  // ---- the revision: new words and/or files ---------------------------------------------------------------

  private async askRevisionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as RevisionOptions;
    const info = turnInfo(step.context);
    return step.prompt(PROMPT.reply, { prompt: MessageFactory.text(options.say ?? info.t('rejection.askRevision')) });
  }

  private async readRevisionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as RevisionOptions;
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    // The reply is free words: only a click says it is about something else (another card, or another choice).
    if (reply?.value) return step.endDialog((reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' }) satisfies RevisionResult);
    const evidence: EvidenceRef[] = [];
    const refused: string[] = [];
    for (const file of reply?.attachments ?? []) {
      const stored = await this.deps.evidence.ingest(
        { ...(file.contentUrl ? { contentUrl: file.contentUrl } : {}), ...(file.contentType ? { contentType: file.contentType } : {}), ...(file.name ? { name: file.name } : {}) },
        { ...(step.context.activity.serviceUrl ? { serviceUrl: step.context.activity.serviceUrl } : {}), existingCount: options.existing + evidence.length },
      );
      if (stored.ok) evidence.push(toEvidenceRef(stored.value, 'buyer', this.deps.clock.now().toISOString()));
      else refused.push(info.t('rejection.fileRefused', { name: nameOf(file, info.t), why: evidenceWords(stored.error, info.t) }));
    }
    const description = reply?.text?.trim().slice(0, 2000);
    if (!description && evidence.length === 0) {
      return step.replaceDialog(REVISION, { ...options, say: [...refused, info.t('rejection.revisionEmpty')].join('\n\n') } satisfies RevisionOptions);
    }
    if (refused.length > 0) await step.context.sendActivity(refused.join('\n\n'));
    return step.endDialog({ kind: 'revision', evidence, ...(description ? { description } : {}) } satisfies RevisionResult);
  }
}

function commandOf(values: RejectionValues): Command {
  switch (values.choice!) {
    case 'resubmit': {
      const r = values.revision ?? { evidence: [] };
      return { kind: 'buyer_resubmit', ...(r.description ? { description: r.description } : {}), ...(r.evidence.length ? { evidence: r.evidence } : {}) };
    }
    case 'escalate':
      return { kind: 'buyer_escalate' };
    case 'accept':
      return { kind: 'buyer_accept_rejection' };
  }
}

function summaryOf(revision: Revision, t: Translate): string {
  const parts: string[] = [];
  if (revision.description) parts.push(t('rejection.summary.description', { description: revision.description }));
  if (revision.evidence.length > 0) parts.push(t('rejection.summary.files', { count: revision.evidence.length }));
  return parts.join(' ');
}

function nameOf(file: Attachment, t: Translate): string {
  return file.name?.trim() || t('rejection.fileUnnamed');
}

/** Why a file was not taken, in words. */
export function evidenceWords(error: EvidenceError, t: Translate): string {
  switch (error.kind) {
    case 'host_not_allowed':
      return t('rejection.evidence.host_not_allowed');
    case 'too_large':
      return t('rejection.evidence.too_large', { limitMb: Math.round((error.limitBytes / MB) * 10) / 10 });
    case 'unsupported_type':
      return t('rejection.evidence.unsupported_type');
    case 'fetch_failed':
      return t('rejection.evidence.fetch_failed');
    case 'timeout':
      return t('rejection.evidence.timeout');
    case 'too_many_files':
      return t('rejection.evidence.too_many_files', { limit: error.limit });
    case 'empty':
      return t('rejection.evidence.empty');
    case 'bad_data_url':
      return t('rejection.evidence.bad_data_url');
    default: {
      const never: never = error;
      throw new Error(`unknown evidence error ${JSON.stringify(never)}`);
    }
  }
}
