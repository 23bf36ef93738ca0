import type { AdaptiveCard } from '../adaptive';
import { card, facts, heading, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import type { MessageKey } from '../../i18n';
import type { HandoffPacket } from '../../staff/handoff/packet';
import { HANDOFF_VERBS, execute, transcriptSection } from './handoff-packet-card';

// The agent's side of a relay, in their chat with the bot: who they are talking to, the conversation so far,
// and the buttons to hand back to the bot or to make this buyer the one their typed messages go to.

const LINES_SHOWN = 10;

export function relayStartCard(packet: HandoffPacket, ctx: CardContext): AdaptiveCard {
  const { t } = ctx;
  const h = packet.handoff;
  const rows: [string, string][] = [[t('handoffDesk.card.why'), t(`handoffDesk.reason.${h.reason}` as MessageKey)]];
  if (packet.refundCase) rows.push([t('handoffDesk.card.case'), packet.refundCase.id]);
  const orderId = packet.order?.id ?? h.orderId;
  if (orderId) rows.push([t('handoffDesk.card.order'), orderId]);
  return card(
    [
      heading(t('handoffDesk.relay.title', { buyer: packet.buyerName })),
      facts(rows),
      ...(packet.summary.summary ? [text(packet.summary.summary)] : []),
      transcriptSection(packet.transcript.slice(-LINES_SHOWN), ctx),
      text(t('handoffDesk.relay.howTo'), { isSubtle: true, spacing: 'Medium' }),
    ],
    [
      execute(t('handoffDesk.action.end'), HANDOFF_VERBS.end, { handoffId: h.id }, { style: 'destructive' }),
      execute(t('handoffDesk.action.focus'), HANDOFF_VERBS.focus, { handoffId: h.id }),
    ],
  );
}

/** What the relay card becomes once the conversation is back with the bot. */
export function relayEndedCard(buyerName: string, ctx: CardContext): AdaptiveCard {
  return card([heading(ctx.t('handoffDesk.relay.ended', { buyer: buyerName }))]);
}

/** A short answer card (a refused or stale action). */
export function noticeCard(message: string): AdaptiveCard {
  return card([text(message)]);
}
