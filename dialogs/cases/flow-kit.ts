import type { TurnContext } from 'botbuilder';
import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import type { RefundCase } from '../../services/refunds';
import type { CardContext } from '../../bot/cards/buyer/case-words';
import { turnInfo } from '../../bot/turn-info';
import type { DialogDeps } from '../dialog-deps';
import type { FlowOptions } from '../main-dialog';
import type { ChooseCaseOptions, ChooseCaseResult } from './choose-case-dialog';
import { REROUTE } from './reroute';
import { outcomeWords } from './outcome-words';

// Small pieces every case flow uses: where the first message or click named a case, the card context, and
// loading a case with the failure worded.

/** The case or order the first message named (a click's data wins over words). */
export function chooseOptionsOf(options: FlowOptions | undefined): ChooseCaseOptions {
  const value = options?.value ?? {};
  const entities = options?.entities ?? {};
  const caseId = typeof value.caseId === 'string' && value.caseId ? value.caseId : entities.caseId;
  const orderId = typeof value.orderId === 'string' && value.orderId ? value.orderId : entities.orderId;
  return { ...(caseId ? { caseId } : {}), ...(orderId ? { orderId } : {}) };
}

export function cardContextOf(context: TurnContext, deps: DialogDeps): CardContext {
  const info = turnInfo(context);
  return { t: info.t, lang: info.lang, timeZone: deps.timeZone };
}

/** The buyer's case, or null after saying why not (someone else's case reads as "no such case among yours"). */
export async function loadCase(context: TurnContext, deps: DialogDeps, caseId: string): Promise<RefundCase | null> {
  const info = turnInfo(context);
  const found = await deps.refunds.getCase(info.actor, caseId);
  if (found.ok) return found.value;
  await context.sendActivity(outcomeWords(found.error, caseId, cardContextOf(context, deps)));
  return null;
}

/** The card data of the click that started or continued the flow, if any. */
export function clickedValue(options: FlowOptions | undefined): Record<string, unknown> {
  return options?.value ?? {};
}

/**
 * The case the "which case" step settled on, loaded; or how the flow ends instead (the message belongs to another
 * flow, there was no case, or it could not be loaded: the buyer has been told why).
 */
export async function chosenCase(
  step: WaterfallStepContext,
  deps: DialogDeps,
): Promise<{ ok: true; case: RefundCase } | { ok: false; end: Promise<DialogTurnResult> }> {
  const chosen = step.result as ChooseCaseResult;
  if (chosen.kind === 'reroute') return { ok: false, end: step.endDialog(REROUTE) };
  if (chosen.kind === 'none') return { ok: false, end: step.endDialog() };
  const c = await loadCase(step.context, deps, chosen.caseId);
  return c ? { ok: true, case: c } : { ok: false, end: step.endDialog() };
}
