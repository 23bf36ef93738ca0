import type { Lang, Translate } from '../../i18n';
import { formatDateTime } from '../../i18n';
import type { HandoffOutcome } from './turn-desk';

// What the buyer is told about their request for a person, whether they just asked (the dialog) or the bot
// fetched a person for them (an escalation, a declined refund): one wording for both.

export function outcomeWords(outcome: HandoffOutcome, ctx: { t: Translate; lang: Lang; timeZone: string }, intro: string[] = []): string {
  const { t } = ctx;
  const lines = [...intro];
  switch (outcome.kind) {
    case 'queued': {
      const { handoff, position } = outcome;
      if (outcome.alreadyQueued) lines.push(t('handoff.already', { position }));
      else lines.push(handoff.caseId ? t('handoff.queuedCase', { caseId: handoff.caseId, position }) : t('handoff.queued', { position }));
      lines.push(t('handoffDesk.wait', { minutes: outcome.waitMinutes }), t('handoff.what'));
      break;
    }
    case 'owned':
      lines.push(t('handoff.assigned'));
      break;
    case 'leave_message':
      lines.push(
        outcome.open
          ? t('handoffDesk.noAgent', { answerBy: formatDateTime(outcome.at, ctx.lang, ctx.timeZone) })
          : t('handoffDesk.closedHours', { hours: outcome.hours, opensAt: formatDateTime(outcome.at, ctx.lang, ctx.timeZone) }),
      );
      break;
    case 'message_left':
      lines.push(t('handoffDesk.messageAgain'));
      break;
    case 'contact_centre':
      lines.push(t('handoffDesk.protocol.initiated'));
      break;
    default: {
      const never: never = outcome;
      throw new Error(`unknown handoff outcome ${JSON.stringify(never)}`);
    }
  }
  return lines.join(ctx.lang === 'zh-CN' ? '' : ' ');
}
