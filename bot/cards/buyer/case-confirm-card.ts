import type { AdaptiveCard } from '../adaptive';
import { card, submit, text } from '../adaptive';

// "Are you sure?" for a command on a case. Both buttons carry the whole command, so a late click still does
// exactly what the card said, whether or not the conversation is still waiting for the answer.

export interface ConfirmCardInput {
  text: string;
  yes: { title: string; data: Record<string, unknown> };
  no: { title: string; data: Record<string, unknown> };
}

export function caseConfirmCard(input: ConfirmCardInput): AdaptiveCard {
  return card([text(input.text)], [
    submit(input.yes.title, { ...input.yes.data, confirm: true }, { style: 'positive' }),
    submit(input.no.title, { ...input.no.data, confirm: false }),
  ]);
}
