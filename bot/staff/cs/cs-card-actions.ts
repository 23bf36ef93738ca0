import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { Logger } from '../../logger';
import type { CardContext } from '../../cards/buyer/case-words';
import { attachment } from '../../cards/adaptive';
import { CS_VERBS, csCaseCard } from '../../cards/staff/cs-case-card';
import type { CsCaseView } from '../../cards/staff/cs-case-card';
import type { CsBanner } from '../../cards/staff/cs-words';
import { csRefusalCard } from '../../cards/staff/cs-refusal-card';
import { badRequest, cardResponse, messageResponse } from '../staff-router';
import type { CsCaseViews } from './cs-case-view';
import { isCsChannel } from './cs-channel';
import { normalizeCaseId } from './cs-commands';
import type { CsDecisionCommand, CsDecisions, DecisionResult } from './cs-decisions';
import type { CsDirectory } from './cs-roster';
import { cardContext, langOfTurn } from './cs-turn';

// Clicks on CS cards (Action.Execute, verbs `cs.*`). Only agents act; anyone else gets a refusal card and
// nothing changes. The answer replaces the clicked card: the case as it stands now, headed by what happened.

export interface CsCardActionsOptions {
  decisions: CsDecisions;
  views: CsCaseViews;
  directory: CsDirectory;
  /** The CS channel: its members may look at the cards posted there. */
  csChannelId?: string | undefined;
  timeZone: string;
  log: Logger;
}

export class CsCardActions {
  constructor(private readonly o: CsCardActionsOptions) {}

  readonly handle = async (context: TurnContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCardInvokeResponse> => {
    const ctx = cardContext(langOfTurn(context, ''), this.o.timeZone);
    const caseId = typeof data.caseId === 'string' ? normalizeCaseId(data.caseId) : null;
    if (!caseId) return badRequest('caseId missing');

    if (verb === CS_VERBS.refresh || verb === CS_VERBS.view) {
      // Looking is not acting: in the CS channel, where the card is posted for all its members, someone who is not
      // an agent sees it without its buttons. Anywhere else a case (and whether it exists) is for agents only.
      const inChannel = isCsChannel(context.activity, this.o.csChannelId);
      const agent = (await this.o.directory.agentOf(context.activity.from)) ?? (inChannel ? null : await this.o.directory.agentOfTurn(context));
      if (!agent && !inChannel) {
        this.o.log.info({ caseId, verb }, 'CS case view by someone who is not an agent, outside the CS channel: refused');
        return cardResponse(csRefusalCard(ctx.t));
      }
      const view = await this.o.views.load(caseId);
      if (!view) return messageResponse(ctx.t('cs.notFound', { caseId }));
      const card = csCaseCard(view, { ctx, refreshUserIds: await this.o.directory.refreshUserIds(), actions: agent !== null });
      if (verb === CS_VERBS.refresh) return cardResponse(card);
      await context.sendActivity(MessageFactory.attachment(attachment(card)));
      return messageResponse(ctx.t('cs.view.shown', { caseId }));
    }

    const agent = await this.o.directory.agentOfTurn(context);
    if (!agent) {
      this.o.log.info({ caseId, verb }, 'CS card click by someone who is not an agent: refused');
      return cardResponse(csRefusalCard(ctx.t));
    }
    const version = typeof data.version === 'number' && Number.isInteger(data.version) ? data.version : null;
    if (version === null) return badRequest('version missing');
    const remark = typeof data.remark === 'string' ? data.remark.trim() : '';

    let command: CsDecisionCommand;
    switch (verb) {
      case CS_VERBS.approve:
        command = { kind: 'cs_approve', ...(remark ? { remark } : {}) };
        break;
      case CS_VERBS.reject:
        if (!remark) return this.askRemark(caseId, ctx, ctx.t('cs.remarkRequired.reject'));
        command = { kind: 'cs_reject', remark };
        break;
      case CS_VERBS.requestEvidence:
        if (!remark) return this.askRemark(caseId, ctx, ctx.t('cs.remarkRequired.request_evidence'));
        command = { kind: 'request_evidence', from: data.from === 'merchant' ? 'merchant' : 'buyer', message: remark };
        break;
      case CS_VERBS.intervene:
        if (!remark) return this.askRemark(caseId, ctx, ctx.t('cs.remarkRequired.intervene'));
        command = { kind: 'cs_intervene', remark };
        break;
      case CS_VERBS.retryPayment:
        command = { kind: 'cs_retry_payment', ...(remark ? { remark } : {}) };
        break;
      default:
        return badRequest(`unknown action ${verb.slice(0, 64)}`);
    }

    const key = context.activity.id ?? `${caseId}:${verb}:${version}`;
    const result = await this.o.decisions.run({ agent, caseId, command, key, expectedVersion: version }, ctx);
    return this.answer(context, result, ctx, caseId);
  };

  private async answer(context: TurnContext, result: DecisionResult, ctx: CardContext, caseId: string): Promise<AdaptiveCardInvokeResponse> {
    switch (result.kind) {
      case 'not_found':
        return messageResponse(ctx.t('cs.notFound', { caseId }));
      case 'forbidden':
        return cardResponse(csRefusalCard(ctx.t));
      case 'card': {
        const card = await this.draw(result.view, ctx, result.banner);
        if (result.changed) await this.updateForEveryone(context, card, caseId);
        return cardResponse(card);
      }
      default: {
        const never: never = result;
        throw new Error(`unknown result ${JSON.stringify(never)}`);
      }
    }
  }

  /** The card again with the reason by the remark field; nothing was sent to the core. */
  private async askRemark(caseId: string, ctx: CardContext, reason: string): Promise<AdaptiveCardInvokeResponse> {
    const view = await this.o.views.load(caseId);
    if (!view) return messageResponse(ctx.t('cs.notFound', { caseId }));
    return cardResponse(csCaseCard(view, { ctx, refreshUserIds: await this.o.directory.refreshUserIds(), remarkError: reason }));
  }

  private async draw(view: CsCaseView, ctx: CardContext, banner: CsBanner) {
    return csCaseCard(view, { ctx, banner, refreshUserIds: await this.o.directory.refreshUserIds() });
  }

  /**
   * The invoke answer changes the card for the one who clicked; the message itself is updated too, so agents
   * beyond the refresh list (or whose client does not refresh) see the outcome. Best effort: the decision stands.
   */
  private async updateForEveryone(context: TurnContext, card: ReturnType<typeof csCaseCard>, caseId: string): Promise<void> {
    const messageId = context.activity.replyToId;
    if (!messageId) return;
    try {
      await context.updateActivity({ ...MessageFactory.attachment(attachment(card)), id: messageId });
    } catch (err) {
      this.o.log.warn({ caseId, err: err instanceof Error ? err.message : String(err) }, 'could not update the CS card for everyone');
    }
  }
}
