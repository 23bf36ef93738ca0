import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { ComponentDialog, WaterfallDialog } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { checkTransition } from '../services/refunds';
import { turnInfo } from '../bot/turn-info';
import { attachment } from '../bot/cards/adaptive';
import { statusStandsKey } from '../bot/cards/buyer/case-words';
import { ratingCard, ratingCommentCard } from '../bot/cards/buyer/rating-card';
import { DIALOG, PROMPT } from './dialog-ids';
import type { DialogDeps } from './dialog-deps';
import type { FlowOptions } from './main-dialog';
import type { Reply } from './prompts/reply-prompt';
import { ReplyPrompt } from './prompts/reply-prompt';
import { ChooseCaseDialog } from './cases/choose-case-dialog';
import { cardContextOf, chooseOptionsOf, chosenCase, clickedValue } from './cases/flow-kit';
import { outcomeWords } from './cases/outcome-words';
import { REROUTE, belongsElsewhere, reroute } from './cases/reroute';
import { readStars } from './cases/stars';

// Rating a finished case: 1 to 5 stars (a button, "5", "五星", "4 stars") and an optional comment.

const WATERFALL = 'rate-case.waterfall';
const CHOOSE = 'rate-case.choose-case';
const STARS = 'rate-case.stars';
const COMMENT = 'rate-case.comment';
const ACTION = 'rate';
const MAX_COMMENT = 1000;

interface Rating {
  stars: number;
  /** Undefined: not asked yet; empty: no comment. */
  comment?: string;
}

interface RateValues {
  caseId?: string;
  stars?: number;
}

type StarsResult = ({ kind: 'stars' } & Rating) | { kind: 'none' } | { kind: 'reroute' };
type CommentResult = { kind: 'comment'; comment: string } | { kind: 'none' } | { kind: 'reroute' };

export class RateDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDeps) {
    super(DIALOG.rate);
    this.addDialog(new ReplyPrompt(PROMPT.reply));
    this.addDialog(
      new ChooseCaseDialog(CHOOSE, deps, {
        action: ACTION,
        ownIntents: ['rate'],
        eligible: (c) => checkTransition(c.status, 'rate', 'buyer').ok && !c.rating,
        pickKey: 'rating.pick',
        noneKey: 'rating.noneToRate',
        buttonKey: 'status.action.rate',
      }),
    );
    this.addDialog(new WaterfallDialog(STARS, [this.askStarsStep.bind(this), this.readStarsStep.bind(this)]));
    this.addDialog(new WaterfallDialog(COMMENT, [this.askCommentStep.bind(this), this.readCommentStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [this.chooseCaseStep.bind(this), this.starsStep.bind(this), this.commentStep.bind(this), this.submitStep.bind(this)]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async chooseCaseStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.beginDialog(CHOOSE, chooseOptionsOf(step.options as FlowOptions));
  }

  private async starsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const chosen = await chosenCase(step, this.deps);
    if (!chosen.ok) return chosen.end;
    const c = chosen.case;
    const info = turnInfo(step.context);
    if (c.rating) {
      await step.context.sendActivity(info.t('rating.alreadyRated', { caseId: c.id, stars: c.rating.stars }));
      return step.endDialog();
    }
    if (!checkTransition(c.status, 'rate', 'buyer').ok) {
      await step.context.sendActivity(info.t('rating.notFinished', { caseId: c.id, stands: info.t(statusStandsKey(c.status)) }));
      return step.endDialog();
    }
    (step.values as RateValues).caseId = c.id;
    const options = step.options as FlowOptions;
    const given = ratingOfClick(clickedValue(options)) ?? (options.entities?.rating ? { stars: options.entities.rating } : null);
    if (given) return step.next({ kind: 'stars', ...given } satisfies StarsResult);
    await step.context.sendActivity(MessageFactory.attachment(attachment(ratingCard({ caseId: c.id }, cardContextOf(step.context, this.deps)))));
    return step.beginDialog(STARS, {});
  }

  private async commentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const got = step.result as StarsResult;
    if (got.kind === 'reroute') return step.endDialog(REROUTE);
    if (got.kind === 'none') return step.endDialog();
    (step.values as RateValues).stars = got.stars;
    if (got.comment !== undefined) return step.next({ kind: 'comment', comment: got.comment } satisfies CommentResult);
    const caseId = (step.values as RateValues).caseId!;
    const card = ratingCommentCard({ caseId, stars: got.stars }, cardContextOf(step.context, this.deps));
    await step.context.sendActivity(MessageFactory.attachment(attachment(card)));
    return step.beginDialog(COMMENT, {});
  }

