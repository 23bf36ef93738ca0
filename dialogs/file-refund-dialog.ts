import type { Activity, Attachment } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { DialogContext, DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, WaterfallDialog } from 'botbuilder-dialogs';
import type { AdaptiveCard } from '../bot/cards/adaptive';
import { attachment } from '../bot/cards/adaptive';
import { caseFiledCard } from '../bot/cards/buyer/case-filed-card';
import type { EvidenceNeed, FileOutcome } from '../bot/cards/buyer/evidence-card';
import { evidenceCard, fileOutcomeText } from '../bot/cards/buyer/evidence-card';
import { lineTitle, linesCard, quantityCard } from '../bot/cards/buyer/lines-card';
import type { OrderChoice } from '../bot/cards/buyer/order-picker-card';
import { orderPickerCard } from '../bot/cards/buyer/order-picker-card';
import { changeMenuCard, quoteCard } from '../bot/cards/buyer/quote-card';
import type { Alternative } from '../bot/cards/buyer/refusal-card';
import { refusalCard } from '../bot/cards/buyer/refusal-card';
import { reasonCard, reasonLabel, shippingLabel, typeCard, typeLabel } from '../bot/cards/buyer/type-reason-card';
import { turnInfo } from '../bot/turn-info';
import { LANGS, formatDate, translator } from '../bot/i18n';
import type { CaseType, Order, ReasonCode, RefundCase, Refusal } from '../services/refunds';
import { evidenceNeeded, scheduleOf } from '../services/refunds';
import { DIALOG, PROMPT } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';
import { ReplyPrompt } from './prompts/reply-prompt';
import type { Reply } from './prompts/reply-prompt';
import { alternativesFor } from './filing/alternatives';
import type { FilingDraft, FilingMode } from './filing/draft';
import { applyCardValue, cardContext, emptyDraft, requestOf, requestPrint, setLineQuantity, setOrder, setReason } from './filing/draft';
import { takeFiles } from './filing/evidence-intake';
import { changeOptions, lineRows, orderChoice, parcelView } from './filing/views';
import type { OrderFacts } from './filing/order-facts';
import { allFreeLines, offeredReasons, orderFacts, typeChoices } from './filing/order-facts';
import { atPosition, byTitle, isChange, isDone, isSkip, isSubstantive, isWait, positionOf, typeHintOf } from './filing/parse';
import { lineNamedIn, readChoice, readLinesAnswer, readQuantityAnswer, readReasonAnswer, readTypeAnswer, sameWords } from './filing/answers';

// Filing a refund (also a cancellation before shipment, and a claim for a late or lost parcel). The answers so
// far live in a draft; every step asks for the first thing still missing and skips what is known, so whatever the
// first message said is not asked again. An answer that changes something restarts the steps with the updated
// draft (which re-asks only what is still missing); a click on any filing card, old or new, works the same way.
// The refund service decides: preview() quotes or refuses with every reason, file() files.

const STEPS = 'file-refund-steps';
const MAX_ORDERS_SHOWN = 10;
/** A restart that asks nothing would loop: a turn never needs more than a handful. */
const MAX_RESTARTS_PER_TURN = 25;
const RESTARTS = Symbol('file-refund.restarts');
const ORDERS = Symbol('file-refund.orders');
const BUYER_CASES = Symbol('file-refund.buyer-cases');

/** What a restart carries: the answers so far. */
interface StepOptions {
  draft: FilingDraft;
}

/** Extra draft fields used between steps only. */
interface WorkingDraft extends FilingDraft {
  offeredReasons?: ReasonCode[];
  offeredTypes?: CaseType[];
  offeredAlternatives?: Alternative[];
  /** The outcomes of files just received at the evidence step (shown on its next card). */
  justReceived?: FileOutcome[];
  showChangeMenu?: boolean;
  /** What the last preview showed: the quote (Confirm files it) or a refusal. */
  lastPreview?: 'quote' | 'refusal';
  introFiles?: boolean;
  /** The first message, for the product it names ("充电器坏了"): read once, when the items are asked. */
  mentioned?: string;
}

type Step = WaterfallStepContext<StepOptions | FlowOptions>;

// Button titles in both languages: a buyer may see Chinese buttons and type English, or the other way round.
const reasonLabels = (reason: ReasonCode): string[] => LANGS.map((lang) => reasonLabel(translator(lang), reason));
const typeLabels = (type: CaseType): string[] => LANGS.map((lang) => typeLabel(translator(lang), type));

