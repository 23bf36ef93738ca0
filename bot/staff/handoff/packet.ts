import type { HandoffQueue, HandoffSummarizer, QueuedHandoff, TranscriptLine } from '../../../services/handoff';
import { TRANSCRIPT_KEEP, keepLatest } from '../../../services/handoff';
import type { HandoffSummary } from '../../../prompts/handoff-summary';
import type { EvidenceKind, Order, OrderCatalogue, RefundCase, RefundService } from '../../../services/refunds';
import { SYSTEM, isOpen } from '../../../services/refunds';
import type { Lang } from '../../i18n';
import type { Logger } from '../../logger';

// Everything an agent needs to pick a conversation up without asking the buyer again: who, why, the order,
// the case and where the policy put it, the evidence, a summary, what the bot already said and the
// conversation itself.

export interface PacketEvidence {
  url: string;
  kind: EvidenceKind;
  name?: string;
}

export interface HandoffPacket {
  handoff: QueuedHandoff;
  buyerName: string;
  refundCase: RefundCase | null;
  order: Order | null;
  evidence: PacketEvidence[];
  transcript: TranscriptLine[];
  summary: HandoffSummary;
  /** The bot's latest answers: what it already offered. */
  botSaid: string[];
}

export interface PacketDeps {
  refunds: RefundService;
  orders: OrderCatalogue;
  queue: HandoffQueue;
  summarizer: HandoffSummarizer;
  evidenceUrl: (sha256: string) => string;
  log: Logger;
}

const BOT_LINES_SHOWN = 3;
const EVIDENCE_SHOWN = 8;
const MAX_SUMMARIES = 500;

export class PacketBuilder {
  constructor(private readonly deps: PacketDeps) {}

  /** Summaries already written, by handoff and language: a card rebuilt after a take does not ask the model again. */
  private readonly summaries = new Map<string, HandoffSummary>();

  async build(handoff: QueuedHandoff, lang: Lang): Promise<HandoffPacket> {
    const [buyer, refundCase, stored] = await Promise.all([
      this.deps.orders.getBuyer(handoff.buyerId).catch(() => null),
      this.caseOf(handoff),
      this.deps.queue.transcript(handoff.conversationId),
    ]);
    const transcript = keepLatest(merged(stored, handoff.transcript), TRANSCRIPT_KEEP);
    const orderId = refundCase?.orderId ?? handoff.orderId;
    const order = orderId ? await this.deps.orders.getOrder(orderId).catch(() => null) : null;
    const facts = {
      handoffReason: handoff.reason,
      buyerLanguage: handoff.language,
      ...(orderId ? { orderId } : {}),
      ...(refundCase ? { caseId: refundCase.id, caseReason: refundCase.reason } : {}),
    };
    const summary = await this.summaryOf(handoff, lang, () => this.deps.summarizer.summarize({ transcript, facts, agentLanguage: lang }));
    return {
      handoff,
      buyerName: buyer?.name ?? handoff.buyerId,
      refundCase,
      order,
      evidence: (refundCase?.evidence ?? []).slice(0, EVIDENCE_SHOWN).map((e) => ({ url: this.deps.evidenceUrl(e.sha256), kind: e.kind, ...(e.name ? { name: e.name } : {}) })),
      transcript,
      summary: summary ?? emptySummary(handoff),
      botSaid: transcript.filter((l) => l.from === 'bot' && l.text).slice(-BOT_LINES_SHOWN).map((l) => l.text),
    };
  }

  private async summaryOf(handoff: QueuedHandoff, lang: Lang, write: () => Promise<{ summary: HandoffSummary }>): Promise<HandoffSummary | null> {
    const key = `${handoff.id}:${lang}`;
    const cached = this.summaries.get(key);
    if (cached) return cached;
    try {
      const { summary } = await write();
      this.summaries.set(key, summary);
      if (this.summaries.size > MAX_SUMMARIES) this.summaries.delete(this.summaries.keys().next().value!);
      return summary;
    } catch (err) {
      this.deps.log.warn({ err: String(err), handoffId: handoff.id }, 'handoff summary failed');
      return null;
    }
  }

  /** The case the handoff is about; without one, the buyer's case most likely meant (open first, latest first). */
  private async caseOf(handoff: QueuedHandoff): Promise<RefundCase | null> {
    if (handoff.caseId) {
      const found = await this.deps.refunds.getCase(SYSTEM, handoff.caseId);
      return found.ok ? found.value : null;
    }
    const cases = await this.deps.refunds.listCases(SYSTEM, { buyerId: handoff.buyerId, ...(handoff.orderId ? { orderId: handoff.orderId } : {}) });
    const ranked = [...cases].sort((a, b) => Number(isOpen(b.status)) - Number(isOpen(a.status)) || b.updatedAt.localeCompare(a.updatedAt));
    return ranked[0] ?? null;
  }
}

/**
 * The stored transcript with the one the handoff was queued with: the turn that asked for a person writes its
 * own lines only as it ends, so a card drawn meanwhile takes them from the request.
 */
function merged(stored: readonly TranscriptLine[], queued: readonly TranscriptLine[]): TranscriptLine[] {
  const seen = new Set(stored.map(lineKey));
  const missing = queued.filter((l) => !seen.has(lineKey(l)));
  return [...stored, ...missing].map((l, i) => ({ l, i })).sort((a, b) => a.l.at.localeCompare(b.l.at) || a.i - b.i).map(({ l }) => l);
}

function lineKey(l: TranscriptLine): string {
  return `${l.at}|${l.from}|${l.text}`;
}

function emptySummary(handoff: QueuedHandoff): HandoffSummary {
  return {
    summary: '',
    buyerGoal: '',
    orderId: handoff.orderId ?? null,
    caseId: handoff.caseId ?? null,
    reason: null,
    keyFacts: [],
    mood: 'calm',
    suggestedNextStep: '',
    buyerLanguage: handoff.language,
  };
}
