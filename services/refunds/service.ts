import type { Actor, AuditEntry, CaseStatus, RefundCase } from './case';
import { isOpen } from './case';
import { DAY } from './calendar';
import type { Change } from './case-writer';
import { CaseWriter, fingerprint } from './case-writer';
import { scopeQuery, visibility } from './access';
import { applyCommand } from './apply';
import { CommandSchema, FilingRequestSchema } from './commands';
import { scheduleOf } from './deadlines';
import type { FilingRequest } from './eligibility';
import { checkEligibility, takenUnits } from './eligibility';
import { quoteCase } from './money';
import type { Order, Shop } from './order';
import type { CommandOutcome, Result } from './outcomes';
import { fail, ok } from './outcomes';
import type { Decision, PolicyConfig } from './policy';
import { DEFAULT_POLICY, afterConfirmation, fastTrack, isSpecial, platformConfirmation, priorityOf } from './policy';
import type { CaseQuery, CaseStore, Clock, Logistics, OrderCatalogue, PaymentGateway } from './ports';
import type { CaseEvent } from './state-machine';
import { checkTransition } from './state-machine';

export interface RefundServiceDeps {
  store: CaseStore;
  orders: OrderCatalogue;
  payments: PaymentGateway;
  logistics: Logistics;
  clock: Clock;
  policy?: Partial<PolicyConfig>;
}

export interface CommandOptions {
  /** The case version the caller saw (a card drawn at that version): any other version is a conflict. */
  expectedVersion?: number;
}

export interface Preview {
  order: Order;
  request: FilingRequest;
  quote: RefundCase['quote'];
  lines: RefundCase['lines'];
  fastTrack: 'before_shipment' | 'logistics_delay' | null;
  priority: RefundCase['priority'];
  special: boolean;
  /** Where the case would go first. */
  firstStatus: CaseStatus;
  /** When the merchant must answer (pending_merchant only). */
  merchantDeadline: string | null;
}

/** The refund service: every use case of the lifecycle, for every actor. */
export class RefundService {
  readonly policy: PolicyConfig;
  protected readonly writer: CaseWriter;

  constructor(protected readonly deps: RefundServiceDeps) {
    this.policy = { ...DEFAULT_POLICY, ...deps.policy };
    this.writer = new CaseWriter(deps.store, this.policy);
  }

  protected now(): Date {
    return this.deps.clock.now();
  }

  // ---- queries -------------------------------------------------------------------------------------------

  async getCase(actor: Actor, caseId: string): Promise<Result<RefundCase>> {
    const c = await this.deps.store.get(caseId);
    if (!c) return fail({ kind: 'not_found' });
    const seen = visibility(actor, c);
    if (seen === 'hidden') return fail({ kind: 'not_found' });
    if (seen === 'other_shop') return fail({ kind: 'forbidden', reason: 'other_shop' });
    return ok(c);
  }

  async auditTrail(actor: Actor, caseId: string): Promise<Result<AuditEntry[]>> {
    const c = await this.getCase(actor, caseId);
    if (!c.ok) return c;
    return ok(await this.deps.store.audit(caseId));
  }

  async listCases(actor: Actor, query: CaseQuery = {}): Promise<RefundCase[]> {
    const scoped = scopeQuery(actor, query);
    return scoped ? this.deps.store.find(scoped) : [];
  }

  /** Open cases whose current deadline has passed (for CS and operators). */
  async overdueCases(actor: Actor): Promise<RefundCase[]> {
    const now = this.now().getTime();
    const all = await this.listCases(actor);
    return all.filter((c) => {
      if (!isOpen(c.status)) return false;
      const s = scheduleOf(c, this.policy);
      const deadline = s.deadline ?? s.notices.find((n) => n.kind === 'alert')?.at ?? null;
      return deadline !== null && deadline.getTime() < now;
    });
  }

  /** A buyer's orders (newest first); nothing for anyone else. */
  async ordersOfBuyer(actor: Actor): Promise<Order[]> {
    return actor.role === 'buyer' ? this.deps.orders.listOrdersOfBuyer(actor.id) : [];
  }

  /** One of the buyer's orders, or null when unknown or someone else's. */
  async orderOfBuyer(actor: Actor, orderId: string): Promise<Order | null> {
    if (actor.role !== 'buyer') return null;
    const order = await this.deps.orders.getOrder(orderId);
    return order && order.buyerId === actor.id ? order : null;
  }

  async shopOf(shopId: string): Promise<Shop | null> {
    return this.deps.orders.getShop(shopId);
  }

  /** Every case ever filed on an order the actor may see. */
  async casesOfOrder(actor: Actor, orderId: string): Promise<RefundCase[]> {
    return this.listCases(actor, { orderId });
  }

  // ---- filing ---------------------------------------------------------------------------------------------

