import type { RefundCase } from '../../../services/refunds';
import type { AdaptiveCard, Element } from '../adaptive';
import { card, facts, heading, submit, text } from '../adaptive';
import type { CardContext } from './case-words';
import { formatAt, rejectCodeKey } from './case-words';

// The shop said no: its reason in words and its remark, the deadline to answer, and the buyer's three ways on.

export const REJECTION_CHOICES = ['resubmit', 'escalate', 'accept'] as const;
export type RejectionChoice = (typeof REJECTION_CHOICES)[number];

export interface RejectionInput {
  case: Pick<RefundCase, 'id' | 'merchantDecision'>;
  /** Until when the buyer can answer (then the case closes). */
  deadline: Date | null;
  platformReviewHours: number;
}

export function rejectionCard(input: RejectionInput, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  const c = input.case;
  const decision = c.merchantDecision;
  const pairs: [string, string][] = [[t('rejection.card.code'), t(rejectCodeKey(decision?.code))]];
  if (decision?.remark) pairs.push([t('rejection.card.remark'), decision.remark]);
  if (input.deadline) pairs.push([t('rejection.card.deadline'), formatAt(input.deadline, ctx)]);
  const body: Element[] = [
    heading(t('rejection.card.title', { caseId: c.id })),
    facts(pairs),
    text(t('rejection.card.intro', { hours: input.platformReviewHours, deadline: input.deadline ? formatAt(input.deadline, ctx) : '-' }), { spacing: 'Medium' }),
  ];
  const choice = (c2: RejectionChoice) => ({ action: 'after_rejection', caseId: c.id, choice: c2 });
  return card(body, [
    submit(t('rejection.choice.resubmit'), choice('resubmit')),
    submit(t('rejection.choice.escalate'), choice('escalate')),
    submit(t('rejection.choice.accept'), choice('accept')),
  ]);
}
