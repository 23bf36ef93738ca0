import type { Clock, PaymentGateway, PaymentReply, PaymentRequest } from '../refunds/ports';
import type { GatewayLedger, LedgerOutcome, LedgerProposal } from './redis-gateway-ledger';

// A payment gateway that behaves like the real ones where it matters to the refund rules: at most one
// payment per idempotency key, replies that may be lost, declines that stick, confirmations that lag. It
// keeps a ledger of what it really paid, which is what tests judge "no case is ever paid twice" by.

export interface SimulatedGatewayOptions {
  clock: Clock;
  /** Share of fresh submissions answered 'transient' without paying (timeouts, 5xx). */
  failureRate?: number;
  /** Share of fresh submissions declined for good. */
  declineRate?: number;
  /** Real (wall-clock) delay of every call, to exercise callers' timeouts and races. */
  latencyMs?: number;
  /** 0: a payment is confirmed in the reply. More: the reply is 'accepted' and status() confirms it after this long. */
  confirmAfterMs?: number;
  random?: () => number;
  /**
   * Keeps requests, outcomes and the ledger there instead of in this object, so they outlive the process (a
   * RedisGatewayLedger). Then ledger(), paidTwice() and confirm() are read and done on the ledger itself.
   */
  ledger?: GatewayLedger;
}

/** What the next submit of a key answers, overriding chance. */
export type ScriptedReply =
  | 'transient'
  /** Pays, then the reply is lost on the way back: the caller sees 'transient' and will retry. */
  | 'paid_reply_lost'
  | 'accepted'
  /** Accepted, and stays unconfirmed until confirm(key) is called. */
  | 'accepted_unconfirmed'
  | 'confirmed'
  | 'declined'
  | { kind: 'declined'; code: string; message?: string };

export interface LedgerRow {
  key: string;
  caseId: string;
  amount: number;
  pointsRestored: number;
  /** ISO time the money moved. */
  at: string;
  reference: string;
}

type Outcome =
  | { kind: 'paid'; reference: string; at: Date; confirmAt: number | null }
  | { kind: 'declined'; code: string; message?: string };

export class SimulatedGateway implements PaymentGateway {
  private readonly clock: Clock;
  private readonly failureRate: number;
  private readonly declineRate: number;
  private readonly latencyMs: number;
  private readonly confirmAfterMs: number;
  private readonly random: () => number;
  private readonly external: GatewayLedger | undefined;

  /** Every key ever submitted, with its first request: a key reused for another payment is a caller bug. */
  private readonly requests = new Map<string, PaymentRequest>();
  private readonly outcomes = new Map<string, Outcome>();
  private readonly scripts = new Map<string, ScriptedReply[]>();
  private readonly rows: LedgerRow[] = [];
  private sequence = 0;

  constructor(options: SimulatedGatewayOptions) {
    this.clock = options.clock;
    this.failureRate = rate(options.failureRate ?? 0, 'failureRate');
    this.declineRate = rate(options.declineRate ?? 0, 'declineRate');
    if (this.failureRate + this.declineRate > 1) throw new RangeError('failureRate + declineRate must be at most 1');
    this.latencyMs = options.latencyMs ?? 0;
    this.confirmAfterMs = options.confirmAfterMs ?? 0;
    this.random = options.random ?? Math.random;
    this.external = options.ledger;
  }

  async submit(request: PaymentRequest): Promise<PaymentReply> {
    await this.latency();
    // From here on nothing awaits: concurrent submits of one key cannot both see it unpaid.
    checkRequest(request);
    if (this.external) return this.submitToLedger(this.external, request);
    const first = this.requests.get(request.key);
    if (first && !samePayment(first, request)) {
      throw new Error(`payment key ${request.key} reused for a different payment (case ${first.caseId} -> ${request.caseId})`);
    }
    if (!first) this.requests.set(request.key, { ...request });

    const scripted = this.scripts.get(request.key)?.shift();
    if (scripted === 'transient') return transient('simulated gateway timeout');
    const known = this.outcomes.get(request.key);
    if (known) {
      // Idempotency: the first outcome stands whatever was scripted or drawn after it.
      if (scripted === 'paid_reply_lost') return transient('simulated reply lost');
      return this.reply(known);
    }
    if (scripted !== undefined) return this.play(request, scripted);

    const draw = this.random();
    if (draw < this.failureRate) return transient('simulated gateway timeout');
    if (draw < this.failureRate + this.declineRate) return this.decline(request.key, 'simulated_decline', 'the payee account cannot receive funds');
    return this.reply(this.pay(request, this.confirmAfterMs));
  }

