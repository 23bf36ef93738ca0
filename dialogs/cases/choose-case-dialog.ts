import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { RefundCase } from '../../services/refunds';
import type { MessageKey } from '../../bot/i18n';
import { turnInfo } from '../../bot/turn-info';
import { attachment } from '../../bot/cards/adaptive';
import { caseListCard } from '../../bot/cards/buyer/case-list-card';
import { PROMPT } from '../dialog-ids';
import type { DialogDeps } from '../dialog-deps';
import type { Reply } from '../prompts/reply-prompt';
import type { Candidate } from './pick-case';
import { newestFirst, readCaseChoice } from './pick-case';
import { belongsElsewhere, reroute } from './reroute';
import { itemsOfCases } from './case-items';

// "Which case?" for every case flow: the case named (by click, id or order), else the only one the flow applies
// to, else a numbered list to pick from by tap, number or id. Which cases a flow applies to comes from the
// core's state table (the flow passes `eligible`); a named case is passed on as it is, so the flow can say where
// it stands when it does not apply.

export interface ChooseCaseSpec {
  /** The card action of the flow, so the list's buttons continue it. */
  action: string;
  /** Intents that stay in this flow when typed at the list (its own topic). */
  ownIntents?: readonly string[];
  eligible(c: RefundCase): boolean;
  /** The sentence above the list, with {count}. */
  pickKey: MessageKey;
  /** Said when no case applies. */
  noneKey: MessageKey;
  buttonKey: MessageKey;
  /** When no case applies: cases to offer instead, with their own sentence (with {count}). */
  fallback?(all: RefundCase[]): { cases: RefundCase[]; introKey: MessageKey } | null;
}

export interface ChooseCaseOptions {
  caseId?: string;
  orderId?: string;
  /** Set when asking again: the cases listed before. */
  candidates?: Candidate[];
}

interface ChooseValues {
  candidates?: Candidate[];
  retried?: boolean;
}

export type ChooseCaseResult = { kind: 'case'; caseId: string } | { kind: 'none' } | { kind: 'reroute' };

export class ChooseCaseDialog extends WaterfallDialog {
  constructor(
    id: string,
    private readonly deps: DialogDeps,
    private readonly spec: ChooseCaseSpec,
  ) {
    super(id);
    this.addStep(this.askCaseStep.bind(this));
    this.addStep(this.readCaseStep.bind(this));
  }

  private async askCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ChooseCaseOptions;
    const info = turnInfo(step.context);
    if (options.candidates) {
      const values = step.values as ChooseValues;
      values.candidates = options.candidates;
      values.retried = true;
      return step.prompt(PROMPT.reply, { prompt: MessageFactory.text(info.t('status.pick.again')) });
    }
    if (options.caseId) return this.done(step, { kind: 'case', caseId: options.caseId.toUpperCase() });

    const all = newestFirst(await this.deps.refunds.listCases(info.actor));
    if (options.orderId) {
      const wanted = options.orderId.toUpperCase();
      const onOrder = all.filter((c) => c.orderId.toUpperCase() === wanted);
      if (onOrder.length === 0) {
        await step.context.sendActivity(info.t('status.noCaseOnOrder', { orderId: options.orderId }));
        return this.done(step, { kind: 'none' });
      }
      const eligible = onOrder.filter((c) => this.spec.eligible(c));
      if (eligible.length > 1) return this.list(step, eligible, this.spec.pickKey);
      // None applies: the latest case on the order, so the flow can say where it stands.
      return this.done(step, { kind: 'case', caseId: (eligible[0] ?? onOrder[0]!).id });
    }
    const eligible = all.filter((c) => this.spec.eligible(c));
    if (eligible.length === 1) return this.done(step, { kind: 'case', caseId: eligible[0]!.id });
    if (eligible.length > 1) return this.list(step, eligible, this.spec.pickKey);
    const fallback = this.spec.fallback?.(all);
    if (fallback && fallback.cases.length === 1) return this.done(step, { kind: 'case', caseId: fallback.cases[0]!.id });
    if (fallback && fallback.cases.length > 1) return this.list(step, fallback.cases, fallback.introKey);
    await step.context.sendActivity(info.t(this.spec.noneKey));
    return this.done(step, { kind: 'none' });
  }

  private async readCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    const values = step.values as ChooseValues;
    const candidates = values.candidates ?? [];
    if (belongsElsewhere(reply, info.recognition, this.spec.action, this.spec.ownIntents)) return this.away(step);
    const caseId = readCaseChoice(reply, candidates);
    if (caseId) return this.done(step, { kind: 'case', caseId });
    if (!values.retried) return step.replaceDialog(this.id, { candidates } satisfies ChooseCaseOptions);
    return this.away(step);
  }

  private async list(step: WaterfallStepContext, cases: RefundCase[], introKey: MessageKey): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const shown = cases.slice(0, 9);
    const items = await itemsOfCases(this.deps, info.actor, shown, info.lang);
    const ctx = { t: info.t, lang: info.lang, timeZone: this.deps.timeZone };
    const card = caseListCard(
      {
        intro: info.t(introKey, { count: shown.length }),
        entries: shown.map((c) => ({ case: c, ...(items.has(c.id) ? { items: items.get(c.id)! } : {}) })),
        action: this.spec.action,
        buttonKey: this.spec.buttonKey,
      },
      ctx,
    );
    (step.values as ChooseValues).candidates = shown.map((c) => ({ id: c.id, orderId: c.orderId }) satisfies Candidate);
    await step.context.sendActivity(MessageFactory.attachment(attachment(card)));
    return step.prompt(PROMPT.reply, {});
  }

  /** The reply is about something else: hand it back to the main dialog (once per turn), else just stop. */
  private async away(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.done(step, reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' });
  }

  private done(step: WaterfallStepContext, result: ChooseCaseResult): Promise<DialogTurnResult> {
    return step.endDialog(result);
  }
}
