import type { Attachment, TurnContext } from 'botbuilder';
import { MessageFactory, TurnContext as Turn } from 'botbuilder';
import type { EvidenceService, IncomingAttachment } from '../../../services/evidence';
import type { RefundService } from '../../../services/refunds';
import type { Logger } from '../../logger';
import type { CardContext } from '../../cards/buyer/case-words';
import { evidenceErrorText } from '../../cards/buyer/evidence-card';
import { attachment } from '../../cards/adaptive';
import { csCaseCard } from '../../cards/staff/cs-case-card';
import { csOpenItemsCard } from '../../cards/staff/cs-open-items-card';
import { csStatusKey } from '../../cards/staff/cs-words';
import type { StaffMessageHandler } from '../staff-router';
import type { StaffReferences } from '../staff-references';
import type { CsAgent } from './cs-agents';
import type { CsCaseViews } from './cs-case-view';
import { channelReference, isCsChannel } from './cs-channel';
import type { CsCommand } from './cs-commands';
import { parseCsCommand } from './cs-commands';
import type { CsDecisionCommand, CsDecisions } from './cs-decisions';
import { openItems } from './cs-open-items';
import type { CsDirectory } from './cs-roster';
import { cardContext, langOfTurn } from './cs-turn';

// Commands typed in the CS channel (the bot's mention removed): case cards, open items, intervention, offline
// settlement with a voucher, help. Every message in the channel also records where the channel is. Agents may
// use the case commands in a personal chat with the bot too.

export interface CsMessagesOptions {
  csChannelId: string | undefined;
  refunds: RefundService;
  views: CsCaseViews;
  decisions: CsDecisions;
  directory: CsDirectory;
  references: StaffReferences;
  evidence: EvidenceService;
  timeZone: string;
  log: Logger;
}

const PERSONAL_COMMANDS = new Set<CsCommand['kind']>(['case', 'open', 'intervene', 'settle']);

export class CsMessages implements StaffMessageHandler {
  constructor(private readonly o: CsMessagesOptions) {}