  async status(key: string): Promise<PaymentReply | { kind: 'unknown' }> {
    await this.latency();
    if (this.external) {
      const stored = await this.external.outcome(key);
      return stored ? this.reply(fromLedger(stored)) : { kind: 'unknown' };
    }
    const known = this.outcomes.get(key);
    return known ? this.reply(known) : { kind: 'unknown' };
  }

  /** Forces the next replies to submits of `key`, in order; afterwards chance decides again. */
  script(key: string, replies: ScriptedReply[]): void {
    this.scripts.set(key, [...(this.scripts.get(key) ?? []), ...replies]);
  }

  /** Confirms an accepted payment now (for 'accepted_unconfirmed', or to skip the wait). */
  confirm(key: string): void {
    if (this.external) throw new Error('confirm: this gateway keeps its ledger elsewhere; confirm on the ledger');
    const known = this.outcomes.get(key);
    if (known?.kind !== 'paid') throw new Error(`confirm: no payment under key ${key}`);
    if (known.confirmAt === null || known.confirmAt > this.clock.now().getTime()) known.confirmAt = this.clock.now().getTime();
  }

  /** One row per real payment, oldest first. */
  ledger(): LedgerRow[] {
    if (this.external) throw new Error('ledger: this gateway keeps its ledger elsewhere; read the ledger');
    return this.rows.map((row) => ({ ...row }));
  }

  /** Case ids paid more than once, across keys. Must stay empty. */
  paidTwice(): string[] {
    const count = new Map<string, number>();
    for (const row of this.ledger()) count.set(row.caseId, (count.get(row.caseId) ?? 0) + 1);
    return [...count].filter(([, n]) => n > 1).map(([caseId]) => caseId);
  }

  /** The same rules as the in-memory path, with the check-and-pay done atomically by the ledger. */
  private async submitToLedger(ledger: GatewayLedger, request: PaymentRequest): Promise<PaymentReply> {
    const scripted = this.scripts.get(request.key)?.shift();
    const proposal = scripted === 'transient' ? null : scripted !== undefined ? this.proposalOf(scripted) : this.draw();
    const settled = await ledger.settle(request, proposal, this.clock.now());
    if (settled.reusedBy) {
      throw new Error(`payment key ${request.key} reused for a different payment (case ${settled.reusedBy.caseId} -> ${request.caseId})`);
    }
    if (scripted === 'transient') return transient('simulated gateway timeout');
    if (scripted === 'paid_reply_lost') return transient('simulated reply lost');
    return settled.outcome ? this.reply(fromLedger(settled.outcome)) : transient('simulated gateway timeout');
  }

  private proposalOf(scripted: Exclude<ScriptedReply, 'transient'>): LedgerProposal {
    if (typeof scripted === 'object') return { kind: 'decline', code: scripted.code, ...(scripted.message !== undefined ? { message: scripted.message } : {}) };
    switch (scripted) {
      case 'paid_reply_lost':
        return { kind: 'pay', confirmAfterMs: this.confirmAfterMs };
      case 'accepted':
        return { kind: 'pay', confirmAfterMs: Math.max(this.confirmAfterMs, 1) };
      case 'accepted_unconfirmed':
        return { kind: 'pay', confirmAfterMs: null };
      case 'confirmed':
        return { kind: 'pay', confirmAfterMs: 0 };
      case 'declined':
        return { kind: 'decline', code: 'simulated_decline', message: 'the payee account cannot receive funds' };
      default: {
        const unreachable: never = scripted;
        throw new Error(`unknown scripted reply ${String(unreachable)}`);
      }
    }
  }

