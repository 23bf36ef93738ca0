import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import type { CarrierCode } from '../services/logistics';
import { CARRIERS, CARRIER_CODES } from '../services/logistics';
import { checkTransition, scheduleOf } from '../services/refunds';
import { turnInfo } from '../bot/turn-info';
import type { Translate } from '../bot/i18n';
import { attachment } from '../bot/cards/adaptive';
import type { CardContext } from '../bot/cards/buyer/case-words';
import { statusStandsKey } from '../bot/cards/buyer/case-words';
import { returnInstructionsCard } from '../bot/cards/buyer/return-instructions-card';
import { caseConfirmCard } from '../bot/cards/buyer/case-confirm-card';
import { carrierName } from '../bot/cards/buyer/timeline-card';
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
import type { PendingTracking, TrackingInput, TrackingReading } from './cases/tracking-reply';
import { readTracking } from './cases/tracking-reply';

// Shipping a return: the address, who pays the freight and the ship-by date; then the carrier and tracking
// number (form, "顺丰 SF1234567890123", or just the number), checked against the carrier's format, confirmed,
// and recorded with the return_shipped command.

const WATERFALL = 'return-shipping.waterfall';
const CHOOSE = 'return-shipping.choose-case';
const TRACKING = 'return-shipping.tracking';
const CONFIRM = 'return-shipping.confirm';
const ACTION = 'return_shipping';

interface ShippingOptions extends FlowOptions {
  /** Asking again after the buyer chose to change what they gave. */
  changed?: boolean;
}

interface ShippingValues {
  caseId?: string;
  tracking?: Extract<TrackingReading, { kind: 'ok' }>;
  /** A late click on the confirm card: the buyer already said yes to exactly this. */
  confirmed?: boolean;
}

interface TrackingOptions {
  /** Read this instead of asking (what the first message or click already gave). */
  first?: TrackingInput;
  pending?: PendingTracking;
  say?: string;
  choices?: string[];
}

type TrackingResult = Extract<TrackingReading, { kind: 'ok' }> | { kind: 'none' } | { kind: 'reroute' };