  async onMessage(context: TurnContext): Promise<boolean> {
    const activity = context.activity;
    const inChannel = isCsChannel(activity, this.o.csChannelId);
    if (inChannel) await this.rememberChannel(context);
    const text = (Turn.removeRecipientMention(activity) ?? activity.text ?? '').trim();
    const command = parseCsCommand(text);
    if (!inChannel) {
      if (activity.conversation?.conversationType !== 'personal' || !PERSONAL_COMMANDS.has(command.kind)) return false;
      if (!(await this.o.directory.agentOf(activity.from))) return false;
    }
    const ctx = cardContext(langOfTurn(context, text), this.o.timeZone);
    const { t } = ctx;
    switch (command.kind) {
      case 'help':
        await context.sendActivity(t('cs.help'));
        return true;
      case 'unknown':
        await context.sendActivity(`${t('cs.notUnderstood')}\n\n${t('cs.help')}`);
        return true;
      case 'incomplete':
        await context.sendActivity(t(`cs.usage.${command.command}`));
        return true;
      case 'open': {
        const items = await openItems(this.o.refunds, { role: 'cs', id: activity.from?.aadObjectId ?? activity.from?.id ?? 'cs' });
        await context.sendActivity(MessageFactory.attachment(attachment(csOpenItemsCard(items, ctx))));
        return true;
      }
      case 'case': {
        const view = await this.o.views.load(command.caseId);
        if (!view) {
          await context.sendActivity(t('cs.notFound', { caseId: command.caseId }));
          return true;
        }
        await context.sendActivity(MessageFactory.attachment(attachment(csCaseCard(view, { ctx, refreshUserIds: await this.o.directory.refreshUserIds() }))));
        return true;
      }
      case 'intervene': {
        const agent = await this.agentOrRefuse(context, ctx);
        if (agent) await this.decide(context, ctx, agent, command.caseId, { kind: 'cs_intervene', remark: command.remark });
        return true;
      }
      case 'settle': {
        const agent = await this.agentOrRefuse(context, ctx);
        if (agent) await this.settle(context, ctx, agent, command.caseId, command.remark);
        return true;
      }
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }

  /** Offline settlement: the voucher comes with the message; its sha256 is what the case records. */
  private async settle(context: TurnContext, ctx: CardContext, agent: CsAgent, caseId: string, remark: string): Promise<void> {
    const { t } = ctx;
    const view = await this.o.views.load(caseId);
    if (!view) {
      await context.sendActivity(t('cs.notFound', { caseId }));
      return;
    }
    if (view.c.status !== 'refund_failed') {
      const card = csCaseCard(view, { ctx, refreshUserIds: await this.o.directory.refreshUserIds(), banner: { tone: 'warning', text: t('cs.invalidState', { status: t(csStatusKey(view.c.status)) }) } });
      await context.sendActivity(MessageFactory.attachment(attachment(card)));
      return;
    }
    const file = voucherOf(context.activity.attachments ?? []);
    if (!file) {
      await context.sendActivity(t('cs.settle.noVoucher', { caseId }));
      return;
    }
    const authorization = await connectorAuthorization(context);
    const stored = await this.o.evidence.ingest(file, {
      existingCount: 0,
      ...(context.activity.serviceUrl ? { serviceUrl: context.activity.serviceUrl } : {}),
      ...(authorization ? { authorization } : {}),
    });
    if (!stored.ok) {
      this.o.log.info({ caseId, refused: stored.error.kind }, 'settlement voucher refused');
      await context.sendActivity(t('cs.settle.voucherRefused', { reason: evidenceErrorText(t, file.name ?? t('cs.voucher.name'), stored.error) }));
      return;
    }
    await this.decide(context, ctx, agent, caseId, { kind: 'cs_settle_offline', voucher: stored.value.sha256, remark });
  }

  private async decide(context: TurnContext, ctx: CardContext, agent: CsAgent, caseId: string, command: CsDecisionCommand): Promise<void> {
    const result = await this.o.decisions.run({ agent, caseId, command, key: context.activity.id ?? `${caseId}:${command.kind}:${Date.now()}` }, ctx);
    switch (result.kind) {
      case 'not_found':
        await context.sendActivity(ctx.t('cs.notFound', { caseId }));
        return;
      case 'forbidden':
        await context.sendActivity(ctx.t('cs.refused.command'));
        return;
      case 'card': {
        const card = csCaseCard(result.view, { ctx, banner: result.banner, refreshUserIds: await this.o.directory.refreshUserIds() });
        await context.sendActivity(MessageFactory.attachment(attachment(card)));
        return;
      }
      default: {
        const never: never = result;
        throw new Error(`unknown result ${JSON.stringify(never)}`);
      }
    }
  }

  private async agentOrRefuse(context: TurnContext, ctx: CardContext): Promise<CsAgent | null> {
    const agent = await this.o.directory.agentOfTurn(context);
    if (!agent) {
      this.o.log.info({ from: context.activity.from?.id }, 'CS command by someone who is not an agent: refused');
      await context.sendActivity(ctx.t('cs.refused.command'));
    }
    return agent;
  }

  private async rememberChannel(context: TurnContext): Promise<void> {
    const channelId = this.o.csChannelId;
    if (!channelId) return;
    try {
      await this.o.references.saveChannel(channelId, channelReference(context.activity, channelId));
    } catch (err) {
      // Not worth failing the agent's command over: the next message saves it again.
      this.o.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not save the CS channel reference');
    }
  }
}

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';

/**
 * The voucher among a Teams message's attachments: a file (its download link), or an inline image or any other
 * file given by URL. Teams also sends the message's own HTML and cards as attachments: those are not files.
 */
export function voucherOf(attachments: readonly Attachment[]): IncomingAttachment | null {
  for (const a of attachments) {
    const name = a.name?.trim() || undefined;
    if (a.contentType === TEAMS_FILE) {
      const url = (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl;
      if (typeof url === 'string' && url) return { contentUrl: url, ...(name ? { name } : {}) };
      continue;
    }
    if (a.contentType === 'text/html' || a.contentType?.startsWith('application/vnd.microsoft.card')) continue;
    if (a.contentUrl) return { contentUrl: a.contentUrl, ...(a.contentType ? { contentType: a.contentType } : {}), ...(name ? { name } : {}) };
  }
  return null;
}

/** Images pasted into Teams live on the service host and need the bot's token; none without an app id. */
async function connectorAuthorization(context: TurnContext): Promise<string | undefined> {
  try {
    const client = context.turnState.get<{ credentials?: { appId?: string; getToken?: () => Promise<string> } } | undefined>(context.adapter.ConnectorClientKey);
    const credentials = client?.credentials;
    if (!credentials?.appId || typeof credentials.getToken !== 'function') return undefined;
    return `Bearer ${await credentials.getToken()}`;
  } catch {
    return undefined;
  }
}