  /** Runs the automatic review and quotes the request without filing anything (the buyer's confirmation step). */
  async preview(actor: Actor, input: unknown): Promise<Result<Preview>> {
    if (actor.role !== 'buyer') return fail({ kind: 'forbidden', reason: 'not_a_buyer' });
    const parsed = FilingRequestSchema.safeParse(input);
    if (!parsed.success) return fail({ kind: 'invalid_input', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const request = parsed.data as FilingRequest;
    const now = this.now();
    const order = await this.deps.orders.getOrder(request.orderId);
    const orderCases = order && order.buyerId === actor.id ? await this.deps.store.find({ orderId: order.id }) : [];
    const eligibility = checkEligibility({ order, buyerId: actor.id, request, orderCases, now, policy: this.policy });
    if (!eligibility.ok) return fail({ kind: 'refused', refusals: eligibility.refusals });
    const o = order as Order;
    const quote = quoteCase({ order: o, lines: eligibility.lines, type: request.type, reason: request.reason, otherUnits: takenUnits(orderCases) });
    const tracking = request.reason === 'logistics_delay' ? await this.deps.logistics.orderTracking(o) : null;
    const fast = fastTrack(request.type, request.reason, o, tracking, now, this.policy);
    const special = isSpecial(request.type, request.reason, quote.cash, this.policy);
    let firstStatus: CaseStatus = 'pending_merchant';
    if (fast.value) {
      const confirmation = await this.confirmationFor(actor.id, quote.cash, null);
      firstStatus = confirmation.value ? afterConfirmation({ type: request.type }) : 'platform_review';
    }
    const hours = special.value ? this.policy.merchantSpecialHours : this.policy.merchantHours;
    return ok({
      order: o,
      request,
      quote,
      lines: eligibility.lines,
      fastTrack: fast.value,
      priority: priorityOf(request.reason),
      special: special.value,
      firstStatus,
      merchantDeadline: firstStatus === 'pending_merchant' ? new Date(now.getTime() + hours * 3_600_000).toISOString() : null,
    });
  }

  /** Files a refund request: automatic review, routing, platform confirmation for fast-tracked cases. */
  async file(actor: Actor, input: unknown, idempotencyKey: string): Promise<CommandOutcome> {
    if (actor.role !== 'buyer') return fail({ kind: 'forbidden', reason: 'not_a_buyer' });
    const orderId = typeof (input as { orderId?: unknown })?.orderId === 'string' ? (input as { orderId: string }).orderId : '';
    const key = `buyer:${actor.id}:order:${orderId}:file:${idempotencyKey}`;
    const print = fingerprint(input);
    for (let attempt = 0; attempt < 5; attempt++) {
      const replay = await this.replay(key, print);
      if (replay) return replay;
      const filings = await this.deps.store.filingsOnOrder(orderId);
      const preview = await this.preview(actor, input);
      if (!preview.ok) return preview;
      const p = preview.value;
      const now = this.now();
      let interceptionFailed = false;
      if (p.fastTrack === 'before_shipment') interceptionFailed = !(await this.deps.orders.markDoNotShip(p.order.id));
      const number = await this.deps.store.nextCaseNumber();
      const at = now.toISOString();
      const draft: RefundCase = {
        id: `RD-${String(number).padStart(6, '0')}`,
        version: 0,
        orderId: p.order.id,
        buyerId: actor.id,
        shopId: p.order.shopId,
        type: p.request.type,
        reason: p.request.reason,
        description: p.request.description,
        lines: p.lines,
        evidence: p.request.evidence,
        status: p.firstStatus,
        priority: p.priority,
        special: p.special,
        paymentMethod: p.order.paymentMethod,
        quote: p.quote,
        createdAt: at,
        updatedAt: at,
        stateEnteredAt: at,
        notices: [],
        resubmissions: 0,
        evidenceRequests: [],
        expired: [],
        paymentFailures: 0,
        lastChange: { actor, at, event: 'file' },
        ...(p.fastTrack ? { fastTrack: p.fastTrack } : {}),
        ...(interceptionFailed ? { interceptionFailed } : {}),
      };
      const { result, written } = await this.writer.write(null, draft, {
        actor,
        event: 'file',
        now,
        data: { fastTrack: p.fastTrack, priority: p.priority, special: p.special, cash: p.quote.cash, ...(interceptionFailed ? { interceptionFailed } : {}) },
        idempotency: { key, fingerprint: print },
        orderGuard: { orderId: p.order.id, expectedFilings: filings },
      });
      if (result.ok) return ok({ case: written, replayed: false });
      if (result.kind === 'duplicate_key') return this.replayRecord(result.record, print);
      // Another filing on the same order won the race: review again against the cases as they are now.
    }
    throw new Error(`filing on ${orderId} kept racing with other filings`);
  }

  // ---- commands on a case -----------------------------------------------------------------------------------

  /** Runs a person's command on a case: permission, state machine, compare-and-set, idempotency. */
  async execute(actor: Actor, caseId: string, input: unknown, idempotencyKey: string, options: CommandOptions = {}): Promise<CommandOutcome> {
    const parsed = CommandSchema.safeParse(input);
    if (!parsed.success) return fail({ kind: 'invalid_input', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const command = parsed.data;
    const key = `${actor.role}:${actor.id}:case:${caseId}:${command.kind}:${idempotencyKey}`;
    const print = fingerprint(command);

    for (let attempt = 0; attempt < 5; attempt++) {
      const replay = await this.replay(key, print);
      if (replay) return replay;
      const loaded = await this.getCase(actor, caseId);
      if (!loaded.ok) return loaded;
      const c = loaded.value;
      if (options.expectedVersion !== undefined && options.expectedVersion !== c.version) return fail(conflictOf(c));
      const check = checkTransition(c.status, command.kind, actor.role);
      if (!check.ok) {
        if (check.kind === 'forbidden') return fail({ kind: 'forbidden', reason: 'role_not_allowed' });
        // The command fitted the state the case was in until someone else moved it: the caller lost a race.
        if (lostRace(c, command.kind, actor)) return fail(conflictOf(c));
        return fail({ kind: 'invalid_state', status: c.status, command: command.kind });
      }
      const now = this.now();
      const confirmation = check.to === 'confirmation' ? await this.confirmationFor(c.buyerId, c.quote.cash, c.id) : undefined;
      const shop = command.kind === 'merchant_approve' && c.type !== 'refund_only' ? await this.deps.orders.getShop(c.shopId) : null;
      const applied = applyCommand(c, command, {
        actor,
        now,
        target: check.to,
        ...(confirmation ? { confirmation } : {}),
        ...(shop ? { shopReturnAddress: shop.returnAddress } : {}),
      });
      if (!applied.ok) return fail({ kind: 'invalid_input', issues: applied.issues });
      if (command.kind === 'return_shipped') {
        await this.deps.logistics.registerReturn(command.carrier, command.trackingNumber, now);
      }
      const change: Change = {
        actor,
        event: command.kind,
        now,
        idempotency: { key, fingerprint: print },
        ...(applied.remark ? { remark: applied.remark } : {}),
        ...(applied.data ? { data: applied.data } : {}),
      };
      const { result, written } = await this.writer.write(c, applied.next, change);
      if (result.ok) return ok({ case: written, replayed: false });
      if (result.kind === 'duplicate_key') return this.replayRecord(result.record, print);
      if (result.kind === 'order_conflict') throw new Error('order guard on a case command');
      const current = result.current;
      if (!current) return fail({ kind: 'not_found' });
      // A reminder or alert written in between does not decide anything: run the command again on the fresh case.
      if (options.expectedVersion === undefined && current.status === c.status && current.lastChange.event === 'notice') continue;
      return fail(conflictOf(current));
    }
    const current = await this.deps.store.get(caseId);
    return current ? fail(conflictOf(current)) : fail({ kind: 'not_found' });
  }

  // ---- shared pieces ------------------------------------------------------------------------------------------

  /** Platform confirmation with the buyer's standing looked up (flag and recent cases, this one excluded). */
  async confirmationFor(buyerId: string, amount: number, caseId: string | null): Promise<Decision<boolean>> {
    const now = this.now();
    const buyer = await this.deps.orders.getBuyer(buyerId);
    const recent = await this.deps.store.find({
      buyerId,
      createdFrom: new Date(now.getTime() - this.policy.flagWindowDays * DAY),
      createdTo: new Date(now.getTime() + 1),
    });
    return platformConfirmation(amount, buyer?.flagged ?? false, recent.filter((r) => r.id !== caseId).length, this.policy);
  }

  private async replay(key: string, print: string): Promise<CommandOutcome | null> {
    const record = await this.deps.store.getIdempotency(key);
    return record ? this.replayRecord(record, print) : null;
  }

  private replayRecord(record: { fingerprint: string; result: unknown }, print: string): CommandOutcome {
    if (record.fingerprint !== print) return fail({ kind: 'key_reused' });
    return ok({ case: record.result as RefundCase, replayed: true });
  }
}

function lostRace(c: RefundCase, kind: CaseEvent, actor: Actor): boolean {
  const before = c.lastChange.from;
  if (!before || c.lastChange.actor.id === actor.id) return false;
  return checkTransition(before, kind, actor.role).ok;
}

export function conflictOf(c: RefundCase): { kind: 'conflict'; status: CaseStatus; by: Actor; at: string; event: string; version: number } {
  return { kind: 'conflict', status: c.status, by: c.lastChange.actor, at: c.lastChange.at, event: c.lastChange.event, version: c.version };
}
