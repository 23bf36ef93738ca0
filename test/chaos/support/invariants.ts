import type { AuditEntry, DomainEvent, RefundCase } from '../../../services/refunds';
import { RedisGatewayLedger } from '../../../services/payments';
import type { LedgerRow } from '../../../services/payments';
import { storeKeys } from '../../../services/store/keys';
import type { RedisCommandSender } from '../../../services/store';

// What must hold after any crash, restart or race, read straight from Redis (DESIGN.md §2 "Every change is safe to
// repeat and to race"): versions contiguous with one audit entry and one outbox event per version, statuses
// chained, no order with more cases than were filed on it, and no case paid twice (the gateway's ledger judges).

export interface WorldSnapshot {
  cases: RefundCase[];
  audits: Map<string, AuditEntry[]>;
  events: DomainEvent[];
  ledger: LedgerRow[];
}

export async function snapshot(client: RedisCommandSender, prefix: string): Promise<WorldSnapshot> {
  const keys = storeKeys(prefix);
  const ids = await client.sendCommand<string[]>(['ZRANGE', keys.byCreated, '0', '-1']);
  const docs = ids.length ? await client.sendCommand<(string | null)[]>(['MGET', ...ids.map((id) => keys.caseDoc(id))]) : [];
  const cases = docs.filter((d): d is string => d !== null).map((d) => JSON.parse(d) as RefundCase);
  const audits = new Map<string, AuditEntry[]>();
  for (const c of cases) {
    const raw = await client.sendCommand<string[]>(['LRANGE', keys.audit(c.id), '0', '-1']);
    audits.set(c.id, raw.map((e) => JSON.parse(e) as AuditEntry));
  }
  const entries = await client.sendCommand<[string, string[]][]>(['XRANGE', keys.outbox, '-', '+']);
  const events = entries.map(([, fields]) => JSON.parse(fields[fields.indexOf('event') + 1]!) as DomainEvent);
  const ledger = await new RedisGatewayLedger({ client, prefix }).rows();
  return { cases, audits, events, ledger };
}

export interface Expectations {
  /** Cases the test knows were filed (an answer said so): each must exist. */
  filed?: Iterable<string>;
  /** At most this many cases per order (default 1: the runs file once per order). */
  maxCasesPerOrder?: number;
  /** Payments must have settled: every case with money moved is refunded, none is still paying. */
  settled?: boolean;
}

/** Every broken rule, as readable lines; empty when all hold. */
export function violations(w: WorldSnapshot, expect: Expectations = {}): string[] {
  const out: string[] = [];
  const byId = new Map(w.cases.map((c) => [c.id, c]));
  for (const id of expect.filed ?? []) if (!byId.has(id)) out.push(`${id}: answered as filed, but there is no such case`);

  const perOrder = new Map<string, string[]>();
  for (const c of w.cases) perOrder.set(c.orderId, [...(perOrder.get(c.orderId) ?? []), c.id]);
  for (const [orderId, ids] of perOrder) {
    if (ids.length > (expect.maxCasesPerOrder ?? 1)) out.push(`${orderId}: ${ids.length} cases (${ids.join(', ')})`);
  }

  const eventsOf = new Map<string, DomainEvent[]>();
  for (const e of w.events) eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e]);
  for (const c of w.cases) {
    const trail = w.audits.get(c.id) ?? [];
    if (trail.length !== c.version) out.push(`${c.id}: version ${c.version} but ${trail.length} audit entries`);
    trail.forEach((entry, i) => {
      if (entry.version !== i + 1) out.push(`${c.id}: audit entry ${i + 1} has version ${entry.version}`);
      const before = i === 0 ? null : trail[i - 1]!.to;
      if (entry.from !== before) out.push(`${c.id}: audit v${entry.version} goes from ${entry.from}, the case was ${before}`);
    });
    if (trail.length && trail[trail.length - 1]!.to !== c.status) out.push(`${c.id}: status ${c.status}, last audit entry says ${trail[trail.length - 1]!.to}`);
    const versions = (eventsOf.get(c.id) ?? []).map((e) => e.version);
    const expected = Array.from({ length: c.version }, (_, i) => i + 1);
    if (versions.join(',') !== expected.join(',')) out.push(`${c.id}: outbox versions [${versions.join(',')}], expected [${expected.join(',')}]`);
    // No deadline fires twice: each notice once per stay in a state (entering a state restarts its clock).
    let sent = new Set<string>();
    for (const e of [...(eventsOf.get(c.id) ?? [])].sort((a, b) => a.version - b.version)) {
      if (e.from !== e.to) sent = new Set();
      if (e.type !== 'notice' || !e.notice) continue;
      if (sent.has(e.notice)) out.push(`${c.id}: notice ${e.notice} fired twice (v${e.version})`);
      sent.add(e.notice);
    }
    for (const expiry of ['merchant_timeout', 'rejection_window_expired', 'return_window_expired', 'inspection_timeout']) {
      if (trail.filter((e) => e.event === expiry).length > 1) out.push(`${c.id}: ${expiry} fired twice`);
    }
  }
  for (const e of w.events) if (!byId.has(e.caseId)) out.push(`event ${e.id} of a case that does not exist`);

  const rowsOf = new Map<string, LedgerRow[]>();
  for (const r of w.ledger) rowsOf.set(r.caseId, [...(rowsOf.get(r.caseId) ?? []), r]);
  for (const [caseId, rows] of rowsOf) {
    if (rows.length > 1) out.push(`${caseId}: PAID ${rows.length} TIMES (${rows.map((r) => `${r.key} ${r.amount}`).join('; ')})`);
    const c = byId.get(caseId);
    if (!c) {
      out.push(`${caseId}: paid, but there is no such case`);
      continue;
    }
    const row = rows[0]!;
    if (c.payment && c.payment.key === row.key && c.payment.amount !== row.amount) out.push(`${caseId}: paid ${row.amount}, the case says ${c.payment.amount}`);
    if (expect.settled && c.status !== 'refunded') out.push(`${caseId}: money moved but the case is ${c.status}`);
  }
  for (const c of w.cases) {
    if (c.status === 'refunded' && c.payment?.status === 'confirmed' && !c.payment.offlineVoucher && !rowsOf.has(c.id)) out.push(`${c.id}: refunded, but the gateway never paid it`);
    if (expect.settled && (c.status === 'refund_pending' || c.status === 'refunding')) out.push(`${c.id}: still ${c.status}`);
  }
  return out;
}
