import { createHash } from 'node:crypto';
import type { Actor, AuditEntry, CaseStatus, DomainEvent, RefundCase } from './case';
import { nextWakeAt } from './deadlines';
import type { PolicyConfig } from './policy';
import type { CaseStore, CommitResult, IdempotencyRecord } from './ports';

// Turns one change of a case into the single atomic write the store performs: the case with its version bumped,
// the audit entry, the outbox event, the deadline index and (for people's commands) the idempotency record.

export interface Change {
  actor: Actor;
  /** The command or timer event (`merchant_approve`, `notice`, ...). */
  event: string;
  now: Date;
  remark?: string;
  data?: Record<string, unknown>;
  /** Reminders and alerts: which one. */
  notice?: string;
  /** People's commands: the scoped key and the payload's fingerprint; the written case becomes the stored result. */
  idempotency?: { key: string; fingerprint: string };
  orderGuard?: { orderId: string; expectedFilings: number };
}

export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export class CaseWriter {
  constructor(
    private readonly store: CaseStore,
    private readonly policy: PolicyConfig,
  ) {}

  /**
   * Writes `next` (a modified copy of `previous`, or a new case when previous is null). Entering a new status
   * restarts its clock and clears the notices sent in the old one.
   */
  async write(previous: RefundCase | null, next: RefundCase, change: Change): Promise<{ result: CommitResult; written: RefundCase }> {
    const at = change.now.toISOString();
    const from: CaseStatus | null = previous ? previous.status : null;
    const entered = !previous || previous.status !== next.status;
    const written: RefundCase = {
      ...next,
      version: (previous?.version ?? 0) + 1,
      updatedAt: at,
      stateEnteredAt: entered ? at : next.stateEnteredAt,
      notices: entered ? [] : next.notices,
      lastChange: { actor: change.actor, at, event: change.event, from },
    };
    const audit: AuditEntry = {
      at,
      actor: change.actor,
      event: change.event,
      from,
      to: written.status,
      version: written.version,
      ...(change.remark ? { remark: change.remark } : {}),
      ...(change.data ? { data: change.data } : {}),
    };
    const event: DomainEvent = {
      id: `${written.id}:${written.version}`,
      caseId: written.id,
      version: written.version,
      at,
      actor: change.actor,
      type: change.event,
      from,
      to: written.status,
      ...(change.notice ? { notice: change.notice } : {}),
      ...(change.data ? { data: change.data } : {}),
    };
    const result = await this.store.commit({
      next: written,
      expectedVersion: previous?.version ?? 0,
      audit,
      event,
      wakeAt: nextWakeAt(written, this.policy),
      ...(change.idempotency
        ? { idempotency: { key: change.idempotency.key, record: { fingerprint: change.idempotency.fingerprint, result: written } satisfies IdempotencyRecord } }
        : {}),
      ...(change.orderGuard ? { orderGuard: change.orderGuard } : {}),
    });
    return { result, written };
  }
}