export class FileRefundDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.fileRefund);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.startStep.bind(this),
        this.askOrderStep.bind(this),
        this.takeOrderStep.bind(this),
        this.checkOrderStep.bind(this),
        this.takeDeliveryChoiceStep.bind(this),
        this.askLinesStep.bind(this),
        this.takeLinesStep.bind(this),
        this.askReasonStep.bind(this),
        this.takeReasonStep.bind(this),
        this.askTypeStep.bind(this),
        this.takeTypeStep.bind(this),
        this.askDescriptionStep.bind(this),
        this.takeDescriptionStep.bind(this),
        this.askEvidenceStep.bind(this),
        this.takeEvidenceStep.bind(this),
        this.previewStep.bind(this),
        this.confirmStep.bind(this),
        this.fileStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  // ---- start ------------------------------------------------------------------------------------------------

  /** Builds the draft from what the first message (or the clicked card, or the files) already said. */
  private async startStep(step: Step): Promise<DialogTurnResult> {
    const options = step.options as Partial<StepOptions> & Partial<FlowOptions>;
    if (options.draft) {
      (step.values as { draft?: WorkingDraft }).draft = options.draft;
      return step.next();
    }
    const info = turnInfo(step.context);
    const flow = options as FlowOptions;
    const entities = flow.entities ?? {};
    const mode: FilingMode = flow.trigger === 'cancel_order' ? 'cancel' : flow.trigger === 'delivery_problem' ? 'delivery' : 'refund';
    const draft: WorkingDraft = emptyDraft(mode);
    if (mode === 'cancel') {
      draft.type = 'refund_only';
      draft.reason = entities.reason ?? 'other';
    }
    if (entities.orderId) draft.orderId = entities.orderId.toUpperCase();
    if (mode === 'refund' && entities.reason) draft.reason = entities.reason;
    // The buyer described the problem when the words name one; "I want a refund" is not a description.
    if (mode !== 'cancel' && entities.description && entities.reason) draft.description = entities.description.slice(0, 2000);
    if (entities.quantity) draft.quantityHint = entities.quantity;
    const firstText = (step.context.activity.text ?? '').trim();
    const hint = mode === 'refund' ? typeHintOf(firstText) : undefined;
    if (hint) draft.typeHint = hint;
    if (firstText) draft.mentioned = firstText.slice(0, 500);
    (step.values as { draft?: WorkingDraft }).draft = draft;

    if (flow.value) {
      const command = applyCardValue(draft, flow.value);
      if (command.kind === 'cancel') return this.finish(step, info.t('filing.cancelled'));
      if (command.kind === 'wait') return this.finish(step, info.t('filing.delivery.waiting'));
      // Confirm on a card whose flow has ended: the request is built again from here, never filed unseen.
      if (command.kind === 'confirm') await step.context.sendActivity(info.t('filing.quote.changed'));
      this.applyCommandFlags(draft, command);
    }
    // Files sent with the first message are evidence, whatever the words asked for.
    const reply = this.currentReply(step);
    if (reply?.attachments) {
      await this.receiveFiles(step, draft, reply.attachments, false);
      if (flow.trigger === 'attachment') draft.introFiles = true;
    }
    return step.next();
  }

  // ---- order ------------------------------------------------------------------------------------------------

  private async askOrderStep(step: Step): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const orders = await this.orders(step);
    const intro: string[] = [];
    if (draft.orderId) {
      if (orders.some((o) => o.id === draft.orderId)) return step.next();
      // Unknown and someone else's orders read the same: nothing about the order is shown.
      intro.push(info.t('filing.order.notFound', { orderId: draft.orderId }));
      delete draft.orderId;
    }
    if (orders.length === 0) return this.finish(step, info.t('filing.order.none'));

    let listed = orders;
    if (draft.mode === 'cancel') {
      const cancellable = orders.filter((o) => o.paid && !o.shippedAt);
      if (cancellable.length > 0) listed = cancellable;
      else intro.push(info.t('filing.order.noneToCancel'));
    } else if (draft.mode === 'delivery') {
      const undelivered = orders.filter((o) => o.paid && !o.deliveredAt);
      if (undelivered.length > 0) listed = undelivered;
    }
    listed = listed.slice(0, MAX_ORDERS_SHOWN);
    draft.offeredOrders = listed.map((o) => o.id);

    const choices: OrderChoice[] = [];
    for (const order of listed) {
      const cases = await this.casesOf(step, order.id);
      choices.push(orderChoice(orderFacts(order, cases, this.deps.refunds.policy, this.deps.clock.now()), info.lang));
    }
    const question = draft.introFiles
      ? info.t('filing.order.askForFiles')
      : info.t(draft.mode === 'cancel' ? 'filing.order.askCancel' : draft.mode === 'delivery' ? 'filing.order.askDelivery' : 'filing.order.ask');
    delete draft.introFiles;
    const card = orderPickerCard({ orders: choices, context: cardContext(draft), lang: info.lang, timeZone: this.deps.timeZone }, info.t);
    return this.ask(step, [...intro, question].join('\n\n'), card);
  }

  private async takeOrderStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'order');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = reply.text ?? '';
    const recognition = await this.deps.recognizer.recognize(text, { expecting: 'orderId', locale: info.lang });
    const offered = draft.offeredOrders ?? [];
    let orderId = recognition.entities.orderId ?? atPosition(offered, positionOf(text));
    if (!orderId) {
      const orders = (await this.orders(step)).filter((o) => offered.includes(o.id));
      orderId = byTitle(
        text,
        orders.map((o) => ({ id: o.id, titles: o.lines.flatMap((l) => [l.title, l.titleEn ?? '']) })),
      )?.id;
    }
    if (!orderId) {
      await step.context.sendActivity(info.t('filing.order.notUnderstood', { example: offered[0] ?? 'DEMO-1002' }));
      return this.restart(step);
    }
    setOrder(draft, orderId.toUpperCase());
    this.absorb(draft, recognition.entities, text);
    return this.restart(step);
  }

  /** The order is known: what it can do decides what comes next (nothing to refund, a cancellation, a parcel). */
  private async checkOrderStep(step: Step): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const facts = await this.facts(step);
    if (!facts) return this.restart(step);
    const { order } = facts;

    if (!order.paid) {
      // Nothing to refund: said before any question is asked (the service refuses it the same way).
      return this.showRefusal(step, [{ code: 'order_not_paid' }], [], facts);
    }
    if (facts.nothingFree) {
      const note = facts.openCaseIds.length > 0
        ? info.t('filing.order.allTaken', { orderId: order.id, caseIds: facts.openCaseIds.join(', ') })
        : info.t('filing.order.allRefunded', { orderId: order.id });
      return this.showRefusal(step, [], [note], facts);
    }

    if (draft.mode === 'cancel' && facts.shipping !== 'not_shipped') {
      await step.context.sendActivity(info.t('filing.cancel.alreadyShipped', { orderId: order.id, date: formatDate(order.shippedAt!, info.lang, this.deps.timeZone) }));
      delete draft.type;
      delete draft.reason;
      if (facts.shipping === 'in_transit') {
        draft.mode = 'delivery';
      } else {
        draft.mode = 'refund';
        await step.context.sendActivity(info.t('filing.cancel.deliveredInstead'));
      }
      return this.restart(step);
    }
    if (draft.mode !== 'cancel' && facts.shipping === 'not_shipped') {
      // Before shipment every request is a cancellation: refund only, fast-tracked.
      if (draft.mode === 'delivery') return this.askDeliveryChoice(step, facts);
      draft.mode = 'cancel';
      draft.type = 'refund_only';
      draft.reason ??= 'other';
      await step.context.sendActivity(info.t('filing.cancel.notShippedSwitch', { orderId: order.id }));
      return step.next();
    }
    if (draft.mode === 'delivery' && !draft.deliveryChecked) return this.askDeliveryChoice(step, facts);
    return step.next();
  }

  /** A late or lost parcel: what we know, and a refund where the order allows one. */
  private async askDeliveryChoice(step: Step, facts: OrderFacts): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const view = parcelView(facts, cardContext(draft), { t: info.t, lang: info.lang, timeZone: this.deps.timeZone });
    draft.offeredReasons = view.reasons;
    if (view.final) {
      await step.context.sendActivity(this.activityOf(undefined, view.card));
      return step.endDialog();
    }
    return this.ask(step, undefined, view.card);
  }

  private async takeDeliveryChoiceStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'delivery');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = reply.text ?? '';
    if (isWait(text)) return this.finish(step, info.t('filing.delivery.waiting'));
    const recognition = await this.deps.recognizer.recognize(text, { expecting: 'reason', locale: info.lang });
    if (recognition.intent === 'cancel_order') {
      draft.mode = 'cancel';
      draft.type = 'refund_only';
      draft.reason ??= 'other';
      return this.restart(step);
    }
    const offered = draft.offeredReasons ?? [];
    const reason = readChoice(text, offered, reasonLabels, recognition.entities.reason);
    if (reason) {
      setReason(draft, reason);
      draft.type = 'refund_only';
      draft.deliveryChecked = true;
      return this.restart(step);
    }
    if (offered.length === 0) {
      // Nothing to claim here (an unshipped order): the choices were cancel, wait or a person.
      await step.context.sendActivity(info.t('refusal.alt.ask'));
      return this.restart(step);
    }
    await step.context.sendActivity(info.t('filing.type.notUnderstood'));
    return this.restart(step);
  }

  // ---- lines ------------------------------------------------------------------------------------------------

  private async askLinesStep(step: Step): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const facts = await this.facts(step);
    if (!facts) return this.restart(step);
    const { order } = facts;
    const context = cardContext(draft);

    const pending = draft.quantityPending?.[0];
    if (pending !== undefined) {
      const line = order.lines[pending]!;
      return this.ask(step, undefined, quantityCard({ title: lineTitle(line, info.lang), max: facts.free[pending]!, lineIndex: pending, context }, info.t));
    }
    if (draft.lines && draft.lines.length > 0) return step.next();

    const claimable = order.lines.filter((l) => facts.free[l.index]! > 0);
    if (claimable.length === 1) {
      const only = claimable[0]!;
      const free = facts.free[only.index]!;
      const quantity = free === 1 ? 1 : draft.quantityHint && draft.quantityHint <= free ? draft.quantityHint : undefined;
      if (quantity) {
        draft.lines = [{ lineIndex: only.index, quantity }];
        return step.next();
      }
    }
    const mentioned = draft.mentioned;
    delete draft.mentioned;
    const named = mentioned ? lineNamedIn(mentioned, facts, draft.quantityHint) : undefined;
    if (named?.quantity) {
      draft.lines = [{ lineIndex: named.lineIndex, quantity: named.quantity }];
      return step.next();
    }
    if (named) {
      // The first message named the product but not how many: only the quantity is asked.
      draft.quantityPending = [named.lineIndex];
      return this.restart(step);
    }
    if ((draft.mode === 'cancel' || draft.mode === 'delivery') && !draft.chooseLines) {
      // A cancellation or a missing parcel covers everything still claimable; the quote card offers to change it.
      draft.lines = allFreeLines(facts);
      return step.next();
    }
    const rows = lineRows(facts, info.lang);
    const preset = claimable.length === 1 ? { [claimable[0]!.index]: Math.min(draft.quantityHint ?? 1, facts.free[claimable[0]!.index]!) } : undefined;
    return this.ask(step, undefined, linesCard({ orderId: order.id, lines: rows, context, ...(preset ? { preset } : {}) }, info.t));
  }

  private async takeLinesStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'lines');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const facts = await this.facts(step);
    if (!facts) return this.restart(step);
    const text = reply.text ?? '';

    const pending = draft.quantityPending?.[0];
    if (pending !== undefined) {
      const max = facts.free[pending]!;
      const quantity = readQuantityAnswer(text, max);
      if (!quantity) {
        await step.context.sendActivity(info.t('filing.quantity.notUnderstood', { max }));
        return this.restart(step);
      }
      setLineQuantity(draft, pending, quantity);
      return this.restart(step);
    }

    const answer = readLinesAnswer(text, facts, draft.quantityHint);
    if (!answer.ok) {
      const { error } = answer;
      const title = (lineIndex: number): string => lineTitle(facts.order.lines[lineIndex]!, info.lang);
      switch (error.kind) {
        case 'not_understood':
          await step.context.sendActivity(info.t('filing.lines.notUnderstood'));
          break;
        case 'taken':
          await step.context.sendActivity(info.t('filing.lines.takenLine', { title: title(error.lineIndex) }));
          break;
        case 'too_many':
          await step.context.sendActivity(info.t('filing.lines.tooMany', { title: title(error.lineIndex), max: error.max }));
          break;
        default: {
          const unknown: never = error;
          throw new Error(`unknown lines answer ${JSON.stringify(unknown)}`);
        }
      }
      return this.restart(step);
    }
    draft.lines = answer.lines;
    if (answer.pending.length > 0) draft.quantityPending = answer.pending;
    else delete draft.quantityPending;
    return this.restart(step);
  }

  // ---- reason and type ---------------------------------------------------------------------------------------

  private async askReasonStep(step: Step): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.reason) return step.next();
    const info = turnInfo(step.context);
    const facts = await this.facts(step);
    if (!facts) return this.restart(step);
    const offered = offeredReasons(facts, {
      ...(draft.typeHint ? { hint: draft.typeHint } : {}),
      ...(draft.excludedReasons ? { exclude: draft.excludedReasons } : {}),
      ...(draft.lines ? { lineIndexes: draft.lines.map((l) => l.lineIndex) } : {}),
    });
    draft.offeredReasons = offered;
    return this.ask(step, undefined, reasonCard({ heading: info.t('filing.reason.ask'), reasons: offered, context: cardContext(draft) }, info.t));
  }

  private async takeReasonStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'reason');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = reply.text ?? '';
    const offered = draft.offeredReasons ?? [];
    const recognition = await this.deps.recognizer.recognize(text, { expecting: 'reason', locale: info.lang });
    const answer = readReasonAnswer(text, offered, reasonLabels, recognition.entities.reason);
    const hint = typeHintOf(text);
    if (hint && !draft.typeHint) draft.typeHint = hint;
    // Words about the problem are the description, unless they only named a reason button.
    if (isSubstantive(text) && !draft.description && !offered.some((r) => reasonLabels(r).some((l) => sameWords(text, l)))) {
      draft.description = text.slice(0, 2000);
    }
    switch (answer.kind) {
      case 'chosen':
        setReason(draft, answer.reason);
        break;
      case 'not_offered': {
        const facts = await this.facts(step);
        await step.context.sendActivity(
          info.t('filing.reason.notOffered', { reason: reasonLabel(info.t, answer.reason), shipping: facts ? shippingLabel(info.t, facts.shipping) : '' }),
        );
        break;
      }
      case 'not_understood':
        await step.context.sendActivity(info.t('filing.reason.notUnderstood'));
        break;
      default: {
        const unknown: never = answer;
        throw new Error(`unknown reason answer ${JSON.stringify(unknown)}`);
      }
    }
    return this.restart(step);
  }

  private async askTypeStep(step: Step): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    if (draft.type) return step.next();
    const info = turnInfo(step.context);
    const facts = await this.facts(step);
    if (!facts || !draft.reason) return this.restart(step);
    const { allowed, offered } = typeChoices(draft.reason, facts.order, draft.typeHint);
    if (allowed.length === 0) {
      // The reason does not apply in this shipping state: ask for another one, saying why.
      await step.context.sendActivity(info.t('filing.reason.notOffered', { reason: reasonLabel(info.t, draft.reason), shipping: shippingLabel(info.t, facts.shipping) }));
      draft.excludedReasons = [...new Set([...(draft.excludedReasons ?? []), draft.reason])];
      delete draft.reason;
      return this.restart(step);
    }
    if (offered.length === 1) {
      draft.type = offered[0]!;
      return step.next();
    }
    draft.offeredTypes = offered;
    return this.ask(step, undefined, typeCard({ reason: draft.reason, types: offered, context: cardContext(draft) }, info.t));
  }

  private async takeTypeStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'type');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = reply.text ?? '';
    const chosen = readTypeAnswer(text, draft.offeredTypes ?? [], typeLabels, typeHintOf(text));
    if (!chosen) {
      await step.context.sendActivity(info.t('filing.type.notUnderstood'));
      return this.restart(step);
    }
    draft.type = chosen;
    return this.restart(step);
  }

  // ---- description -------------------------------------------------------------------------------------------

  private async askDescriptionStep(step: Step): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    // The reason says it all for cancellations, parcels and no-reason returns.
    const needless = draft.mode !== 'refund' || draft.reason === 'no_reason_7_days' || draft.reason === 'logistics_delay';
    if (draft.description || draft.descriptionDone || needless) return step.next();
    const info = turnInfo(step.context);
    return step.prompt(PROMPT.reply, { prompt: MessageFactory.suggestedActions([info.t('filing.description.skip')], info.t('filing.description.ask')) });
  }

  private async takeDescriptionStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'description');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = (reply.text ?? '').trim();
    if (isSkip(text) || sameWords(text, info.t('filing.description.skip'))) {
      draft.descriptionDone = true;
      return this.restart(step);
    }
    if (text.length < 2) {
      await step.context.sendActivity(info.t('filing.description.tooShort'));
      return this.restart(step);
    }
    draft.description = text.slice(0, 2000);
    draft.descriptionDone = true;
    return this.restart(step);
  }

  // ---- evidence ------------------------------------------------------------------------------------------------

  private async askEvidenceStep(step: Step): Promise<DialogTurnResult> {
    const draft = this.draft(step);
    const facts = await this.facts(step);
    if (!facts || !draft.reason) return this.restart(step);
    const needed = evidenceNeeded(draft.reason, facts.order);
    if (needed === 'none' && !draft.evidenceWanted) return step.next();
    const info = turnInfo(step.context);
    const need: EvidenceNeed = needed === 'required' ? 'required' : needed === 'optional' ? 'optional' : 'wanted';
    const hasPhotoOrVideo = draft.evidence.some((e) => e.kind === 'image' || e.kind === 'video');
    if (draft.evidenceDone) {
      if (need !== 'required' || hasPhotoOrVideo) return step.next();
      delete draft.evidenceDone;
      await step.context.sendActivity(info.t(draft.evidence.length > 0 ? 'evidence.stillRequired' : 'evidence.requiredNoSkip', { reason: reasonLabel(info.t, draft.reason) }));
    }
    const received = draft.justReceived;
    delete draft.justReceived;
    const card = evidenceCard(
      {
        need,
        reason: reasonLabel(info.t, draft.reason),
        limits: this.deps.evidence.limits,
        count: draft.evidence.length,
        hasPhotoOrVideo,
        ...(received ? { received } : {}),
        context: cardContext(draft),
      },
      info.t,
    );
    return this.ask(step, undefined, card);
  }

  private async takeEvidenceStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'evidence');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const text = reply.text ?? '';
    if (isDone(text) || isSkip(text) || sameWords(text, info.t('evidence.done')) || sameWords(text, info.t('evidence.skip'))) {
      draft.evidenceDone = true;
      return this.restart(step);
    }
    const recognition = await this.deps.recognizer.recognize(text, { expecting: 'confirm', locale: info.lang });
    if (recognition.intent === 'confirm' || recognition.intent === 'deny') {
      draft.evidenceDone = true;
      return this.restart(step);
    }
    if (isSubstantive(text) && !draft.description) draft.description = text.slice(0, 2000);
    await step.context.sendActivity(info.t('evidence.notUnderstood'));
    return this.restart(step);
  }

  // ---- preview, confirm, file ------------------------------------------------------------------------------------

  private async previewStep(step: Step): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const request = requestOf(draft);
    if (!request) throw new Error('the filing steps ended with an incomplete request');
    const facts = await this.facts(step);
    if (draft.showChangeMenu) {
      delete draft.showChangeMenu;
      return this.ask(step, undefined, changeMenuCard(changeOptions(draft, facts), cardContext(draft), info.t));
    }
    const preview = await this.deps.refunds.preview(info.actor, request);
    if (preview.ok) {
      draft.lastPreview = 'quote';
      const card = quoteCard(
        {
          preview: preview.value,
          lang: info.lang,
          timeZone: this.deps.timeZone,
          print: requestPrint(request),
          changes: changeOptions(draft, facts),
          context: cardContext(draft),
        },
        info.t,
      );
      return this.ask(step, undefined, card);
    }
    const error = preview.error;
    switch (error.kind) {
      case 'refused':
        return this.showRefusal(step, error.refusals, [], facts);
      case 'invalid_input':
      case 'forbidden':
      case 'not_found':
      case 'invalid_state':
      case 'conflict':
      case 'key_reused':
        return this.failed(step, error.kind);
      default: {
        const unknown: never = error;
        throw new Error(`unknown preview error ${JSON.stringify(unknown)}`);
      }
    }
  }

  private async confirmStep(step: Step): Promise<DialogTurnResult> {
    const reply = step.result as Reply | undefined;
    if (!reply) return step.next();
    const handled = await this.common(step, reply, 'confirm');
    if (handled) return handled;
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const request = requestOf(draft);
    if (reply.value) {
      // A Confirm click: only the request that card showed is filed.
      const print = typeof reply.value.print === 'string' ? reply.value.print : '';
      if (request && print === requestPrint(request) && draft.lastPreview === 'quote') return step.next();
      await step.context.sendActivity(info.t('filing.quote.changed'));
      return this.restart(step);
    }
    const text = reply.text ?? '';
    if (draft.lastPreview === 'refusal') {
      const alt = atPosition(draft.offeredAlternatives ?? [], positionOf(text));
      if (alt) return this.takeAlternative(step, alt);
      await step.context.sendActivity(info.t('refusal.alt.ask'));
      return this.restart(step);
    }
    if (isChange(text)) {
      draft.showChangeMenu = true;
      return this.restart(step);
    }
    const recognition = await this.deps.recognizer.recognize(text, { expecting: 'confirm', locale: info.lang });
    if (recognition.intent === 'confirm' || sameWords(text, info.t('filing.quote.confirm'))) return step.next();
    if (recognition.intent === 'deny') {
      draft.showChangeMenu = true;
      return this.restart(step);
    }
    await step.context.sendActivity(info.t('filing.confirm.notUnderstood'));
    return this.restart(step);
  }

  private async fileStep(step: Step): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const request = requestOf(draft);
    if (!request) throw new Error('filing without a complete request');
    const key = step.context.activity.id ?? `${info.correlationId}:file`;
    const outcome = await this.deps.refunds.file(info.actor, request, key);
    step.context.turnState.delete(BUYER_CASES);
    if (outcome.ok) {
      const filed = outcome.value.case;
      const schedule = scheduleOf(filed, this.deps.refunds.policy);
      const deadline = schedule.deadline ?? schedule.notices.find((n) => n.kind === 'alert')?.at ?? null;
      const card = caseFiledCard(
        { filed, deadline: deadline ? deadline.toISOString() : null, replayed: outcome.value.replayed, lang: info.lang, timeZone: this.deps.timeZone },
        info.t,
      );
      await step.context.sendActivity(this.activityOf(undefined, card));
      return step.endDialog(filed.id);
    }
    const error = outcome.error;
    switch (error.kind) {
      case 'refused':
        // Something changed since the quote (another request on the same items): the preview says what.
        return this.restart(step);
      case 'conflict':
        await step.context.sendActivity(info.t('filing.error.conflict'));
        return this.restart(step);
      case 'invalid_input':
      case 'forbidden':
      case 'not_found':
      case 'invalid_state':
      case 'key_reused':
        return this.failed(step, error.kind);
      default: {
        const unknown: never = error;
        throw new Error(`unknown filing error ${JSON.stringify(unknown)}`);
      }
    }
  }

  // ---- shared pieces ---------------------------------------------------------------------------------------------

  /**
   * What every answer may be besides the expected one: a click on any filing card (applied to the draft), a click
   * on another flow's button, files, or a different order number. Returns null when the step should read the text.
   */
  private async common(step: Step, reply: Reply, expecting: 'order' | 'delivery' | 'lines' | 'reason' | 'type' | 'description' | 'evidence' | 'confirm'): Promise<DialogTurnResult | null> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    if (reply.value) {
      if (reply.value.action !== 'file_refund') return this.leaveFor(step);
      const command = applyCardValue(draft, reply.value);
      switch (command.kind) {
        case 'cancel':
          return this.finish(step, info.t('filing.cancelled'));
        case 'wait':
          return this.finish(step, info.t('filing.delivery.waiting'));
        case 'confirm':
          if (expecting === 'confirm') return null;
          return this.restart(step);
        case 'invalid_lines':
          await step.context.sendActivity(info.t('filing.lines.none'));
          return this.restart(step);
        case 'change_menu':
        case 'evidence_done':
        case 'evidence_skip':
        case 'description_skip':
        case 'none':
          this.applyCommandFlags(draft, command);
          return this.restart(step);
        default: {
          const unknown: never = command;
          throw new Error(`unknown card command ${JSON.stringify(unknown)}`);
        }
      }
    }
    if (reply.attachments && reply.attachments.length > 0) {
      await this.receiveFiles(step, draft, reply.attachments, expecting === 'evidence');
      if (expecting === 'evidence' && reply.text && isDone(reply.text)) draft.evidenceDone = true;
      return this.restart(step);
    }
    const mentioned = info.recognition?.entities.orderId;
    // Another order number switches orders, except inside a description (it may mention other orders).
    if (expecting !== 'order' && expecting !== 'description' && mentioned && mentioned !== draft.orderId) {
      setOrder(draft, mentioned);
      return this.restart(step);
    }
    return null;
  }

  private applyCommandFlags(draft: WorkingDraft, command: ReturnType<typeof applyCardValue>): void {
    switch (command.kind) {
      case 'evidence_done':
      case 'evidence_skip':
        draft.evidenceDone = true;
        break;
      case 'description_skip':
        draft.descriptionDone = true;
        break;
      case 'change_menu':
        draft.showChangeMenu = true;
        break;
      default:
        break;
    }
  }

  /** Files: kept as evidence, each one reported (kept, or refused and why). */
  private async receiveFiles(step: Step, draft: WorkingDraft, attachments: Attachment[], atEvidenceStep: boolean): Promise<void> {
    const info = turnInfo(step.context);
    const result = await takeFiles(this.deps.evidence, attachments, draft.evidence, {
      ...(step.context.activity.serviceUrl ? { serviceUrl: step.context.activity.serviceUrl } : {}),
      now: this.deps.clock.now(),
      nameOf: (n) => info.t('evidence.fileN', { n }),
    });
    draft.evidence = result.evidence;
    if (atEvidenceStep) {
      draft.justReceived = result.outcomes;
      return;
    }
    const lines = result.outcomes.map((o) => fileOutcomeText(info.t, o));
    if (result.outcomes.some((o) => o.status === 'accepted')) lines.push(info.t('evidence.kept'));
    await step.context.sendActivity(lines.join('\n\n'));
  }

  private async showRefusal(step: Step, refusals: Refusal[], notes: string[], facts: OrderFacts | null): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const draft = this.draft(step);
    const request = requestOf(draft);
    const alternatives = alternativesFor(refusals, request, facts);
    if (notes.length > 0 && facts) {
      for (const caseId of facts.openCaseIds.slice(0, 2)) alternatives.unshift({ kind: 'status', caseId });
      alternatives.splice(alternatives.length - 1, 0, { kind: 'other_order' });
    }
    draft.offeredAlternatives = alternatives;
    draft.lastPreview = 'refusal';
    const card = refusalCard(
      {
        refusals,
        notes,
        order: facts?.order ?? null,
        ...(draft.reason ? { reason: draft.reason } : {}),
        alternatives,
        lang: info.lang,
        timeZone: this.deps.timeZone,
        context: cardContext(draft),
      },
      info.t,
    );
    return this.ask(step, undefined, card);
  }

  private async takeAlternative(step: Step, alt: Alternative): Promise<DialogTurnResult> {
    if (alt.kind === 'human' || alt.kind === 'status') {
      const value = alt.kind === 'human' ? { action: 'human' } : { action: 'case_status', caseId: alt.caseId };
      step.context.activity.value = value;
      return this.leaveFor(step);
    }
    const draft = this.draft(step);
    applyCardValue(draft, { action: 'file_refund', step: 'alternative', alt: alt.kind, ...(alt.kind === 'type' ? { type: alt.type } : {}) });
    return this.restart(step);
  }

  /** A click meant for another flow (a person, a case's status): leave this one and let the front door route it. */
  private async leaveFor(step: Step): Promise<DialogTurnResult> {
    let root: DialogContext = step;
    while (root.parent) root = root.parent;
    await root.cancelAllDialogs();
    await root.beginDialog(DIALOG.main);
    // The stack was replaced from the root: nothing above may act on it again this turn.
    return Dialog.EndOfTurn;
  }

  private async failed(step: Step, detail: string): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const card = refusalCard(
      { refusals: [], notes: [info.t('filing.error.generic', { detail })], order: null, alternatives: [{ kind: 'human' }], lang: info.lang, timeZone: this.deps.timeZone, context: cardContext(this.draft(step)) },
      info.t,
    );
    await step.context.sendActivity(this.activityOf(undefined, card));
    return step.endDialog();
  }

  private async finish(step: Step, message: string): Promise<DialogTurnResult> {
    await step.context.sendActivity(message);
    return step.endDialog();
  }

  /** Reads what the buyer said and what the first message said; words only, no rules. */
  private absorb(draft: WorkingDraft, entities: { reason?: ReasonCode; description?: string }, text: string): void {
    if (draft.mode === 'refund' && entities.reason && !draft.reason) {
      draft.reason = entities.reason;
      if (entities.description && !draft.description) draft.description = entities.description.slice(0, 2000);
    }
    const hint = draft.mode === 'refund' ? typeHintOf(text) : undefined;
    if (hint && !draft.typeHint) draft.typeHint = hint;
  }

  private ask(step: Step, text: string | undefined, card: AdaptiveCard): Promise<DialogTurnResult> {
    return step.prompt(PROMPT.reply, { prompt: this.activityOf(text, card) });
  }

  private activityOf(text: string | undefined, card: AdaptiveCard): Partial<Activity> {
    return MessageFactory.attachment(attachment(card), text);
  }

  private currentReply(step: Step): Reply | undefined {
    const a = step.context.activity;
    const files = (a.attachments ?? []).filter((x) => !x.contentType?.startsWith('application/vnd.microsoft.card'));
    return files.length > 0 ? { attachments: files, ...(a.text ? { text: a.text } : {}) } : undefined;
  }

  private draft(step: Step): WorkingDraft {
    return (step.values as { draft: WorkingDraft }).draft;
  }

  private restart(step: Step): Promise<DialogTurnResult> {
    const count = ((step.context.turnState.get(RESTARTS) as number | undefined) ?? 0) + 1;
    step.context.turnState.set(RESTARTS, count);
    if (count > MAX_RESTARTS_PER_TURN) throw new Error('the filing steps restarted without asking anything');
    return step.replaceDialog(STEPS, { draft: this.draft(step) } satisfies StepOptions);
  }

  /** The buyer's orders, read once per turn. */
  private async orders(step: Step): Promise<Order[]> {
    const cached = step.context.turnState.get(ORDERS) as Order[] | undefined;
    if (cached) return cached;
    const orders = await this.deps.refunds.ordersOfBuyer(turnInfo(step.context).actor);
    step.context.turnState.set(ORDERS, orders);
    return orders;
  }

  /** The chosen order and what it can do; null (and the order forgotten) when it is not the buyer's. */
  private async facts(step: Step): Promise<OrderFacts | null> {
    const draft = this.draft(step);
    if (!draft.orderId) return null;
    const order = (await this.orders(step)).find((o) => o.id === draft.orderId) ?? null;
    if (!order) {
      delete draft.orderId;
      return null;
    }
    const cases = await this.casesOf(step, order.id);
    return orderFacts(order, cases, this.deps.refunds.policy, this.deps.clock.now());
  }

  /** The buyer's cases on one order, from one query of all their cases per turn (the steps ask often). */
  private async casesOf(step: Step, orderId: string): Promise<RefundCase[]> {
    let all = step.context.turnState.get(BUYER_CASES) as RefundCase[] | undefined;
    if (!all) {
      all = await this.deps.refunds.listCases(turnInfo(step.context).actor);
      step.context.turnState.set(BUYER_CASES, all);
    }
    return all.filter((c) => c.orderId === orderId);
  }
}


