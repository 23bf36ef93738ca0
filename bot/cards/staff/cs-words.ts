import type { Actor, CaseStatus, CloseReason } from '../../../services/refunds';
import { TRANSITIONS } from '../../../services/refunds';
import type { CaseEvent } from '../../../services/refunds';
import type { MessageKey, Translate } from '../../i18n';

// How the CS desk words a case: staff status names, who did what, and the line above a card (an alert, an
// outcome, an error). Kept apart from the buyer's words: to staff, the buyer and the shop are third parties.

export const csStatusKey = (s: CaseStatus): MessageKey => `cs.status.${s}` as const;
export const csCloseKey = (r: CloseReason | undefined): MessageKey => (r ? (`cs.close.${r}` as const) : 'cs.close.unknown');

type WordedEvent = CaseEvent | 'file';
const isWordedEvent = (e: string): e is WordedEvent => e === 'file' || Object.hasOwn(TRANSITIONS, e);

/** The predicate of "{by} {event}": every event of the state machine has its words. */
export function csEventKey(event: string): MessageKey {
  return isWordedEvent(event) ? (`cs.event.${event}` as const) : 'cs.event.other';
}

/** Who acted: an agent by name where known, anyone else by role. */
export function actorWords(actor: Actor, t: Translate, agentName: string | null): string {
  switch (actor.role) {
    case 'cs':
      return agentName ?? (actor.id || t('cs.actor.cs'));
    case 'buyer':
      return t('cs.actor.buyer');
    case 'merchant':
      return t('cs.actor.merchant');
    case 'system':
      return t('cs.actor.system');
    default: {
      const never: never = actor.role;
      throw new Error(`unknown role ${String(never)}`);
    }
  }
}

/** The line above a card: what just happened, what went wrong, or why the card was posted. */
export interface CsBanner {
  text: string;
  tone: 'good' | 'attention' | 'warning' | 'accent';
}
