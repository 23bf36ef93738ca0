import type { Activity } from 'botbuilder';
import { MessageFactory } from 'botbuilder';
import type { QueuedHandoff } from '../../../services/handoff';
import type { RefundService } from '../../../services/refunds';
import { SYSTEM, checkTransition } from '../../../services/refunds';
import type { Lang } from '../../i18n';
import { translator } from '../../i18n';
import { attachment } from '../../cards/adaptive';
import { ratingCard } from '../../cards/buyer/rating-card';

// When a person hands the conversation back, the bot picks up where it makes sense: a finished case that was
// never rated gets the rating card (its buttons start the rating flow whatever the dialog state is), anything
// else the menu.

export async function resumeActivities(
  handoff: QueuedHandoff,
  ended: string,
  deps: { refunds: RefundService; timeZone: string },
): Promise<Partial<Activity>[]> {
  const lang: Lang = handoff.language;
  const t = translator(lang);
  const first: Partial<Activity> = { ...MessageFactory.text(ended), locale: lang };
  if (handoff.caseId) {
    const found = await deps.refunds.getCase(SYSTEM, handoff.caseId);
    if (found.ok && !found.value.rating && checkTransition(found.value.status, 'rate', 'buyer').ok) {
      const card = ratingCard({ caseId: found.value.id }, { t, lang, timeZone: deps.timeZone });
      return [first, { ...MessageFactory.attachment(attachment(card), t('handoffDesk.resume.rate', { caseId: found.value.id })), locale: lang }];
    }
  }
  const menu = MessageFactory.suggestedActions(
    [t('common.menu.file'), t('common.menu.status'), t('common.menu.shipping'), t('common.menu.human')],
    t('handoffDesk.resume.menu'),
  );
  return [first, { ...menu, locale: lang }];
}
