import type { AdaptiveCard } from '../adaptive';
import { card, heading, text } from '../adaptive';
import type { Translate } from '../../i18n';

// What someone who is not a CS agent sees after clicking a CS card: nothing was changed.

export function csRefusalCard(t: Translate): AdaptiveCard {
  return card([heading(t('cs.refused.title')), text(t('cs.refused.body'))], [], { fallbackText: t('cs.refused.body') });
}
