import type { RejectionChoice } from '../../bot/cards/buyer/rejection-card';
import { REJECTION_CHOICES } from '../../bot/cards/buyer/rejection-card';
import type { Reply } from '../prompts/reply-prompt';
import { ordinalOf } from './pick-case';

// Which of the three ways on after a rejection the buyer picked: the card's button, the number shown on it, or
// words. Escalation is checked first: "不接受，我要申诉" escalates.

const ESCALATE = /平台介入|介入|申诉|投诉|仲裁|找平台|让平台|escalat|appeal|platform|dispute|complain/iu;
const RESUBMIT = /重新提交|重新申请|再提交|再次提交|修改|补充|重提|resubmit|revise|re-submit|edit|add (?:more )?(?:evidence|photos?|details?)|try again/iu;
const ACCEPT = /(?<!不)(?:接受|认了|同意拒绝|不退了|不要退了|放弃)|(?<!(?:not|n't|never)\s)accept|give up|drop it|fine,? close/iu;

export function readRejectionChoice(reply: Reply | undefined): RejectionChoice | null {
  const clicked = reply?.value?.choice;
  if (typeof clicked === 'string' && (REJECTION_CHOICES as readonly string[]).includes(clicked)) return clicked as RejectionChoice;
  const text = reply?.text?.normalize('NFKC').trim();
  if (!text) return null;
  const n = ordinalOf(text);
  if (n !== null) return REJECTION_CHOICES[n - 1] ?? null;
  if (ESCALATE.test(text)) return 'escalate';
  if (RESUBMIT.test(text)) return 'resubmit';
  if (ACCEPT.test(text)) return 'accept';
  return null;
}
