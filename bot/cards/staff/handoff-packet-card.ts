import type { QueuedHandoff, TranscriptLine } from '../../../services/handoff';
import { formatMoney } from '../../i18n';
import type { MessageKey } from '../../i18n';
import type { AdaptiveCard, CardAction, Element } from '../adaptive';
import { card, container, facts, heading, text } from '../adaptive';
import type { CardContext } from '../buyer/case-words';
import { formatAt, reasonKey, statusNameKey } from '../buyer/case-words';
import type { HandoffPacket } from '../../staff/handoff/packet';

// The handoff card in the CS channel: the packet an agent needs to take a conversation over, and the "take"
// button while nobody has. Rebuilt from the handoff's record whenever it moves on (taken, message left, ended),
// and on Universal Actions refresh, so every viewer sees who has it.

export const HANDOFF_VERBS = {
  take: 'handoff.take',
  end: 'handoff.end',
  focus: 'handoff.focus',
  refresh: 'handoff.refresh',
} as const;

export interface HandoffCardOptions {
  /** For a left message: when the desk promised an answer. */
  answerBy?: string;
  /** Teams refreshes the card for these users when they look at it (at most 60). */
  refreshUserIds?: readonly string[];
}

const TRANSCRIPT_ID = 'transcript';

export function execute(title: string, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}): CardAction {
  return { type: 'Action.Execute', title, verb, data, ...extra };
}

export function handoffPacketCard(packet: HandoffPacket, ctx: CardContext, options: HandoffCardOptions = {}): AdaptiveCard {
  const { t } = ctx;
  const h = packet.handoff;
  const body: Element[] = [
    heading(t('handoffDesk.card.title', { buyer: packet.buyerName })),
    ...(h.priority === 'high' ? [text(t('handoffDesk.card.urgent'), { color: 'Attention', weight: 'Bolder', spacing: 'None' })] : []),
    text(statusLine(h, ctx, options), { isSubtle: true, spacing: 'Small' }),
    facts(packetFacts(packet, ctx)),
    ...summarySection(packet, ctx),
    ...messageSection(h, ctx),
    ...evidenceSection(packet, ctx),
    ...botSection(packet, ctx),
    transcriptSection(packet.transcript, ctx, { id: TRANSCRIPT_ID, isVisible: false }),
  ];
  const actions: CardAction[] = [];
  if (isTakeable(h)) actions.push(execute(t('handoffDesk.action.take'), HANDOFF_VERBS.take, { handoffId: h.id }, { style: 'positive' }));
  actions.push({ type: 'Action.ToggleVisibility', title: t('handoffDesk.card.showTranscript'), targetElements: [TRANSCRIPT_ID] });
  const refreshUsers = (options.refreshUserIds ?? []).slice(0, 60);
  return card(body, actions, {
    ...(refreshUsers.length > 0
      ? { refresh: { action: { type: 'Action.Execute', verb: HANDOFF_VERBS.refresh, data: { handoffId: h.id } }, userIds: refreshUsers } }
      : {}),
  });
}

/** A short post for a message the buyer left, with the take button. */
export function leftMessageCard(packet: HandoffPacket, ctx: CardContext, options: HandoffCardOptions = {}): AdaptiveCard {
  const { t } = ctx;
  const h = packet.handoff;
  return card(
    [
      heading(t('handoffDesk.leftMessage.title', { buyer: packet.buyerName })),
      text(statusLine(h, ctx, options), { isSubtle: true, spacing: 'Small' }),
      ...messageSection(h, ctx),
      facts(packetFacts(packet, ctx)),
    ],
    isTakeable(h) ? [execute(t('handoffDesk.action.take'), HANDOFF_VERBS.take, { handoffId: h.id }, { style: 'positive' })] : [],
  );
}

function isTakeable(h: QueuedHandoff): boolean {
  return h.status === 'queued' || h.status === 'awaiting_message' || h.status === 'left_message';
}

export function statusLine(h: QueuedHandoff, ctx: CardContext, options: HandoffCardOptions = {}): string {
  const { t } = ctx;
  switch (h.status) {
    case 'queued':
      return t('handoffDesk.status.queued');
    case 'assigned':
      return t('handoffDesk.status.assigned', { agent: h.agent?.name ?? '?', at: formatAt(h.takenAt ?? h.queuedAt, ctx) });
    case 'awaiting_message':
      return t('handoffDesk.status.awaiting_message');
    case 'left_message':
      return t('handoffDesk.status.left_message', { at: options.answerBy ? formatAt(options.answerBy, ctx) : '-' });
    case 'closed':
      return t('handoffDesk.status.closed', { by: h.endedBy?.name ?? (h.endedBy ? t(`handoffDesk.from.${h.endedBy.role === 'cs' ? 'agent' : h.endedBy.role === 'buyer' ? 'buyer' : 'bot'}`) : '-') });
    default: {
      const never: never = h.status;
      throw new Error(`unknown handoff status ${String(never)}`);
    }
  }
}