export class ReturnShippingDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.returnShipping);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new ChooseCaseDialog(CHOOSE, deps, {
        action: ACTION,
        ownIntents: ['return_shipping', 'delivery_problem'],
        eligible: (c) => checkTransition(c.status, 'return_shipped', 'buyer').ok,
        pickKey: 'shipping.pick',
        noneKey: 'shipping.noneAwaiting',
        buttonKey: 'status.action.choose',
      }),
    );
    this.addDialog(new WaterfallDialog(TRACKING, [this.askTrackingStep.bind(this), this.readTrackingStep.bind(this)]));
    this.addDialog(new ConfirmDialog(CONFIRM, deps));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.chooseCaseStep.bind(this),
        this.showInstructionsStep.bind(this),
        this.confirmStep.bind(this),
        this.submitStep.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async chooseCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(CHOOSE, chooseOptionsOf(step.options as FlowOptions));
  }

  private async showInstructionsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = await chosenCase(step, this.deps);
    if (!chosen.ok) return chosen.end;
    const c = chosen.case;
    const options = step.options as ShippingOptions;
    const info = turnInfo(step.context);
    if (!checkTransition(c.status, 'return_shipped', 'buyer').ok) {
      await step.context.sendActivity(info.t('shipping.notAwaiting', { caseId: c.id, stands: info.t(statusStandsKey(c.status)) }));
      return step.endDialog();
    }
    const values = step.values as ShippingValues;
    values.caseId = c.id;
    if (options.changed) return step.beginDialog(TRACKING, { say: info.t('shipping.changed') } satisfies TrackingOptions);

    const value = clickedValue(options);
    const entities = options.entities ?? {};
    if (typeof value.trackingNumber === 'string' || typeof value.carrier === 'string') {
      values.confirmed = value.confirm === true;
      return step.beginDialog(TRACKING, { first: { value } } satisfies TrackingOptions);
    }
    if (entities.trackingNumber) {
      return step.beginDialog(TRACKING, { first: { text: step.context.activity.text ?? '', entities } } satisfies TrackingOptions);
    }
    const card = returnInstructionsCard({ case: c, deadline: scheduleOf(c, this.deps.refunds.policy).deadline }, cardContextOf(step.context, this.deps));
    await step.context.sendActivity(MessageFactory.attachment(attachment(card)));
    return step.beginDialog(TRACKING, {} satisfies TrackingOptions);
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const read = step.result as TrackingResult;
    if (read.kind === 'reroute') return step.endDialog(REROUTE);
    if (read.kind === 'none') return step.endDialog();
    const values = step.values as ShippingValues;
    values.tracking = read;
    if (values.confirmed) return step.next({ kind: 'yes' } satisfies ConfirmResult);
    const info = turnInfo(step.context);
    const ctx = cardContextOf(step.context, this.deps);
    const caseId = values.caseId!;
    const data = { action: ACTION, caseId };
    const card = caseConfirmCard({
      text: info.t('shipping.confirm', { caseId, carrier: shownCarrier(read, ctx), number: read.trackingNumber }),
      yes: { title: info.t('shipping.confirmYes'), data: { ...data, carrier: read.code, carrierName: read.code === 'OTHER' ? read.carrier : '', trackingNumber: read.trackingNumber } },
      no: { title: info.t('shipping.confirmNo'), data },
    });
    return step.beginDialog(CONFIRM, { card, againKey: 'shipping.confirmAgain', action: ACTION } satisfies ConfirmOptions);
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = step.result as ConfirmResult;
    const values = step.values as ShippingValues;
    const caseId = values.caseId!;
    if (answer.kind === 'reroute') return step.endDialog(REROUTE);
    if (answer.kind === 'none') return step.endDialog();
    if (answer.kind === 'no') {
      return step.replaceDialog(WATERFALL, { entities: {}, value: { caseId }, trigger: 'change', changed: true } satisfies ShippingOptions);
    }
    const info = turnInfo(step.context);
    const ctx = cardContextOf(step.context, this.deps);
    const tracking = values.tracking!;
    const outcome = await this.deps.refunds.execute(
      info.actor,
      caseId,
      { kind: 'return_shipped', carrier: tracking.carrier, trackingNumber: tracking.trackingNumber },
      step.context.activity.id ?? info.correlationId,
    );
    if (!outcome.ok) {
      await step.context.sendActivity(outcomeWords(outcome.error, caseId, ctx));
      return step.endDialog();
    }
    await step.context.sendActivity(info.t('shipping.done', { caseId, carrier: shownCarrier(tracking, ctx), number: tracking.trackingNumber }));
    return step.endDialog();
  }

  // ---- the carrier and number, asked until they make sense ----------------------------------------------------

  private async askTrackingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as TrackingOptions;
    if (options.first) return step.next({ first: options.first });
    if (!options.say) return step.prompt(PROMPT.reply, {});
    const prompt = options.choices?.length ? MessageFactory.suggestedActions(options.choices, options.say) : MessageFactory.text(options.say);
    return step.prompt(PROMPT.reply, { prompt });
  }

  private async readTrackingStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as TrackingOptions;
    const info = turnInfo(step.context);
    const given = step.result as { first: TrackingInput } | Reply | undefined;
    let input: TrackingInput;
    let reply: Reply | undefined;
    if (given && 'first' in given) {
      input = given.first;
    } else {
      reply = given as Reply | undefined;
      input = await this.inputOf(reply, info.lang);
    }
    const reading = readTracking({ ...input, ...(options.pending ? { pending: options.pending } : {}) });
    if (reading.kind === 'ok') return step.endDialog(reading satisfies TrackingResult);
    // Words that carry no carrier or number and clearly ask for something else leave this flow.
    if (reading.kind === 'need_both' && belongsElsewhere(reply, info.recognition, ACTION, ['return_shipping', 'delivery_problem'])) {
      return step.endDialog((reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' }) satisfies TrackingResult);
    }
    return step.replaceDialog(TRACKING, this.askAgain(reading, info.t, cardContextOf(step.context, this.deps)));
  }

  private async inputOf(reply: Reply | undefined, lang: CardContext['lang']): Promise<TrackingInput> {
    if (reply?.value) return { value: reply.value };
    if (!reply?.text) return {};
    const r = await this.deps.recognizer.recognize(reply.text, { expecting: 'trackingNumber', locale: lang });
    return { text: reply.text, entities: r.entities };
  }

  private askAgain(reading: Exclude<TrackingReading, { kind: 'ok' }>, t: Translate, ctx: CardContext): TrackingOptions {
    const name = (code: CarrierCode) => carrierName(code, ctx);
    const list = (codes: readonly CarrierCode[]) => new Intl.ListFormat(ctx.lang, { type: 'disjunction' }).format(codes.map(name));
    const allCarriers = CARRIER_CODES.map((code) => (ctx.lang === 'zh-CN' ? CARRIERS[code].nameZh : CARRIERS[code].nameEn));
    switch (reading.kind) {
      case 'need_both':
        return { say: t('shipping.needBoth') };
      case 'need_number':
        return { pending: reading.pending, say: t('shipping.askNumber', { carrier: reading.pending.carrierName ?? name(reading.pending.carrier!) }) };
      case 'need_carrier':
        return { pending: reading.pending, say: t('shipping.askCarrier', { number: reading.pending.number ?? '' }), choices: allCarriers };
      case 'which_carrier':
        return {
          pending: reading.pending,
          say: t('shipping.whichCarrier', { number: reading.pending.number ?? '', carriers: list(reading.candidates) }),
          choices: reading.candidates.map(name),
        };
      case 'bad_format': {
        const said = t('shipping.badFormat', { number: reading.number, carrier: name(reading.carrier), format: t(`shipping.format.${reading.carrier}`) });
        const suggest = reading.suggested.length > 0 ? ` ${t('shipping.badFormatSuggest', { carriers: list(reading.suggested) })}` : '';
        // Both are kept: a corrected number goes with the carrier, another carrier's name with the number.
        return { pending: reading.pending, say: said + suggest };
      }
      case 'unknown_number':
        return { say: t('shipping.unknownNumber', { number: reading.number }) };
      default: {
        const never: never = reading;
        throw new Error(`unknown reading ${JSON.stringify(never)}`);
      }
    }
  }
}

function shownCarrier(read: Extract<TrackingReading, { kind: 'ok' }>, ctx: CardContext): string {
  return read.code === 'OTHER' ? read.carrier : carrierName(read.code, ctx);
}
