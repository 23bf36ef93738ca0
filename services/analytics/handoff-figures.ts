import type { AuditEntry, RefundCase } from '../refunds';
import { REASONS } from '../refunds';

// Share of cases handed to CS, by refund reason (issue 5, monthly statistics).
//
// The handoff queue keeps only the conversations still waiting, not a history, so the figure is derived from
// the case audit trails: a case was handed to CS when it entered a state where CS acts — `platform_review`
// (the buyer escalated a rejection, platform confirmation stopped it, or CS intervened) or `refund_failed`
// (a definitive payment decline). Conversations waiting for a person now are reported beside it, by the
// handoff queue's own reason codes.

export const HANDOFF_ROUTES = ['escalation', 'confirmation', 'intervention', 'payment_failed'] as const;
export type HandoffRoute = (typeof HANDOFF_ROUTES)[number];

export interface ReasonHandoffs {
  cases: number;
  handedOff: number;
  share: number | null;
}

export interface HandoffFigures {
  /** Cases of the period handed to CS at least once. */
  cases: number;
  share: number | null;
  byReason: Record<string, ReasonHandoffs>;
  /** How cases reached CS (a case may arrive by several routes over its life). */
  byRoute: Record<HandoffRoute, number>;
  /** Conversations queued for a person right now, by the queue's reason code. */
  waitingConversations: { total: number; byReason: Record<string, number> };
}

/** The route of an audit entry that hands the case to CS, or null. */
export function handoffRoute(entry: AuditEntry): HandoffRoute | null {
  if (entry.to === 'refund_failed' && entry.from !== 'refund_failed') return 'payment_failed';
  if (entry.to !== 'platform_review' || entry.from === 'platform_review') return null;
  switch (entry.event) {
    case 'buyer_escalate':
      return 'escalation';
    case 'cs_intervene':
      return 'intervention';
    default:
      // Filing (fast track), merchant approval or the merchant's timeout: platform confirmation stopped it.
      return 'confirmation';
  }
}

export function handoffFigures(
  cases: readonly RefundCase[],
  audits: ReadonlyMap<string, readonly AuditEntry[]>,
  waiting: readonly { reason: string }[],
): HandoffFigures {
  const byReason: Record<string, ReasonHandoffs> = {};
  for (const r of REASONS) byReason[r] = { cases: 0, handedOff: 0, share: null };
  const byRoute = Object.fromEntries(HANDOFF_ROUTES.map((r) => [r, 0])) as Record<HandoffRoute, number>;
  let handed = 0;
  for (const c of cases) {
    const bucket = (byReason[c.reason] ??= { cases: 0, handedOff: 0, share: null });
    bucket.cases++;
    const routes = (audits.get(c.id) ?? []).map(handoffRoute).filter((r): r is HandoffRoute => r !== null);
    for (const r of routes) byRoute[r]++;
    if (routes.length > 0) {
      handed++;
      bucket.handedOff++;
    }
  }
  for (const b of Object.values(byReason)) b.share = b.cases ? b.handedOff / b.cases : null;
  const waitingByReason: Record<string, number> = {};
  for (const w of waiting) waitingByReason[w.reason] = (waitingByReason[w.reason] ?? 0) + 1;
  return {
    cases: handed,
    share: cases.length ? handed / cases.length : null,
    byReason,
    byRoute,
    waitingConversations: { total: waiting.length, byReason: waitingByReason },
  };
}