function packetFacts(packet: HandoffPacket, ctx: CardContext): [string, string][] {
  const { t } = ctx;
  const h = packet.handoff;
  const c = packet.refundCase;
  const rows: [string, string][] = [
    [t('handoffDesk.card.why'), t(`handoffDesk.reason.${h.reason}` as MessageKey)],
    [t('handoffDesk.card.buyer'), `${packet.buyerName} (${h.buyerId})`],
    [t('handoffDesk.card.order'), packet.order?.id ?? c?.orderId ?? h.orderId ?? '-'],
  ];
  if (c) {
    rows.push(
      [t('handoffDesk.card.case'), c.id],
      [t('handoffDesk.card.caseStatus'), t(statusNameKey(c.status))],
      [t('handoffDesk.card.caseReason'), t(reasonKey(c.reason))],
      [t('handoffDesk.card.amount'), formatMoney(c.quote.cash, c.quote.currency)],
      [t('handoffDesk.card.route'), [c.fastTrack ? t(`handoffDesk.card.fastTrack.${c.fastTrack}`) : null, t(`handoffDesk.card.priority.${c.priority}`)].filter(Boolean).join(' · ')],
    );
  } else {
    rows.push([t('handoffDesk.card.case'), t('handoffDesk.card.noCase')]);
  }
  rows.push([t('handoffDesk.card.queuedAt'), formatAt(h.queuedAt, ctx)]);
  return rows;
}

function summarySection(packet: HandoffPacket, ctx: CardContext): Element[] {
  const { t } = ctx;
  const s = packet.summary;
  if (!s.summary) return [];
  const rows: [string, string][] = [];
  if (s.buyerGoal) rows.push([t('handoffDesk.card.goal'), s.buyerGoal]);
  rows.push([t('handoffDesk.card.mood'), t(`handoffDesk.mood.${s.mood}`)]);
  if (s.suggestedNextStep) rows.push([t('handoffDesk.card.next'), s.suggestedNextStep]);
  return [
    container(
      [
        text(t('handoffDesk.card.summary'), { weight: 'Bolder' }),
        text(s.summary),
        facts(rows),
        ...(s.keyFacts.length > 0 ? [text(t('handoffDesk.card.keyFacts'), { weight: 'Bolder', spacing: 'Small' }), text(s.keyFacts.map((f) => `- ${f}`).join('\n'))] : []),
      ],
      { style: 'emphasis', spacing: 'Medium' },
    ),
  ];
}

function messageSection(h: QueuedHandoff, ctx: CardContext): Element[] {
  if (!h.message) return [];
  const files = (h.message.attachments ?? []).map((a, i) => `[${a.name ?? ctx.t('handoffDesk.card.evidenceFile', { n: i + 1 })}](${a.url})`);
  return [
    container(
      [text(ctx.t('handoffDesk.card.message'), { weight: 'Bolder' }), text(h.message.text || '-'), ...(files.length > 0 ? [text(files.join('  '))] : [])],
      { style: 'warning', spacing: 'Medium' },
    ),
  ];
}

function evidenceSection(packet: HandoffPacket, ctx: CardContext): Element[] {
  if (packet.evidence.length === 0) return [];
  const images = packet.evidence.filter((e) => e.kind === 'image');
  const others = packet.evidence.filter((e) => e.kind !== 'image');
  return [
    text(ctx.t('handoffDesk.card.evidence'), { weight: 'Bolder', spacing: 'Medium' }),
    ...(images.length > 0
      ? [{ type: 'ImageSet', imageSize: 'Medium', images: images.map((e) => ({ type: 'Image', url: e.url, altText: e.name ?? e.kind, selectAction: { type: 'Action.OpenUrl', url: e.url } })) }]
      : []),
    ...(others.length > 0 ? [text(others.map((e, i) => `[${e.name ?? ctx.t('handoffDesk.card.evidenceFile', { n: i + 1 })}](${e.url})`).join('  '))] : []),
  ];
}

function botSection(packet: HandoffPacket, ctx: CardContext): Element[] {
  if (packet.botSaid.length === 0) return [];
  return [text(ctx.t('handoffDesk.card.offered'), { weight: 'Bolder', spacing: 'Medium' }), text(packet.botSaid.map((l) => `- ${l}`).join('\n'), { isSubtle: true })];
}

/** The conversation, one line per message: who, when, what (files as links). */
export function transcriptSection(lines: readonly TranscriptLine[], ctx: CardContext, options: Record<string, unknown> = {}): Element {
  const { t } = ctx;
  const rows = lines.map((l) => {
    const files = (l.attachments ?? []).map((a, i) => (a.url.startsWith('http') ? `[${a.name ?? `#${i + 1}`}](${a.url})` : `(${a.name ?? a.contentType ?? `#${i + 1}`})`));
    return text(`**${t(`handoffDesk.from.${l.from}`)}** ${formatAt(l.at, ctx)}: ${[l.text, ...files].filter(Boolean).join(' ')}`, { spacing: 'Small' });
  });
  return container(
    [text(t('handoffDesk.card.transcript', { count: lines.length }), { weight: 'Bolder' }), ...(rows.length > 0 ? rows : [text(t('handoffDesk.card.noTranscript'), { isSubtle: true })])],
    { spacing: 'Medium', ...options },
  );
}