  private async submitStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const got = step.result as CommentResult;
    if (got.kind === 'reroute') return step.endDialog(REROUTE);
    if (got.kind === 'none') return step.endDialog();
    const info = turnInfo(step.context);
    const caseId = (step.values as RateValues).caseId!;
    const stars = (step.values as RateValues).stars!;
    const comment = got.comment.trim().slice(0, MAX_COMMENT);
    const outcome = await this.deps.refunds.execute(
      info.actor,
      caseId,
      { kind: 'rate', stars, ...(comment ? { comment } : {}) },
      step.context.activity.id ?? info.correlationId,
    );
    if (!outcome.ok) {
      await step.context.sendActivity(outcomeWords(outcome.error, caseId, cardContextOf(step.context, this.deps)));
      return step.endDialog();
    }
    await step.context.sendActivity(info.t('rating.done', { caseId, stars }));
    return step.endDialog();
  }

  // ---- stars ------------------------------------------------------------------------------------------------

  private async askStarsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const retried = (step.options as { retried?: boolean } | undefined)?.retried;
    const info = turnInfo(step.context);
    return step.prompt(PROMPT.reply, retried ? { prompt: MessageFactory.text(info.t('rating.askStarsAgain')) } : {});
  }

  private async readStarsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    const clicked = reply?.value && reply.value.action === ACTION ? ratingOfClick(reply.value) : null;
    if (clicked) return step.endDialog({ kind: 'stars', ...clicked } satisfies StarsResult);
    if (reply?.text && !reply.value) {
      const typed = readStars(reply.text);
      if (typed) return step.endDialog({ kind: 'stars', stars: typed.stars, ...(typed.rest ? { comment: typed.rest } : {}) } satisfies StarsResult);
      const r = await this.deps.recognizer.recognize(reply.text, { expecting: 'rating', locale: info.lang });
      if (r.entities.rating) return step.endDialog({ kind: 'stars', stars: r.entities.rating } satisfies StarsResult);
    }
    const retried = (step.options as { retried?: boolean } | undefined)?.retried;
    if (!belongsElsewhere(reply, info.recognition, ACTION, ['rate']) && !retried) return step.replaceDialog(STARS, { retried: true });
    return step.endDialog((reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' }) satisfies StarsResult);
  }

  // ---- the optional comment ------------------------------------------------------------------------------------

  private async askCommentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return step.prompt(PROMPT.reply, {});
  }

  private async readCommentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const info = turnInfo(step.context);
    const reply = step.result as Reply | undefined;
    if (reply?.value) {
      if (reply.value.action !== ACTION) return step.endDialog((reroute(step.context) ? { kind: 'reroute' } : { kind: 'none' }) satisfies CommentResult);
      const comment = !reply.value.skip && typeof reply.value.comment === 'string' ? reply.value.comment : '';
      return step.endDialog({ kind: 'comment', comment } satisfies CommentResult);
    }
    const text = reply?.text ?? '';
    if (!text || SKIP.test(text.normalize('NFKC').trim())) return step.endDialog({ kind: 'comment', comment: '' } satisfies CommentResult);
    const r = await this.deps.recognizer.recognize(text, { expecting: 'confirm', locale: info.lang });
    return step.endDialog({ kind: 'comment', comment: r.intent === 'deny' ? '' : text } satisfies CommentResult);
  }
}

const SKIP = /^(?:跳过|不用了?|没有了?|没了|无|没什么|skip|no|none|nothing|no thanks|nope|n\/a)[.!。！]*$/iu;

/** Stars (and the comment field, when the card had one) from a click. */
function ratingOfClick(value: Record<string, unknown>): Rating | null {
  const stars = typeof value.stars === 'number' ? value.stars : typeof value.stars === 'string' ? Number(value.stars) : NaN;
  if (!Number.isInteger(stars) || stars < 1 || stars > 5) return null;
  const comment = value.skip ? '' : typeof value.comment === 'string' ? value.comment : undefined;
  return { stars, ...(comment !== undefined ? { comment } : {}) };
}