  private draw(): LedgerProposal {
    const draw = this.random();
    if (draw < this.failureRate) return null;
    if (draw < this.failureRate + this.declineRate) return { kind: 'decline', code: 'simulated_decline', message: 'the payee account cannot receive funds' };
    return { kind: 'pay', confirmAfterMs: this.confirmAfterMs };
  }

  private play(request: PaymentRequest, scripted: Exclude<ScriptedReply, 'transient'>): PaymentReply {
    if (typeof scripted === 'object') return this.decline(request.key, scripted.code, scripted.message);
    switch (scripted) {
      case 'paid_reply_lost':
        this.pay(request, this.confirmAfterMs);
        return transient('simulated reply lost');
      case 'accepted':
        return this.reply(this.pay(request, Math.max(this.confirmAfterMs, 1)));
      case 'accepted_unconfirmed':
        return this.reply(this.pay(request, null));
      case 'confirmed':
        return this.reply(this.pay(request, 0));
      case 'declined':
        return this.decline(request.key, 'simulated_decline', 'the payee account cannot receive funds');
      default: {
        const unreachable: never = scripted;
        throw new Error(`unknown scripted reply ${String(unreachable)}`);
      }
    }
  }

  /** Moves the money: the only place a ledger row is written. `confirmAfter` null: until confirm(). */
  private pay(request: PaymentRequest, confirmAfter: number | null): Outcome {
    const at = this.clock.now();
    const reference = `SIM-${String(++this.sequence).padStart(8, '0')}`;
    const outcome: Outcome = { kind: 'paid', reference, at, confirmAt: confirmAfter === null ? null : at.getTime() + confirmAfter };
    this.outcomes.set(request.key, outcome);
    this.rows.push({ key: request.key, caseId: request.caseId, amount: request.amount, pointsRestored: request.pointsRestored, at: at.toISOString(), reference });
    return outcome;
  }

  private decline(key: string, code: string, message?: string): PaymentReply {
    const outcome: Outcome = { kind: 'declined', code, ...(message !== undefined ? { message } : {}) };
    this.outcomes.set(key, outcome);
    return this.reply(outcome);
  }

  private reply(outcome: Outcome): PaymentReply {
    switch (outcome.kind) {
      case 'declined':
        return { kind: 'declined', code: outcome.code, ...(outcome.message !== undefined ? { message: outcome.message } : {}) };
      case 'paid': {
        const confirmed = outcome.confirmAt !== null && this.clock.now().getTime() >= outcome.confirmAt;
        return { kind: confirmed ? 'confirmed' : 'accepted', reference: outcome.reference };
      }
      default: {
        const unreachable: never = outcome;
        throw new Error(`unknown outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }

  private async latency(): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
  }
}

function fromLedger(stored: LedgerOutcome): Outcome {
  return stored.kind === 'paid' ? { kind: 'paid', reference: stored.reference, at: new Date(stored.at), confirmAt: stored.confirmAt } : stored;
}

function transient(message: string): PaymentReply {
  return { kind: 'transient', message };
}

function rate(value: number, name: string): number {
  if (!(value >= 0 && value <= 1)) throw new RangeError(`${name} must be within [0, 1], got ${value}`);
  return value;
}

function checkRequest(request: PaymentRequest): void {
  for (const field of ['amount', 'pointsRestored'] as const) {
    const value = request[field];
    if (!Number.isSafeInteger(value) || value < 0) throw new Error(`payment ${request.key}: ${field} must be a non-negative integer, got ${value}`);
  }
  if (!request.key) throw new Error('payment request without an idempotency key');
}

function samePayment(a: PaymentRequest, b: PaymentRequest): boolean {
  return (
    a.caseId === b.caseId &&
    a.orderId === b.orderId &&
    a.buyerId === b.buyerId &&
    a.currency === b.currency &&
    a.amount === b.amount &&
    a.pointsRestored === b.pointsRestored &&
    a.method === b.method
  );
}
