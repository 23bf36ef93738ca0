import type { AdaptiveCard } from '../adaptive';
import { card, heading, submit, text } from '../adaptive';
import type { CardContext } from './case-words';

// Rating a finished case: one button per star count, with an optional comment in the same card.

export function ratingCard(input: { caseId: string }, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  return card(
    [
      heading(t('rating.card.title', { caseId: input.caseId })),
      text(t('rating.card.prompt')),
      { type: 'Input.Text', id: 'comment', label: t('rating.card.comment'), isMultiline: true, maxLength: 1000 },
    ],
    [5, 4, 3, 2, 1].map((stars) => submit(t('rating.stars', { stars }), { action: 'rate', caseId: input.caseId, stars })),
  );
}

/** After stars given in words: the optional comment, or skip. */
export function ratingCommentCard(input: { caseId: string; stars: number }, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  const data = { action: 'rate', caseId: input.caseId, stars: input.stars };
  return card(
    [text(t('rating.askComment', { stars: input.stars })), { type: 'Input.Text', id: 'comment', label: t('rating.card.comment'), isMultiline: true, maxLength: 1000 }],
    [submit(t('rating.send'), data), submit(t('rating.skip'), { ...data, skip: true })],
  );
}
