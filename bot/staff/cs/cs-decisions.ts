import type { Command, RefundCase, RefundService } from '../../../services/refunds';
import { SYSTEM } from '../../../services/refunds';
import type { CardContext } from '../../cards/buyer/case-words';
import { formatAt } from '../../cards/buyer/case-words';
import type { CsCaseView } from '../../cards/staff/cs-case-card';
import type { CsBanner } from '../../cards/staff/cs-words';
import { actorWords, csEventKey, csStatusKey } from '../../cards/staff/cs-words';
import type { CsAgent } from './cs-agents';
import type { CsCaseViews } from './cs-case-view';
import type { CsDirectory } from './cs-roster';
import { agentName, csActor } from './cs-turn';

// One CS decision on a case, from a card click or a command in the channel: the refund core decides, and the
// answer is the case as it stands now with a line saying what happened (done, already decided by someone else,
// no longer possible). A card drawn before a reminder or alert was recorded may still act: those change nothing.

export type CsDecisionCommand = Extract<Command, { kind: 'cs_approve' | 'cs_reject' | 'request_evidence' | 'cs_intervene' | 'cs_retry_payment' | 'cs_settle_offline' }>;

export interface DecisionInput {
  agent: CsAgent;
  caseId: string;
  command: CsDecisionCommand;
  /** The incoming activity's id. */
  key: string;
  /** The case version the card was drawn at; none for typed commands. */
  expectedVersion?: number;
}

export type DecisionResult =
  | { kind: 'card'; view: CsCaseView; banner: CsBanner; changed: boolean }
  | { kind: 'not_found' }
  | { kind: 'forbidden' };

export class CsDecisions {
  constructor(
    private readonly o: {
      refunds: RefundService;
      views: CsCaseViews;
      directory: CsDirectory;
    },
  ) {}

  async run(input: DecisionInput, ctx: CardContext): Promise<DecisionResult> {
    const { t } = ctx;
    const actor = csActor(input.agent);
    const options = input.expectedVersion !== undefined ? { expectedVersion: input.expectedVersion } : {};
    let outcome = await this.o.refunds.execute(actor, input.caseId, input.command, input.key, options);
    if (!outcome.ok && outcome.error.kind === 'conflict' && input.expectedVersion !== undefined) {
      if (await this.onlyNoticesSince(input.caseId, input.expectedVersion)) {
        outcome = await this.o.refunds.execute(actor, input.caseId, input.command, input.key, { expectedVersion: outcome.error.version });
      }
    }
    if (outcome.ok) {
      const written = outcome.value.case;
      // A repeated click answers with the case as it is now, and the words of the first answer.
      const view = outcome.value.replayed ? await this.o.views.load(input.caseId) : await this.o.views.of(written);
      if (!view) return { kind: 'not_found' };
      return { kind: 'card', view, banner: { tone: 'good', text: this.doneWords(input, written, ctx) }, changed: !outcome.value.replayed };
    }
    const error = outcome.error;
    switch (error.kind) {
      case 'not_found':
        return { kind: 'not_found' };
      case 'forbidden':
        return { kind: 'forbidden' };
      case 'conflict': {
        const by = actorWords(error.by, t, error.by.role === 'cs' ? await this.o.directory.nameOf(error.by.id) : null);
        return this.current(input.caseId, { tone: 'warning', text: t('cs.conflict', { by, event: t(csEventKey(error.event)), at: formatAt(error.at, ctx) }) });
      }
      case 'invalid_state':
        return this.current(input.caseId, { tone: 'warning', text: t('cs.invalidState', { status: t(csStatusKey(error.status)) }) });
      case 'invalid_input':
        return this.current(input.caseId, { tone: 'attention', text: t('cs.invalidInput', { issues: error.issues.join('; ') }) });
      case 'key_reused':
        return this.current(input.caseId, { tone: 'attention', text: t('cs.keyReused') });
      case 'refused':
        return this.current(input.caseId, { tone: 'attention', text: t('cs.invalidInput', { issues: error.refusals.map((r) => r.code).join('; ') }) });
      default: {
        const never: never = error;
        throw new Error(`unknown outcome ${JSON.stringify(never)}`);
      }
    }
  }

  private async current(caseId: string, banner: CsBanner): Promise<DecisionResult> {
    const view = await this.o.views.load(caseId);
    return view ? { kind: 'card', view, banner, changed: false } : { kind: 'not_found' };
  }

  /** True when everything recorded after `version` is reminders and alerts (they decide nothing). */
  private async onlyNoticesSince(caseId: string, version: number): Promise<boolean> {
    const trail = await this.o.refunds.auditTrail(SYSTEM, caseId);
    if (!trail.ok) return false;
    const later = trail.value.filter((e) => e.version > version);
    return later.length > 0 && later.every((e) => e.event === 'notice');
  }

  private doneWords(input: DecisionInput, c: RefundCase, ctx: CardContext): string {
    const { t } = ctx;
    const by = agentName(input.agent);
    const at = formatAt(c.lastChange.at, ctx);
    const command = input.command;
    switch (command.kind) {
      case 'cs_approve':
        return t('cs.done.cs_approve', { by, at, status: t(csStatusKey(c.status)) });
      case 'cs_reject':
        return t('cs.done.cs_reject', { by, at });
      case 'request_evidence':
        return t('cs.done.request_evidence', { by, at, from: t(command.from === 'merchant' ? 'cs.from.merchant' : 'cs.from.buyer') });
      case 'cs_intervene':
        return t('cs.done.cs_intervene', { by, at });
      case 'cs_retry_payment':
        return t('cs.done.cs_retry_payment', { by, at, generation: c.payment?.generation ?? 0 });
      case 'cs_settle_offline':
        return t('cs.done.cs_settle_offline', { by, at });
      default: {
        const never: never = command;
        throw new Error(`unknown command ${JSON.stringify(never)}`);
      }
    }
  }
}
