import type { CommandError } from '../../services/refunds';
import type { CardContext } from '../../bot/cards/buyer/case-words';
import { actorInSentenceKey, formatAt, statusNameKey, statusStandsKey } from '../../bot/cards/buyer/case-words';

// Every flow words a failed command the same way: what went wrong, in the buyer's language, never an id of who
// did it. A lost race says who changed the case, when, and where it stands now.

export function outcomeWords(error: CommandError, caseId: string, ctx: CardContext): string {
  const { t } = ctx;
  switch (error.kind) {
    case 'not_found':
      // Someone else's case reads exactly like a case that does not exist.
      return t('status.outcome.notFound', { caseId });
    case 'forbidden':
      return t('status.outcome.forbidden', { caseId });
    case 'invalid_state':
      return t('status.outcome.invalidState', { caseId, stands: t(statusStandsKey(error.status)) });
    case 'invalid_input':
      return t('status.outcome.invalidInput', { caseId });
    case 'conflict':
      return t('status.outcome.conflict', {
        caseId,
        by: t(actorInSentenceKey(error.by.role)),
        at: formatAt(error.at, ctx),
        status: t(statusNameKey(error.status)),
        stands: t(statusStandsKey(error.status)),
      });
    case 'key_reused':
      return t('status.outcome.keyReused', { caseId });
    case 'refused':
      return t('status.outcome.refused', { caseId });
    default: {
      const never: never = error;
      throw new Error(`unknown command error ${JSON.stringify(never)}`);
    }
  }
}
