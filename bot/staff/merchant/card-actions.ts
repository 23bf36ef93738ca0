import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { randomUUID } from 'node:crypto';
import type { MerchantDirectory } from '../../../services/merchants';
import type { CommandError, RefundCase, RefundService } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { MessageKey } from '../../i18n';
import { translator } from '../../i18n';
import type { CardContext } from '../../cards/buyer/case-words';
import { formatAt } from '../../cards/buyer/case-words';
import type { MerchantBanner } from '../../cards/staff/merchant-case-card';
import { merchantCaseCard } from '../../cards/staff/merchant-case-card';
import { merchantStatusKey, whoWords } from '../../cards/staff/merchant-case-parts';
import { MERCHANT_VERBS, isMerchantVerb } from '../../cards/staff/merchant-verbs';
import type { CardActionHandler } from '../staff-router';
import { badRequest, cardResponse, messageResponse } from '../staff-router';
import type { CaseViews } from './case-views';
import type { DecisionVerb, FormProblem } from './card-inputs';
import { actionDataOf, commandOf, stateOf } from './card-inputs';
import { callerOf, merchantActor } from './merchant-caller';
import type { MerchantPresence } from './merchant-presence';

// A merchant's click on a case card (Action.Execute): one refund command with the merchant as actor, the invoke
// activity's id as idempotency key and the card's version as expected version; the answer is the card redrawn
// from the case as it is now, with what happened on top. A card that lost a race or is stale never acts: it is
// answered with the current state.

export interface MerchantCardActionsDeps {
  service: Pick<RefundService, 'getCase' | 'execute'>;
  directory: Pick<MerchantDirectory, 'shopOf'>;
  views: CaseViews;
  presence: MerchantPresence;
  timeZone: string;
  log: Logger;
}

export function merchantCardActions(deps: MerchantCardActionsDeps): CardActionHandler {
  return async (context: TurnContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCardInvokeResponse> => {
    const caller = callerOf(context.activity);
    if (!caller) return badRequest('no user on the activity');
    if (!isMerchantVerb(verb)) return badRequest(`unknown action ${verb.slice(0, 64)}`);
    await deps.presence.seen(context.activity, caller);
    const t = translator(caller.lang);
    const ctx: CardContext = { t, lang: caller.lang, timeZone: deps.timeZone };

    const shopId = await deps.directory.shopOf(caller.userId);
    if (!shopId) return messageResponse(t('merchant.unbound'));
    const ref = actionDataOf(data);
    if (!ref) return badRequest('the card carries no case');
    const actor = merchantActor(caller.userId, shopId);
    const loaded = await deps.service.getCase(actor, ref.caseId);
    if (!loaded.ok) return messageResponse(t(loaded.error.kind === 'forbidden' ? 'merchant.case.otherShop' : 'merchant.case.notFound', { caseId: ref.caseId }));

    const draw = async (c: RefundCase, banners: (view: Awaited<ReturnType<CaseViews['of']>>) => MerchantBanner[] = () => []) => {
      const view = await deps.views.of(c);
      return cardResponse(merchantCaseCard(view, ctx, { banners: banners(view) }));
    };
    if (verb === MERCHANT_VERBS.refresh) return draw(loaded.value);

    const decision: DecisionVerb = verb;
    const form = commandOf(decision, data, loaded.value);
    if (!form.ok) return draw(loaded.value, () => form.error.problems.map((p) => ({ tone: 'attention', text: t(problemKey(p)) })));

    const key = context.activity.id ?? `invoke:${randomUUID()}`;
    const outcome = await deps.service.execute(actor, ref.caseId, form.value, key, { expectedVersion: ref.version });
    const current = async (fallback: RefundCase): Promise<RefundCase> => {
      const again = await deps.service.getCase(actor, ref.caseId);
      return again.ok ? again.value : fallback;
    };
    if (outcome.ok) {
      const written = outcome.value.case;
      deps.log.info({ caseId: written.id, verb, userId: caller.userId, replayed: outcome.value.replayed, status: written.status }, 'merchant decision');
      const now = outcome.value.replayed ? await current(written) : written;
      return draw(now, (view) => [{ tone: 'good', text: doneWords(decision, written, now, view, ctx) }]);
    }
    const error: CommandError = outcome.error;
    switch (error.kind) {
      case 'conflict': {
        const c = await current(loaded.value);
        const movedOn = c.status !== stateOf(decision);
        return draw(c, (view) => [
          {
            tone: movedOn ? 'warning' : 'attention',
            text: t(movedOn ? 'merchant.conflict.decided' : 'merchant.conflict.changed', {
              who: whoWords(error.by, view, ctx),
              at: formatAt(error.at, ctx),
              status: t(merchantStatusKey(c.status)),
            }),
          },
        ]);
      }
      case 'invalid_state': {
        const c = await current(loaded.value);
        return draw(c, () => [{ tone: 'warning', text: t('merchant.error.state', { status: t(merchantStatusKey(c.status)) }) }]);
      }
      case 'invalid_input':
        deps.log.info({ caseId: ref.caseId, verb, issues: error.issues.slice(0, 5) }, 'merchant command refused as invalid');
        return draw(await current(loaded.value), () => [{ tone: 'attention', text: t('merchant.error.invalid') }]);
      case 'key_reused':
        return draw(await current(loaded.value), () => [{ tone: 'warning', text: t('merchant.error.repeated') }]);
      case 'forbidden':
        return messageResponse(t(error.reason === 'other_shop' ? 'merchant.case.otherShop' : 'merchant.error.forbidden', { caseId: ref.caseId }));
      case 'not_found':
        return messageResponse(t('merchant.case.notFound', { caseId: ref.caseId }));
      case 'refused':
        // Filing refusals never come from a command on a case.
        throw new Error(`unexpected refusal of ${verb} on ${ref.caseId}`);
      default: {
        const never: never = error;
        throw new Error(`unknown command error ${JSON.stringify(never)}`);
      }
    }
  };
}

function problemKey(p: FormProblem): MessageKey {
  return `merchant.form.problem.${p}` as const;
}

/** The outcome on top of the redrawn card: what was done, by whom, when (from the command's result), and where the case is now. */
function doneWords(verb: DecisionVerb, c: RefundCase, now: RefundCase, view: Parameters<typeof whoWords>[1], ctx: CardContext): string {
  const { t } = ctx;
  const decided = (d: { by: RefundCase['lastChange']['actor']; at: string } | undefined): { who: string; at: string } => {
    const by = d ?? { by: c.lastChange.actor, at: c.lastChange.at };
    return { who: whoWords(by.by, view, ctx), at: formatAt(by.at, ctx) };
  };
  const next = t(merchantStatusKey(now.status));
  switch (verb) {
    case MERCHANT_VERBS.approve:
      return t('merchant.done.approved', { ...decided(c.merchantDecision), status: next });
    case MERCHANT_VERBS.approveWithoutReturn:
      return t('merchant.done.approvedWithoutReturn', { ...decided(c.merchantDecision), status: next });
    case MERCHANT_VERBS.reject:
      return t('merchant.done.rejected', { ...decided(c.merchantDecision), status: next });
    case MERCHANT_VERBS.requestEvidence:
      return t('merchant.done.evidenceRequested', decided(c.evidenceRequests.at(-1)));
    case MERCHANT_VERBS.inspectOk:
    case MERCHANT_VERBS.inspectFailed:
    case MERCHANT_VERBS.inspectShort:
      return t('merchant.done.inspected', { ...decided(c.inspection), status: next });
    default: {
      const never: never = verb;
      throw new Error(`unknown merchant verb ${String(never)}`);
    }
  }
}
